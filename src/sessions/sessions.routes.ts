import { Hono } from 'hono';
import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { createSession } from './sessions.actions.ts';
import { getSession, listSessions, sessionJson } from './sessions.queries.ts';
import { CreateSessionSchema, SessionListResponseSchema, SessionResponseSchema } from './sessions.schemas.ts';

const tag = 'sessions';
const auth = 'coordinator';
type Session = v.InferOutput<typeof SessionResponseSchema>;

export const sessionsRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/sessions',
    contract({
      summary: 'The sessions of a series (#1, #2…)',
      tag,
      auth,
      responses: { 200: { description: '`{sessions: [...]}`', schema: SessionListResponseSchema } },
    }),
    async (c) => {
      const org = c.var.coordinator.organisationId;
      const seriesId = pathId(c);
      if (!(await getSeries(c.env.DB, org, seriesId))) throw notFound('series');
      const sessions = (await listSessions(c.env.DB, org, seriesId)).map(sessionJson);
      return c.json({ sessions } satisfies v.InferOutput<typeof SessionListResponseSchema>);
    },
  )
  .post(
    '/series/:id/sessions',
    contract({
      summary: 'Add a session',
      description: 'Date-times are ISO 8601 with an offset; they are stored and returned in UTC.',
      tag,
      auth,
      body: CreateSessionSchema,
      responses: {
        201: { description: 'The session created (its URL in Location)', schema: SessionResponseSchema },
        409: { description: 'A session with this number exists' },
      },
    }),
    async (c) => {
      const session = await createSession(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      return c.json(sessionJson(session) satisfies Session, 201, { Location: `/api/sessions/${session.id}` });
    },
  )
  .get(
    '/sessions/:id',
    contract({
      summary: 'A session with its surveys',
      tag,
      auth,
      responses: { 200: { description: 'The session', schema: SessionResponseSchema } },
    }),
    async (c) => {
      const session = await getSession(c.env.DB, c.var.coordinator.organisationId, pathId(c));
      if (!session) throw notFound('session');
      return c.json(sessionJson(session) satisfies Session);
    },
  );
