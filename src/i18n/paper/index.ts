import type { Language } from '../../domain/language.ts';
import { en, type PaperMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, PaperMessages> = { fr, nl, en };

export function paperMessages(language: Language): PaperMessages {
  return catalogues[language];
}

export type { PaperMessages };
