import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { CountSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';
import { WEBHOOK_EVENTS } from './events.ts';
import { TARGET_MESSAGES, webhookTargetRefusal } from './target.ts';

export const CreateWebhookSchema = v.strictObject({
  /**
   * Deliveries carry answers' metadata, so they only travel over TLS, and only to a public host
   * (target.ts): the same rule is checked again before each delivery.
   */
  url: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(2000),
    v.rawCheck(({ dataset, addIssue }) => {
      const refusal = dataset.typed ? webhookTargetRefusal(dataset.value) : null;
      if (refusal) addIssue({ message: TARGET_MESSAGES[refusal] });
    }),
  ),
  /** Without events, the endpoint receives all of them. */
  events: v.optional(v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1), v.maxLength(WEBHOOK_EVENTS.length)), [...WEBHOOK_EVENTS]),
});

/** An endpoint as the API answers it (never its secret, except once at creation). */
export const WebhookResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      series_id: IdSchema,
      url: v.string(),
      events: v.array(v.picklist(WEBHOOK_EVENTS)),
      created_at: InstantSchema,
    })
  : (undefined as never);

export const WebhookCreatedResponseSchema = RELAIS_DOCS
  ? v.object({
      ...WebhookResponseSchema.entries,
      secret: v.pipe(v.string(), v.description('signs every delivery (Relais-Signature); shown only in this answer')),
    })
  : (undefined as never);

export const WebhookListResponseSchema = RELAIS_DOCS ? v.object({ webhooks: v.array(WebhookResponseSchema) }) : (undefined as never);

export const WebhookDeliveryListResponseSchema = RELAIS_DOCS
  ? v.object({
      deliveries: v.array(
        v.object({
          id: IdSchema,
          webhook_id: IdSchema,
          url: v.string(),
          event: v.picklist(WEBHOOK_EVENTS),
          status: v.picklist(['pending', 'delivered', 'failed']),
          attempts: CountSchema,
          next_attempt_at: v.pipe(v.nullable(InstantSchema), v.description('set while pending')),
          last_status: v.pipe(v.nullable(v.pipe(v.number(), v.integer())), v.description('HTTP status of the last attempt')),
          last_error: v.nullable(v.string()),
          created_at: InstantSchema,
          delivered_at: v.nullable(InstantSchema),
        }),
      ),
    })
  : (undefined as never);
