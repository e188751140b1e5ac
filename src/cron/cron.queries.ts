/** SQL of the hourly cron: closing by date, surveys near their session, retention purges. */

/** Closes open surveys past their closing date; returns them with their organisation (for the log). */
export function closeDueSurveys(db: D1Database, at: string) {
  return db
    .prepare(
      `UPDATE surveys SET status = 'closed', closed_at = ?1, updated_at = ?1
        WHERE status = 'open' AND closes_at IS NOT NULL AND closes_at <= ?1
        RETURNING id, (SELECT s.organisation_id FROM sessions se JOIN series s ON s.id = se.series_id WHERE se.id = surveys.session_id) AS organisation_id`,
    )
    .bind(at)
    .all<{ id: number; organisation_id: number }>();
}

/** Open surveys whose session starts between `from` and `to` (where reminder slots can fall). */
export function openSurveysNear(db: D1Database, from: string, to: string) {
  return db
    .prepare(
      `SELECT su.id, su.kind, su.closes_at, se.starts_at
         FROM surveys su JOIN sessions se ON se.id = su.session_id
        WHERE su.status = 'open' AND se.starts_at BETWEEN ?1 AND ?2
        ORDER BY su.id`,
    )
    .bind(from, to)
    .all<{ id: number; kind: 'pre' | 'post'; closes_at: string | null; starts_at: string }>();
}

const PURGED = '%@purged.invalid';
const SURVEYS_OF_SERIES = 'SELECT su.id FROM surveys su JOIN sessions se ON se.id = su.session_id WHERE se.series_id = ?';

/** Series past their retention period that still hold contact data. */
export function seriesDueForPurge(db: D1Database, at: string, limit: number) {
  return db
    .prepare(
      `SELECT s.id, s.organisation_id FROM series s
        WHERE s.retention_days IS NOT NULL
          AND (SELECT max(coalesce(se.ends_at, se.starts_at)) FROM sessions se WHERE se.series_id = s.id)
              <= strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '-' || s.retention_days || ' days')
          AND (EXISTS (SELECT 1 FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
                        WHERE se.series_id = s.id AND i.email NOT LIKE '${PURGED}')
               OR EXISTS (SELECT 1 FROM contacts c WHERE c.series_id = s.id))
        ORDER BY s.id LIMIT ?2`,
    )
    .bind(at, limit)
    .all<{ id: number; organisation_id: number }>();
}

/**
 * Anonymises a series' invitations (no address, name or link stays; "answered" does) and
 * deletes its messages, which name the person in their address and greeting, and its
 * directory of contacts with the attendance lists.
 */
export function purgeContactsStatements(db: D1Database, seriesId: number, at: string) {
  return [
    db
      .prepare(
        `UPDATE invitations SET email = 'purged-' || id || '@purged.invalid', name = NULL, link_sealed = NULL
          WHERE email NOT LIKE '${PURGED}' AND survey_id IN (${SURVEYS_OF_SERIES})`,
      )
      .bind(seriesId),
    db.prepare(`DELETE FROM outbox WHERE survey_id IN (${SURVEYS_OF_SERIES})`).bind(seriesId),
    // Anonymous read-backs go too: keep less (the held answers themselves are still released).
    // Their tags with them: a tag is the read-back's (migrations/0025), and one left behind
    // would answer "unchanged" to a device that can no longer read its answers back.
    db
      .prepare(
        `UPDATE anonymous_ballots SET readback = NULL, readback_tag = NULL
          WHERE (readback IS NOT NULL OR readback_tag IS NOT NULL) AND survey_id IN (${SURVEYS_OF_SERIES})`,
      )
      .bind(seriesId),
    // The series' directory and attendance lists (migration 0019) go with the invitations' names.
    db.prepare('DELETE FROM attendance WHERE contact_id IN (SELECT id FROM contacts WHERE series_id = ?)').bind(seriesId),
    db.prepare('DELETE FROM contacts WHERE series_id = ?').bind(seriesId),
    db.prepare('UPDATE series SET contacts_purged_at = ? WHERE id = ?').bind(at, seriesId),
  ];
}

export function deleteExpiredSessions(db: D1Database, at: string) {
  return db.prepare('DELETE FROM web_sessions WHERE expires_at <= ?').bind(at);
}

/** Rows removed per statement by the housekeeping deletes: each stays a short write. */
export const HOUSEKEEPING_BATCH = 1000;

/** Idempotency keys past their time to live: they hold first responses' bodies (answers among them). */
export function deleteExpiredIdempotencyKeys(db: D1Database, before: string) {
  return db
    .prepare(
      `DELETE FROM idempotency_keys WHERE rowid IN
         (SELECT rowid FROM idempotency_keys WHERE created_at < ?1 ORDER BY created_at LIMIT ${HOUSEKEEPING_BATCH})`,
    )
    .bind(before);
}

/** Sign-in links past their expiry, used or not: only a hash, but no use is left in them. */
export function deleteExpiredSignInLinks(db: D1Database, at: string) {
  return db
    .prepare(
      `DELETE FROM sign_in_links WHERE rowid IN
         (SELECT rowid FROM sign_in_links WHERE expires_at <= ?1 ORDER BY expires_at LIMIT ${HOUSEKEEPING_BATCH})`,
    )
    .bind(at);
}

/** Settled webhook deliveries older than the log keeps them (migrations/0010_housekeeping.sql). */
export function deleteOldWebhookDeliveries(db: D1Database, before: string) {
  return db
    .prepare(
      `DELETE FROM webhook_deliveries WHERE id IN
         (SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ?1 ORDER BY created_at LIMIT ${HOUSEKEEPING_BATCH})`,
    )
    .bind(before);
}
