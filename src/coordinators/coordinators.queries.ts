/** SQL of coordinators' credentials: passwords, browser sessions, failed sign-ins, API keys. */
import type { Coordinator } from '../env.ts';

interface CoordinatorRow {
  id: number;
  organisation_id: number;
  email: string;
  password_hash: string | null;
}

const toCoordinator = (r: { id: number; organisation_id: number; email: string }): Coordinator => ({
  id: r.id,
  organisationId: r.organisation_id,
  email: r.email,
});

export function coordinatorByEmail(db: D1Database, email: string) {
  return db
    .prepare('SELECT id, organisation_id, email, password_hash FROM coordinators WHERE email = ?')
    .bind(email)
    .first<CoordinatorRow>();
}

export function setPasswordHash(db: D1Database, coordinatorId: number, hash: string) {
  return db.prepare('UPDATE coordinators SET password_hash = ? WHERE id = ?').bind(hash, coordinatorId);
}

/** Failures in the last `minutes` for this address, counted in SQL. */
export async function recentFailures(db: D1Database, email: string, minutes: number): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM sign_in_failures
        WHERE email = ? AND failed_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)`,
    )
    .bind(email, `-${minutes} minutes`)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export function recordFailure(db: D1Database, email: string) {
  return db.batch([
    db.prepare('INSERT INTO sign_in_failures (email) VALUES (?)').bind(email),
    // Old rows serve no window any more; keeping the table small keeps the count cheap.
    db.prepare(`DELETE FROM sign_in_failures WHERE failed_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')`),
  ]);
}

export function clearFailures(db: D1Database, email: string) {
  return db.prepare('DELETE FROM sign_in_failures WHERE email = ?').bind(email);
}

export function insertWebSession(db: D1Database, idHash: string, coordinatorId: number, csrfToken: string, expiresAt: string) {
  return db
    .prepare('INSERT INTO web_sessions (id_hash, coordinator_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)')
    .bind(idHash, coordinatorId, csrfToken, expiresAt);
}

export async function webSession(db: D1Database, idHash: string): Promise<{ coordinator: Coordinator; csrfToken: string } | null> {
  const row = await db
    .prepare(
      `SELECT c.id, c.organisation_id, c.email, w.csrf_token
         FROM web_sessions w JOIN coordinators c ON c.id = w.coordinator_id
        WHERE w.id_hash = ? AND w.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    )
    .bind(idHash)
    .first<{ id: number; organisation_id: number; email: string; csrf_token: string }>();
  return row ? { coordinator: toCoordinator(row), csrfToken: row.csrf_token } : null;
}

export function deleteWebSession(db: D1Database, idHash: string) {
  return db.prepare('DELETE FROM web_sessions WHERE id_hash = ?').bind(idHash);
}

export function deleteExpiredWebSessions(db: D1Database) {
  return db.prepare(`DELETE FROM web_sessions WHERE expires_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
}
