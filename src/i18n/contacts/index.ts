import type { Language } from '../../domain/language.ts';
import { type ContactsMessages, en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, ContactsMessages> = { fr, nl, en };

export function contactsMessages(language: Language): ContactsMessages {
  return catalogues[language];
}

export type { ContactsMessages };
