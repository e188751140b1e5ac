/**
 * SQL of one person's data across the organisation (rights of access and erasure), matched by
 * e-mail address whatever its case.
 */
import { removeInvitationsStatements } from './invitations.queries.ts';

const ORG_INVITATIONS_OF = `
  SELECT i.id FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
    JOIN series s ON s.id = se.series_id WHERE s.organisation_id = ? AND i.email = ? COLLATE NOCASE`;

const ORG_CONTACTS_OF = `
  SELECT c.id FROM contacts c JOIN series s ON s.id = c.series_id WHERE s.organisation_id = ? AND c.email = ? COLLATE NOCASE`;

/**
 * One person's invitations in the organisation, with what their erasure needs to find their
 * anonymous ballots and their participant Idempotency-Keys (from the links' token hashes).
 */
export async function invitationsOf(db: D1Database, organisationId: number, email: string) {
  const { results } = await db
    .prepare(
      `SELECT i.id, i.survey_id, su.anonymous, i.token_hash FROM invitations i JOIN surveys su ON su.id = i.survey_id
        WHERE i.id IN (${ORG_INVITATIONS_OF})`,
    )
    .bind(organisationId, email)
    .all<{ id: number; survey_id: number; anonymous: 0 | 1; token_hash: string }>();
  return results;
}

/**
 * Every statement erasing one person from the organisation's data, for one batch.
 * `idempotencyScopes` own the person's participant Idempotency-Keys (src/http/idempotency.ts,
 * participantScope): computed from their links with a Worker secret, so only here can they
 * be found.
 */
export function eraseParticipantStatements(
  db: D1Database,
  organisationId: number,
  email: string,
  ballots: [number, string][],
  idempotencyScopes: string[],
) {
  return [
    ...removeInvitationsStatements(db, ORG_INVITATIONS_OF, [organisationId, email], ballots),
    // Messages whose invitation is gone already (a purge), or that never had one (the open
    // link's "no places left"), still name the address.
    db.prepare('DELETE FROM outbox WHERE organisation_id = ? AND to_email = ? COLLATE NOCASE').bind(organisationId, email),
    db.prepare('DELETE FROM idempotency_keys WHERE scope IN (SELECT value FROM json_each(?))').bind(JSON.stringify(idempotencyScopes)),
    // The series' directories and attendance lists name the person too.
    db.prepare(`DELETE FROM attendance WHERE contact_id IN (${ORG_CONTACTS_OF})`).bind(organisationId, email),
    db.prepare(`DELETE FROM contacts WHERE id IN (${ORG_CONTACTS_OF})`).bind(organisationId, email),
  ];
}

/** What Relais holds about one person (right of access): invitations, named answers, messages, directory entries. */
export async function participantData(db: D1Database, organisationId: number, email: string) {
  const [invitations, answers, messages, contacts] = await db.batch([
    db
      .prepare(
        `SELECT i.id, i.email, i.name, i.language, i.created_at, i.sent_at, i.opened_at, i.answered, i.bounced_at,
                su.id AS survey_id, su.kind, su.anonymous, se.number AS session_number, s.title AS series_title
           FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
           JOIN series s ON s.id = se.series_id
          WHERE s.organisation_id = ? AND i.email = ? COLLATE NOCASE ORDER BY i.id`,
      )
      .bind(organisationId, email),
    db
      .prepare(
        `SELECT r.invitation_id, r.language, r.created_at, r.updated_at, a.question_id, a.option_id, a.rank, a.number, a.text
           FROM responses r JOIN answers a ON a.response_id = r.id
          WHERE r.invitation_id IN (${ORG_INVITATIONS_OF}) ORDER BY r.id, a.question_id, a.rank`,
      )
      .bind(organisationId, email),
    db
      .prepare(`SELECT created_at, slot, subject, status FROM outbox WHERE organisation_id = ? AND to_email = ? COLLATE NOCASE ORDER BY id`)
      .bind(organisationId, email),
    db
      .prepare(
        `SELECT c.email, c.name, c.organisation, c.language, c.opted_out_at, c.created_at, s.title AS series_title,
                (SELECT json_group_array(se.number) FROM attendance a JOIN sessions se ON se.id = a.session_id WHERE a.contact_id = c.id) AS attended_sessions
           FROM contacts c JOIN series s ON s.id = c.series_id
          WHERE s.organisation_id = ? AND c.email = ? COLLATE NOCASE ORDER BY c.id`,
      )
      .bind(organisationId, email),
  ]);
  return {
    invitations: (invitations?.results ?? []) as Record<string, unknown>[],
    answers: (answers?.results ?? []) as Record<string, unknown>[],
    messages: (messages?.results ?? []) as Record<string, unknown>[],
    /** The series' directories that list the person, with the sessions they attended. */
    contacts: ((contacts?.results ?? []) as Record<string, unknown>[]).map((r) => ({
      ...r,
      attended_sessions: JSON.parse(String(r.attended_sessions ?? '[]')) as number[],
    })),
  };
}
