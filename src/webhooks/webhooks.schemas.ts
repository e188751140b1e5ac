import * as v from 'valibot';
import { WEBHOOK_EVENTS } from './events.ts';

export const CreateWebhookSchema = v.strictObject({
  /** Deliveries carry answers' metadata, so they only travel over TLS. */
  url: v.pipe(v.string(), v.trim(), v.maxLength(2000), v.url('not a valid URL'), v.startsWith('https://', 'must be an https:// URL')),
  /** Without events, the endpoint receives all of them. */
  events: v.optional(v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1), v.maxLength(WEBHOOK_EVENTS.length)), [...WEBHOOK_EVENTS]),
});
