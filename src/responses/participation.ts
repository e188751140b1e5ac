/**
 * The participant's side of a survey, shared by the JSON API and the HTML pages: open a
 * personal link, then store a submission (validated, idempotent, all-or-nothing).
 */
import { type AnswerRow, type Answers, answersFromRows, type FieldIssue, fingerprintText, validateAnswers } from '../domain/answers.ts';
import type { Definition } from '../domain/definition.ts';
import type { Language } from '../domain/language.ts';
import { effectiveStatus } from '../domain/survey-status.ts';
import type { Env } from '../env.ts';
import { invalid, Problem } from '../http/problem.ts';
import { sha256Hex, TOKEN_PATTERN } from '../lib/crypto.ts';
import { retryTransient } from '../lib/d1-retry.ts';
import { profileGroup } from '../results/profile-group.ts';
import { deliverAfter } from '../webhooks/delivery.ts';
import { ballotOf, type PendingBallot, type PriorBallot, storeBallotStatements } from './ballots.queries.ts';
import { answersMac, openReadback, type Readback, readbackTag, releaseQuietly, sealPending, sealReadback } from './ballots.ts';
import { knownSurvey, likelySurvey, linkAnswered, rememberLink, rememberSurvey } from './known-surveys.ts';
import { newDevice } from './readback-device.ts';
import { respondentKey } from './respondent.ts';
import {
  type LinkContext,
  linkContext,
  markOpened,
  replaceResponse,
  type StoredResponse,
  storeKnownSubmission,
} from './responses.queries.ts';

export type LinkRefusal = 'not-found' | 'not-open' | 'closed';

/** A link that cannot take answers; pages render it in the participant's language. */
export class LinkProblem extends Problem {
  readonly reason: LinkRefusal;
  readonly language: Language | undefined;
  readonly answered: boolean;

  constructor(reason: LinkRefusal, language?: Language, answered = false) {
    const [status, title, detail] =
      reason === 'not-found'
        ? ([404, 'Link not found', 'This personal link is not valid.'] as const)
        : reason === 'not-open'
          ? ([409, 'Survey not open', 'The survey has not been opened yet.'] as const)
          : ([410, 'Survey closed', 'The survey is closed and no longer takes answers.'] as const);
    super(status, `survey-${reason}`, title, { detail });
    this.reason = reason;
    this.language = language;
    this.answered = answered;
  }
}

export interface OpenLink {
  context: LinkContext;
  respondentKey: string;
  /** The token that opened the link: an anonymous ballot's read-back is sealed under it and the device. */
  token: string;
  /** The device secret the request carried for this link (its cookie), if any; anonymous surveys only. */
  device: string | null;
  /** What this link may show back (for an anonymous survey, only the link that gave the answers). */
  stored: StoredResponse | null;
  /** The participant's earlier answers, in the submission's shape. */
  answers: Answers | null;
  /**
   * An anonymous survey's ballot, whichever link gave it, and whether this link, on this device,
   * can read it back (the page says "answered elsewhere" otherwise). Undefined for named surveys,
   * and for an anonymous link opened to submit without reading it (`readBallot: false`).
   */
  ballot?: { language: Language; readable: boolean } | null;
}

export interface OpenOptions {
  markOpened?: boolean;
  device?: string | null;
  /**
   * False when the link is opened to submit: an anonymous ballot is then not read (one D1 call
   * less), since the submission's write tells a retry by itself, and with `fallbackLanguage`
   * the language of the earlier answers too (storeBallotStatements). Its answers are read
   * first only to show them. A closed survey's ballot is read all the same (its refusal says
   * whether this device's answers exist).
   */
  readBallot?: boolean;
}

/** Resolves a token to its survey and earlier answers; refuses unknown, unopened, closed links. */
export async function openLink(env: Env, token: string, options: OpenOptions = {}): Promise<OpenLink> {
  if (!TOKEN_PATTERN.test(token)) throw new LinkProblem('not-found');
  const tokenHash = await sha256Hex(token);
  const context = await linkContext(env.DB, tokenHash);
  if (!context) throw new LinkProblem('not-found');
  if (!context.anonymous) rememberLink(tokenHash, context.surveyId, Boolean(context.stored));
  rememberSurvey({
    surveyId: context.surveyId,
    createdAt: context.surveyCreatedAt,
    definitionVersion: context.definitionVersion,
    anonymous: context.anonymous,
    definition: context.definition,
    hasSubmissionWebhooks: context.hasSubmissionWebhooks,
  });
  const key = await respondentKey(env.RESPONDENT_KEY, context, context.invitationId);
  const status = effectiveStatus(context.status, context.closesAt);
  if (status === 'draft') throw new LinkProblem('not-open', context.invitationLanguage);
  if (context.anonymous) return openBallot(env, token, context, key, status, options);
  const stored = context.stored ?? null;
  if (status === 'closed') throw new LinkProblem('closed', context.invitationLanguage, stored !== null);
  if (options.markOpened && !context.openedAt) await markOpened(env.DB, context.invitationId, false);
  return {
    context,
    respondentKey: key,
    token,
    device: null,
    stored,
    answers: stored ? answersFromRows(context.definition, stored.rows) : null,
  };
}

/**
 * An anonymous survey's link reads the person's ballot (one read) and shows its answers back
 * only if the read-back opens with this link's token and this device's secret: the same link
 * elsewhere (the coordinator's copy from the invitation's answer or the links CSV, another
 * browser) or a link issued again opens an empty form.
 */
async function openBallot(
  env: Env,
  token: string,
  context: LinkContext,
  key: string,
  status: ReturnType<typeof effectiveStatus>,
  options: OpenOptions,
): Promise<OpenLink> {
  const device = options.device ?? null;
  if (status !== 'closed' && options.readBallot === false) {
    return { context, respondentKey: key, token, device, stored: null, answers: null };
  }
  const ballot = await ballotOf(env.DB, context.surveyId, key);
  const readback = ballot ? await openReadback(token, device, context.surveyId, key, ballot.readback) : null;
  if (status === 'closed') throw new LinkProblem('closed', context.invitationLanguage, readback !== null);
  if (options.markOpened && !context.openedAt) await markOpened(env.DB, context.invitationId, true);
  return {
    context,
    respondentKey: key,
    token,
    device,
    stored: readback ? { answersHash: '', language: readback.language, updatedAt: readback.day, rows: [] } : null,
    answers: readback?.answers ?? null,
    ballot: ballot ? { language: ballot.language, readable: readback !== null } : null,
  };
}

export interface Submitted {
  answers: Answers;
  language: Language;
  createdAt: string | null;
  updatedAt: string;
  /** True when the same answers were already stored (a retry): nothing was written. */
  unchanged: boolean;
  /** An anonymous submission's device secret: the caller keeps it in the browser's cookie (readback-device.ts). */
  device?: string;
}

export class InvalidAnswers extends Problem {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    const p = invalid(
      issues.map(({ field, message, code }) => ({ field, message, code })),
      'Some answers do not fit their questions; nothing was stored.',
    );
    super(p.status, p.slug, p.title, { detail: p.message, ...(p.errors ? { errors: p.errors } : {}) });
    this.issues = issues;
  }
}

export interface SubmitOptions {
  /**
   * The request named no language and the link was opened without reading its anonymous
   * ballot (`readBallot: false`): `language` is the invitation's, standing in for the language
   * of the earlier answers this link on this device reads back, which is kept (as when the
   * ballot was read first). Anonymous surveys only; a named survey's link has read it already.
   */
  fallbackLanguage?: boolean;
}

/**
 * `after` receives work that must follow the committed write (webhooks): the caller hands it
 * to waitUntil, or returns it to have it awaited here; without `after` it is awaited here.
 */
export async function submit(
  env: Env,
  link: OpenLink,
  input: Record<string, unknown>,
  language: Language,
  after?: (work: Promise<unknown>) => unknown,
  options: SubmitOptions = {},
): Promise<Submitted> {
  const { context } = link;
  const result = validateAnswers(context.definition, input);
  if (!result.ok) throw new InvalidAnswers(result.issues);
  if (context.anonymous) return submitBallot(env, link, result, language, after, options.fallbackLanguage === true);
  const answersHash = await fingerprint(context.definitionVersion, result.answers);
  if (link.stored?.answersHash === answersHash && link.stored.language === language) {
    return { answers: result.answers, language, createdAt: null, updatedAt: link.stored.updatedAt, unchanged: true };
  }
  const times = await storeOrExplain(() =>
    replaceResponse(env.DB, {
      surveyId: context.surveyId,
      invitationId: context.invitationId,
      respondentKey: link.respondentKey,
      language,
      answersHash,
      definitionVersion: context.definitionVersion,
      rows: result.rows,
      grp: profileGroup(context.definition, result.rows),
      withEvent: context.hasSubmissionWebhooks,
    }),
  );
  if (!times) {
    // Stored already by an earlier attempt whose answer was lost: that write holds the event.
    return { answers: result.answers, language, createdAt: null, updatedAt: new Date().toISOString(), unchanged: true };
  }
  await deliverAfter(env, times.deliveries, after);
  return { answers: result.answers, language, createdAt: times.createdAt, updatedAt: times.updatedAt, unchanged: false };
}

/**
 * An anonymous submission is held as a sealed ballot (src/responses/ballots.ts), written with
 * the invitation's "answered" flag in one batch (one D1 call after the link's context: the
 * ballot is not read first); when the survey's held ballots now reach the minimum, they are
 * released in the same request. A failed release is no failure of this submission: the ballot
 * is committed, and the next submission or the cron releases it. The participant is told what
 * was recorded from the answers in memory.
 *
 * A retry — the same answers again from the device that gave them — writes nothing and is
 * answered "unchanged"; the batch tells it by the answers' MAC and the read-back's tag. From
 * any other device (or a link issued again) the same answers are stored again, like any
 * change: answering "unchanged" there would confirm a guess of someone else's answers to
 * whoever holds the link (the coordinator holds them all). The person's single response stays
 * single.
 */
async function submitBallot(
  env: Env,
  link: OpenLink,
  result: { answers: Answers; rows: AnswerRow[] },
  language: Language,
  after: ((work: Promise<unknown>) => unknown) | undefined,
  fallbackLanguage: boolean,
): Promise<Submitted> {
  const { context, respondentKey: key, token } = link;
  // The device that submits is the one that reads back: its secret is reused, or created here.
  const device = link.device ?? newDevice();
  const secret = env.RESPONDENT_KEY;
  // respondentKey() refused the link already when the secret is missing.
  if (!secret) throw new Error('RESPONDENT_KEY missing');
  const day = new Date().toISOString().slice(0, 10);
  const grp = profileGroup(context.definition, result.rows);
  const fingerprinted = fingerprintText(context.definitionVersion, result.answers);
  const store = async (lang: Language, flags: { fallbackLanguage: boolean; force: boolean }) => {
    const mac = await answersMac(secret, context.surveyId, key, fingerprinted, lang);
    const [readback, tag, pending] = await Promise.all([
      sealReadback(token, device, context.surveyId, key, { answers: result.answers, language: lang, day }),
      readbackTag(token, device, context.surveyId, key, mac),
      sealPending(secret, context.surveyId, key, {
        rows: result.rows,
        grp,
        definitionVersion: context.definitionVersion,
        language: lang,
        answersHash: mac,
      }),
    ]);
    const results = await storeOrExplain(() =>
      env.DB.batch(
        storeBallotStatements(env.DB, {
          surveyId: context.surveyId,
          invitationId: context.invitationId,
          respondentKey: key,
          answersMac: mac,
          language: lang,
          readback,
          readbackTag: tag,
          pending,
          ...flags,
        }),
      ),
    );
    // [0] the ballot as it was, [1] a row when it wrote, [3] the ballots now releasable.
    return {
      mac,
      prior: (results[0]?.results[0] as PriorBallot | undefined) ?? null,
      written: (results[1]?.results.length ?? 0) > 0,
      releasable: (results[3]?.results ?? []) as PendingBallot[],
    };
  };

  const unchanged = (lang: Language, earlier: Readback | null): Submitted => ({
    answers: result.answers,
    language: lang,
    createdAt: null,
    updatedAt: earlier?.day ?? day,
    unchanged: true,
    device,
  });
  const written = async (lang: Language, existed: boolean, releasable: PendingBallot[]): Promise<Submitted> => {
    if (releasable.length) await releaseQuietly(env, { surveyId: context.surveyId, seriesId: context.seriesId }, releasable, { after });
    return { answers: result.answers, language: lang, createdAt: existed ? null : day, updatedAt: day, unchanged: false, device };
  };

  const first = await store(language, { fallbackLanguage, force: false });
  if (first.written) return written(language, first.prior !== null, first.releasable);
  const { prior } = first;
  if (!prior) throw new Error('ballot neither written nor found');
  const earlier = await openReadback(token, device, context.surveyId, key, prior.readback);
  if (prior.retry === 1) return unchanged(language, earlier);
  // Left to this code, as when the ballot was read first: an untagged ballot, or a language
  // to settle (the one this device reads back, else the invitation's). A retry is the same
  // answers from the device that reads them back; anything else is stored, like any change.
  const lang = fallbackLanguage && earlier ? earlier.language : language;
  const mac = lang === language ? first.mac : await answersMac(secret, context.surveyId, key, fingerprinted, lang);
  if (earlier && prior.answers_mac === mac) return unchanged(lang, earlier);
  const second = await store(lang, { fallbackLanguage: false, force: true });
  return written(lang, true, second.releasable);
}

/**
 * The JSON API's submission: in one D1 call when it names a survey this isolate holds, else
 * (or when that is not conclusive) by reading the link first.
 */
export async function submitAnswers(
  env: Env,
  token: string,
  body: { answers: Record<string, unknown>; language?: Language | undefined; survey_id?: number | undefined },
  after?: (work: Promise<unknown>) => unknown,
  device: string | null = null,
): Promise<{ surveyId: number; saved: Submitted }> {
  // Without survey_id, the survey this isolate most likely holds for it (known-surveys.ts):
  // a wrong guess writes nothing and costs one D1 call before the usual path.
  const surveyId = body.survey_id ?? (TOKEN_PATTERN.test(token) ? likelySurvey(await sha256Hex(token), body.answers) : undefined);
  if (surveyId) {
    const saved = await submitToKnownSurvey(env, token, surveyId, () => body.answers, body.language ?? null, after);
    if (saved) return { surveyId, saved };
  }
  // An anonymous ballot is not read first: the submission's batch tells a retry, and the
  // language of earlier answers a submission naming none keeps (submitBallot).
  const link = await openLink(env, token, { device, readBallot: false });
  const language = body.language ?? link.stored?.language ?? link.context.invitationLanguage;
  const fallbackLanguage = body.language === undefined && link.context.anonymous;
  return { surveyId: link.context.surveyId, saved: await submit(env, link, body.answers, language, after, { fallbackLanguage }) };
}

/** What recognises a retry (the language is compared beside it; the one-call path does so in SQL). */
function fingerprint(definitionVersion: number, answers: Answers): Promise<string> {
  return sha256Hex(fingerprintText(definitionVersion, answers));
}

/**
 * A submission that names its survey (`survey_id` of the JSON API, the form's hidden
 * `survey`), stored in one D1 call when this isolate already holds that survey's questions:
 * validated against them in memory, then written by storeKnownSubmission's guarded batch.
 *
 * Returns null whenever that is not conclusive — survey not held or anonymous (its
 * respondent key needs the invitation id first), answers that do not validate, a link that is
 * unknown, closed or belongs to another survey, questions changed since, answers already
 * stored as they are: the caller then takes the two-call path (openLink, submit), which reads
 * everything afresh (refreshing the questions held) and gives the participant the right
 * answer or explanation. Nothing was written in those cases.
 */
export async function submitToKnownSurvey(
  env: Env,
  token: string,
  surveyId: number,
  answersFor: (definition: Definition) => Record<string, unknown> | null,
  language: Language | null,
  after?: (work: Promise<unknown>) => unknown,
): Promise<Submitted | null> {
  const survey = knownSurvey(surveyId);
  if (!survey || survey.anonymous || !TOKEN_PATTERN.test(token)) return null;
  const input = answersFor(survey.definition);
  if (!input) return null;
  const result = validateAnswers(survey.definition, input);
  if (!result.ok) return null;
  const answersHash = await fingerprint(survey.definitionVersion, result.answers);
  const tokenHash = await sha256Hex(token);
  const written = await storeOrExplain(() =>
    storeKnownSubmission(env.DB, {
      tokenHash,
      surveyId,
      surveyCreatedAt: survey.createdAt,
      definitionVersion: survey.definitionVersion,
      answersHash,
      language,
      rows: result.rows,
      grp: profileGroup(survey.definition, result.rows),
      withEvent: survey.hasSubmissionWebhooks,
      first: !linkAnswered(tokenHash),
    }),
  );
  if (!written) return null;
  rememberLink(tokenHash, surveyId, true);
  await deliverAfter(env, written.deliveries, after);
  return {
    answers: result.answers,
    language: written.language,
    createdAt: written.created_at,
    updatedAt: written.updated_at,
    unchanged: false,
  };
}

/**
 * The submission batch replaces a whole response, so running it again is harmless: transient
 * D1 failures are retried. Any other failure rolled the batch back: the participant is told
 * that nothing was stored and that trying again is safe.
 */
async function storeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await retryTransient(write);
  } catch (error) {
    console.error('submission not stored', error instanceof Error ? error.message : error);
    throw new Problem(503, 'answers-not-stored', 'Answers not stored', {
      detail: 'Your answers could not be stored; nothing was changed. Please try again.',
      headers: { 'Retry-After': '2' },
    });
  }
}
