import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { cancelSession, createSession, updateSession } from './sessions.actions.ts';
import { getSession, listSessions, sessionJson } from './sessions.queries.ts';
import { CreateSessionSchema, SessionListResponseSchema, SessionResponseSchema, UpdateSessionSchema } from './sessions.schemas.ts';

const tag = 'sessions';
const auth = 'coordinator';
type Session = v.InferOutput<typeof SessionResponseSchema>;

export const sessionsRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/sessions',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The sessions of a series (#1, #2…)',
        tag,
        auth,
        responses: { 200: { description: '`{sessions: [...]}`', schema: SessionListResponseSchema } },
      },
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
      body: CreateSessionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Add a session',
        description: 'Date-times are ISO 8601 with an offset; they are stored and returned in UTC.',
        tag,
        auth,
        responses: {
          201: { description: 'The session created (its URL in Location)', schema: SessionResponseSchema },
          409: { description: 'A session with this number exists' },
        },
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
      docs: RELAIS_DOCS && {
        summary: 'A session with its surveys',
        tag,
        auth,
        responses: { 200: { description: 'The session', schema: SessionResponseSchema } },
      },
    }),
    async (c) => {
      const session = await getSession(c.env.DB, c.var.coordinator.organisationId, pathId(c));
      if (!session) throw notFound('session');
      return c.json(sessionJson(session) satisfies Session);
    },
  )
  .patch(
    '/sessions/:id',
    contract({
      body: UpdateSessionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Change a session’s date, end, place or notes',
        description:
          'Only the fields given change (`null` empties ends_at, place, notes). Checked: the end after the start, the series’ order (#3 not before #2); 422 names the field. The SEQUENCE rises; invitees of the session’s open surveys are e-mailed the change with an updated calendar entry (METHOD:REQUEST), and `session.updated` goes to webhooks. 409 if the session is cancelled.',
        tag,
        auth,
        responses: {
          200: { description: 'The session', schema: SessionResponseSchema },
          409: { description: 'The session is cancelled, or changed meanwhile' },
        },
      },
    }),
    async (c) =>
      c.json(
        sessionJson(await updateSession(c.env, c.var.coordinator, pathId(c), c.req.valid('json'), afterResponse(c))) satisfies Session,
      ),
  )
  .post(
    '/sessions/:id/cancel',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Cancel a session',
        description:
          'Marks it cancelled (calendar feeds show STATUS:CANCELLED); invitees of its open surveys are e-mailed a METHOD:CANCEL entry, and `session.cancelled` goes to webhooks. Cancelling again changes nothing.',
        tag,
        auth,
        responses: { 200: { description: 'The cancelled session', schema: SessionResponseSchema } },
      },
    }),
    async (c) => c.json(sessionJson(await cancelSession(c.env, c.var.coordinator, pathId(c), afterResponse(c))) satisfies Session),
  );
