/** SQL of invitations (personal links). Tokens are generated here and only their hash is stored. */
import type { Language } from '../domain/language.ts';
import { randomSecret, sha256Hex } from '../lib/crypto.ts';
import type { Participant } from './invitations.schemas.ts';

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

/**
 * Creates the invitations, or gives existing ones a fresh token: one person stays one
 * respondent, and the new link replaces the old one. One statement whatever the list's
 * length (the list travels as one JSON parameter), so it stays within D1's bound-parameter limit.
 */
export async function upsertInvitations(db: D1Database, surveyId: number, defaultLanguage: Language, participants: Participant[]) {
  // The last mention of an address wins, as in a pasted list corrected at its end.
  const byEmail = new Map(participants.map((p) => [p.email, p]));
  const issued = await Promise.all(
    [...byEmail.values()].map(async (p) => {
      const token = randomSecret(24);
      return { ...p, token, token_hash: await sha256Hex(token) };
    }),
  );
  const payload = issued.map((p) => ({ email: p.email, name: p.name ?? null, language: p.language ?? null, token_hash: p.token_hash }));
  const { results } = await db
    .prepare(
      `INSERT INTO invitations (survey_id, email, name, language, token_hash)
       SELECT ?1, j.value ->> 'email', j.value ->> 'name',
              coalesce(j.value ->> 'language',
                       (SELECT language FROM invitations WHERE survey_id = ?1 AND email = j.value ->> 'email'),
                       ?2),
              j.value ->> 'token_hash'
         FROM json_each(?3) j WHERE true
       ON CONFLICT (survey_id, email) DO UPDATE SET
              token_hash = excluded.token_hash,
              name = coalesce(excluded.name, invitations.name),
              language = excluded.language
       RETURNING id, email`,
    )
    .bind(surveyId, defaultLanguage, JSON.stringify(payload))
    .all<{ id: number; email: string }>();
  const ids = new Map(results.map((r) => [r.email.toLowerCase(), r.id]));
  return issued.map((p) => ({ id: ids.get(p.email) ?? 0, email: p.email, token: p.token }));
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
