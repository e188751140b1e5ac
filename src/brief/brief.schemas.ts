/** Payloads of the coordinator's words in a brief (PUT /api/sessions/:id/brief/sections/:section). */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { CleanText, CountSchema, InstantSchema } from '../lib/schemas.ts';
import { MINUTES_SECTIONS } from './brief.ts';

export const MAX_SECTION_TEXT = 5000;

export const BriefSectionParamSchema = v.picklist(MINUTES_SECTIONS, `expected one of ${MINUTES_SECTIONS.join(', ')}`);

/** The text of one section: paragraphs and "- " bullet lists; empty clears it (a new version too). */
export const BriefSectionSchema = v.strictObject({
  text: v.pipe(CleanText({ multiline: true }), v.maxLength(MAX_SECTION_TEXT)),
  /** The language the text is written in; the series' language when omitted. */
  language: v.optional(LanguageSchema),
});

export const BriefTextResponseSchema = RELAIS_DOCS
  ? v.object({
      section: BriefSectionParamSchema,
      version: CountSchema,
      language: LanguageSchema,
      text: v.string(),
      actor: v.nullable(v.string()),
      created_at: InstantSchema,
    })
  : (undefined as never);
