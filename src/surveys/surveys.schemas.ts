import * as v from 'valibot';
import { QuestionsSchema } from '../domain/definition.ts';
import { DateTimeSchema } from '../lib/schemas.ts';

export const CreateSurveySchema = v.strictObject({
  kind: v.picklist(['pre', 'post']),
  /** Without questions, the template of that kind, with the series' active themes. */
  questions: v.optional(QuestionsSchema),
  anonymous: v.optional(v.boolean(), false),
  closes_at: v.optional(DateTimeSchema),
});
