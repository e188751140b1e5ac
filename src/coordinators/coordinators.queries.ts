/** SQL of coordinators' credentials: sign-in links, browser sessions, API keys. */
import { ACCOUNT_WINDOW_MINUTES, LINK_LIFETIME_MINUTES, LINKS_PER_ACCOUNT, minutes } from '../domain/sign-in-links.ts';
import type { Coordinator } from '../env.ts';

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

const toCoordinator = (r: { id: number; organisation_id: number; email: string }): Coordinator => ({
  id: r.id,
  organisationId: r.organisation_id,
  email: r.email,
});

export function coordinatorByEmail(db: D1Database, email: string) {
  return db.prepare('SELECT id, organisation_id, email FROM coordinators WHERE email = ?').bind(email).first<{
    id: number;
    organisation_id: number;
    email: string;
  }>();
}

/**
 * Issues a link for the coordinator with this address, unless the account has had its share
 * of links in the window: one statement whatever the address, so a known and an unknown
 * address cost the same. Returns whether a link was stored (and must be sent).
 */
export async function issueSignInLink(db: D1Database, email: string, tokenHash: string): Promise<boolean> {
  const row = await db
    .prepare(
      `INSERT INTO sign_in_links (token_hash, coordinator_id, expires_at)
       SELECT ?1, c.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?2)
         FROM coordinators c
        WHERE c.email = ?3
          AND (SELECT count(*) FROM sign_in_links l
                WHERE l.coordinator_id = c.id AND l.created_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?4)) < ?5
       RETURNING coordinator_id`,
    )
    .bind(tokenHash, minutes(LINK_LIFETIME_MINUTES), email, minutes(-ACCOUNT_WINDOW_MINUTES), LINKS_PER_ACCOUNT)
    .first<{ coordinator_id: number }>();
  return row !== null;
}

/** What happened to the link's message (the table is the sign-in links' own outbox). */
export function setLinkDelivery(db: D1Database, tokenHash: string, delivery: 'sent' | 'recorded' | 'failed') {
  return db.prepare('UPDATE sign_in_links SET delivery = ? WHERE token_hash = ?').bind(delivery, tokenHash);
}

/** The address a link signs in as, while it is valid; reading it consumes nothing. */
export async function signInLinkAddress(db: D1Database, tokenHash: string): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT c.email FROM sign_in_links l JOIN coordinators c ON c.id = l.coordinator_id
        WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ${NOW}`,
    )
    .bind(tokenHash)
    .first<{ email: string }>();
  return row?.email ?? null;
}

/**
 * Consumes a link and opens the browser session in one batch, all or nothing. The UPDATE is
 * the only gate (unused and unexpired, checked and changed in one statement, so two racing
 * requests cannot both pass); the session and the audit entry are written only for the row
 * that this very batch marked with the new session's hash.
 */
export async function consumeSignInLink(
  db: D1Database,
  tokenHash: string,
  session: { idHash: string; csrfToken: string; expiresAt: string },
): Promise<boolean> {
  const [consumed] = await db.batch<{ coordinator_id: number }>([
    db
      .prepare(
        `UPDATE sign_in_links SET used_at = ${NOW}, web_session_hash = ?2
          WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ${NOW}
        RETURNING coordinator_id`,
      )
      .bind(tokenHash, session.idHash),
    db
      .prepare(
        `INSERT INTO web_sessions (id_hash, coordinator_id, csrf_token, expires_at)
         SELECT ?2, coordinator_id, ?3, ?4 FROM sign_in_links WHERE token_hash = ?1 AND web_session_hash = ?2`,
      )
      .bind(tokenHash, session.idHash, session.csrfToken, session.expiresAt),
    // As writeAudit (src/audit/audit.queries.ts) would, for the coordinator known only here.
    db
      .prepare(
        `INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail)
         SELECT c.organisation_id, c.id, c.email, 'sign-in', 'coordinator:' || c.id, '{"via":"link"}'
           FROM sign_in_links l JOIN coordinators c ON c.id = l.coordinator_id
          WHERE l.token_hash = ?1 AND l.web_session_hash = ?2`,
      )
      .bind(tokenHash, session.idHash),
  ]);
  return (consumed?.results.length ?? 0) === 1;
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
