/** Payloads of the workspace's JSON API: the same actions as the pages, for scripts. */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { CleanText, CountSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';
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

// What the workspace's JSON API answers: one schema per answer, read by the OpenAPI document
// and held to the handlers by the compiler (`satisfies`).
const Id = IdSchema;
const Count = CountSchema;
const Rows = RELAIS_DOCS ? v.array(v.record(v.string(), v.unknown())) : (undefined as never);

export const ParticipantListResponseSchema = RELAIS_DOCS
  ? v.object({
      participants: v.array(
        v.object({
          id: Id,
          email: v.string(),
          name: v.nullable(v.string()),
          language: LanguageSchema,
          state: v.picklist(['not_sent', 'sent', 'opened', 'answered', 'bounced']),
        }),
      ),
    })
  : (undefined as never);

export const DeliveryReportSchema = RELAIS_DOCS
  ? v.object({ claimed: Count, sent: Count, recorded: Count, failed: Count })
  : (undefined as never);
export const SendResponseSchema = RELAIS_DOCS ? v.object({ ...DeliveryReportSchema.entries, remaining: Count }) : (undefined as never);

export const OutboxResponseSchema = RELAIS_DOCS
  ? v.object({
      messages: v.array(
        v.object({
          id: Id,
          survey_id: Id,
          invitation_id: v.nullable(Id),
          slot: v.string(),
          to_email: v.string(),
          language: LanguageSchema,
          subject: v.string(),
          body_text: v.pipe(v.string(), v.description('personal links masked')),
          status: v.picklist(['pending', 'sent', 'recorded', 'failed']),
          error: v.nullable(v.string()),
          created_at: v.string(),
        }),
      ),
    })
  : (undefined as never);

export const AuditResponseSchema = RELAIS_DOCS
  ? v.object({
      entries: v.array(
        v.object({
          id: Id,
          actor: v.nullable(v.string()),
          action: v.string(),
          target: v.string(),
          detail: v.pipe(v.nullable(v.string()), v.description('JSON text')),
          created_at: v.string(),
        }),
      ),
    })
  : (undefined as never);

export const ParticipantExportResponseSchema = RELAIS_DOCS
  ? v.object({
      email: v.string(),
      exported_at: InstantSchema,
      invitations: Rows,
      answers: Rows,
      messages: Rows,
      contacts: v.pipe(Rows, v.description("the series' directories that list the person, with the sessions they attended")),
    })
  : (undefined as never);

export const EraseResponseSchema = RELAIS_DOCS ? v.object({ erased_invitations: Count }) : (undefined as never);
export const RetentionResponseSchema = RELAIS_DOCS ? v.object({ retention_days: RetentionDaysSchema }) : (undefined as never);

export const ProposalListResponseSchema = RELAIS_DOCS
  ? v.object({
      proposals: v.array(v.object({ key: v.string(), text: v.string(), count: Count, variants: v.array(v.string()) })),
    })
  : (undefined as never);
export const ProposalDecisionResponseSchema = RELAIS_DOCS ? v.object({ key: v.string(), theme_id: v.nullable(Id) }) : (undefined as never);
