/**
 * The resource a workspace path names (`…/:id`), read within the signed-in coordinator's
 * organisation: another organisation's id is a 404, like an unknown one.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { getTheme } from '../themes/themes.queries.ts';

type C = Context<AppEnv>;

export async function ownSeries(c: C) {
  const series = await getSeries(c.env.DB, c.var.coordinator.organisationId, pathId(c));
  if (!series) throw notFound('series');
  return series;
}

export async function ownTheme(c: C) {
  const theme = await getTheme(c.env.DB, c.var.coordinator.organisationId, pathId(c));
  if (!theme) throw notFound('theme');
  return theme;
}

export async function ownSession(c: C) {
  const session = await getSession(c.env.DB, c.var.coordinator.organisationId, pathId(c));
  if (!session) throw notFound('session');
  return session;
}

export async function ownSurvey(c: C) {
  const survey = await getSurvey(c.env.DB, c.var.coordinator.organisationId, pathId(c));
  if (!survey) throw notFound('survey');
  return survey;
}
