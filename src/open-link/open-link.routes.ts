/** The coordinator's side of the open link: read it, switch it on or off, set its cap. */
import { Hono } from 'hono';
import { placesLeft } from '../domain/open-link.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { publicUrl } from '../lib/public-url.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { saveOpenLink } from './open-link.actions.ts';
import { getOpenLink, type OpenLinkRow } from './open-link.queries.ts';
import { OpenLinkSettingsSchema } from './open-link.schemas.ts';

/** A survey that never had an open link reads as one switched off, without a URL yet. */
export function openLinkJson(row: OpenLinkRow | null, base: string) {
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

export const openLinkRoutes = new Hono<AppEnv>()
  .get('/surveys/:id/open-link', async (c) => {
    const surveyId = pathId(c);
    if (!(await getSurvey(c.env.DB, c.var.coordinator.organisationId, surveyId))) throw notFound('survey');
    return c.json(openLinkJson(await getOpenLink(c.env.DB, surveyId), publicUrl(c.env)));
  })
  .put('/surveys/:id/open-link', async (c) => {
    const input = await jsonBody(c, OpenLinkSettingsSchema);
    const base = publicUrl(c.env);
    return c.json(openLinkJson(await saveOpenLink(c.env, c.var.coordinator, pathId(c), input), base));
  });
