import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { ResultsMessages } from './en.ts';

export function resultsMessages(language: Language): ResultsMessages {
  return catalogue(language).results;
}

export type { ResultsMessages };
