import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { contract } from '../openapi/contract.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { closeSurvey, copySurvey, createSurvey, editQuestions, openSurvey, ownedSurvey } from './surveys.actions.ts';
import { surveyJson } from './surveys.queries.ts';
import { CopySurveySchema, CreateSurveySchema, EditQuestionsSchema, SurveyResponseSchema } from './surveys.schemas.ts';

const tag = 'surveys';
const auth = 'coordinator';
type Survey = v.InferOutput<typeof SurveyResponseSchema>;
const answers = RELAIS_DOCS ? (description: string) => ({ 200: { description, schema: SurveyResponseSchema } }) : (undefined as never);

export const surveysRoutes = new Hono<AppEnv>()
  .post(
    '/sessions/:id/surveys',
    contract({
      body: CreateSurveySchema,
      docs: RELAIS_DOCS && {
        summary: 'Create the pre- or post-survey of a session',
        description:
          "Without `questions`, the template of that kind for the series: its active themes, and the commune question with the series' bassin's communes first.",
        tag,
        auth,
        responses: {
          201: { description: 'The survey created (its URL in Location)', schema: SurveyResponseSchema },
          409: { description: 'The session already has a survey of this kind' },
        },
      },
    }),
    async (c) => {
      const survey = await createSurvey(c.env, c.var.coordinator, pathId(c), c.req.valid('json'));
      return c.json(surveyJson(survey) satisfies Survey, 201, { Location: `/api/surveys/${survey.id}` });
    },
  )
  .get(
    '/surveys/:id',
    contract({ docs: RELAIS_DOCS && { summary: 'Read a survey', tag, auth, responses: answers('The survey') } }),
    async (c) => c.json(surveyJson(await ownedSurvey(c.env, c.var.coordinator, pathId(c))) satisfies Survey),
  )
  .put(
    '/surveys/:id/questions',
    contract({
      body: EditQuestionsSchema,
      docs: RELAIS_DOCS && {
        summary: "Replace a survey's questions (the editor)",
        description:
          'Add, remove, reorder questions and options, change types, `max_ranked`, required, the profile question, texts. Free until someone answers; afterwards only changes that keep every stored answer meaningful (rewording, new options, new questions that are not required, reordering, a larger `max_ranked`): anything else is a 422 naming the field, with a `code` per rule.',
        tag,
        auth,
        responses: {
          200: { description: 'The edited survey', schema: SurveyResponseSchema },
          409: { description: '`version` is not the current definition_version' },
        },
      },
    }),
    async (c) => c.json(surveyJson(await editQuestions(c.env, c.var.coordinator, pathId(c), c.req.valid('json'))) satisfies Survey),
  )
  .post(
    '/surveys/:id/copy',
    contract({
      body: CopySurveySchema,
      docs: RELAIS_DOCS && {
        summary: 'Copy a survey to another session, as a draft',
        description:
          "The questions are copied; theme options follow the target series' active catalogue (merged or archived themes dropped, new ones added).",
        tag,
        auth,
        responses: {
          201: { description: 'The new draft survey (its URL in Location)', schema: SurveyResponseSchema },
          409: { description: 'The session already has a survey of this kind' },
        },
      },
    }),
    async (c) => {
      const survey = await copySurvey(c.env, c.var.coordinator, pathId(c), c.req.valid('json').session_id);
      return c.json(surveyJson(survey) satisfies Survey, 201, { Location: `/api/surveys/${survey.id}` });
    },
  )
  .post(
    '/surveys/:id/open',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Open a survey (sends `survey.opened` to webhooks)',
        tag,
        auth,
        responses: answers('The opened survey'),
      },
    }),
    async (c) => c.json(surveyJson(await openSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c))) satisfies Survey),
  )
  .post(
    '/surveys/:id/close',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Close a survey (sends `survey.closed` to webhooks)',
        tag,
        auth,
        responses: answers('The closed survey'),
      },
    }),
    async (c) => c.json(surveyJson(await closeSurvey(c.env, c.var.coordinator, pathId(c), afterResponse(c))) satisfies Survey),
  );
