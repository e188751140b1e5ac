import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { addWebhook, removeWebhook } from './webhooks.actions.ts';
import { deliveryJson, listDeliveries, listWebhooks, webhookJson } from './webhooks.queries.ts';
import {
  CreateWebhookSchema,
  WebhookCreatedResponseSchema,
  WebhookDeliveryListResponseSchema,
  WebhookListResponseSchema,
} from './webhooks.schemas.ts';

const tag = 'webhooks';
const auth = 'coordinator';

export const webhooksRoutes = new Hono<AppEnv>()
  .post(
    '/series/:id/webhooks',
    contract({
      body: CreateWebhookSchema,
      docs: RELAIS_DOCS && {
        summary: 'Register a webhook endpoint for a series',
        description:
          'At most five per series. The answer carries the signing `secret`, shown only once. Each delivery is a POST with `Relais-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, `Relais-Event` and `Relais-Delivery` headers.',
        tag,
        auth,
        responses: {
          201: { description: 'The endpoint with its secret (its URL in Location)', schema: WebhookCreatedResponseSchema },
          409: { description: 'The series has five endpoints already' },
        },
      },
    }),
    async (c) => {
      const { row, secret } = await addWebhook(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      // The secret is shown here only; the receiver needs it to verify Relais-Signature.
      const body = { ...webhookJson(row), secret } satisfies v.InferOutput<typeof WebhookCreatedResponseSchema>;
      return c.json(body, 201, { Location: `/api/webhooks/${row.id}`, 'Cache-Control': 'no-store' });
    },
  )
  .get(
    '/series/:id/webhooks',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The webhook endpoints of a series (without secrets)',
        tag,
        auth,
        responses: { 200: { description: '`{webhooks: [...]}`', schema: WebhookListResponseSchema } },
      },
    }),
    async (c) => {
      const org = c.var.coordinator.organisationId;
      const seriesId = pathId(c);
      if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
      const webhooks = (await listWebhooks(c.env.DB, org, seriesId)).map(webhookJson);
      return c.json({ webhooks } satisfies v.InferOutput<typeof WebhookListResponseSchema>);
    },
  )
  .get(
    '/series/:id/webhooks/deliveries',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The delivery log of a series (newest first, last 100)',
        tag,
        auth,
        responses: { 200: { description: '`{deliveries: [...]}`', schema: WebhookDeliveryListResponseSchema } },
      },
    }),
    async (c) => {
      const org = c.var.coordinator.organisationId;
      const seriesId = pathId(c);
      if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
      const deliveries = (await listDeliveries(c.env.DB, org, seriesId)).map(deliveryJson);
      return c.json({ deliveries } satisfies v.InferOutput<typeof WebhookDeliveryListResponseSchema>);
    },
  )
  .delete(
    '/webhooks/:id',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Remove a webhook endpoint (and its deliveries)',
        tag,
        auth,
        responses: { 204: { description: 'Removed' } },
      },
    }),
    async (c) => {
      await removeWebhook(c.env, c.var.coordinator, pathId(c));
      return c.body(null, 204);
    },
  );
