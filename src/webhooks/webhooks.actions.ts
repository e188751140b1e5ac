/** A coordinator adding or removing a webhook endpoint of a series, with its audit entry. */
import { writeAuditIfChanged, writeAuditOfInserted } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound, Problem } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { sealWebhookSecret } from './secrets.ts';
import { newWebhookSecret } from './signature.ts';
import { deleteWebhook, insertWebhook, listWebhooks, type WebhookRow } from './webhooks.queries.ts';

/** Every event fans out to each endpoint within the request's waitUntil: a few keep it within the Workers subrequest limit. */
export const MAX_WEBHOOKS_PER_SERIES = 5;

/** The secret is returned here only; the receiver needs it to verify Relais-Signature. */
export async function addWebhook(env: Env, actor: Coordinator, seriesId: number, input: { url: string; events: readonly string[] }) {
  if (!(await getSeries(env.DB, actor.organisationId, seriesId))) throw notFound('series');
  if ((await listWebhooks(env.DB, actor.organisationId, seriesId)).length >= MAX_WEBHOOKS_PER_SERIES) {
    throw new Problem(409, 'too-many-webhooks', 'Too many webhooks', {
      detail: `A series has at most ${MAX_WEBHOOKS_PER_SERIES} endpoints; remove one first.`,
      errors: [{ field: 'url', message: `at most ${MAX_WEBHOOKS_PER_SERIES} endpoints per series` }],
    });
  }
  if (!env.SESSION_SECRET) {
    throw new Problem(503, 'not-configured', 'Not configured', {
      detail: 'Webhook secrets are sealed under the SESSION_SECRET secret (wrangler secret put SESSION_SECRET).',
    });
  }
  const secret = newWebhookSecret();
  const sealed = await sealWebhookSecret(env.SESSION_SECRET, seriesId, input.url, secret);
  const [inserted] = await env.DB.batch<WebhookRow>([
    insertWebhook(env.DB, actor.organisationId, seriesId, input.url, [...new Set(input.events)], sealed),
    // The log names the endpoint's series and host, never its path (which may carry a token).
    writeAuditOfInserted(env.DB, actor, 'webhook.add', 'webhook', { series: seriesId, host: new URL(input.url).host }),
  ]);
  const row = inserted?.results[0];
  if (!row) throw notFound('series');
  return { row, secret };
}

export async function removeWebhook(env: Env, actor: Coordinator, webhookId: number) {
  const [deleted] = await env.DB.batch([
    deleteWebhook(env.DB, actor.organisationId, webhookId),
    writeAuditIfChanged(env.DB, actor, 'webhook.remove', `webhook:${webhookId}`),
  ]);
  if (!deleted?.results.length) throw notFound('webhook');
}
