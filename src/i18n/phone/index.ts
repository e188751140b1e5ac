import type { Language } from '../../domain/language.ts';
import { en, type PhoneMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, PhoneMessages> = { fr, nl, en };

export function phoneMessages(language: Language): PhoneMessages {
  return catalogues[language];
}
