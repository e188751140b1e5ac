import type { Language } from '../../domain/language.ts';
import { en, type OptOutMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, OptOutMessages> = { fr, nl, en };

export function optOutMessages(language: Language): OptOutMessages {
  return catalogues[language];
}
