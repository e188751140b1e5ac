import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { listSessions, sessionJson } from '../sessions/sessions.queries.ts';
import { listThemes, themeJson } from '../themes/themes.queries.ts';
import { createSeries, updateSeries } from './series.actions.ts';
import { getSeries, listSeries, seriesJson } from './series.queries.ts';
import { CreateSeriesSchema, UpdateSeriesSchema } from './series.schemas.ts';

export const seriesRoutes = new Hono<AppEnv>()
  .get('/series', async (c) => {
    const { results } = await listSeries(c.env.DB, c.var.coordinator.organisationId);
    return c.json({ series: results.map(seriesJson) });
  })
  .post('/series', async (c) => {
    const input = await jsonBody(c, CreateSeriesSchema);
    const row = await createSeries(c.env, c.var.coordinator, input);
    return c.json(seriesJson(row), 201, { Location: `/api/series/${row.id}` });
  })
  .get('/series/:id', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const series = await getSeries(c.env.DB, org, id);
    if (!series) throw notFound('series');
    const [sessions, themes] = await Promise.all([listSessions(c.env.DB, org, id), listThemes(c.env.DB, org, id)]);
    return c.json({ ...seriesJson(series), sessions: sessions.map(sessionJson), themes: themes.map(themeJson) });
  })
  .patch('/series/:id', async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, UpdateSeriesSchema);
    return c.json(seriesJson(await updateSeries(c.env, c.var.coordinator, id, input)));
  });
