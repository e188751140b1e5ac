import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { jsonInput } from '../openapi/json-input.ts';
import { getSeries } from '../series/series.queries.ts';
import { addWebhook, removeWebhook } from './webhooks.actions.ts';
import { deliveryJson, listDeliveries, listWebhooks, webhookJson } from './webhooks.queries.ts';
import { CreateWebhookSchema } from './webhooks.schemas.ts';

export const webhooksRoutes = new Hono<AppEnv>()
  .post('/series/:id/webhooks', jsonInput(CreateWebhookSchema), async (c) => {
    const { row, secret } = await addWebhook(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
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
    await removeWebhook(c.env, c.var.coordinator, pathId(c));
    return c.body(null, 204);
  });
