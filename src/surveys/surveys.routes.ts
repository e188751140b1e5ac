import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { closeSurvey, createSurvey, openSurvey, ownedSurvey } from './surveys.actions.ts';
import { surveyJson } from './surveys.queries.ts';
import { CreateSurveySchema } from './surveys.schemas.ts';

export const surveysRoutes = new Hono<AppEnv>()
  .post('/sessions/:id/surveys', async (c) => {
    const input = await jsonBody(c, CreateSurveySchema);
    const survey = await createSurvey(c.env, c.var.coordinator, pathId(c), input);
    return c.json(surveyJson(survey), 201, { Location: `/api/surveys/${survey.id}` });
  })
  .get('/surveys/:id', async (c) => c.json(surveyJson(await ownedSurvey(c.env, c.var.coordinator, pathId(c)))))
  .post('/surveys/:id/open', async (c) => c.json(surveyJson(await openSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c)))))
  .post('/surveys/:id/close', async (c) => c.json(surveyJson(await closeSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c)))));
