export const ACTION_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The question of the post-survey templates that lists actions, and the consent to be contacted about them. */
export const ACTIONS_QUESTION = 'actions';
export const CONTACT_CONSENT_QUESTION = 'contact-consent';

export interface SeriesActionRow {
  id: number;
  series_id: number;
  option_id: string;
  /** The number of the session whose post-survey proposed it first (null: that survey is gone). */
  since_session: number | null;
  label: string;
  status: ActionStatus;
  note: string | null;
  updated_at: string | null;
}

const SELECT_ACTION = `
  SELECT a.id, a.series_id, a.option_id, a.label, a.status, a.note, a.updated_at,
         (SELECT se.number FROM surveys su JOIN sessions se ON se.id = su.session_id WHERE su.id = a.first_survey_id) AS since_session
    FROM series_actions a`;

/** A series' actions in the order they were first proposed. ?1 = series. */
export const SERIES_ACTIONS = `${SELECT_ACTION} WHERE a.series_id = ?1 ORDER BY a.id`;
/** The same for the brief of session ?1, read in one batch with the session (src/brief/brief.ts). */
export const SESSION_SERIES_ACTIONS = `${SELECT_ACTION} WHERE a.series_id = (SELECT series_id FROM sessions WHERE id = ?1) ORDER BY a.id`;

export async function listSeriesActions(db: D1Database, seriesId: number) {
  return (await db.prepare(SERIES_ACTIONS).bind(seriesId).all<SeriesActionRow>()).results;
}

export function getSeriesAction(db: D1Database, organisationId: number, id: number) {
  return db
    .prepare(`${SELECT_ACTION} JOIN series s ON s.id = a.series_id WHERE a.id = ? AND s.organisation_id = ?`)
    .bind(id, organisationId)
    .first<SeriesActionRow>();
}

export function updateSeriesActionStatement(
  db: D1Database,
  id: number,
  change: { status?: ActionStatus | undefined; note?: string | null | undefined },
) {
  return db
    .prepare(
      `UPDATE series_actions SET status = coalesce(?2, status), note = CASE WHEN ?3 THEN ?4 ELSE note END,
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE id = ?1`,
    )
    .bind(id, change.status ?? null, change.note !== undefined ? 1 : 0, change.note === '' ? null : (change.note ?? null));
}

export interface VolunteerRow {
  option_id: string;
  session_number: number;
  name: string | null;
  email: string;
}

/**
 * People who ticked an action in a post-survey that is NOT anonymous and said yes to being
 * contacted, with the name and address of their invitation: the coordinator's list to start a
 * working group. An anonymous survey's responses carry no invitation, and the survey is
 * excluded by its flag as well, so nobody of an anonymous survey is ever listed.
 */
export async function actionVolunteers(db: D1Database, seriesId: number): Promise<VolunteerRow[]> {
  const { results } = await db
    .prepare(
      `SELECT a.option_id, se.number AS session_number, i.name, i.email
         FROM sessions se
         JOIN surveys su ON su.session_id = se.id AND su.kind = 'post' AND su.anonymous = 0
         JOIN answers a ON a.survey_id = su.id AND a.question_id = ?2 AND a.option_id IS NOT NULL
         JOIN answers c ON c.response_id = a.response_id AND c.question_id = ?3 AND c.option_id = 'yes'
         JOIN responses r ON r.id = a.response_id
         JOIN invitations i ON i.id = r.invitation_id
        WHERE se.series_id = ?1
        ORDER BY a.option_id, se.number, coalesce(i.name, i.email), i.email`,
    )
    .bind(seriesId, ACTIONS_QUESTION, CONTACT_CONSENT_QUESTION)
    .all<VolunteerRow>();
  return results;
}
