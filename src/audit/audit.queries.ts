/**
 * SQL of the audit log: who did what to which resource, and when. Every coordinator write
 * adds its entry in the batch of its action (src/<resource>/<resource>.actions.ts), whichever
 * door it came through; test/audit.test.ts holds every write route to that.
 */
import type { Coordinator } from '../env.ts';

export type AuditAction =
  | 'sign-in'
  | 'series.create'
  | 'series.update'
  | 'series.retention'
  | 'series.import'
  | 'session.create'
  | 'survey.create'
  | 'survey.open'
  | 'survey.close'
  | 'survey.edit'
  | 'survey.copy'
  | 'survey.closes'
  | 'theme.create'
  | 'theme.rename'
  | 'theme.archive'
  | 'theme.reactivate'
  | 'theme.merge'
  | 'proposal.promote'
  | 'proposal.merge'
  | 'proposal.dismiss'
  | 'text.hide'
  | 'text.show'
  | 'brief.section'
  | 'action.update'
  | 'participants.import'
  | 'invitations.create'
  | 'invitations.send'
  | 'reminders.send'
  | 'session.update'
  | 'session.cancel'
  | 'invitation.new-link'
  | 'invitation.resend'
  | 'invitation.remove'
  | 'links.export'
  | 'participant.export'
  | 'participant.erase'
  | 'contacts.purge'
  | 'survey.auto-close'
  | 'open-link.settings'
  | 'webhook.add'
  | 'webhook.remove'
  | 'calendar-feed.create'
  | 'response.key-in'
  | 'contacts.import'
  | 'invitations.from'
  | 'attendance.set'
  | 'team.invite'
  | 'team.remove';

/** A statement to run in the same batch as the action it records. */
export function writeAudit(db: D1Database, who: Coordinator | null, action: AuditAction, target: string, detail?: Record<string, unknown>) {
  return db
    .prepare('INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(who?.organisationId ?? null, who?.id ?? null, who?.email ?? null, action, target, detail ? JSON.stringify(detail) : null);
}

/** An entry only if the previous statement of the same batch changed a row (scoped writes that may match none). */
export function writeAuditIfChanged(
  db: D1Database,
  who: Coordinator,
  action: AuditAction,
  target: string,
  detail?: Record<string, unknown>,
) {
  return db
    .prepare(
      `INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail)
       SELECT ?, ?, ?, ?, ?, ? WHERE changes() > 0`,
    )
    .bind(who.organisationId, who.id, who.email, action, target, detail ? JSON.stringify(detail) : null);
}

/** For actions of the cron, which act for an organisation but not as a person. */
export function writeSystemAudit(
  db: D1Database,
  organisationId: number,
  action: AuditAction,
  target: string,
  detail?: Record<string, unknown>,
) {
  return db
    .prepare('INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail) VALUES (?, NULL, NULL, ?, ?, ?)')
    .bind(organisationId, action, target, detail ? JSON.stringify(detail) : null);
}

export interface AuditRow {
  id: number;
  actor: string | null;
  action: AuditAction;
  target: string;
  detail: string | null;
  created_at: string;
}

export async function listAudit(db: D1Database, organisationId: number, limit = 200) {
  const { results } = await db
    .prepare('SELECT id, actor, action, target, detail, created_at FROM audit_log WHERE organisation_id = ? ORDER BY id DESC LIMIT ?')
    .bind(organisationId, limit)
    .all<AuditRow>();
  return results;
}

/**
 * The entry of a row the previous statement of the same batch inserted, if it inserted one
 * (an `ON CONFLICT DO NOTHING` that did nothing leaves no entry): target `<kind>:<new id>`.
 */
export function writeAuditOfInserted(
  db: D1Database,
  who: Coordinator,
  action: AuditAction,
  kind: string,
  detail?: Record<string, unknown>,
) {
  return db
    .prepare(
      `INSERT INTO audit_log (organisation_id, coordinator_id, actor, action, target, detail)
       SELECT ?, ?, ?, ?, ? || ':' || last_insert_rowid(), ? WHERE changes() > 0`,
    )
    .bind(who.organisationId, who.id, who.email, action, kind, detail ? JSON.stringify(detail) : null);
}
