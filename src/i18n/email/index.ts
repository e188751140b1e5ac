import type { Language } from '../../domain/language.ts';
import { type EmailMessages, en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, EmailMessages> = { fr, nl, en };

export function emailMessages(language: Language): EmailMessages {
  return catalogues[language];
}
