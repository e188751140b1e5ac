/** The participant's JSON API, for clients other than the HTML form. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody } from '../http/body.ts';
import { idempotent, participantScope } from '../http/idempotency.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { limitLinkGuessing } from './link-guessing.ts';
import { SubmissionSchema } from './participant.schemas.ts';
import { openLink, submitAnswers } from './participation.ts';
import { deviceOf, rememberDevice } from './readback-device.ts';

function surveyView(link: Awaited<ReturnType<typeof openLink>>) {
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

export const participantApi = new Hono<AppEnv>()
  .use('/s/*', limitLinkGuessing)
  .get('/s/:token', async (c) => {
    const token = c.req.param('token');
    // An anonymous survey's earlier answers come back only with the cookie its PUT set.
    const link = await openLink(c.env, token, { markOpened: true, device: await deviceOf(c, token) });
    return c.json(
      {
        survey: surveyView(link),
        language: link.stored?.language ?? link.context.invitationLanguage,
        answers: link.answers,
        updated_at: link.stored?.updatedAt ?? null,
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  })
  .put('/s/:token', participantKeys, async (c) => {
    const body = await jsonBody(c, SubmissionSchema);
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
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
