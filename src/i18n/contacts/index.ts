import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { ContactsMessages } from './en.ts';

export function contactsMessages(language: Language): ContactsMessages {
  return catalogue(language).contacts;
}

export type { ContactsMessages };
