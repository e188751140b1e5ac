/** SQL of an organisation's team: its coordinators, a colleague's invitation and removal. */

export interface TeamMemberRow {
  id: number;
  email: string;
  created_at: string;
}

export async function listTeam(db: D1Database, organisationId: number) {
  const { results } = await db
    .prepare('SELECT id, email, created_at FROM coordinators WHERE organisation_id = ? ORDER BY lower(email), id')
    .bind(organisationId)
    .all<TeamMemberRow>();
  return results;
}

export function organisationName(db: D1Database, organisationId: number) {
  return db.prepare('SELECT name FROM organisations WHERE id = ?').bind(organisationId).first<{ name: string }>();
}

/**
 * A colleague invited: the coordinator row in the organisation (kept if they are already in
 * it), a sign-in link for them only if they belong to this organisation (an address of another
 * organisation gets none, even if it was added there in between), and the audit entry naming
 * them, in one batch.
 */
export function inviteStatements(
  db: D1Database,
  actor: { id: number; organisationId: number; email: string },
  email: string,
  tokenHash: string,
  validHours: number,
) {
  return [
    db
      .prepare('INSERT INTO coordinators (organisation_id, email) VALUES (?, ?) ON CONFLICT (email) DO NOTHING')
      .bind(actor.organisationId, email),
    db
      .prepare(
        `INSERT INTO sign_in_links (token_hash, coordinator_id, expires_at)
         SELECT ?1, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?2) FROM coordinators WHERE email = ?3 AND organisation_id = ?4
         RETURNING coordinator_id`,
      )
      .bind(tokenHash, `+${validHours} hours`, email, actor.organisationId),
    db
      .prepare(
        `INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail)
         SELECT ?1, ?2, ?3, 'team.invite', 'coordinator:' || id, NULL FROM coordinators WHERE email = ?4 AND organisation_id = ?1`,
      )
      .bind(actor.organisationId, actor.id, actor.email, email),
  ];
}

/**
 * Removes a colleague with their credentials (browser sessions, API keys, sign-in links), only
 * within the organisation, never the actor, and never the last coordinator: the guard is
 * checked by each statement of the batch, so two colleagues removing each other at the same
 * moment cannot leave the organisation without anyone.
 */
export function removeStatements(db: D1Database, actor: { id: number; organisationId: number }, coordinatorId: number) {
  const guard = `SELECT id FROM coordinators WHERE id = ?1 AND organisation_id = ?2 AND id <> ?3
                   AND EXISTS (SELECT 1 FROM coordinators WHERE id = ?3 AND organisation_id = ?2)
                   AND (SELECT count(*) FROM coordinators WHERE organisation_id = ?2) > 1`;
  const binds = [coordinatorId, actor.organisationId, actor.id];
  return [
    db.prepare(`DELETE FROM web_sessions WHERE coordinator_id IN (${guard})`).bind(...binds),
    db.prepare(`DELETE FROM api_keys WHERE coordinator_id IN (${guard})`).bind(...binds),
    db.prepare(`DELETE FROM sign_in_links WHERE coordinator_id IN (${guard})`).bind(...binds),
    db.prepare(`DELETE FROM coordinators WHERE id IN (${guard}) RETURNING id, email`).bind(...binds),
  ];
}

export function memberOf(db: D1Database, organisationId: number, coordinatorId: number) {
  return db
    .prepare(`SELECT id, email, created_at FROM coordinators WHERE id = ? AND organisation_id = ?`)
    .bind(coordinatorId, organisationId)
    .first<TeamMemberRow>();
}
