/** The open link's payloads: the coordinator's settings (JSON) and the visitor's form. */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { CleanText } from '../lib/schemas.ts';

/** Far above any meeting room; only there to refuse nonsense. */
export const MAX_CAP = 10_000;

/** `cap` omitted keeps the current one; `null` removes it. */
export const OpenLinkSettingsSchema = v.strictObject({
  enabled: v.boolean(),
  cap: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CAP)))),
});
export type OpenLinkSettings = v.InferOutput<typeof OpenLinkSettingsSchema>;

/** The same settings from the workspace's HTML form: a checkbox, and a cap left empty for none. */
export const OpenLinkFormSchema = v.object({
  enabled: v.pipe(
    v.optional(v.string(), ''),
    v.transform((value) => value !== ''),
  ),
  cap: v.pipe(
    v.optional(v.string(), ''),
    v.trim(),
    v.check((value) => value === '' || (/^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_CAP), 'cap'),
    v.transform((value) => (value === '' ? null : Number(value))),
  ),
});

/** What the API answers about a survey's open link (documented by the routes' contracts). */
export const OpenLinkSchema = RELAIS_DOCS
  ? v.object({
      url: v.nullable(v.string()),
      slug: v.nullable(v.string()),
      enabled: v.boolean(),
      cap: v.nullable(v.number()),
      joined: v.number(),
      places_left: v.nullable(v.number()),
    })
  : (undefined as never);

/**
 * The visitor's form. Messages are keys of the catalogue (src/i18n/open-link), so the page
 * says them in the visitor's language; the Turnstile token is checked apart (it is not input).
 */
export const JoinFormSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.nonEmpty('required'), v.maxLength(254, 'tooLong'), v.email('email')),
  name: v.pipe(CleanText({ message: 'characters' }), v.maxLength(200, 'tooLong')),
  organisation: v.pipe(CleanText({ message: 'characters' }), v.maxLength(200, 'tooLong')),
  language: v.picklist(LanguageSchema.options, 'language'),
});
export type JoinForm = v.InferOutput<typeof JoinFormSchema>;
