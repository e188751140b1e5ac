import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { MinutesMessages } from './en.ts';

export function minutesMessages(language: Language): MinutesMessages {
  return catalogue(language).minutes;
}

export type { MinutesMessages };
