/** SQL behind the workspace pages that the JSON API does not already have. Scoped to an organisation. */
import type { Contact } from '../domain/contacts-csv.ts';
import { gateProposalTexts } from '../domain/disclosure.ts';
import type { Language } from '../domain/language.ts';
import { randomSecret, sha256Hex } from '../lib/crypto.ts';
import { deleteBallots } from '../responses/ballots.queries.ts';

export type InvitationState = 'not_sent' | 'sent' | 'opened' | 'answered' | 'bounced';

export interface ParticipantRow {
  id: number;
  email: string;
  name: string | null;
  language: Language;
  state: InvitationState;
}

/** The state a coordinator sees; computed in SQL so the list is one read. */
export async function listParticipants(db: D1Database, surveyId: number) {
  const { results } = await db
    .prepare(
      `SELECT id, email, name, language,
              CASE WHEN answered = 1 THEN 'answered'
                   WHEN bounced_at IS NOT NULL THEN 'bounced'
                   WHEN opened_at IS NOT NULL THEN 'opened'
                   WHEN sent_at IS NOT NULL THEN 'sent'
                   ELSE 'not_sent' END AS state
         FROM invitations WHERE survey_id = ? ORDER BY lower(coalesce(name, email)), id`,
    )
    .bind(surveyId)
    .all<ParticipantRow>();
  return results;
}

/**
 * Adds contacts as invitations not sent yet; a known address keeps its link and gets the new
 * name or language. New rows get a token nobody knows: the link is issued when it is sent.
 */
export async function importContacts(db: D1Database, surveyId: number, defaultLanguage: Language, contacts: Contact[]) {
  const payload = await Promise.all(
    contacts.map(async (p) => ({
      email: p.email,
      name: p.name ?? null,
      language: p.language ?? null,
      token_hash: await sha256Hex(`unissued:${randomSecret(24)}`),
    })),
  );
  return db
    .prepare(
      `INSERT INTO invitations (survey_id, email, name, language, token_hash)
       SELECT ?1, j.value ->> 'email', j.value ->> 'name',
              coalesce(j.value ->> 'language',
                       (SELECT language FROM invitations WHERE survey_id = ?1 AND email = j.value ->> 'email'),
                       ?2),
              j.value ->> 'token_hash'
         FROM json_each(?3) j WHERE true
       ON CONFLICT (survey_id, email) DO UPDATE SET
              name = coalesce(excluded.name, invitations.name),
              language = excluded.language`,
    )
    .bind(surveyId, defaultLanguage, JSON.stringify(payload));
}

export interface InvitationScope {
  id: number;
  survey_id: number;
  email: string;
  organisation_id: number;
  anonymous: 0 | 1;
}

export function invitationInOrganisation(db: D1Database, organisationId: number, invitationId: number) {
  return db
    .prepare(
      `SELECT i.id, i.survey_id, i.email, s.organisation_id, su.anonymous
         FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
         JOIN series s ON s.id = se.series_id
        WHERE i.id = ? AND s.organisation_id = ?`,
    )
    .bind(invitationId, organisationId)
    .first<InvitationScope>();
}

/**
 * Removing invitations removes what they hold: named responses and their answers, the
 * messages sent to them, and the anonymous ballots of those people (`ballots`, keys from
 * src/responses/ballots.ts ballotKeys): answers still held and the read-back go. An anonymous
 * response already released stays on purpose: removing it would change the results by
 * exactly this person's answers, and released anonymous answers are linked to nobody.
 */
export function removeInvitationsStatements(db: D1Database, idsSql: string, binds: unknown[], ballots: [number, string][] = []) {
  return [
    ...(ballots.length ? [deleteBallots(db, ballots)] : []),
    db.prepare(`DELETE FROM answers WHERE response_id IN (SELECT id FROM responses WHERE invitation_id IN (${idsSql}))`).bind(...binds),
    db.prepare(`DELETE FROM responses WHERE invitation_id IN (${idsSql})`).bind(...binds),
    db.prepare(`DELETE FROM outbox WHERE invitation_id IN (${idsSql})`).bind(...binds),
    db.prepare(`DELETE FROM invitations WHERE id IN (${idsSql})`).bind(...binds),
  ];
}

const ORG_INVITATIONS_OF = `
  SELECT i.id FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
    JOIN series s ON s.id = se.series_id WHERE s.organisation_id = ? AND i.email = ? COLLATE NOCASE`;

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
  ];
}

/** What Relais holds about one person (right of access): invitations, named answers, messages. */
export async function participantData(db: D1Database, organisationId: number, email: string) {
  const [invitations, answers, messages] = await db.batch([
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
  ]);
  return {
    invitations: (invitations?.results ?? []) as Record<string, unknown>[],
    answers: (answers?.results ?? []) as Record<string, unknown>[],
    messages: (messages?.results ?? []) as Record<string, unknown>[],
  };
}

export function setRetention(db: D1Database, organisationId: number, seriesId: number, days: number | null) {
  return db.prepare('UPDATE series SET retention_days = ? WHERE id = ? AND organisation_id = ?').bind(days, seriesId, organisationId);
}

export async function seriesRetention(db: D1Database, seriesId: number) {
  return db
    .prepare('SELECT retention_days, contacts_purged_at FROM series WHERE id = ?')
    .bind(seriesId)
    .first<{ retention_days: number | null; contacts_purged_at: string | null }>();
}

/**
 * Counts of identical proposal texts of a series, through the disclosure gate: a question's
 * proposals count only when its survey and the question reach the survey's minimum group
 * size. Grouping across spellings is done by the caller.
 */
export async function proposalCounts(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare(
      `SELECT a.survey_id, su.anonymous, s.min_group_size, a.text, count(*) AS count,
              (SELECT count(*) FROM responses r WHERE r.survey_id = a.survey_id) AS survey_n,
              (SELECT coalesce(sum(qt.n), 0) FROM question_tallies qt WHERE qt.survey_id = a.survey_id AND qt.question_id = a.question_id) AS question_n
         FROM answers a JOIN surveys su ON su.id = a.survey_id JOIN sessions se ON se.id = su.session_id JOIN series s ON s.id = se.series_id
        WHERE se.series_id = ? AND a.text IS NOT NULL AND trim(a.text) != ''
          AND a.question_id IN (SELECT q.value ->> 'id' FROM json_each(su.definition, '$.questions') q
                                 WHERE q.value ->> 'role' = 'theme_proposal')
        GROUP BY a.survey_id, a.question_id, a.text`,
    )
    .bind(seriesId)
    .all<{
      survey_id: number;
      anonymous: 0 | 1;
      min_group_size: number;
      text: string;
      count: number;
      survey_n: number;
      question_n: number;
    }>();
  return gateProposalTexts(results);
}

export async function decidedProposals(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare('SELECT proposal_key FROM theme_proposal_decisions WHERE series_id = ?')
    .bind(seriesId)
    .all<{ proposal_key: string }>();
  return new Set(results.map((r) => r.proposal_key));
}

export function decideProposal(db: D1Database, seriesId: number, key: string, themeId: number) {
  return db
    .prepare(
      `INSERT INTO theme_proposal_decisions (series_id, proposal_key, theme_id) VALUES (?, ?, ?)
       ON CONFLICT (series_id, proposal_key) DO UPDATE SET theme_id = excluded.theme_id`,
    )
    .bind(seriesId, key, themeId);
}

/** A theme created with the id the decision needs, in the same batch (all-or-nothing). */
export function promoteProposal(db: D1Database, seriesId: number, key: string, label: string) {
  return [
    db.prepare('INSERT INTO themes (series_id, label_fr) VALUES (?, ?)').bind(seriesId, label),
    db
      .prepare(
        `INSERT INTO theme_proposal_decisions (series_id, proposal_key, theme_id) VALUES (?, ?, last_insert_rowid())
         ON CONFLICT (series_id, proposal_key) DO NOTHING`,
      )
      .bind(seriesId, key),
  ];
}

/**
 * Saves an edited definition if nobody changed it meanwhile (same version) and, when options
 * changed, only while the survey still has no answers: the check and the write are one
 * statement, so an answer arriving in between cannot be re-labelled.
 */
export async function saveDefinition(db: D1Database, surveyId: number, definition: string, version: number, optionsChanged: boolean) {
  const row = await db
    .prepare(
      `UPDATE surveys SET definition = ?1, definition_version = definition_version + 1,
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE id = ?2 AND definition_version = ?3
          AND (?4 = 0 OR (NOT EXISTS (SELECT 1 FROM responses WHERE survey_id = ?2)
                          AND NOT EXISTS (SELECT 1 FROM anonymous_ballots WHERE survey_id = ?2)))
       RETURNING id`,
    )
    .bind(definition, surveyId, version, optionsChanged ? 1 : 0)
    .first<{ id: number }>();
  return row !== null;
}

/** A closing date in the past closes the survey at the next cron tick (and for participants at once). */
export function setClosesAt(db: D1Database, surveyId: number, closesAt: string | null) {
  return db
    .prepare(`UPDATE surveys SET closes_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`)
    .bind(closesAt, surveyId);
}

/** What delivery needs to open or re-issue each personal link of a survey. */
export async function invitationLinks(db: D1Database, surveyId: number) {
  const { results } = await db
    .prepare('SELECT id AS invitation_id, link_sealed, token_hash FROM invitations WHERE survey_id = ?')
    .bind(surveyId)
    .all<{ invitation_id: number; link_sealed: string | null; token_hash: string }>();
  return results;
}

export async function proposalTheme(db: D1Database, seriesId: number, key: string) {
  const row = await db
    .prepare('SELECT theme_id FROM theme_proposal_decisions WHERE series_id = ? AND proposal_key = ?')
    .bind(seriesId, key)
    .first<{ theme_id: number }>();
  return row?.theme_id ?? null;
}
