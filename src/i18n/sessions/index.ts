import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { SessionMessages } from './en.ts';

export function sessionMessages(language: Language): SessionMessages {
  return catalogue(language).sessions;
}

export type { SessionMessages };
