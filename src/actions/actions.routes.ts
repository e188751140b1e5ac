/** The series' collective actions (JSON API): thin adapters over src/actions/actions.actions.ts. */

import * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { actionJson, updateSeriesAction } from './actions.actions.ts';
import { listSeriesActions } from './actions.queries.ts';
import { ActionResponseSchema, UpdateActionSchema } from './actions.schemas.ts';

export const ActionListResponseSchema = RELAIS_DOCS ? v.object({ actions: v.array(ActionResponseSchema) }) : (undefined as never);

const tag = 'series';
const auth = 'coordinator';

export const actionsRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/actions',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The series’ collective actions (from its post-surveys) and what became of them',
        tag,
        auth,
        responses: { 200: { description: '`{actions: [...]}`', schema: ActionListResponseSchema } },
      },
    }),
    async (c) => {
      const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, pathId(c));
      if (!series) throw notFound('series');
      const actions = (await listSeriesActions(c.env.DB, series.id)).map(actionJson);
      return c.json({ actions } satisfies v.InferOutput<typeof ActionListResponseSchema>);
    },
  )
  .patch(
    '/actions/:id',
    contract({
      body: UpdateActionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Set an action’s status (planned, in_progress, done, dropped) and note',
        tag,
        auth,
        responses: { 200: { description: 'The action', schema: ActionResponseSchema } },
      },
    }),
    async (c) => {
      const action = actionJson(await updateSeriesAction(c.env, c.var.coordinator, pathId(c), c.req.valid('json')));
      return c.json(action satisfies v.InferOutput<typeof ActionResponseSchema>);
    },
  );
