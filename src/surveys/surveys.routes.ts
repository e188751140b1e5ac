import { Hono } from 'hono';
import type { Definition } from '../domain/definition.ts';
import { postSurveyTemplate, preSurveyTemplate } from '../domain/templates.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound, Problem } from '../http/problem.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { activeCatalogue } from '../themes/themes.queries.ts';
import { afterResponse, emitSurveyChanged } from '../webhooks/delivery.ts';
import { closeSurvey, createSurvey, getSurvey, openSurvey, refreshThemeOptions, surveyJson } from './surveys.queries.ts';
import { CreateSurveySchema } from './surveys.schemas.ts';

export const surveysRoutes = new Hono<AppEnv>()
  .post('/sessions/:id/surveys', async (c) => {
    const org = c.var.coordinator.organisationId;
    const sessionId = pathId(c);
    const input = await jsonBody(c, CreateSurveySchema);
    const session = await getSession(c.env.DB, org, sessionId);
    if (!session) throw notFound('session');
    let questions = input.questions;
    if (!questions) {
      const themes = await activeCatalogue(c.env.DB, session.series_id);
      questions = input.kind === 'pre' ? preSurveyTemplate(themes) : postSurveyTemplate(themes);
    }
    const survey = await createSurvey(c.env.DB, org, sessionId, { ...input, questions });
    if (!survey) {
      throw new Problem(409, 'survey-exists', 'Survey exists', {
        detail: `Session #${session.number} already has a ${input.kind}-survey.`,
        errors: [{ field: 'kind', message: 'this session already has a survey of this kind' }],
      });
    }
    return c.json(surveyJson(survey), 201, { Location: `/api/surveys/${survey.id}` });
  })
  .get('/surveys/:id', async (c) => {
    const survey = await getSurvey(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!survey) throw notFound('survey');
    return c.json(surveyJson(survey));
  })
  .post('/surveys/:id/open', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const survey = await getSurvey(c.env.DB, org, id);
    if (!survey) throw notFound('survey');
    if (survey.anonymous && !c.env.RESPONDENT_KEY) {
      throw new Problem(409, 'anonymity-not-configured', 'Anonymity not configured', {
        detail: 'Anonymous surveys need the RESPONDENT_KEY secret (wrangler secret put RESPONDENT_KEY).',
      });
    }
    const refreshed =
      survey.response_count === 0
        ? refreshThemeOptions(JSON.parse(survey.definition) as Definition, await activeCatalogue(c.env.DB, survey.series_id))
        : null;
    await openSurvey(c.env.DB, id, refreshed);
    const opened = await getSurvey(c.env.DB, org, id);
    if (!opened) throw notFound('survey');
    if (survey.status !== 'open') await afterResponse(c)(emitSurveyChanged(c.env, 'survey.opened', survey.series_id, id));
    return c.json(surveyJson(opened));
  })
  .post('/surveys/:id/close', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const before = await getSurvey(c.env.DB, org, id);
    if (!before) throw notFound('survey');
    await closeSurvey(c.env.DB, id);
    const closed = await getSurvey(c.env.DB, org, id);
    if (!closed) throw notFound('survey');
    if (before.status !== 'closed') await afterResponse(c)(emitSurveyChanged(c.env, 'survey.closed', before.series_id, id));
    return c.json(surveyJson(closed));
  });
