/**
 * Emitting events and sending deliveries. An event is written to D1 first (the delivery log),
 * then sent; whatever fails is retried by `retryDueDeliveries`, which the cron calls. Nothing
 * here throws into the request that triggered the event: its write has already committed.
 */
import type { Context } from 'hono';
import type { Env } from '../env.ts';
import { type Envelope, responseSubmitted, responsesReleased, type SubmissionFacts, surveyChanged, type WebhookEvent } from './events.ts';
import { isDelivered, nextAttemptAt } from './schedule.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDue,
  enqueueDeliveries,
  enqueueEach,
  hasSubscribers,
  missedSurveyEvents,
  recordAttempts,
  surveyFacts,
} from './webhooks.queries.ts';

const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/**
 * Where work that follows a committed write goes: the Worker's waitUntil, so the answer is
 * not delayed; without an ExecutionContext (scripts, `app.request` in tests) the promise is
 * returned so the caller awaits it instead of leaving it running unobserved.
 */
export function afterResponse(c: Context): (work: Promise<unknown>) => Promise<unknown> | undefined {
  let ctx: { waitUntil(work: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  return (work) => {
    if (!ctx) return work;
    ctx.waitUntil(work);
    return undefined;
  };
}

async function send(d: ClaimedDelivery, now: Date) {
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Relais-Webhooks/1',
        'Relais-Event': d.event,
        'Relais-Delivery': String(d.id),
        [SIGNATURE_HEADER]: await signatureHeader(d.secret, d.payload, now),
      },
      body: d.payload,
    });
    httpStatus = res.status;
    // The body is not needed; cancelling it frees the connection.
    await res.body?.cancel();
    if (!isDelivered(httpStatus)) error = `HTTP ${httpStatus}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'unreachable';
  }
  return { httpStatus, error };
}

async function attempt(env: Env, deliveries: ClaimedDelivery[], now: Date) {
  if (deliveries.length === 0) return 0;
  const outcomes = await Promise.all(
    deliveries.map(async (d): Promise<AttemptOutcome> => {
      const { httpStatus, error } = await send(d, now);
      const delivered = isDelivered(httpStatus);
      const next = delivered ? null : nextAttemptAt(d.attempts, now);
      return {
        id: d.id,
        status: delivered ? 'delivered' : next ? 'pending' : 'failed',
        httpStatus,
        error: delivered ? null : error,
        nextAttemptAt: next?.toISOString() ?? null,
      };
    }),
  );
  await recordAttempts(env.DB, outcomes);
  return deliveries.length;
}

/** Sends the given deliveries now (their first attempt). */
export async function deliver(env: Env, ids: number[], now = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  const claimed = await claimDue(env.DB, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), { ids, limit: ids.length });
  return attempt(env, claimed, now);
}

/**
 * For the cron: pending deliveries whose next attempt is due, oldest first, at most `limit`
 * (each is one outbound request; D1 queries stay at three whatever the limit). Returns how
 * many were tried.
 */
export async function retryDueDeliveries(env: Env, now = new Date(), limit = 20): Promise<number> {
  const claimed = await claimDue(env.DB, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), { limit });
  return attempt(env, claimed, now);
}

async function emit(env: Env, seriesId: number, event: WebhookEvent, build: () => Promise<Envelope<unknown> | null>) {
  try {
    if (!(await hasSubscribers(env.DB, seriesId, event))) return;
    const envelope = await build();
    if (!envelope) return;
    const now = new Date();
    const ids = await enqueueDeliveries(env.DB, seriesId, event, JSON.stringify(envelope), now.toISOString());
    await deliver(env, ids, now);
  } catch (error) {
    // The triggering write stands; a delivery that was enqueued is retried by the cron.
    console.error('webhook emit failed', event, error);
  }
}

export function emitResponseSubmitted(env: Env, facts: Omit<SubmissionFacts, 'responses' | 'invitations'>): Promise<void> {
  return emit(env, facts.seriesId, 'response.submitted', async () => {
    const survey = await surveyFacts(env.DB, facts.surveyId);
    return survey ? responseSubmitted({ ...facts, responses: survey.responses, invitations: survey.invitations }, new Date()) : null;
  });
}

/** After a release of an anonymous survey's held submissions (src/responses/ballots.ts). */
export function emitResponsesReleased(env: Env, seriesId: number, surveyId: number, released: number): Promise<void> {
  return emit(env, seriesId, 'responses.released', async () => {
    const s = await surveyFacts(env.DB, surveyId);
    if (!s) return null;
    return responsesReleased(
      {
        seriesId: s.series_id,
        surveyId,
        kind: s.kind,
        sessionNumber: s.session_number,
        released,
        responses: s.responses,
        invitations: s.invitations,
      },
      new Date(),
    );
  });
}

export async function emitSurveyChanged(env: Env, event: 'survey.opened' | 'survey.closed', seriesId: number, surveyId: number) {
  return emit(env, seriesId, event, async () => {
    const s = await surveyFacts(env.DB, surveyId);
    if (!s) return null;
    return surveyChanged(
      event,
      {
        seriesId: s.series_id,
        surveyId: s.survey_id,
        sessionId: s.session_id,
        sessionNumber: s.session_number,
        kind: s.kind,
        anonymous: s.anonymous === 1,
        status: s.status,
        closesAt: s.closes_at,
        openedAt: s.opened_at,
        closedAt: s.closed_at,
        responses: s.responses,
        invitations: s.invitations,
      },
      new Date(),
    );
  });
}

/** How far back the cron looks for survey events that reached no endpoint. */
const LOOKBACK_MS = 2 * 24 * 60 * 60_000;

/**
 * `survey.opened` / `survey.closed` for changes that did not go through the API: a closing
 * date reached (the cron closes the survey), or the workspace's buttons. Two D1 queries; the
 * deliveries then go out with the retries.
 */
export async function emitMissedSurveyEvents(env: Env, now = new Date(), limit = 20): Promise<number> {
  const missed = await missedSurveyEvents(env.DB, new Date(now.getTime() - LOOKBACK_MS).toISOString(), limit);
  if (missed.length === 0) return 0;
  const rows = missed.map((m) => ({
    webhook_id: m.webhook_id,
    series_id: m.series_id,
    event: m.event,
    payload: JSON.stringify(
      surveyChanged(
        m.event,
        {
          seriesId: m.series_id,
          surveyId: m.survey_id,
          sessionId: m.session_id,
          sessionNumber: m.session_number,
          kind: m.kind,
          anonymous: m.anonymous === 1,
          status: m.status,
          closesAt: m.closes_at,
          openedAt: m.opened_at,
          closedAt: m.closed_at,
          responses: m.responses,
          invitations: m.invitations,
        },
        new Date(m.at),
      ),
    ),
  }));
  await enqueueEach(env.DB, rows, now.toISOString());
  return rows.length;
}

/** What the hourly cron runs: survey events that reached no endpoint, then every delivery due (five D1 queries at most). */
export async function webhooksTick(env: Env, now = new Date()): Promise<{ emitted: number; tried: number }> {
  const emitted = await emitMissedSurveyEvents(env, now);
  return { emitted, tried: await retryDueDeliveries(env, now) };
}
