/**
 * Sending a job's messages in chunks: the request that starts a job sends the first chunk,
 * and the cron's minute tick the rest (`sendingTick`). Each chunk is a handful of D1 queries
 * and at most CHUNK calls to the e-mail binding, so every invocation stays within the free
 * plan (≤ 50 D1 queries, ≤ 50 subrequests, ≤ 10 ms CPU). Nothing goes twice: every message is
 * claimed in the outbox under the job's slot before it is sent (src/email/delivery.ts).
 */
import { calendarSession } from '../calendar/calendar.queries.ts';
import { deliver } from '../email/delivery.ts';
import type { Env } from '../env.ts';
import { publicUrl } from '../lib/public-url.ts';
import { sessionNotice } from '../sessions/session-notice.ts';
import { countProgress, finishJob, owedRows, type SendJob, unfinishedJobs } from './sending.queries.ts';

/** Messages per chunk: one e-mail binding call each, plus ≤ 4 D1 queries for the chunk. */
export const CHUNK = 20;
/** Messages per minute tick, all jobs together (the free plan's 50 subrequests, with room). */
export const MESSAGES_PER_TICK = 40;
/** Jobs looked at per tick: each chunk costs at most five D1 queries (with a session's row). */
const JOBS_PER_TICK = 6;

export interface ChunkReport {
  claimed: number;
  failed: number;
  finished: boolean;
}

/** One chunk of a job: the next invitations it owes, claimed, sent, counted; finished when none are left. */
export async function sendChunk(env: Env, job: SendJob, limit = CHUNK): Promise<ChunkReport> {
  const rows = await owedRows(env.DB, job, limit);
  if (!rows.length) {
    await finishJob(env.DB, job.id).run();
    return { claimed: 0, failed: 0, finished: true };
  }
  // Fewer than asked for: this chunk is the last one.
  const last = rows.length < limit;
  const notice = job.kind === 'session-update' || job.kind === 'session-cancel';
  const session = notice ? await sessionOfSurvey(env, job.survey_id) : null;
  const report = await deliver(env, rows, {
    kind: job.kind === 'invitation' ? 'invitation' : 'reminder',
    slot: () => job.slot,
    linkBase: publicUrl(env),
    ...(session
      ? {
          render: (row, link) =>
            sessionNotice({
              cancelled: job.kind === 'session-cancel',
              language: row.language,
              name: row.name,
              email: row.email,
              seriesTitle: row.series_title,
              session,
              link,
              organizer: env.EMAIL_FROM || null,
            }),
        }
      : {}),
    extra: (r) => [countProgress(env.DB, job.id, r.claimed - r.failed, r.failed), ...(last ? [finishJob(env.DB, job.id)] : [])],
  });
  return { claimed: report.claimed, failed: report.failed, finished: last };
}

async function sessionOfSurvey(env: Env, surveyId: number) {
  const row = await env.DB.prepare('SELECT session_id FROM surveys WHERE id = ?').bind(surveyId).first<{ session_id: number }>();
  return row ? calendarSession(env.DB, row.session_id) : null;
}

export interface SendingTickReport {
  jobs: number;
  claimed: number;
  finished: number;
}

/** The cron's share: chunks of the oldest unfinished jobs, within the tick's message budget. */
export async function sendingTick(env: Env): Promise<SendingTickReport> {
  const report: SendingTickReport = { jobs: 0, claimed: 0, finished: 0 };
  const jobs = await unfinishedJobs(env.DB, JOBS_PER_TICK);
  for (const job of jobs) {
    const room = MESSAGES_PER_TICK - report.claimed;
    if (room <= 0) break;
    const chunk = await sendChunk(env, job, Math.min(CHUNK, room));
    report.jobs++;
    report.claimed += chunk.claimed;
    if (chunk.finished) report.finished++;
  }
  return report;
}
