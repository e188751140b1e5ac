import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { EmailMessages } from './en.ts';

export function emailMessages(language: Language): EmailMessages {
  return catalogue(language).email;
}
