import * as v from 'valibot';
import { DateTimeSchema, IdSchema, InstantSchema, ShortTextSchema } from '../lib/schemas.ts';

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

/** A session as the API answers it, with the id, kind and status of each of its surveys (closed once past its closing date). */
export const SessionResponseSchema = v.object({
  id: IdSchema,
  series_id: IdSchema,
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  starts_at: InstantSchema,
  ends_at: v.nullable(InstantSchema),
  place: v.nullable(v.string()),
  surveys: v.array(v.object({ id: IdSchema, kind: v.picklist(['pre', 'post']), status: v.picklist(['draft', 'open', 'closed']) })),
});

export const SessionListResponseSchema = v.object({ sessions: v.array(SessionResponseSchema) });
