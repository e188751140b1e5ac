/**
 * What Cloudflare reports after a message left: Email Sending publishes lifecycle events of a
 * sending domain to a Queue (event subscriptions), and this Worker consumes that queue when
 * wrangler.toml binds it (README, Deploy). Each event names the `messageId` the binding
 * answered at sending time, which the outbox keeps (`provider_message_id`): a bounce, failure
 * or rejection marks the message failed with its reason and the invitation bounced (so sending
 * and reminders skip it), a spam complaint opts the address out of the series. Delivered and
 * deferred events change nothing (the message is already "sent"; a deferral is retried).
 */
import * as v from 'valibot';
import type { Env } from '../env.ts';
import { sealingSecret } from './links.ts';
import { addressKey } from './opt-out.ts';
import { optOutStatements } from './outbox.queries.ts';

const Reason = v.optional(v.looseObject({ reason: v.optional(v.string()), detail: v.optional(v.string()), type: v.optional(v.string()) }));

/** One event as Email Sending publishes it (schema version 1); fields Relais does not use are ignored. */
export const EmailSendingEventSchema = v.looseObject({
  type: v.picklist([
    'cf.email.sending.message.delivered',
    'cf.email.sending.message.deferred',
    'cf.email.sending.message.bounced',
    'cf.email.sending.message.failed',
    'cf.email.sending.message.rejected',
    'cf.email.sending.message.complained',
  ]),
  payload: v.looseObject({
    messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    bounce: Reason,
    failure: Reason,
    rejection: Reason,
    delivery: v.optional(v.looseObject({ smtpResponse: v.optional(v.string()) })),
  }),
});
export type EmailSendingEvent = v.InferOutput<typeof EmailSendingEventSchema>;

const FAILURES = { bounced: 'bounced', failed: 'failed', rejected: 'rejected' } as const;

/** The reason an event gives, short and on one line: the outbox shows it to the coordinator. */
function reasonOf(e: EmailSendingEvent): string {
  const p = e.payload;
  const text = p.bounce?.reason ?? p.rejection?.detail ?? p.rejection?.reason ?? p.failure?.reason ?? p.delivery?.smtpResponse ?? '';
  return text.replace(/\s+/g, ' ').slice(0, 240);
}

/**
 * Records a batch of events in one D1 batch; events that are not Email Sending's, or that name a
 * message Relais did not send, are skipped (and acknowledged: retrying them would not help).
 * Returns how many changed something.
 */
export async function recordDeliveryEvents(env: Env, bodies: unknown[]): Promise<number> {
  const events = bodies.flatMap((b) => {
    const parsed = v.safeParse(EmailSendingEventSchema, b);
    return parsed.success ? [parsed.output] : [];
  });
  const relevant = events.filter((e) => !e.type.endsWith('.delivered') && !e.type.endsWith('.deferred'));
  if (!relevant.length) return 0;
  const { results: messages } = await env.DB.prepare(
    `SELECT o.id, o.invitation_id, o.to_email, o.provider_message_id, se.series_id
       FROM outbox o JOIN surveys su ON su.id = o.survey_id JOIN sessions se ON se.id = su.session_id
      WHERE o.provider_message_id IN (SELECT value FROM json_each(?))`,
  )
    .bind(JSON.stringify(relevant.map((e) => e.payload.messageId)))
    .all<{ id: number; invitation_id: number | null; to_email: string; provider_message_id: string; series_id: number }>();
  const byMessage = new Map(messages.map((m) => [m.provider_message_id, m]));
  const statements: D1PreparedStatement[] = [];
  for (const e of relevant) {
    const m = byMessage.get(e.payload.messageId);
    if (!m) continue;
    const kind = e.type.slice('cf.email.sending.message.'.length);
    if (kind === 'complained') {
      const key = await addressKey(sealingSecret(env), m.series_id, m.to_email);
      statements.push(...optOutStatements(env.DB, { series_id: m.series_id, email: m.to_email }, key, 'complaint'));
      continue;
    }
    const label = FAILURES[kind as keyof typeof FAILURES];
    if (!label) continue;
    const reason = reasonOf(e);
    statements.push(
      env.DB.prepare("UPDATE outbox SET status = 'failed', error = ? WHERE id = ?").bind(reason ? `${label}: ${reason}` : label, m.id),
    );
    if (m.invitation_id !== null)
      statements.push(
        env.DB.prepare("UPDATE invitations SET bounced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").bind(m.invitation_id),
      );
  }
  if (statements.length) await env.DB.batch(statements);
  return statements.length;
}
