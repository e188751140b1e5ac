/**
 * The hourly cron: closes surveys past their closing date, sends due reminders, purges
 * contact data past its series' retention, and removes what has served its time (expired
 * sessions, sign-in links and idempotency keys, the webhook log's settled deliveries after
 * 30 days). Every step is bounded so one invocation stays
 * within the free plan (≤ 50 D1 queries, few subrequests); what is left waits for the next
 * tick, and a re-run of a tick sends nothing twice (the outbox's unique key).
 */

import { writeSystemAudit } from '../audit/audit.queries.ts';
import { dueSlot } from '../domain/reminders.ts';
import { deliver, SEND_BATCH } from '../email/delivery.ts';
import { reminderCandidates } from '../email/outbox.queries.ts';
import type { Env } from '../env.ts';
import { IDEMPOTENCY_TTL_HOURS } from '../http/idempotency.ts';
import { publicUrl, publicUrlIssue } from '../lib/public-url.ts';
import { type PendingBallot, releasableBallots, surveysWithReleasableBallots } from '../responses/ballots.queries.ts';
import { releaseQuietly } from '../responses/ballots.ts';
import { sendingTick } from '../sending/sending.ts';
import { webhooksTick } from '../webhooks/delivery.ts';
import {
  closeDueSurveys,
  deleteExpiredIdempotencyKeys,
  deleteExpiredSessions,
  deleteExpiredSignInLinks,
  deleteOldWebhookDeliveries,
  openSurveysNear,
  purgeContactsStatements,
  seriesDueForPurge,
} from './cron.queries.ts';

/**
 * D1 queries the workspace's part of a tick may spend: the free plan allows 50 per invocation,
 * and the webhook tick after it (src/webhooks) takes at most seven.
 */
export const QUERY_BUDGET = 43;
/** Surveys given reminders per tick; each costs at most three queries. */
const SURVEYS_PER_TICK = 8;
/**
 * Reminders per tick, all surveys together: each is a call to the e-mail binding, and the
 * webhook retries of the same tick may make up to 20 requests, under the free plan's 50.
 */
export const MESSAGES_PER_TICK = 25;
const SERIES_PURGED_PER_TICK = 5;
/** Anonymous surveys whose held answers are released per tick; each costs two queries and a webhook's few. */
const RELEASES_PER_TICK = 3;
/** How long the webhook delivery log keeps a settled delivery (the API's log shows them). */
export const WEBHOOK_LOG_DAYS = 30;

export interface TickReport {
  closed: number;
  /** Held anonymous answers released (src/responses/ballots.ts). */
  released: number;
  reminded: number;
  purgedSeries: number;
  queries: number;
}

export async function runTick(env: Env, now = new Date()): Promise<TickReport> {
  const db = env.DB;
  const at = now.toISOString();
  const report: TickReport = { closed: 0, released: 0, reminded: 0, purgedSeries: 0, queries: 0 };
  const spend = (n = 1) => {
    report.queries += n;
  };

  // 1. Close what is past its date, and say so in each organisation's log.
  const closed = await closeDueSurveys(db, at);
  spend();
  const closedRows = closed.results;
  report.closed = closedRows.length;
  if (closedRows.length) {
    await db.batch(closedRows.map((r) => writeSystemAudit(db, r.organisation_id, 'survey.auto-close', `survey:${r.id}`)));
    spend();
  }

  // 1b. Anonymous surveys' held answers: released at closing (the rule of releasableBallots),
  // and any release that failed after a submission is retried here.
  const { results: releasable } = await surveysWithReleasableBallots(db, at, RELEASES_PER_TICK);
  spend();
  for (const survey of releasable) {
    if (report.queries + 5 > QUERY_BUDGET) break;
    report.released += await releaseQuietly(env, { surveyId: survey.id, seriesId: survey.series_id }, async () => {
      const { results } = await releasableBallots(db, survey.id, survey.closing === 1).all<PendingBallot>();
      return results;
    });
    // The read, the release batch, the webhook's subscriber check, facts and enqueue.
    spend(5);
  }

  // 2. Reminders: open surveys whose session is near; the slot due is decided in plain code.
  // Never silently: a deployment that cannot build links says so at every tick (and in GET /api/health).
  const linkIssue = publicUrlIssue(env) ?? (env.SESSION_SECRET ? null : 'SESSION_SECRET is not set: personal links cannot be opened.');
  if (linkIssue) console.error(`reminders not sent: ${linkIssue}`);
  else {
    const base = publicUrl(env);
    // Slots lie within 7 days before and 2 days (+ grace) after the session.
    const { results: open } = await openSurveysNear(
      db,
      new Date(now.getTime() - 5 * 86_400_000).toISOString(),
      new Date(now.getTime() + 8 * 86_400_000).toISOString(),
    );
    spend();
    let surveysDone = 0;
    for (const survey of open) {
      if (surveysDone >= SURVEYS_PER_TICK || report.queries + 6 > QUERY_BUDGET) break;
      const slot = dueSlot(survey.kind, survey.starts_at, now, survey.closes_at);
      if (!slot) continue;
      surveysDone++;
      const room = MESSAGES_PER_TICK - report.reminded;
      if (room <= 0) break;
      const rows = await reminderCandidates(db, survey.id, slot.slot, slot.at, Math.min(SEND_BATCH, room));
      spend();
      if (!rows.length) continue;
      const sent = await deliver(env, rows, { kind: 'reminder', slot: () => slot.slot, linkBase: base });
      // Opt-outs (and marking who opted out), links (if any had to be issued), the outbox claim, the outcomes.
      spend(5);
      report.reminded += sent.claimed;
    }
  }

  // 3. Retention: series whose last session is older than their retention period.
  if (report.queries + 3 <= QUERY_BUDGET) {
    const { results: due } = await seriesDueForPurge(db, at, SERIES_PURGED_PER_TICK);
    spend();
    for (const s of due) {
      if (report.queries + 1 > QUERY_BUDGET) break;
      await db.batch([
        ...purgeContactsStatements(db, s.id, at),
        writeSystemAudit(db, s.organisation_id, 'contacts.purge', `series:${s.id}`),
      ]);
      spend();
      report.purgedSeries++;
    }
  }
  // Housekeeping, one batch: expired browser sessions and sign-in links, expired idempotency
  // keys (their stored bodies hold answers), settled webhook deliveries past the log's period. Anything beyond
  // a batch's limit goes at the next tick.
  if (report.queries < QUERY_BUDGET) {
    const hours = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString();
    await db.batch([
      deleteExpiredSessions(db, at),
      deleteExpiredSignInLinks(db, at),
      deleteExpiredIdempotencyKeys(db, hours(IDEMPOTENCY_TTL_HOURS)),
      deleteOldWebhookDeliveries(db, hours(WEBHOOK_LOG_DAYS * 24)),
    ]);
    spend();
  }
  return report;
}

/** The minute trigger (wrangler.toml): send jobs only (src/sending/sending.ts), a light invocation of its own. */
export const SENDING_CRON = '* * * * *';

export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  if (controller.cron === SENDING_CRON) {
    // Without PUBLIC_URL no link can be built: the jobs wait, and the hourly tick logs why.
    if (publicUrlIssue(env)) return;
    const sending = await sendingTick(env);
    if (sending.claimed) console.warn('sending tick', JSON.stringify(sending));
    return;
  }
  const report = await runTick(env, new Date(controller.scheduledTime));
  // Webhooks (src/webhooks): survey events that bypassed the API, then retries; ≤ 5 D1 queries, ≤ 20 requests.
  await webhooksTick(env, new Date(controller.scheduledTime));
  if (report.closed || report.released || report.reminded || report.purgedSeries) console.warn('cron tick', JSON.stringify(report));
}
