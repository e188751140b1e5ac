/**
 * A series' sessions as an iCalendar feed: for the coordinator (API key), and at a public,
 * unguessable URL that a bassin's website or a calendar app can subscribe to.
 */

import * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { sha256Hex, TOKEN_PATTERN } from '../lib/crypto.ts';
import { contract } from '../openapi/contract.ts';
import { getSeries } from '../series/series.queries.ts';
import { createCalendarFeed } from './calendar.actions.ts';
import { seriesForFeed, seriesSessions } from './calendar.queries.ts';
import { CalendarFeedResponseSchema } from './calendar.schemas.ts';
import { icsCalendar, sessionEvent } from './ics.ts';

async function feed(db: D1Database, series: { id: number; title: string }) {
  const sessions = await seriesSessions(db, series.id);
  return icsCalendar(
    sessions.map((s) => sessionEvent(s, series.title)),
    series.title,
  );
}

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const tag = 'calendar';
const ICS = RELAIS_DOCS ? { 200: { description: 'RFC 5545 calendar', type: 'text/calendar', schema: v.string() } } : (undefined as never);

export const calendarRoutes = new Hono<AppEnv>()
  .get(
    '/series/:id/calendar.ics',
    contract({
      docs: RELAIS_DOCS && { summary: 'Every session of a series as an iCalendar file', tag, auth: 'coordinator', responses: ICS },
    }),
    async (c) => {
      const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, pathId(c));
      if (!series) throw notFound('series');
      return c.body(await feed(c.env.DB, series), 200, {
        'Content-Type': CALENDAR_TYPE,
        'Content-Disposition': `attachment; filename="series-${series.id}.ics"`,
      });
    },
  )
  .post(
    '/series/:id/calendar-feed',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Create or rotate the public calendar feed URL of a series',
        description: 'Answers `{url}`, shown once; creating it again revokes the previous URL.',
        tag,
        auth: 'coordinator',
        responses: { 201: { description: '`{series_id, url}`', schema: CalendarFeedResponseSchema } },
      },
    }),
    async (c) => {
      // Shown once: only the hash is stored. Creating it again replaces (revokes) the old URL.
      const created = await createCalendarFeed(c.env, c.var.coordinator, pathId(c));
      return c.json(created satisfies v.InferOutput<typeof CalendarFeedResponseSchema>, 201, { 'Cache-Control': 'no-store' });
    },
  );

/** Mounted at /calendar, outside the coordinator API: the token in the URL is the credential. */
export const calendarFeed = new Hono<AppEnv>().get(
  '/:file{[A-Za-z0-9_-]+\\.ics}',
  contract({
    docs: RELAIS_DOCS && {
      summary: 'Public calendar feed of a series (the URL is the credential)',
      tag,
      auth: 'public',
      path: '/calendar/{token}.ics',
      responses: ICS,
    },
  }),
  async (c) => {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const series = TOKEN_PATTERN.test(token) ? await seriesForFeed(c.env.DB, await sha256Hex(token)) : null;
    if (!series) throw notFound('calendar');
    return c.body(await feed(c.env.DB, series), 200, {
      'Content-Type': CALENDAR_TYPE,
      // Calendar apps poll; a short cache spares D1 without hiding a new session for long.
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
    });
  },
);
