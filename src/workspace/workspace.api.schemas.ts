/** Payloads of the workspace's JSON API: the same actions as the pages, for scripts. */
import * as v from 'valibot';
import { CleanText } from '../lib/schemas.ts';
import { RetentionDaysSchema } from '../series/series.schemas.ts';

export const ParticipantEmailSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('not a valid e-mail address')),
});

export const RetentionSchema = v.strictObject({
  retention_days: RetentionDaysSchema,
});

export const ProposalDecisionSchema = v.variant('action', [
  v.strictObject({
    action: v.literal('promote'),
    /** The proposal's key as listed by GET …/proposals. */
    key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    /** The French label of the new theme (defaults to the proposal's text). */
    label: v.optional(v.pipe(CleanText(), v.minLength(1), v.maxLength(500))),
  }),
  v.strictObject({
    action: v.literal('merge'),
    key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    theme_id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
]);

export const OutboxQuerySchema = v.object({
  survey: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, 'a survey id'))),
});
