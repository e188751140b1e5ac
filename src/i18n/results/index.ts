import type { Language } from '../../domain/language.ts';
import { en, type ResultsMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, ResultsMessages> = { fr, nl, en };

export function resultsMessages(language: Language): ResultsMessages {
  return catalogues[language];
}

export type { ResultsMessages };
