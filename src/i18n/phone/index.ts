import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { PhoneMessages } from './en.ts';

export function phoneMessages(language: Language): PhoneMessages {
  return catalogue(language).phone;
}
