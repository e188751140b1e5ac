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
  created_at: string;
}

export function seriesJson(s: SeriesRow) {
  return {
    id: s.id,
    title: s.title,
    bassin: s.bassin,
    language: s.language,
    min_group_size: s.min_group_size,
    created_at: s.created_at,
  };
}

export function listSeries(db: D1Database, organisationId: number) {
  return db.prepare('SELECT * FROM series WHERE organisation_id = ? ORDER BY id').bind(organisationId).all<SeriesRow>();
}

export function getSeries(db: D1Database, organisationId: number, id: number) {
  return db.prepare('SELECT * FROM series WHERE id = ? AND organisation_id = ?').bind(id, organisationId).first<SeriesRow>();
}

export function createSeries(db: D1Database, organisationId: number, input: v.InferOutput<typeof CreateSeriesSchema>) {
  return db
    .prepare('INSERT INTO series (organisation_id, title, bassin, language, min_group_size) VALUES (?, ?, ?, ?, ?) RETURNING *')
    .bind(organisationId, input.title, input.bassin ?? null, input.language, input.min_group_size)
    .first<SeriesRow>();
}

export function updateSeries(db: D1Database, organisationId: number, id: number, input: v.InferOutput<typeof UpdateSeriesSchema>) {
  return db
    .prepare(
      `UPDATE series SET
         title = coalesce(?, title),
         bassin = CASE WHEN ? THEN ? ELSE bassin END,
         language = coalesce(?, language),
         min_group_size = coalesce(?, min_group_size)
       WHERE id = ? AND organisation_id = ? RETURNING *`,
    )
    .bind(
      input.title ?? null,
      input.bassin !== undefined ? 1 : 0,
      input.bassin ?? null,
      input.language ?? null,
      input.min_group_size ?? null,
      id,
      organisationId,
    )
    .first<SeriesRow>();
}
