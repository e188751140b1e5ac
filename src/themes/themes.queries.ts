/** SQL of a series' theme catalogue, scoped to the caller's organisation. */
import { type LocalizedText, themeLabel } from '../domain/language.ts';
import type { CatalogueTheme } from '../domain/templates.ts';

export interface ThemeRow {
  id: number;
  series_id: number;
  label_fr: string;
  label_nl: string | null;
  label_en: string | null;
  status: 'active' | 'archived';
  merged_into_id: number | null;
  created_at: string;
}

export function themeJson(t: ThemeRow) {
  return {
    id: t.id,
    series_id: t.series_id,
    label: themeLabel(t),
    status: t.status,
    merged_into: t.merged_into_id,
    created_at: t.created_at,
  };
}

export async function listThemes(db: D1Database, organisationId: number, seriesId: number) {
  const { results } = await db
    .prepare(
      `SELECT t.* FROM themes t JOIN series s ON s.id = t.series_id
        WHERE t.series_id = ? AND s.organisation_id = ? ORDER BY t.id`,
    )
    .bind(seriesId, organisationId)
    .all<ThemeRow>();
  return results;
}

/** The active catalogue, as survey templates take it (ranking options). */
export async function activeCatalogue(db: D1Database, seriesId: number): Promise<CatalogueTheme[]> {
  const { results } = await db
    .prepare(`SELECT * FROM themes WHERE series_id = ? AND status = 'active' ORDER BY id`)
    .bind(seriesId)
    .all<ThemeRow>();
  return results.map((t) => ({ id: t.id, label: themeLabel(t) }));
}

export function getTheme(db: D1Database, organisationId: number, id: number) {
  return db
    .prepare('SELECT t.* FROM themes t JOIN series s ON s.id = t.series_id WHERE t.id = ? AND s.organisation_id = ?')
    .bind(id, organisationId)
    .first<ThemeRow>();
}

/** Inserts only into a series of the organisation; RETURNING the theme when it did. */
export function insertTheme(db: D1Database, organisationId: number, seriesId: number, label: LocalizedText) {
  return db
    .prepare(
      `INSERT INTO themes (series_id, label_fr, label_nl, label_en)
       SELECT id, ?, ?, ? FROM series WHERE id = ? AND organisation_id = ? RETURNING *`,
    )
    .bind(label.fr, label.nl ?? null, label.en ?? null, seriesId, organisationId);
}

export function renameTheme(db: D1Database, id: number, label: LocalizedText) {
  return db
    .prepare('UPDATE themes SET label_fr = ?, label_nl = ?, label_en = ? WHERE id = ?')
    .bind(label.fr, label.nl ?? null, label.en ?? null, id);
}

export function setThemeStatus(db: D1Database, id: number, status: 'active' | 'archived') {
  return db
    .prepare("UPDATE themes SET status = ?, merged_into_id = CASE WHEN ? = 'active' THEN NULL ELSE merged_into_id END WHERE id = ?")
    .bind(status, status, id);
}

/**
 * Merging archives the theme and points it (and whatever was merged into it before) at the
 * target, so every old answer finds its current theme in one hop.
 */
export function mergeTheme(db: D1Database, id: number, targetId: number) {
  return [
    db.prepare(`UPDATE themes SET merged_into_id = ?, status = 'archived' WHERE id = ? OR merged_into_id = ?`).bind(targetId, id, id),
  ];
}

/** Of the given theme ids, those that belong to the series (one query; the ids travel as one JSON parameter). */
export async function themesOfSeriesAmong(db: D1Database, seriesId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { results } = await db
    .prepare('SELECT id FROM themes WHERE series_id = ? AND id IN (SELECT value FROM json_each(?))')
    .bind(seriesId, JSON.stringify(ids))
    .all<{ id: number }>();
  return new Set(results.map((r) => r.id));
}
