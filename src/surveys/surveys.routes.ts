import { Hono } from 'hono';
import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { contract } from '../openapi/contract.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { closeSurvey, createSurvey, openSurvey, ownedSurvey } from './surveys.actions.ts';
import { surveyJson } from './surveys.queries.ts';
import { CreateSurveySchema, SurveyResponseSchema } from './surveys.schemas.ts';

const tag = 'surveys';
const auth = 'coordinator';
type Survey = v.InferOutput<typeof SurveyResponseSchema>;
const answers = (description: string) => ({ 200: { description, schema: SurveyResponseSchema } });

export const surveysRoutes = new Hono<AppEnv>()
  .post(
    '/sessions/:id/surveys',
    contract({
      summary: 'Create the pre- or post-survey of a session',
      description: "Without `questions`, the template of that kind with the series' active themes.",
      tag,
      auth,
      body: CreateSurveySchema,
      responses: {
        201: { description: 'The survey created (its URL in Location)', schema: SurveyResponseSchema },
        409: { description: 'The session already has a survey of this kind' },
      },
    }),
    async (c) => {
      const survey = await createSurvey(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      return c.json(surveyJson(survey) satisfies Survey, 201, { Location: `/api/surveys/${survey.id}` });
    },
  )
  .get('/surveys/:id', contract({ summary: 'Read a survey', tag, auth, responses: answers('The survey') }), async (c) =>
    c.json(surveyJson(await ownedSurvey(c.env, c.var.coordinator, pathId(c))) satisfies Survey),
  )
  .post(
    '/surveys/:id/open',
    contract({ summary: 'Open a survey (sends `survey.opened` to webhooks)', tag, auth, responses: answers('The opened survey') }),
    async (c) => c.json(surveyJson(await openSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c))) satisfies Survey),
  )
  .post(
    '/surveys/:id/close',
    contract({ summary: 'Close a survey (sends `survey.closed` to webhooks)', tag, auth, responses: answers('The closed survey') }),
    async (c) => c.json(surveyJson(await closeSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c))) satisfies Survey),
  );
