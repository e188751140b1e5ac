import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { invitationJson, listInvitations, upsertInvitations } from './invitations.queries.ts';
import { InviteSchema } from './invitations.schemas.ts';

/** Where personal links point: the configured public URL, else this request's origin. */
export function linkBase(publicUrl: string | undefined, requestUrl: string): string {
  return (publicUrl || new URL(requestUrl).origin).replace(/\/+$/, '');
}

export const invitationsRoutes = new Hono<AppEnv>()
  .post('/surveys/:id/invitations', async (c) => {
    const org = c.var.coordinator.organisationId;
    const surveyId = pathId(c);
    const { participants } = await jsonBody(c, InviteSchema);
    const survey = await getSurvey(c.env.DB, org, surveyId);
    if (!survey) throw notFound('survey');
    const series = await getSeries(c.env.DB, org, survey.series_id);
    const issued = await upsertInvitations(c.env.DB, surveyId, series?.language ?? 'fr', participants);
    const base = linkBase(c.env.PUBLIC_URL, c.req.url);
    return c.json(
      { invitations: issued.map((i) => ({ id: i.id, email: i.email, url: `${base}/s/${i.token}` })) },
      201,
      // The URLs are secrets: keep them out of every cache.
      { 'Cache-Control': 'no-store' },
    );
  })
  .get('/surveys/:id/invitations', async (c) => {
    const surveyId = pathId(c);
    if (!(await getSurvey(c.env.DB, c.var.coordinator.organisationId, surveyId))) throw notFound('survey');
    return c.json({ invitations: (await listInvitations(c.env.DB, surveyId)).map(invitationJson) });
  });
