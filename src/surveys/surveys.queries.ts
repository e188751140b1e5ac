/** SQL of surveys, scoped through session → series to the caller's organisation. */
import type { Definition, Question } from '../domain/definition.ts';
import { effectiveStatus, type SurveyStatus } from '../domain/survey-status.ts';
import { type CatalogueTheme, themeOptions } from '../domain/templates.ts';
import { deliveryIds, surveyChangedEvent } from '../webhooks/outbox.queries.ts';

export interface SurveyRow {
  id: number;
  session_id: number;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: 0 | 1;
  closes_at: string | null;
  definition: string;
  definition_version: number;
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  series_id: number;
  session_number: number;
  response_count: number;
  /** An anonymous survey's answers received but not yet counted (src/responses/ballots.ts). */
  held_back: number;
  invitation_count: number;
}

export function surveyJson(s: SurveyRow) {
  const def = JSON.parse(s.definition) as Definition;
  return {
    id: s.id,
    session_id: s.session_id,
    series_id: s.series_id,
    session_number: s.session_number,
    kind: s.kind,
    status: effectiveStatus(s.status, s.closes_at),
    anonymous: s.anonymous === 1,
    closes_at: s.closes_at,
    opened_at: s.opened_at,
    closed_at: s.closed_at,
    definition_version: s.definition_version,
    questions: def.questions,
    invitations: s.invitation_count,
    responses: s.response_count,
    held_back: s.held_back,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

const SELECT_SURVEY = `
  SELECT su.*, se.series_id, se.number AS session_number,
         (SELECT count(*) FROM responses r WHERE r.survey_id = su.id) AS response_count,
         (SELECT count(*) FROM anonymous_ballots b WHERE b.survey_id = su.id AND b.pending IS NOT NULL) AS held_back,
         (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id) AS invitation_count
    FROM surveys su
    JOIN sessions se ON se.id = su.session_id
    JOIN series s ON s.id = se.series_id`;

export function getSurvey(db: D1Database, organisationId: number, id: number) {
  return db.prepare(`${SELECT_SURVEY} WHERE su.id = ? AND s.organisation_id = ?`).bind(id, organisationId).first<SurveyRow>();
}

/** Inserts only into a session of the organisation, once per kind; RETURNING id when it did. */
export function insertSurvey(
  db: D1Database,
  organisationId: number,
  sessionId: number,
  input: { kind: 'pre' | 'post'; anonymous: boolean; closes_at?: string | undefined; questions: Question[] },
) {
  return db
    .prepare(
      `INSERT INTO surveys (session_id, kind, anonymous, closes_at, definition)
       SELECT se.id, ?, ?, ?, ? FROM sessions se JOIN series s ON s.id = se.series_id
        WHERE se.id = ? AND s.organisation_id = ?
       ON CONFLICT (session_id, kind) DO NOTHING
       RETURNING id`,
    )
    .bind(
      input.kind,
      input.anonymous ? 1 : 0,
      input.closes_at ?? null,
      JSON.stringify({ questions: input.questions }),
      sessionId,
      organisationId,
    );
}

/**
 * Ranking questions fed by the catalogue take the themes active when the survey opens,
 * as long as nobody has answered yet (afterwards options must keep their meaning).
 */
export function refreshThemeOptions(def: Definition, themes: readonly CatalogueTheme[]): Definition | null {
  if (themes.length === 0) return null;
  let changed = false;
  const questions = def.questions.map((q) => {
    if (q.type !== 'ranking' || q.source !== 'themes') return q;
    const options = themeOptions(themes);
    if (JSON.stringify(options) === JSON.stringify(q.options)) return q;
    changed = true;
    return { ...q, options };
  });
  return changed ? { questions } : null;
}

/**
 * Opens the survey (and refreshes its theme options) in one batch with the `survey.opened`
 * event's deliveries, written only if the status changed (src/webhooks/outbox.queries.ts), and
 * `alongside` (the action's audit entry).
 * Returns the deliveries' ids, for their first attempt.
 */
export async function openSurvey(
  db: D1Database,
  id: number,
  definition: Definition | null,
  alongside: D1PreparedStatement[] = [],
): Promise<number[]> {
  const [, event] = await db.batch([
    db
      .prepare(
        `UPDATE surveys SET status = 'open', opened_at = coalesce(opened_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), closed_at = NULL
          WHERE id = ?1 AND status <> 'open'`,
      )
      .bind(id),
    db.prepare(surveyChangedEvent('survey.opened')).bind(id),
    db
      .prepare(
        `UPDATE surveys SET definition = coalesce(?1, definition), definition_version = definition_version + (?1 IS NOT NULL),
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = ?2`,
      )
      .bind(definition ? JSON.stringify(definition) : null, id),
    ...alongside,
  ]);
  return deliveryIds(event);
}

/**
 * Closes the survey, with the `survey.closed` event in the same batch when its status changed.
 * `alongside`: written in the same batch (the action's audit entry).
 */
export async function closeSurvey(db: D1Database, id: number, alongside: D1PreparedStatement[] = []): Promise<number[]> {
  const [, event] = await db.batch([
    db
      .prepare(
        `UPDATE surveys SET status = 'closed',
                closed_at = coalesce(closed_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = ?1 AND status <> 'closed'`,
      )
      .bind(id),
    db.prepare(surveyChangedEvent('survey.closed')).bind(id),
    ...alongside,
  ]);
  return deliveryIds(event);
}

/**
 * Saves an edited definition if nobody changed it meanwhile (same version) and, when `guarded`
 * (a change only allowed before anyone answers), only while the survey still has no answers
 * or held ballots: the check and the write are one statement, so an answer arriving in between
 * cannot be re-labelled. RETURNING id when it saved.
 */
export function saveDefinition(db: D1Database, surveyId: number, definition: string, version: number, guarded: boolean) {
  return db
    .prepare(
      `UPDATE surveys SET definition = ?1, definition_version = definition_version + 1,
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE id = ?2 AND definition_version = ?3
          AND (?4 = 0 OR (NOT EXISTS (SELECT 1 FROM responses WHERE survey_id = ?2)
                          AND NOT EXISTS (SELECT 1 FROM anonymous_ballots WHERE survey_id = ?2)))
       RETURNING id`,
    )
    .bind(definition, surveyId, version, guarded ? 1 : 0);
}

/** A closing date in the past closes the survey at the next cron tick (and for participants at once). */
export function setClosesAt(db: D1Database, surveyId: number, closesAt: string | null) {
  return db
    .prepare(`UPDATE surveys SET closes_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`)
    .bind(closesAt, surveyId);
}
