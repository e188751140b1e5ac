import { Hono } from 'hono';
import { postSurveyTemplate, preSurveyTemplate } from '../domain/templates.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { activeCatalogue } from '../themes/themes.queries.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { closeSurveyNow, openSurveyNow } from './survey-status-changes.ts';
import { createSurvey, getSurvey, surveyJson } from './surveys.queries.ts';
import { CreateSurveySchema } from './surveys.schemas.ts';
import { foreignThemeIssues } from './theme-references.ts';

export const surveysRoutes = new Hono<AppEnv>()
  .post('/sessions/:id/surveys', async (c) => {
    const org = c.var.coordinator.organisationId;
    const sessionId = pathId(c);
    const input = await jsonBody(c, CreateSurveySchema);
    const session = await getSession(c.env.DB, org, sessionId);
    if (!session) throw notFound('session');
    let questions = input.questions;
    if (questions) {
      const foreign = await foreignThemeIssues(c.env.DB, session.series_id, questions);
      if (foreign.length) throw invalid(foreign);
    } else {
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
    await openSurveyNow(c.env, survey, afterResponse(c));
    const opened = await getSurvey(c.env.DB, org, id);
    if (!opened) throw notFound('survey');
    return c.json(surveyJson(opened));
  })
  .post('/surveys/:id/close', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const survey = await getSurvey(c.env.DB, org, id);
    if (!survey) throw notFound('survey');
    await closeSurveyNow(c.env, survey, afterResponse(c));
    const closed = await getSurvey(c.env.DB, org, id);
    if (!closed) throw notFound('survey');
    return c.json(surveyJson(closed));
  });
