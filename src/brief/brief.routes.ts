/** The coordinator's words in a brief (JSON API): thin adapters over src/brief/brief.actions.ts. */

import * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId, validate } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { writeBriefSection } from './brief.actions.ts';
import { BriefSectionParamSchema, BriefSectionSchema, BriefTextResponseSchema } from './brief.schemas.ts';
import { briefTextVersions } from './brief-texts.queries.ts';

const sectionOf = (section: string | undefined) => validate(v.object({ section: BriefSectionParamSchema }), { section }).section;

export const BriefSectionWrittenSchema = RELAIS_DOCS
  ? v.object({ ...BriefTextResponseSchema.entries, unchanged: v.boolean() })
  : (undefined as never);
export const BriefSectionVersionsSchema = RELAIS_DOCS ? v.object({ versions: v.array(BriefTextResponseSchema) }) : (undefined as never);

const tag = 'results';
const auth = 'coordinator';

export const briefRoutes = new Hono<AppEnv>()
  .put(
    '/sessions/:id/brief/sections/:section',
    contract({
      body: BriefSectionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Write the coordinator’s text of one section of the brief (a new version each time)',
        description:
          'section: expectations, findings, needs, actions or save_the_date. Paragraphs are separated by a blank line, a line starting with "- " is a bullet; nothing else is interpreted. Saving the same text again adds no version (`unchanged: true`).',
        tag,
        auth,
        responses: { 200: { description: 'The version saved', schema: BriefSectionWrittenSchema } },
      },
    }),
    async (c) => {
      const section = sectionOf(c.req.param('section'));
      const { version, unchanged } = await writeBriefSection(c.env, c.var.coordinator, pathId(c), section, c.req.valid('json'));
      return c.json({ ...version, unchanged } satisfies v.InferOutput<typeof BriefSectionWrittenSchema>);
    },
  )
  .get(
    '/sessions/:id/brief/sections/:section/versions',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Every version of a section’s text, newest first, with who saved it when',
        tag,
        auth,
        responses: { 200: { description: '`{versions: [...]}`', schema: BriefSectionVersionsSchema } },
      },
    }),
    async (c) => {
      const section = sectionOf(c.req.param('section'));
      const session = await getSession(c.env.DB, c.var.coordinator.organisationId, pathId(c));
      if (!session) throw notFound('session');
      const versions = await briefTextVersions(c.env.DB, session.id, section);
      return c.json({ versions } satisfies v.InferOutput<typeof BriefSectionVersionsSchema>);
    },
  );
