import * as v from 'valibot';
import { DateTimeSchema, ShortTextSchema } from '../lib/schemas.ts';

export const CreateSessionSchema = v.pipe(
  v.strictObject({
    number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    starts_at: DateTimeSchema,
    ends_at: v.optional(DateTimeSchema),
    place: v.optional(ShortTextSchema),
  }),
  v.forward(
    v.check((s) => !s.ends_at || s.ends_at > s.starts_at, 'must be after starts_at'),
    ['ends_at'],
  ),
);
