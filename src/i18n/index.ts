import { isLanguage, type Language } from '../domain/language.ts';
import { catalogue } from './catalogue.ts';
import type { Messages } from './en.ts';

/** The participant pages' messages (src/i18n/<language>.ts), from the loaded catalogues (catalogue.ts). */
export function messages(language: Language): Messages {
  return catalogue(language).main;
}

export type { Messages };

/** The first of fr/nl/en named in an Accept-Language header, for pages without an invitation. */
export function languageFromHeader(header: string | undefined, fallback: Language = 'fr'): Language {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return fallback;
}

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** Dates as a Brussels reader expects them, whatever the server's time zone. */
/** The time of day in Brussels ("15:30"), for the end of a session. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language, withTime = true): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'full',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}
