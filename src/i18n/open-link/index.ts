import type { Language } from '../../domain/language.ts';
import { catalogue } from '../catalogue.ts';
import type { OpenLinkMessages, OpenLinkRefusal } from './en.ts';

export function openLinkMessages(language: Language): OpenLinkMessages {
  return catalogue(language)['open-link'];
}

export type { OpenLinkMessages, OpenLinkRefusal };
