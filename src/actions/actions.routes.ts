/** The series' collective actions (JSON API): thin adapters over src/actions/actions.actions.ts. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { actionJson, updateSeriesAction } from './actions.actions.ts';
import { listSeriesActions } from './actions.queries.ts';
import { UpdateActionSchema } from './actions.schemas.ts';

export const actionsRoutes = new Hono<AppEnv>()
  .get('/series/:id/actions', async (c) => {
    const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!series) throw notFound('series');
    return c.json({ actions: (await listSeriesActions(c.env.DB, series.id)).map(actionJson) });
  })
  .patch('/actions/:id', async (c) => {
    const input = await jsonBody(c, UpdateActionSchema);
    return c.json(actionJson(await updateSeriesAction(c.env, c.var.coordinator, pathId(c), input)));
  });
