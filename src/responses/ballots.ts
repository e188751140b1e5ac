/**
 * Anonymous ballots: how an anonymous survey holds each submission and releases them in steps.
 *
 * A coordinator knows who answered (the invitation list says so: reminders need it), so live
 * results would tell what one person answered by difference: snapshot, wait for a known person
 * to answer, snapshot again. An anonymous submission is therefore written sealed to
 * anonymous_ballots (migrations/0011) and applied to responses/answers — which every output
 * reads: results, brief, exports, webhooks' counts — only when at least the survey's effective
 * minimum (src/domain/disclosure.ts) of respondents have a held ballot, or at closing when
 * nothing was released yet. Outputs then change only in steps of at least that many people,
 * and a modification counts as one of them (it changes what the outputs say).
 *
 * Four sealed or keyed values per ballot, none of which D1 alone can open or produce:
 * - the read-back, under a key derived from the link's token AND the device secret the
 *   submission left in that browser's cookie (src/responses/readback-device.ts): the coordinator
 *   holds every link, so the link alone must not read answers back. The same link on another
 *   device, or a link issued again, sees an empty form (and a notice that an answer exists); its
 *   submission replaces the same ballot (one person, one response) and reseals the read-back
 *   for its own device;
 * - the pending write, under a key derived from RESPONDENT_KEY (a Worker secret);
 * - the answers' MAC under RESPONDENT_KEY and the respondent's key: a retry of the same
 *   answers writes nothing, without a plain hash one could brute-force or compare between people;
 * - the read-back's tag (migrations/0025), which lets the submission's write tell a retry by
 *   itself, in SQL, without reading the ballot first (two D1 calls, not three): an HMAC under a
 *   key derived from the token AND the device secret, like the read-back's, of the survey, the
 *   respondent key and the answers' MAC. "The same MAC and the same tag" is exactly what the
 *   retry check was before ("the same MAC, and the read-back opens with this token and device"):
 *   tag and read-back are always written together, by the same token and device. Why storing it
 *   tells nothing new:
 *   · to D1, a copy of it, or the coordinator holding every link, it is a pseudorandom value:
 *     producing or checking it needs the device secret, 192 random bits that only the
 *     participant's cookie holds (D1 never does); with every link and no device secret, no
 *     submission can match it, so none is answered "unchanged" to the coordinator (the guess
 *     of test/readback-device.test.ts still writes, and is answered like a wrong one);
 *   · it cannot link two ballots: each is keyed by its own link and device and bound to its own
 *     survey and respondent key, so tags of two ballots (two people, two surveys, or one
 *     browser's two links) never match and relate in no way an observer can compute;
 *   · it says nothing of the answers: the MAC it is bound to is already stored beside it, and
 *     its presence is the read-back's (written and cleared together);
 *   · across time (snapshots, time travel), it is bound to the MAC so that it changes with
 *     every write of different answers: two states only share a tag when they share the MAC
 *     (which D1 already shows) and were written by the same link and device. That last bit
 *     (for a person who went back to earlier answers) is the one thing a deterministic check
 *     must keep, and it tells which device, never what was answered;
 *   · the number of D1 calls a submission takes depends only on what its sender knows (the
 *     request, that the person answered, that the ballot is older than the tags), never on
 *     the answers or their language: a right and a wrong guess take the same calls
 *     (storeBallotStatements; test/anonymous-ballots.test.ts).
 *
 * Choices, on purpose:
 * - The invitation's "answered" flag is set at once, not in steps (issue 13 suggested steps):
 *   reminders need it, and the outbox (who gets no reminder) would tell it anyway. The steps
 *   protect WHAT was answered; who answered is not secret from the coordinator. Its opening
 *   time keeps only the day.
 * - Within a step, rows are written in a shuffled order; across steps, ids still rise, which
 *   tells only the step a response was first counted in (a group of at least the minimum).
 * - A changed answer counts towards the step like a new one, since it changes the outputs.
 * - At closing, held ballots are counted if they reach the minimum or if nothing was counted
 *   before; otherwise they stay held (`held_back`), since counting them would publish a
 *   difference about fewer people than the minimum. Re-opening may count them later.
 */
import type { AnswerRow, Answers } from '../domain/answers.ts';
import type { Language } from '../domain/language.ts';
import type { Env } from '../env.ts';
import { derivedHmacHex, hmacHex, seal, sealingKey, unseal } from '../lib/crypto.ts';
import { retryTransient } from '../lib/d1-retry.ts';
import { deliverAfter } from '../webhooks/delivery.ts';
import { deliveryIds } from '../webhooks/outbox.queries.ts';
import { type PendingBallot, type ReleaseItem, releasableBallots, releaseStatements } from './ballots.queries.ts';
import { respondentKey } from './respondent.ts';

/** What the link that answered can read back. */
export interface Readback {
  answers: Answers;
  language: Language;
  /** The day of the submission (YYYY-MM-DD), shown as "answered on". */
  day: string;
}

interface PendingWrite {
  rows: [string, string | null, number | null, number | null, number | null, string | null][];
  grp: string;
  definition_version: number;
  language: Language;
  answers_hash: string;
}

/** Token and device secret never contain a newline: the concatenation is unambiguous. */
const readbackKey = (token: string, device: string, surveyId: number) =>
  sealingKey(`${token}\n${device}`, `relais readback/v2 ${surveyId}`);
const pendingKey = (secret: string) => sealingKey(secret, 'relais pending ballot/v1');
/** Sealed values are bound to their row: one moved to another survey or respondent does not open. */
const bound = (surveyId: number, respondentKey: string) => `${surveyId}:${respondentKey}`;
/** The read-back's tag: the same token and device as its key, derived apart (see the header). */
export const readbackTag = (token: string, device: string, surveyId: number, respondentKey: string, answersMac: string) =>
  derivedHmacHex(`${token}\n${device}`, `relais readback tag/v1 ${surveyId}`, `${bound(surveyId, respondentKey)}\n${answersMac}`);

export function sealReadback(token: string, device: string, surveyId: number, respondentKey: string, readback: Readback): Promise<string> {
  return readbackKey(token, device, surveyId).then((key) => seal(key, bound(surveyId, respondentKey), JSON.stringify(readback)));
}

export async function openReadback(
  token: string,
  device: string | null,
  surveyId: number,
  respondentKey: string,
  sealed: string | null,
): Promise<Readback | null> {
  if (!sealed || !device) return null;
  const plain = await unseal(await readbackKey(token, device, surveyId), bound(surveyId, respondentKey), sealed);
  return plain ? (JSON.parse(plain) as Readback) : null;
}

export async function sealPending(
  secret: string,
  surveyId: number,
  respondentKey: string,
  input: { rows: AnswerRow[]; grp: string; definitionVersion: number; language: Language; answersHash: string },
): Promise<string> {
  const write: PendingWrite = {
    rows: input.rows.map((r) => [r.question_id, r.option_id, r.theme_id, r.rank, r.number, r.text]),
    grp: input.grp,
    definition_version: input.definitionVersion,
    language: input.language,
    answers_hash: input.answersHash,
  };
  return seal(await pendingKey(secret), bound(surveyId, respondentKey), JSON.stringify(write));
}

/** Keyed by the respondent too: two people's equal answers get different MACs. */
export function answersMac(
  secret: string,
  surveyId: number,
  respondentKey: string,
  fingerprint: string,
  language: Language,
): Promise<string> {
  return hmacHex(secret, `relais answers mac/v1\n${surveyId}\n${respondentKey}\n${language}\n${fingerprint}`);
}

/** A uniform integer in [0, n), from the Worker's CSPRNG; tests inject their own. */
export type RandomIndex = (n: number) => number;

const cryptoIndex: RandomIndex = (n) => {
  // Rejection sampling: no modulo bias.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % n;
  }
};

/** Fisher–Yates: every order equally likely, whatever the order the ballots were read in. */
export function shuffle<T>(items: readonly T[], random: RandomIndex = cryptoIndex): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

export interface ReleaseOptions {
  /** The order the rows are written in (tests inject a known permutation). */
  random?: RandomIndex;
  /** Takes the first attempt of the event's deliveries (the Worker's waitUntil); without it, it is awaited here. */
  after?: ((work: Promise<unknown>) => unknown) | undefined;
}

/**
 * Applies held ballots to responses/answers in one batch, in a shuffled order, with the
 * series' webhook event (`responses.released`) written in that batch. Returns how many were applied. The one function
 * every caller uses: a submission reaching the minimum, closing (API, workspace, cron), the
 * cron's retry. Ballots that do not open (a secret rotated) are left held and logged.
 */
export async function releaseBallots(
  env: Env,
  survey: { surveyId: number; seriesId: number },
  ballots: readonly PendingBallot[],
  options: ReleaseOptions = {},
): Promise<number> {
  const secret = env.RESPONDENT_KEY;
  if (!secret || ballots.length === 0) return 0;
  const key = await pendingKey(secret);
  const items: ReleaseItem[] = [];
  for (const b of ballots) {
    const plain = await unseal(key, bound(survey.surveyId, b.respondent_key), b.pending);
    if (!plain) {
      console.error('held ballot does not open', survey.surveyId);
      continue;
    }
    const w = JSON.parse(plain) as PendingWrite;
    items.push([b.respondent_key, b.pending, w.language, w.answers_hash, w.definition_version, w.grp, w.rows]);
  }
  if (items.length === 0) return 0;
  const order = shuffle(items, options.random);
  const results = await retryTransient(() => env.DB.batch(releaseStatements(env.DB, survey.surveyId, order)));
  // [3] the ballots cleared (released), [4] the event's deliveries, written with them.
  const released = results[3]?.results.length ?? 0;
  await deliverAfter(env, deliveryIds(results[4]), options.after);
  return released;
}

/**
 * A release that must not fail its caller: a participant's ballot, or a closing, is already
 * committed; held ballots stay held and the next submission, closing or cron tick retries.
 */
export async function releaseQuietly(
  env: Env,
  survey: { surveyId: number; seriesId: number },
  ballots: readonly PendingBallot[] | (() => Promise<readonly PendingBallot[]>),
  options: ReleaseOptions = {},
): Promise<number> {
  try {
    const list = typeof ballots === 'function' ? await ballots() : ballots;
    return await releaseBallots(env, survey, list, options);
  } catch (error) {
    console.error('release of held ballots failed; retried later', error instanceof Error ? error.message : error);
    return 0;
  }
}

/** Closing an anonymous survey: its held ballots are released if the rule allows (see releasableBallots). */
export async function releaseAtClosing(
  env: Env,
  survey: { surveyId: number; seriesId: number },
  options: ReleaseOptions = {},
): Promise<number> {
  return releaseQuietly(
    env,
    survey,
    async () => (await releasableBallots(env.DB, survey.surveyId, true).all<PendingBallot>()).results,
    options,
  );
}

/**
 * The ballots of these invitations, as [survey_id, respondent_key] (for removing or erasing a
 * person). Without RESPONDENT_KEY no anonymous survey can have taken answers: nothing to find.
 */
export async function ballotKeys(
  env: Env,
  invitations: readonly { id: number; survey_id: number; anonymous: 0 | 1 }[],
): Promise<[number, string][]> {
  if (!env.RESPONDENT_KEY) return [];
  return Promise.all(
    invitations
      .filter((i) => i.anonymous === 1)
      .map(
        async (i): Promise<[number, string]> => [
          i.survey_id,
          await respondentKey(env.RESPONDENT_KEY, { surveyId: i.survey_id, anonymous: true }, i.id),
        ],
      ),
  );
}
