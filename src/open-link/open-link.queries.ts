/** SQL of the open link: its settings per survey, what a visitor sees, and joining. */
import type { Language } from '../domain/language.ts';
import { newSlug } from '../domain/open-link.ts';
import type { SurveyStatus } from '../domain/survey-status.ts';
import { unissuedTokenHash } from '../invitations/invitations.queries.ts';

export interface OpenLinkRow {
  survey_id: number;
  slug: string;
  enabled: 0 | 1;
  cap: number | null;
  joined: number;
}

const JOINED = `(SELECT count(*) FROM invitations i WHERE i.survey_id = o.survey_id AND i.source = 'open_link')`;

export function getOpenLink(db: D1Database, surveyId: number) {
  return db
    .prepare(`SELECT o.survey_id, o.slug, o.enabled, o.cap, ${JOINED} AS joined FROM open_links o WHERE o.survey_id = ?`)
    .bind(surveyId)
    .first<OpenLinkRow>();
}

/**
 * Creates the link, or switches an existing one (whose slug never changes, so a printed
 * agenda stays right). `cap` undefined keeps the current cap. The caller has checked that the
 * survey belongs to the coordinator's organisation.
 */
export async function switchOpenLink(
  db: D1Database,
  surveyId: number,
  enabled: boolean,
  cap: number | null | undefined,
  alongside: D1PreparedStatement[] = [],
) {
  // 60 random bits make a clash improbable, not impossible: draw again rather than fail.
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsertOpenLink(db, surveyId, newSlug(), enabled, cap, alongside);
    } catch (error) {
      if (attempt >= 3 || !/UNIQUE constraint failed: open_links\.slug/.test(String((error as Error)?.message ?? error))) throw error;
    }
  }
}

async function upsertOpenLink(
  db: D1Database,
  surveyId: number,
  slug: string,
  enabled: boolean,
  cap: number | null | undefined,
  alongside: D1PreparedStatement[],
) {
  const [, read] = await db.batch<OpenLinkRow>([
    db
      .prepare(
        `INSERT INTO open_links (survey_id, slug, enabled, cap) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (survey_id) DO UPDATE SET
           enabled = excluded.enabled,
           cap = CASE WHEN ?5 THEN open_links.cap ELSE excluded.cap END,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .bind(surveyId, slug, enabled ? 1 : 0, cap ?? null, cap === undefined ? 1 : 0),
    db.prepare(`SELECT o.survey_id, o.slug, o.enabled, o.cap, ${JOINED} AS joined FROM open_links o WHERE o.survey_id = ?`).bind(surveyId),
    ...alongside,
  ]);
  const row = read?.results[0];
  if (!row) throw new Error('open link not saved');
  return row;
}

/** Everything the visitor's page shows, from the slug, in one query. */
export interface VisitorContext {
  survey_id: number;
  slug: string;
  enabled: 0 | 1;
  cap: number | null;
  joined: number;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: 0 | 1;
  closes_at: string | null;
  organisation_id: number;
  series_id: number;
  series_title: string;
  bassin: string | null;
  series_language: Language;
  session_number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
}

export function visitorContext(db: D1Database, slug: string) {
  return db
    .prepare(
      `SELECT o.survey_id, o.slug, o.enabled, o.cap, ${JOINED} AS joined,
              su.kind, su.status, su.anonymous, su.closes_at,
              s.organisation_id, s.id AS series_id, s.title AS series_title, s.bassin, s.language AS series_language,
              se.number AS session_number, se.starts_at, se.ends_at, se.place
         FROM open_links o
         JOIN surveys su ON su.id = o.survey_id
         JOIN sessions se ON se.id = su.session_id
         JOIN series s ON s.id = se.series_id
        WHERE o.slug = ?`,
    )
    .bind(slug)
    .first<VisitorContext>();
}

export interface Joiner {
  email: string;
  name: string | null;
  organisation: string | null;
  language: Language;
}

export type JoinOutcome = { kind: 'joined' | 'existing'; invitationId: number } | { kind: 'full' };

/**
 * One transaction: the newcomer's invitation is inserted only while the link is on and under
 * its cap (counted in the same statement, so two visitors at once cannot both take the last
 * place); someone already invited keeps their invitation untouched — whatever a visitor
 * types cannot rename it or make a second respondent.
 */
export async function join(db: D1Database, surveyId: number, who: Joiner): Promise<JoinOutcome> {
  // Never a usable link: the real token is issued and sealed when the message goes out.
  const placeholder = unissuedTokenHash();
  const [inserted, read] = await db.batch<{ id: number }>([
    db
      .prepare(
        `INSERT INTO invitations (survey_id, email, name, language, token_hash, source, organisation_name)
         SELECT ?1, ?2, ?3, ?4, ?5, 'open_link', ?6
           FROM open_links o
          WHERE o.survey_id = ?1 AND o.enabled = 1
            AND (o.cap IS NULL OR ${JOINED} < o.cap)
            AND NOT EXISTS (SELECT 1 FROM invitations x WHERE x.survey_id = ?1 AND x.email = ?2)
         ON CONFLICT (survey_id, email) DO NOTHING`,
      )
      .bind(surveyId, who.email, who.name, who.language, placeholder, who.organisation),
    db.prepare('SELECT id FROM invitations WHERE survey_id = ? AND email = ?').bind(surveyId, who.email),
  ]);
  const id = read?.results[0]?.id;
  if (id === undefined) return { kind: 'full' };
  return { kind: inserted?.meta.changes ? 'joined' : 'existing', invitationId: id };
}
