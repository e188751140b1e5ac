import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { IdSchema, InstantSchema, ShortTextSchema, TitleSchema } from '../lib/schemas.ts';
import { SessionResponseSchema } from '../sessions/sessions.schemas.ts';
import { ThemeResponseSchema } from '../themes/themes.schemas.ts';

const MinGroupSize = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50));

export const CreateSeriesSchema = v.strictObject({
  title: TitleSchema,
  bassin: v.optional(ShortTextSchema),
  language: v.optional(LanguageSchema, 'fr'),
  min_group_size: v.optional(MinGroupSize, 3),
});

export const UpdateSeriesSchema = v.strictObject({
  title: v.optional(TitleSchema),
  bassin: v.optional(v.nullable(ShortTextSchema)),
  language: v.optional(LanguageSchema),
  min_group_size: v.optional(MinGroupSize),
});

/** A series as the API answers it (create, update, list). */
export const SeriesResponseSchema = v.object({
  id: IdSchema,
  title: v.string(),
  bassin: v.nullable(v.string()),
  language: LanguageSchema,
  min_group_size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  created_at: InstantSchema,
});

export const SeriesListResponseSchema = v.object({ series: v.array(SeriesResponseSchema) });

/** GET /api/series/{id}: the series with its sessions (by number) and its whole theme catalogue. */
export const SeriesDetailResponseSchema = v.object({
  ...SeriesResponseSchema.entries,
  sessions: v.array(SessionResponseSchema),
  themes: v.array(ThemeResponseSchema),
});
