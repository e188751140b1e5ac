/** The coordinator's words in a brief (JSON API): thin adapters over src/brief/brief.actions.ts. */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId, validate } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { writeBriefSection } from './brief.actions.ts';
import { BriefSectionParamSchema, BriefSectionSchema } from './brief.schemas.ts';
import { briefTextVersions } from './brief-texts.queries.ts';

const sectionOf = (section: string | undefined) => validate(v.object({ section: BriefSectionParamSchema }), { section }).section;

export const briefRoutes = new Hono<AppEnv>()
  .put('/sessions/:id/brief/sections/:section', async (c) => {
    const id = pathId(c);
    const section = sectionOf(c.req.param('section'));
    const input = await jsonBody(c, BriefSectionSchema);
    const { version, unchanged } = await writeBriefSection(c.env, c.var.coordinator, id, section, input);
    return c.json({ ...version, unchanged });
  })
  .get('/sessions/:id/brief/sections/:section/versions', async (c) => {
    const id = pathId(c);
    const section = sectionOf(c.req.param('section'));
    const session = await getSession(c.env.DB, c.var.coordinator.organisationId, id);
    if (!session) throw notFound('session');
    return c.json({ versions: await briefTextVersions(c.env.DB, session.id, section) });
  });
