/** The participant's JSON API, for clients other than the HTML form. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody } from '../http/body.ts';
import { idempotent } from '../http/idempotency.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { afterResponse } from '../webhooks/delivery.ts';
import { limitLinkGuessing } from './link-guessing.ts';
import { openLink, submitAnswers } from './participation.ts';

export const SubmissionSchema = v.strictObject({
  /** `{ <question id>: value }`: option id, option ids, ordered option ids, integer or text. */
  answers: v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      'expected an object { <question id>: value }',
    ),
    v.record(v.string(), v.unknown()),
  ),
  language: v.optional(LanguageSchema),
  /**
   * `survey.id` as GET returned it. Optional: with it, Relais checks the answers against the
   * questions it holds in memory and stores them in one database call; a wrong or outdated
   * id only costs the usual lookup, never a wrong write.
   */
  survey_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

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

export const participantApi = new Hono<AppEnv>()
  .use('/s/*', limitLinkGuessing)
  .get('/s/:token', async (c) => {
    const link = await openLink(c.env, c.req.param('token'), { markOpened: true });
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
  .put('/s/:token', idempotent({ scope: async (c) => `t:${await sha256Hex(c.req.param('token') ?? '')}` }), async (c) => {
    const body = await jsonBody(c, SubmissionSchema);
    const { surveyId, saved } = await submitAnswers(c.env, c.req.param('token'), body, afterResponse(c));
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
