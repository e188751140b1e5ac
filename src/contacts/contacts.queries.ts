/**
 * SQL of the series' contacts (the directory) and of each session's attendance. Lists travel
 * as one JSON parameter (json_each), so a statement stays within D1's bound-parameter limit
 * whatever their length; every statement is scoped to the caller's organisation.
 */
import type { Contact } from '../domain/contacts-import.ts';
import type { Language } from '../domain/language.ts';

export interface ContactRow {
  id: number;
  email: string;
  name: string | null;
  organisation: string | null;
  language: Language | null;
  opted_out_at: string | null;
  created_at: string;
  updated_at: string;
}

export async function listContacts(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare(
      `SELECT id, email, name, organisation, language, opted_out_at, created_at, updated_at
         FROM contacts WHERE series_id = ? ORDER BY lower(coalesce(name, email)), id`,
    )
    .bind(seriesId)
    .all<ContactRow>();
  return results;
}

/**
 * Adds or updates contacts of a series from an address book: a newer name, organisation or
 * language replaces the known one, an empty one keeps it; the consent state is never touched.
 */
export function upsertContacts(db: D1Database, seriesId: number, contacts: Contact[]) {
  return db
    .prepare(
      `INSERT INTO contacts (series_id, email, name, organisation, language)
       SELECT ?1, j.value ->> 'email', j.value ->> 'name', j.value ->> 'organisation', j.value ->> 'language'
         FROM json_each(?2) j WHERE true
       ON CONFLICT (series_id, email) DO UPDATE SET
              name = coalesce(excluded.name, contacts.name),
              organisation = coalesce(excluded.organisation, contacts.organisation),
              language = coalesce(excluded.language, contacts.language),
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    )
    .bind(seriesId, JSON.stringify(contacts));
}

/** Where an "invite from" takes its people: the series' directory, another survey, a session's attendance. */
export type InviteSource =
  | { source: 'directory' }
  | { source: 'invited' | 'answered'; surveyId: number }
  | { source: 'attended'; sessionId: number };

/**
 * The addresses (with name and language) a source names, within the series (?1); ?3 is the
 * source survey or session. People who opted out of the series are left out whatever the
 * source. "answered" reads only the invitation's answered flag, which the participants page
 * already shows (anonymous surveys included): nothing about what anyone answered.
 */
function sourceSql(from: InviteSource): string {
  const optedOut = 'NOT EXISTS (SELECT 1 FROM contacts o WHERE o.series_id = ?1 AND o.email = p.email AND o.opted_out_at IS NOT NULL)';
  switch (from.source) {
    case 'directory':
      return 'SELECT p.email, p.name, p.language FROM contacts p WHERE p.series_id = ?1 AND p.opted_out_at IS NULL AND ?3 IS NULL';
    case 'invited':
    case 'answered':
      return `SELECT p.email, p.name, p.language FROM invitations p JOIN surveys su ON su.id = p.survey_id JOIN sessions se ON se.id = su.session_id
               WHERE p.survey_id = ?3 AND se.series_id = ?1 AND p.email NOT LIKE '%@purged.invalid'
                 ${from.source === 'answered' ? 'AND p.answered = 1' : ''} AND ${optedOut}`;
    case 'attended':
      return `SELECT p.email, p.name, p.language FROM attendance a JOIN contacts p ON p.id = a.contact_id JOIN sessions se ON se.id = a.session_id
               WHERE a.session_id = ?3 AND se.series_id = ?1 AND p.opted_out_at IS NULL`;
  }
}

const sourceId = (from: InviteSource) => (from.source === 'directory' ? null : from.source === 'attended' ? from.sessionId : from.surveyId);

/**
 * Invites everyone a source names to a survey, as two statements of one batch: how many the
 * source names, then the insert. Someone already invited keeps their invitation and live link
 * (DO NOTHING); a new invitation gets an unissued token hash (random, the hash of no token),
 * so its link is issued and sealed when it is sent, as after an import. RETURNING one row per
 * person added.
 */
export function inviteFromStatements(db: D1Database, seriesId: number, surveyId: number, defaultLanguage: Language, from: InviteSource) {
  const sql = sourceSql(from);
  const binds = [seriesId, surveyId, sourceId(from), defaultLanguage];
  return [
    db.prepare(`SELECT count(*) AS n FROM (${sql}) p WHERE ?2 IS NOT NULL AND ?4 IS NOT NULL`).bind(...binds),
    db
      .prepare(
        `INSERT INTO invitations (survey_id, email, name, language, token_hash)
         SELECT ?2, p.email, p.name, coalesce(p.language, ?4), lower(hex(randomblob(32)))
           FROM (${sql}) p WHERE true
         ON CONFLICT (survey_id, email) DO NOTHING
         RETURNING id`,
      )
      .bind(...binds),
  ] as const;
}

export interface AttendanceRow {
  contact_id: number;
  email: string;
  name: string | null;
  organisation: string | null;
  attended: 0 | 1;
}

/** Every contact of the series with whether they attended the session (the checkbox list). */
export async function attendanceList(db: D1Database, seriesId: number, sessionId: number) {
  const { results } = await db
    .prepare(
      `SELECT c.id AS contact_id, c.email, c.name, c.organisation,
              EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = ?2 AND a.contact_id = c.id) AS attended
         FROM contacts c WHERE c.series_id = ?1 ORDER BY lower(coalesce(c.name, c.email)), c.id`,
    )
    .bind(seriesId, sessionId)
    .all<AttendanceRow>();
  return results;
}

/**
 * Replaces a session's attendance by the contacts named by id or address (both within the
 * session's series): two statements of one batch, after the addresses were added to the
 * directory by upsertContacts in the same batch.
 */
export function replaceAttendanceStatements(db: D1Database, seriesId: number, sessionId: number, contactIds: number[], emails: string[]) {
  const named = `SELECT c.id FROM contacts c WHERE c.series_id = ?1
                   AND (c.id IN (SELECT value FROM json_each(?3)) OR c.email IN (SELECT value FROM json_each(?4)))`;
  return [
    db
      .prepare(`DELETE FROM attendance WHERE session_id = ?2 AND contact_id NOT IN (${named})`)
      .bind(seriesId, sessionId, JSON.stringify(contactIds), JSON.stringify(emails)),
    db
      .prepare(`INSERT INTO attendance (session_id, contact_id) SELECT ?2, id FROM (${named}) WHERE true ON CONFLICT DO NOTHING`)
      .bind(seriesId, sessionId, JSON.stringify(contactIds), JSON.stringify(emails)),
    db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').bind(sessionId),
  ] as const;
}

/** The emails of a session's attendance (API read). */
export async function attendees(db: D1Database, sessionId: number) {
  const { results } = await db
    .prepare(
      `SELECT c.id AS contact_id, c.email, c.name, a.recorded_at FROM attendance a JOIN contacts c ON c.id = a.contact_id
        WHERE a.session_id = ? ORDER BY lower(coalesce(c.name, c.email)), c.id`,
    )
    .bind(sessionId)
    .all<{ contact_id: number; email: string; name: string | null; recorded_at: string }>();
  return results;
}
