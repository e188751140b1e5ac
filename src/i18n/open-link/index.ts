import type { Language } from '../../domain/language.ts';
import { en, type OpenLinkMessages, type OpenLinkRefusal } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues: Record<Language, OpenLinkMessages> = { fr, nl, en };

export function openLinkMessages(language: Language): OpenLinkMessages {
  return catalogues[language];
}

export type { OpenLinkMessages, OpenLinkRefusal };
