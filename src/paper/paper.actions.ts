/**
 * Paper answers, for people who would rather not (or cannot) answer online: the coordination
 * keys a sheet in from the workspace and it counts like any other answer. A sheet answers
 * through an invitation of its own, so it takes the participant's ordinary submission: the
 * same validation, the one batch that replaces a response, and for an anonymous survey the
 * sealed ballot counted in steps (src/responses/ballots.ts). Nobody can read a sheet back:
 * its link is never shown or sealed, and an anonymous ballot's read-back needs a device
 * secret that is thrown away here.
 */
import * as v from 'valibot';
import { writeAudit } from '../audit/audit.queries.ts';
import { validateAnswers } from '../domain/answers.ts';
import type { Definition } from '../domain/definition.ts';
import type { Language } from '../domain/language.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import { sealingSecret } from '../email/links.ts';
import type { Coordinator, Env } from '../env.ts';
import { Problem } from '../http/problem.ts';
import { paperMessages } from '../i18n/paper/index.ts';
import { hmacHex, sha256Hex } from '../lib/crypto.ts';
import { InvalidAnswers, openLink, submit } from '../responses/participation.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { forgetUnansweredSheet, keyedInCount, paperInvitationStatements } from './paper.queries.ts';

/**
 * The sheet's identity: a random id the key-in form carries, so that sending the same form
 * twice (a double click, a retry after a lost answer) replaces the same answer, never adds one.
 */
export const SheetSchema = v.pipe(v.string(), v.uuid());

/** Addresses under .invalid (RFC 2606) can never receive mail: a sheet's invitation is never sent anything. */
export const PAPER_DOMAIN = 'keyed-in.invalid';

/** The sheet's link token, derived so that a retry finds its invitation again; never shown or stored. */
const sheetToken = (secret: string, surveyId: number, sheet: string) => hmacHex(secret, `relais/paper-sheet/v1:${surveyId}:${sheet}`);

export interface PaperSheet {
  sheet: string;
  answers: Record<string, unknown>;
  language: Language;
}

/** Keys a paper sheet in; answers how many sheets of the survey are now keyed in. */
export async function keyInPaperAnswer(
  env: Env,
  actor: Coordinator,
  surveyId: number,
  input: PaperSheet,
  after?: (work: Promise<unknown>) => unknown,
): Promise<{ keyed: number }> {
  const survey = await ownedSurvey(env, actor, surveyId);
  if (effectiveStatus(survey.status, survey.closes_at) !== 'open') {
    throw new Problem(409, 'survey-not-open', 'Survey not open', { detail: 'Paper answers are keyed in while the survey is open.' });
  }
  // Checked before anything is written: a sheet that does not fit leaves nothing behind.
  const checked = validateAnswers(JSON.parse(survey.definition) as Definition, input.answers);
  if (!checked.ok) throw new InvalidAnswers(checked.issues);

  const token = await sheetToken(sealingSecret(env), survey.id, input.sheet);
  const email = `paper-${input.sheet}@${PAPER_DOMAIN}`;
  await env.DB.batch([
    ...paperInvitationStatements(env.DB, {
      surveyId: survey.id,
      email,
      name: paperMessages(input.language).paperName,
      language: input.language,
      tokenHash: await sha256Hex(token),
      keyedBy: actor.id,
    }),
    writeAudit(env.DB, actor, 'response.key-in', `survey:${survey.id}`),
  ]);
  try {
    // The language is the sheet's: an anonymous ballot need not be read first (participation.ts).
    await submit(env, await openLink(env, token, { readBallot: false }), input.answers, input.language, after);
  } catch (error) {
    // The answers were not stored (the submission's batch is all-or-nothing): the sheet's
    // unanswered invitation goes too, so no participant row lingers for it.
    await forgetUnansweredSheet(env.DB, survey.id, email)
      .run()
      .catch(() => undefined);
    throw error;
  }
  return { keyed: await keyedInCount(env.DB, survey.id) };
}
