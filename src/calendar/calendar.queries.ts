/** SQL of a series' calendar: its sessions, and the hashed token of its public feed. */

export interface FeedSession {
  id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
  sequence: number;
  cancelled_at: string | null;
}

export async function seriesSessions(db: D1Database, seriesId: number): Promise<FeedSession[]> {
  const { results } = await db
    .prepare(
      'SELECT id, number, starts_at, ends_at, place, notes, sequence, cancelled_at FROM sessions WHERE series_id = ? ORDER BY number',
    )
    .bind(seriesId)
    .all<FeedSession>();
  return results;
}

/** Sets (or replaces, which revokes the old URL) the feed token of a series of the organisation. */
export function setFeedToken(db: D1Database, organisationId: number, seriesId: number, tokenHash: string) {
  return db
    .prepare(
      `INSERT INTO calendar_feeds (series_id, token_hash)
       SELECT id, ? FROM series WHERE id = ? AND organisation_id = ?
       ON CONFLICT (series_id) DO UPDATE SET token_hash = excluded.token_hash,
              created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       RETURNING series_id`,
    )
    .bind(tokenHash, seriesId, organisationId);
}

export function seriesForFeed(db: D1Database, tokenHash: string) {
  return db
    .prepare('SELECT s.id, s.title FROM calendar_feeds f JOIN series s ON s.id = f.series_id WHERE f.token_hash = ?')
    .bind(tokenHash)
    .first<{ id: number; title: string }>();
}

/** One session's calendar fields (a personal link's session.ics reads them fresh: the link's context keeps fewer). */
export function calendarSession(db: D1Database, sessionId: number) {
  return db
    .prepare('SELECT id, number, starts_at, ends_at, place, notes, sequence, cancelled_at FROM sessions WHERE id = ?')
    .bind(sessionId)
    .first<FeedSession>();
}
