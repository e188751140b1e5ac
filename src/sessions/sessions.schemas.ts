import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { CleanText, DateTimeSchema, IdSchema, InstantSchema, ShortTextSchema } from '../lib/schemas.ts';

/** Practical notes for invitees ("lunch réseau dès 12h30"), a few lines. */
export const NotesSchema = v.pipe(CleanText({ multiline: true }), v.maxLength(1000));

export const CreateSessionSchema = v.pipe(
  v.strictObject({
    number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    starts_at: DateTimeSchema,
    ends_at: v.optional(DateTimeSchema),
    place: v.optional(ShortTextSchema),
    notes: v.optional(NotesSchema),
  }),
  v.forward(
    v.check((s) => !s.ends_at || s.ends_at > s.starts_at, 'must be after starts_at'),
    ['ends_at'],
  ),
);

/**
 * A change of a session: only the fields given change; `null` empties the end, place or notes.
 * Invitees of its open surveys are told (src/sessions/sessions.actions.ts).
 */
export const UpdateSessionSchema = v.pipe(
  v.strictObject({
    starts_at: v.optional(DateTimeSchema),
    ends_at: v.optional(v.nullable(DateTimeSchema)),
    place: v.optional(v.nullable(ShortTextSchema)),
    notes: v.optional(v.nullable(NotesSchema)),
  }),
  v.check((s) => Object.keys(s).length > 0, 'give at least one of starts_at, ends_at, place, notes'),
);

/** A session as the API answers it, with the id, kind and status of each of its surveys (closed once past its closing date). */
export const SessionResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      series_id: IdSchema,
      number: v.pipe(v.number(), v.integer(), v.minValue(1)),
      starts_at: InstantSchema,
      ends_at: v.nullable(InstantSchema),
      place: v.nullable(v.string()),
      notes: v.nullable(v.string()),
      /** The iCalendar SEQUENCE: 0, raised by each change and by the cancellation. */
      sequence: v.pipe(v.number(), v.integer(), v.minValue(0)),
      cancelled_at: v.nullable(InstantSchema),
      surveys: v.array(v.object({ id: IdSchema, kind: v.picklist(['pre', 'post']), status: v.picklist(['draft', 'open', 'closed']) })),
    })
  : (undefined as never);

export const SessionListResponseSchema = RELAIS_DOCS ? v.object({ sessions: v.array(SessionResponseSchema) }) : (undefined as never);
