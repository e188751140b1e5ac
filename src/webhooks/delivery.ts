/**
 * Sending deliveries. An event's deliveries are written in the same D1 batch as the write that
 * causes it (src/webhooks/outbox.queries.ts), then sent; whatever fails or is never tried (a
 * Worker gone after the commit) is sent by `retryDueDeliveries`, which the cron calls. Nothing
 * here throws into the request that triggered the event: its write has already committed.
 */
import type { Context } from 'hono';
import type { Env } from '../env.ts';
import { surveyChanged } from './events.ts';
import { isDelivered, nextAttemptAt } from './schedule.ts';
import { openWebhookSecret, sealLegacySecrets } from './secrets.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';
import { TARGET_MESSAGES, webhookTargetRefusal } from './target.ts';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDue,
  enqueueEach,
  missedSurveyEvents,
  recordAttempts,
} from './webhooks.queries.ts';

const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;
const CLOCK_SLACK_MS = 60_000;

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

/** Why a delivery cannot be attempted at all (it is then failed at once, not retried), or null. */
function refusal(d: ClaimedDelivery): string | null {
  const target = webhookTargetRefusal(d.url);
  return target ? `refused: the URL ${TARGET_MESSAGES[target]}` : null;
}

async function signingSecret(env: Env, d: ClaimedDelivery): Promise<string | null> {
  if (d.secretSealed === null) return d.legacySecret || null;
  if (!env.SESSION_SECRET) return null;
  return openWebhookSecret(env.SESSION_SECRET, d.seriesId, d.url, d.secretSealed);
}

async function send(env: Env, d: ClaimedDelivery, now: Date) {
  let httpStatus: number | null = null;
  let error: string | null = null;
  const secret = await signingSecret(env, d);
  // Retried: SESSION_SECRET may come back (a deploy without it); a delivery is never unsigned.
  if (secret === null) return { httpStatus, error: 'cannot sign: the signing secret does not open (SESSION_SECRET missing or changed)' };
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
        [SIGNATURE_HEADER]: await signatureHeader(secret, d.payload, now),
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
      const refused = refusal(d);
      if (refused) return { id: d.id, status: 'failed', httpStatus: null, error: refused, nextAttemptAt: null };
      const { httpStatus, error } = await send(env, d, now);
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

/**
 * For the cron: pending deliveries whose next attempt is due, oldest first, at most `limit`
 * (each is one outbound request; D1 queries stay at three whatever the limit). Returns how
 * many were tried.
 */
export async function retryDueDeliveries(env: Env, now = new Date(), limit = 20): Promise<number> {
  const claimed = await claimDue(env.DB, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), { limit });
  return attempt(env, claimed, now);
}

/**
 * The first attempt of deliveries an outbox statement just wrote (src/webhooks/outbox.queries.ts),
 * for the caller's waitUntil. Never throws: the write and its events are committed, and what
 * is not sent now is sent by the cron. A little ahead of `now`, since the rows were stamped by
 * D1's clock; still well inside a lease, so a delivery the cron holds is not sent twice.
 */
export async function deliverNow(env: Env, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const now = new Date();
    const claimed = await claimDue(
      env.DB,
      new Date(now.getTime() + CLOCK_SLACK_MS).toISOString(),
      new Date(now.getTime() + LEASE_MS).toISOString(),
      {
        ids,
        limit: ids.length,
      },
    );
    await attempt(env, claimed, now);
  } catch (error) {
    console.error('webhook delivery failed; the cron retries it', error);
  }
}

/** Hands the first attempt to `after` (the Worker's waitUntil), or awaits it. */
export async function deliverAfter(env: Env, ids: number[], after?: (work: Promise<unknown>) => unknown): Promise<void> {
  if (ids.length === 0) return;
  const work = deliverNow(env, ids);
  await (after ? after(work) : work);
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

/**
 * What the hourly cron runs: secrets still in plaintext sealed, survey events that reached no
 * endpoint, then every delivery due (six D1 queries at most; seven on the tick that seals).
 */
export async function webhooksTick(env: Env, now = new Date()): Promise<{ sealed: number; emitted: number; tried: number }> {
  const sealed = await sealLegacySecrets(env);
  const emitted = await emitMissedSurveyEvents(env, now);
  return { sealed, emitted, tried: await retryDueDeliveries(env, now) };
}
