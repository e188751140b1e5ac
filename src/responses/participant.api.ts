/** The participant's JSON API, for clients other than the HTML form. */

import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { Hono } from '../http/hono.ts';
import { idempotent, participantScope } from '../http/idempotency.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { contract } from '../openapi/contract.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { limitLinkGuessing } from './link-guessing.ts';
import { ParticipantLinkResponseSchema, ParticipantSubmissionResponseSchema, SubmissionSchema } from './participant.schemas.ts';
import { openLink, submitAnswers } from './participation.ts';
import { deviceOf, rememberDevice } from './readback-device.ts';

function surveyView(link: Awaited<ReturnType<typeof openLink>>): v.InferOutput<typeof ParticipantLinkResponseSchema>['survey'] {
  const { context: c } = link;
  return {
    id: c.surveyId,
    kind: c.kind,
    title: c.seriesTitle,
    anonymous: c.anonymous,
    closes_at: c.closesAt,
    definition_version: c.definitionVersion,
    session: c.session,
    questions: c.definition.questions,
  };
}

/**
 * A participant's Idempotency-Key: their answers are never kept for a replay (it runs again
 * and, the same, writes nothing), and the key's owner cannot be joined to the invitation
 * (src/http/idempotency.ts).
 */
const participantKeys = idempotent({
  scope: async (c) => participantScope(c.env, await sha256Hex(c.req.param('token') ?? '')),
  storeBody: () => false,
  dayOnly: true,
});

const tag = 'participants';
const auth = 'link';
/** Errors particular to a link; the others every route of its kind can give (src/openapi/document.ts). */
const notNow = { 409: { description: 'Not open yet' }, 410: { description: 'Closed' } };

export const participantApi = new Hono<AppEnv>()
  .use('/s/*', limitLinkGuessing)
  .get(
    '/s/:token',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'A personal link: the survey and earlier answers',
        tag,
        auth,
        responses: { 200: { description: 'The survey and answers', schema: ParticipantLinkResponseSchema }, ...notNow },
      },
    }),
    async (c) => {
      const token = c.req.param('token');
      // An anonymous survey's earlier answers come back only with the cookie its PUT set.
      const link = await openLink(c.env, token, { markOpened: true, device: await deviceOf(c, token) });
      return c.json(
        {
          survey: surveyView(link),
          language: link.stored?.language ?? link.context.invitationLanguage,
          answers: link.answers,
          updated_at: link.stored?.updatedAt ?? null,
        } satisfies v.InferOutput<typeof ParticipantLinkResponseSchema>,
        200,
        { 'Cache-Control': 'no-store' },
      );
    },
  )
  .put(
    '/s/:token',
    participantKeys,
    contract({
      body: SubmissionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Submit (or replace) answers',
        description:
          'Values: single → option id, multiple → option ids, ranking → ordered option ids, rating → integer, text → string. Sending the same submission again writes nothing (`unchanged: true`). Send `survey_id` (`survey.id` of the GET) when you have it: the answers are then checked against the questions the server holds and stored in one database call; a wrong or outdated id only costs the usual lookup.',
        tag,
        auth,
        idempotent: true,
        responses: { 200: { description: 'What was recorded', schema: ParticipantSubmissionResponseSchema }, ...notNow },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const token = c.req.param('token');
      const { surveyId, saved } = await submitAnswers(c.env, token, body, afterResponse(c), await deviceOf(c, token));
      if (saved.device) await rememberDevice(c, token, saved.device);
      return c.json(
        {
          survey_id: surveyId,
          answers: saved.answers,
          language: saved.language,
          updated_at: saved.updatedAt,
          unchanged: saved.unchanged,
        } satisfies v.InferOutput<typeof ParticipantSubmissionResponseSchema>,
        200,
        { 'Cache-Control': 'no-store' },
      );
    },
  );
