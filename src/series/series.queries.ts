/** SQL of the series resource. Every read is scoped to the caller's organisation. */
import type * as v from 'valibot';
import type { CreateSeriesSchema, UpdateSeriesSchema } from './series.schemas.ts';

export interface SeriesRow {
  id: number;
  organisation_id: number;
  title: string;
  bassin: string | null;
  language: 'fr' | 'nl' | 'en';
  min_group_size: number;
  retention_days: number | null;
  created_at: string;
}

export function seriesJson(s: SeriesRow) {
  return {
    id: s.id,
    title: s.title,
    bassin: s.bassin,
    language: s.language,
    min_group_size: s.min_group_size,
    retention_days: s.retention_days,
    created_at: s.created_at,
  };
}

export function listSeries(db: D1Database, organisationId: number) {
  return db.prepare('SELECT * FROM series WHERE organisation_id = ? ORDER BY id').bind(organisationId).all<SeriesRow>();
}

export function getSeries(db: D1Database, organisationId: number, id: number) {
  return db.prepare('SELECT * FROM series WHERE id = ? AND organisation_id = ?').bind(id, organisationId).first<SeriesRow>();
}

export function insertSeries(db: D1Database, organisationId: number, input: v.InferOutput<typeof CreateSeriesSchema>) {
  return db
    .prepare(
      'INSERT INTO series (organisation_id, title, bassin, language, min_group_size, retention_days) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    )
    .bind(organisationId, input.title, input.bassin ?? null, input.language, input.min_group_size, input.retention_days);
}

/**
 * Any answer to a survey of the series: a response, or an anonymous ballot (held until it
 * is counted, or already counted: src/responses/ballots.ts).
 */
const SERIES_ANSWERED = `EXISTS (SELECT 1 FROM sessions se JOIN surveys su ON su.session_id = se.id
                          WHERE se.series_id = series.id
                            AND (EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = su.id)
                                 OR EXISTS (SELECT 1 FROM anonymous_ballots b WHERE b.survey_id = su.id)))`;

/** Whether a survey of the series has answers, for the workspace to say the rule applies. */
export async function seriesAnswered(db: D1Database, id: number) {
  const row = await db.prepare(`SELECT ${SERIES_ANSWERED} AS answered FROM series WHERE id = ?`).bind(id).first<{ answered: number }>();
  return row?.answered === 1;
}

/**
 * The update, refused in the same statement (no row returned) when it would lower the
 * minimum group size of a series that has answers.
 */
export function updateSeriesGuarded(db: D1Database, organisationId: number, id: number, input: v.InferOutput<typeof UpdateSeriesSchema>) {
  return db
    .prepare(
      `UPDATE series SET
         title = coalesce(?1, title),
         bassin = CASE WHEN ?2 THEN ?3 ELSE bassin END,
         language = coalesce(?4, language),
         min_group_size = coalesce(?5, min_group_size),
         retention_days = CASE WHEN ?6 THEN ?7 ELSE retention_days END
       WHERE id = ?8 AND organisation_id = ?9
         AND NOT (?5 IS NOT NULL AND ?5 < min_group_size AND ${SERIES_ANSWERED})
       RETURNING *`,
    )
    .bind(
      input.title ?? null,
      input.bassin !== undefined ? 1 : 0,
      input.bassin ?? null,
      input.language ?? null,
      input.min_group_size ?? null,
      input.retention_days !== undefined ? 1 : 0,
      input.retention_days ?? null,
      id,
      organisationId,
    );
}

export async function seriesRetention(db: D1Database, seriesId: number) {
  return db
    .prepare('SELECT retention_days, contacts_purged_at FROM series WHERE id = ?')
    .bind(seriesId)
    .first<{ retention_days: number | null; contacts_purged_at: string | null }>();
}
