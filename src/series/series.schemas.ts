import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { IdSchema, InstantSchema, ShortTextSchema, TitleSchema } from '../lib/schemas.ts';
import { SessionResponseSchema } from '../sessions/sessions.schemas.ts';
import { ThemeResponseSchema } from '../themes/themes.schemas.ts';

const MinGroupSize = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50));

/**
 * Contacts (names, e-mail addresses) of a series are purged this many days after its last
 * session by default (migrations/0014 gave it to every series that had none).
 */
export const DEFAULT_RETENTION_DAYS = 365;
/** Days after the series' last session; null keeps contact data until erased. */
export const RetentionDaysSchema = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650)));

export const CreateSeriesSchema = v.strictObject({
  title: TitleSchema,
  bassin: v.optional(ShortTextSchema),
  language: v.optional(LanguageSchema, 'fr'),
  min_group_size: v.optional(MinGroupSize, 3),
  retention_days: v.optional(RetentionDaysSchema, DEFAULT_RETENTION_DAYS),
});

export const UpdateSeriesSchema = v.strictObject({
  title: v.optional(TitleSchema),
  bassin: v.optional(v.nullable(ShortTextSchema)),
  language: v.optional(LanguageSchema),
  min_group_size: v.optional(MinGroupSize),
  retention_days: v.optional(RetentionDaysSchema),
});

/** A series as the API answers it (create, update, list). */
export const SeriesResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      title: v.string(),
      bassin: v.nullable(v.string()),
      language: LanguageSchema,
      min_group_size: v.pipe(v.number(), v.integer(), v.minValue(1)),
      retention_days: v.pipe(
        v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
        v.description("contacts are purged this many days after the series' last session (365 unless set); null keeps them until erased"),
      ),
      created_at: InstantSchema,
    })
  : (undefined as never);

export const SeriesListResponseSchema = RELAIS_DOCS ? v.object({ series: v.array(SeriesResponseSchema) }) : (undefined as never);

/** GET /api/series/{id}: the series with its sessions (by number) and its whole theme catalogue. */
export const SeriesDetailResponseSchema = RELAIS_DOCS
  ? v.object({
      ...SeriesResponseSchema.entries,
      sessions: v.array(SessionResponseSchema),
      themes: v.array(ThemeResponseSchema),
    })
  : (undefined as never);
