/** SQL of the sessions of a series (#1, #2, …), scoped to the caller's organisation. */
import type * as v from 'valibot';
import { effectiveStatus, type SurveyStatus } from '../domain/survey-status.ts';
import type { CreateSessionSchema } from './sessions.schemas.ts';

export interface SessionRow {
  id: number;
  series_id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
  sequence: number;
  cancelled_at: string | null;
  /** JSON list of {id, kind, status, closes_at} of the session's surveys. */
  surveys: string;
}

export function sessionJson(s: SessionRow) {
  return {
    id: s.id,
    series_id: s.series_id,
    number: s.number,
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    place: s.place,
    notes: s.notes,
    sequence: s.sequence,
    cancelled_at: s.cancelled_at,
    // The status as the survey routes give it: an open survey past its closing date is closed,
    // even before the hourly cron has stored it so.
    surveys: (JSON.parse(s.surveys) as { id: number; kind: 'pre' | 'post'; status: SurveyStatus; closes_at: string | null }[]).map(
      (su) => ({ id: su.id, kind: su.kind, status: effectiveStatus(su.status, su.closes_at) }),
    ),
  };
}

const SELECT_SESSION = `
  SELECT se.id, se.series_id, se.number, se.starts_at, se.ends_at, se.place, se.notes, se.sequence, se.cancelled_at,
         (SELECT json_group_array(json_object('id', su.id, 'kind', su.kind, 'status', su.status, 'closes_at', su.closes_at))
            FROM surveys su WHERE su.session_id = se.id) AS surveys
    FROM sessions se JOIN series s ON s.id = se.series_id`;

export async function listSessions(db: D1Database, organisationId: number, seriesId: number) {
  const { results } = await db
    .prepare(`${SELECT_SESSION} WHERE se.series_id = ? AND s.organisation_id = ? ORDER BY se.number`)
    .bind(seriesId, organisationId)
    .all<SessionRow>();
  return results;
}

export function getSession(db: D1Database, organisationId: number, id: number) {
  return db.prepare(`${SELECT_SESSION} WHERE se.id = ? AND s.organisation_id = ?`).bind(id, organisationId).first<SessionRow>();
}

/** Inserts only into a series of the organisation, once per number; RETURNING id when it did. */
export function insertSession(db: D1Database, organisationId: number, seriesId: number, input: v.InferOutput<typeof CreateSessionSchema>) {
  return db
    .prepare(
      `INSERT INTO sessions (series_id, number, starts_at, ends_at, place, notes)
       SELECT id, ?, ?, ?, ?, ? FROM series WHERE id = ? AND organisation_id = ?
       ON CONFLICT (series_id, number) DO NOTHING
       RETURNING id`,
    )
    .bind(input.number, input.starts_at, input.ends_at ?? null, input.place ?? null, input.notes ?? null, seriesId, organisationId);
}

/** The dates of a series' sessions, for the order rule (src/domain/session-dates.ts). */
export async function seriesDates(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare('SELECT id, number, starts_at, cancelled_at FROM sessions WHERE series_id = ?')
    .bind(seriesId)
    .all<{ id: number; number: number; starts_at: string; cancelled_at: string | null }>();
  return results;
}

export interface SessionChange {
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
}

/**
 * A session's new fields and its next SEQUENCE, only if it is still at the sequence the action
 * read (a concurrent change makes this one write nothing: the action answers 409) and not cancelled.
 */
export function updateSessionRow(db: D1Database, id: number, sequence: number, change: SessionChange) {
  return db
    .prepare(
      `UPDATE sessions SET starts_at = ?, ends_at = ?, place = ?, notes = ?, sequence = sequence + 1
        WHERE id = ? AND sequence = ? AND cancelled_at IS NULL`,
    )
    .bind(change.starts_at, change.ends_at, change.place, change.notes, id, sequence);
}

export function cancelSessionRow(db: D1Database, id: number, sequence: number) {
  return db
    .prepare(
      `UPDATE sessions SET cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), sequence = sequence + 1
        WHERE id = ? AND sequence = ? AND cancelled_at IS NULL`,
    )
    .bind(id, sequence);
}
