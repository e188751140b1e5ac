import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { OptOutMessages } from './en.ts';

export function optOutMessages(language: Language): OptOutMessages {
  return catalogue(language)['opt-out'];
}
