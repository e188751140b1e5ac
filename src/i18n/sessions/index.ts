import type { Language } from '../../domain/language.ts';
import { en, type SessionMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, SessionMessages> = { fr, nl, en };

export function sessionMessages(language: Language): SessionMessages {
  return catalogues[language];
}

export type { SessionMessages };
