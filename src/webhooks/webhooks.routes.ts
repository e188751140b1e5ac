import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { notFound, Problem } from '../http/problem.ts';
import { jsonInput } from '../openapi/json-input.ts';
import { getSeries } from '../series/series.queries.ts';
import { sealWebhookSecret } from './secrets.ts';
import { newWebhookSecret } from './signature.ts';
import { createWebhook, deleteWebhook, deliveryJson, listDeliveries, listWebhooks, webhookJson } from './webhooks.queries.ts';
import { CreateWebhookSchema } from './webhooks.schemas.ts';

/** Every event fans out to each endpoint within the request's waitUntil: a few keep it within the Workers subrequest limit. */
export const MAX_WEBHOOKS_PER_SERIES = 5;

export const webhooksRoutes = new Hono<AppEnv>()
  .post('/series/:id/webhooks', jsonInput(CreateWebhookSchema), async (c) => {
    const org = c.var.coordinator.organisationId;
    const seriesId = pathId(c);
    const input = c.req.valid('json');
    if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
    if ((await listWebhooks(c.env.DB, org, seriesId)).length >= MAX_WEBHOOKS_PER_SERIES) {
      throw new Problem(409, 'too-many-webhooks', 'Too many webhooks', {
        detail: `A series has at most ${MAX_WEBHOOKS_PER_SERIES} endpoints; remove one first.`,
        errors: [{ field: 'url', message: `at most ${MAX_WEBHOOKS_PER_SERIES} endpoints per series` }],
      });
    }
    if (!c.env.SESSION_SECRET) {
      throw new Problem(503, 'not-configured', 'Not configured', {
        detail: 'Webhook secrets are sealed under the SESSION_SECRET secret (wrangler secret put SESSION_SECRET).',
      });
    }
    const secret = newWebhookSecret();
    const sealed = await sealWebhookSecret(c.env.SESSION_SECRET, seriesId, input.url, secret);
    const row = await createWebhook(c.env.DB, org, seriesId, input.url, [...new Set(input.events)], sealed);
    if (!row) throw notFound('series');
    // The secret is shown here only; the receiver needs it to verify Relais-Signature.
    return c.json({ ...webhookJson(row), secret }, 201, { Location: `/api/webhooks/${row.id}`, 'Cache-Control': 'no-store' });
  })
  .get('/series/:id/webhooks', async (c) => {
    const org = c.var.coordinator.organisationId;
    const seriesId = pathId(c);
    if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
    return c.json({ webhooks: (await listWebhooks(c.env.DB, org, seriesId)).map(webhookJson) });
  })
  .get('/series/:id/webhooks/deliveries', async (c) => {
    const org = c.var.coordinator.organisationId;
    const seriesId = pathId(c);
    if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
    return c.json({ deliveries: (await listDeliveries(c.env.DB, org, seriesId)).map(deliveryJson) });
  })
  .delete('/webhooks/:id', async (c) => {
    if (!(await deleteWebhook(c.env.DB, c.var.coordinator.organisationId, pathId(c)))) throw notFound('webhook');
    return c.body(null, 204);
  });
