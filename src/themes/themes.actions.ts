/**
 * A coordinator's writes to a series' theme catalogue and to the themes participants
 * proposed, the same through every door (API, workspace pages, workspace API): each checks,
 * writes one batch with its audit entry, and returns what happened.
 */
import { writeAudit, writeAuditOfInserted } from '../audit/audit.queries.ts';
import type { LocalizedText } from '../domain/language.ts';
import { groupTexts, normaliseText } from '../domain/text-normalise.ts';
import { MERGE_REFUSAL_TEXT, mergeRefusal } from '../domain/theme-merge.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { decideProposal, promoteProposal as promoteStatements, proposalCounts, proposalTheme } from './proposals.queries.ts';
import { getTheme, insertTheme, mergeTheme, renameTheme, setThemeStatus, type ThemeRow } from './themes.queries.ts';

export async function createTheme(env: Env, actor: Coordinator, input: { seriesId: number; label: LocalizedText }): Promise<ThemeRow> {
  const [inserted] = await env.DB.batch<ThemeRow>([
    insertTheme(env.DB, actor.organisationId, input.seriesId, input.label),
    writeAuditOfInserted(env.DB, actor, 'theme.create', 'theme'),
  ]);
  const theme = inserted?.results[0];
  if (!theme) throw notFound('series');
  return theme;
}

export interface ThemeChange {
  label?: LocalizedText | undefined;
  status?: 'active' | 'archived' | undefined;
  merged_into?: number | undefined;
}

/** Rename, archive or reactivate, or merge (which archives): any of them in one batch. */
export async function updateTheme(env: Env, actor: Coordinator, themeId: number, change: ThemeChange): Promise<ThemeRow> {
  const db = env.DB;
  const theme = await getTheme(db, actor.organisationId, themeId);
  if (!theme) throw notFound('theme');
  const target = `theme:${theme.id}`;
  const writes: D1PreparedStatement[] = [];
  if (change.label) writes.push(renameTheme(db, theme.id, change.label), writeAudit(db, actor, 'theme.rename', target));
  if (change.merged_into !== undefined) {
    const into = await getTheme(db, actor.organisationId, change.merged_into);
    const refusal = mergeRefusal(theme, into);
    if (refusal || !into) {
      const code = refusal ?? 'not-in-series';
      throw invalid([{ field: 'merged_into', message: MERGE_REFUSAL_TEXT[code], code }]);
    }
    writes.push(...mergeTheme(db, theme.id, into.id), writeAudit(db, actor, 'theme.merge', target, { into: into.id }));
  } else if (change.status) {
    writes.push(
      setThemeStatus(db, theme.id, change.status),
      writeAudit(db, actor, `theme.${change.status === 'active' ? 'reactivate' : 'archive'}`, target),
    );
  }
  if (writes.length) await db.batch(writes);
  return (await getTheme(db, actor.organisationId, theme.id)) ?? theme;
}

/** A proposal becomes a theme of the catalogue; `label` defaults to its most frequent spelling. */
export async function promoteProposal(env: Env, actor: Coordinator, seriesId: number, input: { key: string; label?: string | undefined }) {
  const db = env.DB;
  if (!(await getSeries(db, actor.organisationId, seriesId))) throw notFound('series');
  const key = normaliseText(input.key);
  const label = input.label ?? groupTexts(await proposalCounts(db, seriesId)).find((g) => normaliseText(g.text) === key)?.text;
  if (!label) throw invalid([{ field: 'key', message: 'no such proposal; give a label to add it anyway' }]);
  await db.batch([...promoteStatements(db, seriesId, key, label), writeAudit(db, actor, 'proposal.promote', `series:${seriesId}`)]);
  return { key, theme_id: await proposalTheme(db, seriesId, key) };
}

/** A proposal counted for an existing theme of the same series. */
export async function mergeProposal(env: Env, actor: Coordinator, seriesId: number, input: { key: string; themeId: number }) {
  const db = env.DB;
  if (!(await getSeries(db, actor.organisationId, seriesId))) throw notFound('series');
  const theme = await getTheme(db, actor.organisationId, input.themeId);
  if (!theme || theme.series_id !== seriesId) throw invalid([{ field: 'theme_id', message: 'no such theme in this series' }]);
  const key = normaliseText(input.key);
  await db.batch([
    decideProposal(db, seriesId, key, theme.id),
    writeAudit(db, actor, 'proposal.merge', `series:${seriesId}`, { into: theme.id }),
  ]);
  return { key, theme_id: theme.id };
}
