/** The coordinator's side of the open link: read it, switch it on or off, set its cap. */

import type * as v from 'valibot';
import { placesLeft } from '../domain/open-link.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { publicUrl } from '../lib/public-url.ts';
import { contract } from '../openapi/contract.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { saveOpenLink } from './open-link.actions.ts';
import { getOpenLink, type OpenLinkRow } from './open-link.queries.ts';
import { OpenLinkSchema, OpenLinkSettingsSchema } from './open-link.schemas.ts';

/** A survey that never had an open link reads as one switched off, without a URL yet. */
export function openLinkJson(row: OpenLinkRow | null, base: string): v.InferOutput<typeof OpenLinkSchema> {
  const cap = row?.cap ?? null;
  const joined = row?.joined ?? 0;
  return {
    url: row ? `${base}/o/${row.slug}` : null,
    slug: row?.slug ?? null,
    enabled: row?.enabled === 1,
    cap,
    joined,
    places_left: placesLeft(joined, cap),
  };
}

const tag = 'invitations';
const auth = 'coordinator';

export const openLinkRoutes = new Hono<AppEnv>()
  .get(
    '/surveys/:id/open-link',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The survey’s open link: URL, on or off, cap and how many joined',
        description: 'A survey that never had one answers `enabled: false` with `url: null`.',
        tag,
        auth,
        responses: { 200: { description: 'The open link', schema: OpenLinkSchema } },
      },
    }),
    async (c) => {
      const surveyId = pathId(c);
      if (!(await getSurvey(c.env.DB, c.var.coordinator.organisationId, surveyId))) throw notFound('survey');
      return c.json(openLinkJson(await getOpenLink(c.env.DB, surveyId), publicUrl(c.env)));
    },
  )
  .put(
    '/surveys/:id/open-link',
    contract({
      body: OpenLinkSettingsSchema,
      docs: RELAIS_DOCS && {
        summary: 'Switch the open link on or off, set or remove its cap',
        description:
          'The first call creates the public `/o/<slug>` URL; it stays the same when switched off and on. A visitor leaves an address there and receives a personal link by e-mail (an address already invited gets its own link again, never a second invitation). `cap` counts people who joined through the link; omitted keeps it, `null` removes it.',
        tag,
        auth,
        responses: { 200: { description: 'The open link', schema: OpenLinkSchema } },
      },
    }),
    async (c) => {
      const base = publicUrl(c.env);
      return c.json(openLinkJson(await saveOpenLink(c.env, c.var.coordinator, pathId(c), c.req.valid('json')), base));
    },
  );
