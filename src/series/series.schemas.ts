import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { ShortTextSchema, TitleSchema } from '../lib/schemas.ts';

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
