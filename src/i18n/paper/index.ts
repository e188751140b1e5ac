import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { PaperMessages } from './en.ts';

export function paperMessages(language: Language): PaperMessages {
  return catalogue(language).paper;
}

export type { PaperMessages };
