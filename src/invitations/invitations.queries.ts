/** SQL of invitations (personal links). Only a token's hash and its seal (src/email/links.ts) are stored. */
import type { Language } from '../domain/language.ts';
import { randomHex } from '../lib/crypto.ts';
import { deleteBallots } from '../responses/ballots.queries.ts';

export interface InvitationRow {
  id: number;
  survey_id: number;
  email: string;
  name: string | null;
  language: Language;
  created_at: string;
  opened_at: string | null;
  answered: 0 | 1;
  /** 'open_link' when the person joined through the survey's open link (src/open-link/). */
  source: 'coordinator' | 'open_link';
  organisation_name: string | null;
}

export function invitationJson(i: InvitationRow) {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    language: i.language,
    created_at: i.created_at,
    opened_at: i.opened_at,
    answered: i.answered === 1,
    source: i.source,
    organisation: i.organisation_name,
  };
}

/** An invitation to write: a new row takes `token_hash`; a known address keeps its own link. */
export interface InvitationDraft {
  email: string;
  name: string | null;
  language: Language | null;
  token_hash: string;
}

/**
 * The one upsert of invitations, whichever door adds people (API, contacts import): a known
 * address keeps its link and gets the new name or language, so adding people never revokes
 * anyone's link. One statement whatever the list's length (the list travels as one JSON
 * parameter), so it stays within D1's bound-parameter limit.
 */
export function upsertInvitations(db: D1Database, surveyId: number, defaultLanguage: Language, drafts: InvitationDraft[]) {
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
              language = excluded.language
       RETURNING id, email, link_sealed, token_hash`,
    )
    .bind(surveyId, defaultLanguage, JSON.stringify(drafts));
}

/**
 * A token hash no token has, for rows whose link is issued (and sealed) only when it is sent:
 * 256 random bits, no hash of anything (a hash per row was a quarter of inviting 500 people's CPU).
 */
export const unissuedTokenHash = () => randomHex(32);

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

export interface InvitationScope {
  id: number;
  survey_id: number;
  email: string;
  organisation_id: number;
  anonymous: 0 | 1;
  link_sealed: string | null;
  token_hash: string;
}

export function invitationInOrganisation(db: D1Database, organisationId: number, invitationId: number) {
  return db
    .prepare(
      `SELECT i.id, i.survey_id, i.email, s.organisation_id, su.anonymous, i.link_sealed, i.token_hash
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

/** What delivery needs to open or issue each personal link of a survey. */
export async function invitationLinks(db: D1Database, surveyId: number) {
  const { results } = await db
    .prepare('SELECT id AS invitation_id, link_sealed, token_hash FROM invitations WHERE survey_id = ?')
    .bind(surveyId)
    .all<{ invitation_id: number; link_sealed: string | null; token_hash: string }>();
  return results;
}

export async function listInvitations(db: D1Database, surveyId: number) {
  const { results } = await db
    .prepare(
      'SELECT id, survey_id, email, name, language, created_at, opened_at, answered, source, organisation_name FROM invitations WHERE survey_id = ? ORDER BY id',
    )
    .bind(surveyId)
    .all<InvitationRow>();
  return results;
}

/**
 * Invited, opened and answered per survey, from the invitations (the results' participation):
 * published as they are (src/domain/disclosure.ts, rule 6). One read for a session's surveys.
 */
export async function participationOf(db: D1Database, surveyIds: number[]) {
  const { results } = await db
    .prepare(
      `SELECT survey_id, count(*) AS invited, count(opened_at) AS opened, coalesce(sum(answered), 0) AS answered
         FROM invitations WHERE survey_id IN (SELECT value FROM json_each(?)) GROUP BY survey_id`,
    )
    .bind(JSON.stringify(surveyIds))
    .all<{ survey_id: number; invited: number; opened: number; answered: number }>();
  return new Map(results.map((r) => [r.survey_id, r]));
}
