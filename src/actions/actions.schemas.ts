/** Payload of PATCH /api/actions/:id: what became of a collective action. */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LocalizedTextSchema } from '../domain/language.ts';
import { CleanText, IdSchema, InstantSchema } from '../lib/schemas.ts';
import { ACTION_STATUSES } from './actions.queries.ts';

/** The statuses a coordinator sets (`proposed` is where every action starts). */
export const SETTABLE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;

export const UpdateActionSchema = v.pipe(
  v.strictObject({
    status: v.optional(v.picklist(SETTABLE_STATUSES, `expected one of ${SETTABLE_STATUSES.join(', ')}`)),
    /** A short note for the next session ("first meeting on 12 March"); null or "" removes it. */
    note: v.optional(v.nullable(v.pipe(CleanText({ multiline: true }), v.maxLength(1000)))),
  }),
  v.check((p) => p.status !== undefined || p.note !== undefined, 'send status, note or both'),
);

export const ActionResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      series_id: IdSchema,
      option_id: v.string(),
      label: LocalizedTextSchema,
      since_session: v.nullable(v.number()),
      status: v.picklist(ACTION_STATUSES),
      note: v.nullable(v.string()),
      updated_at: v.nullable(InstantSchema),
    })
  : (undefined as never);
