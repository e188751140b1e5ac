import type { Language } from '../../domain/language.ts';
import { en, type MinutesMessages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, MinutesMessages> = { fr, nl, en };

export function minutesMessages(language: Language): MinutesMessages {
  return catalogues[language];
}

export type { MinutesMessages };
