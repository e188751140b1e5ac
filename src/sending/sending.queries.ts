/**
 * SQL of send jobs (migration 0018): one row per "send everything of this kind" a coordinator
 * (or a session's change) asked for, with its progress as counts. Which invitations a job still
 * owes is never stored: it is whoever matches the kind's rule and has no outbox message under
 * the job's slot, so a message claimed once (the outbox's UNIQUE (invitation_id, slot)) is never
 * owed again, whatever retries, ticks or clicks follow.
 */
import { SELECT_SENDING, type SendingRow } from '../email/outbox.queries.ts';

export const SEND_KINDS = ['invitation', 'reminder', 'session-update', 'session-cancel'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export interface SendJob {
  id: number;
  organisation_id: number;
  survey_id: number;
  kind: SendKind;
  slot: string;
  total: number;
  sent: number;
  failed: number;
  created_at: string;
  finished_at: string | null;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * Who a job of each kind writes to, among invitation `i` of survey `su`: invitations to those
 * not sent one yet; reminders and session notices to those already invited. Never to a bounced
 * address; invitations and reminders never to who already answered. ?slot is the job's slot.
 */
const OWED: Record<SendKind, string> = {
  invitation: 'i.sent_at IS NULL AND i.bounced_at IS NULL AND i.opted_out_at IS NULL AND i.answered = 0',
  reminder: 'i.sent_at IS NOT NULL AND i.bounced_at IS NULL AND i.opted_out_at IS NULL AND i.answered = 0',
  'session-update': 'i.sent_at IS NOT NULL AND i.bounced_at IS NULL AND i.opted_out_at IS NULL',
  'session-cancel': 'i.sent_at IS NOT NULL AND i.bounced_at IS NULL AND i.opted_out_at IS NULL',
};
const owed = (kind: SendKind, slot: string) =>
  `${OWED[kind]} AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.invitation_id = i.id AND o.slot = ${slot})`;

/**
 * A job for one survey, its total counted in the same statement; none if one of the kind is
 * still running for the survey (the partial unique index): the caller then reads that one.
 * A job with nothing to send is born finished.
 */
export function insertJob(db: D1Database, organisationId: number, surveyId: number, kind: SendKind, slot: string) {
  return db
    .prepare(
      `INSERT INTO send_jobs (organisation_id, survey_id, kind, slot, total, finished_at)
       SELECT ?1, ?2, ?3, ?4, count(*), CASE WHEN count(*) = 0 THEN ${NOW} END
         FROM invitations i WHERE i.survey_id = ?2 AND ${owed(kind, '?4')}
       ON CONFLICT DO NOTHING
       RETURNING id`,
    )
    .bind(organisationId, surveyId, kind, slot);
}

/**
 * Session notices for every open survey of a session, in the batch that changed it: written
 * only if the session is now at `sequence` (the change happened). An older notice still
 * running is finished first: who has not had it yet gets only the newest.
 */
export function sessionNoticeJobs(db: D1Database, sessionId: number, sequence: number, kind: 'session-update' | 'session-cancel') {
  const slot = `session:${sessionId}:${sequence}`;
  return [
    db
      .prepare(
        `UPDATE send_jobs SET finished_at = ${NOW}
          WHERE finished_at IS NULL AND kind IN ('session-update', 'session-cancel')
            AND survey_id IN (SELECT id FROM surveys WHERE session_id = ?1)
            AND EXISTS (SELECT 1 FROM sessions WHERE id = ?1 AND sequence = ?2)`,
      )
      .bind(sessionId, sequence),
    db
      .prepare(
        `INSERT INTO send_jobs (organisation_id, survey_id, kind, slot, total, finished_at)
         SELECT s.organisation_id, su.id, ?3, ?4,
                (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id AND ${owed(kind, '?4')}) AS n,
                NULL
           FROM surveys su JOIN sessions se ON se.id = su.session_id JOIN series s ON s.id = se.series_id
          WHERE su.session_id = ?1 AND se.sequence = ?2 AND su.status = 'open'
            AND (su.closes_at IS NULL OR su.closes_at > ${NOW})
         ON CONFLICT DO NOTHING`,
      )
      .bind(sessionId, sequence, kind, slot),
  ];
}

/** The next invitations a job owes, with everything their message says. */
export async function owedRows(db: D1Database, job: SendJob, limit: number) {
  const { results } = await db
    .prepare(`${SELECT_SENDING} WHERE su.id = ?1 AND ${owed(job.kind, '?2')} ORDER BY i.id LIMIT ?3`)
    .bind(job.survey_id, job.slot, limit)
    .all<SendingRow>();
  return results;
}

export function countProgress(db: D1Database, jobId: number, sent: number, failed: number) {
  return db.prepare('UPDATE send_jobs SET sent = sent + ?, failed = failed + ? WHERE id = ?').bind(sent, failed, jobId);
}

export function finishJob(db: D1Database, jobId: number) {
  return db.prepare(`UPDATE send_jobs SET finished_at = ${NOW} WHERE id = ? AND finished_at IS NULL`).bind(jobId);
}

const JOB_COLUMNS = 'id, organisation_id, survey_id, kind, slot, total, sent, failed, created_at, finished_at';

export async function unfinishedJobs(db: D1Database, limit: number) {
  const { results } = await db
    .prepare(`SELECT ${JOB_COLUMNS} FROM send_jobs WHERE finished_at IS NULL ORDER BY id LIMIT ?`)
    .bind(limit)
    .all<SendJob>();
  return results;
}

export function getJob(db: D1Database, organisationId: number, id: number) {
  return db.prepare(`SELECT ${JOB_COLUMNS} FROM send_jobs WHERE id = ? AND organisation_id = ?`).bind(id, organisationId).first<SendJob>();
}

export function runningJob(db: D1Database, surveyId: number, kind: SendKind) {
  return db
    .prepare(`SELECT ${JOB_COLUMNS} FROM send_jobs WHERE survey_id = ? AND kind = ? AND finished_at IS NULL`)
    .bind(surveyId, kind)
    .first<SendJob>();
}

/** Who a reminder would go to now: the figure the participants page shows beside its button. */
export async function countOwed(db: D1Database, surveyId: number, kind: SendKind) {
  const row = await db
    .prepare(`SELECT count(*) AS n FROM invitations i WHERE i.survey_id = ? AND ${OWED[kind]}`)
    .bind(surveyId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
