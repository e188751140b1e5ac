import * as v from 'valibot';
import { CleanText } from '../lib/schemas.ts';

/** The three interface languages of Brussels' social-health sector. */
export const LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LanguageSchema = v.picklist(LANGUAGES);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text in the three languages; French is required because the series are run in French. */
export const LocalizedTextSchema = v.object({
  fr: v.pipe(CleanText(), v.minLength(1), v.maxLength(500)),
  nl: v.optional(v.pipe(CleanText(), v.maxLength(500))),
  en: v.optional(v.pipe(CleanText(), v.maxLength(500))),
});
export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;

/** The text in the wanted language, falling back to French (always present). */
export function localize(text: LocalizedText, language: Language): string {
  return text[language] || text.fr;
}

/** A label stored in three columns (`label_fr`, `label_nl`, `label_en`: a theme's), as one localized text. */
export function themeLabel(t: { label_fr: string; label_nl: string | null; label_en: string | null }): LocalizedText {
  return { fr: t.label_fr, ...(t.label_nl ? { nl: t.label_nl } : {}), ...(t.label_en ? { en: t.label_en } : {}) };
}
