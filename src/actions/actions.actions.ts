/**
 * What became of a series' collective action, the same through every door (API, workspace
 * page): checks the action is the organisation's, writes the change and its audit entry in
 * one batch.
 */
import { writeAudit } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { actionLabel } from './action-label.ts';
import { type ActionStatus, getSeriesAction, type SeriesActionRow, updateSeriesActionStatement } from './actions.queries.ts';

export const actionJson = (a: SeriesActionRow) => ({
  id: a.id,
  series_id: a.series_id,
  option_id: a.option_id,
  label: actionLabel(a),
  since_session: a.since_session,
  status: a.status,
  note: a.note,
  updated_at: a.updated_at,
});

export async function updateSeriesAction(
  env: Env,
  actor: Coordinator,
  id: number,
  change: { status?: Exclude<ActionStatus, 'proposed'> | undefined; note?: string | null | undefined },
): Promise<SeriesActionRow> {
  const db = env.DB;
  const action = await getSeriesAction(db, actor.organisationId, id);
  if (!action) throw notFound('action');
  const note = change.note === undefined ? undefined : change.note || null;
  // A retry of the same change writes nothing.
  if ((change.status ?? action.status) === action.status && (note === undefined || note === action.note)) return action;
  await db.batch([
    updateSeriesActionStatement(db, action.id, { status: change.status, note }),
    writeAudit(db, actor, 'action.update', `action:${action.id}`, {
      ...(change.status ? { status: change.status } : {}),
      ...(note !== undefined ? { note: note !== null } : {}),
    }),
  ]);
  return (await getSeriesAction(db, actor.organisationId, id)) ?? action;
}
