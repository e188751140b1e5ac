import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { cancelSession, createSession, updateSession } from './sessions.actions.ts';
import { getSession, listSessions, sessionJson } from './sessions.queries.ts';
import { CreateSessionSchema, UpdateSessionSchema } from './sessions.schemas.ts';

export const sessionsRoutes = new Hono<AppEnv>()
  .get('/series/:id/sessions', async (c) => {
    const org = c.var.coordinator.organisationId;
    const seriesId = pathId(c);
    if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
    return c.json({ sessions: (await listSessions(c.env.DB, org, seriesId)).map(sessionJson) });
  })
  .post('/series/:id/sessions', async (c) => {
    const seriesId = pathId(c);
    const input = await jsonBody(c, CreateSessionSchema);
    const session = await createSession(c.env, c.var.coordinator, seriesId, input);
    return c.json(sessionJson(session), 201, { Location: `/api/sessions/${session.id}` });
  })
  .get('/sessions/:id', async (c) => {
    const session = await getSession(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!session) throw notFound('session');
    return c.json(sessionJson(session));
  })
  .patch('/sessions/:id', async (c) => {
    const id = pathId(c);
    const input = await jsonBody(c, UpdateSessionSchema);
    return c.json(sessionJson(await updateSession(c.env, c.var.coordinator, id, input, afterResponse(c))));
  })
  .post('/sessions/:id/cancel', async (c) =>
    c.json(sessionJson(await cancelSession(c.env, c.var.coordinator, pathId(c), afterResponse(c)))),
  );
