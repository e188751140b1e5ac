/** A coordinator's writes to a series, the same through every door, each with its audit entry. */
import type * as v from 'valibot';
import { writeAuditIfChanged, writeAuditOfInserted } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound, Problem } from '../http/problem.ts';
import { getSeries, insertSeries, type SeriesRow, updateSeriesGuarded } from './series.queries.ts';
import type { CreateSeriesSchema, UpdateSeriesSchema } from './series.schemas.ts';

export async function createSeries(env: Env, actor: Coordinator, input: v.InferOutput<typeof CreateSeriesSchema>): Promise<SeriesRow> {
  const [inserted] = await env.DB.batch<SeriesRow>([
    insertSeries(env.DB, actor.organisationId, input),
    writeAuditOfInserted(env.DB, actor, 'series.create', 'series'),
  ]);
  const row = inserted?.results[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type SeriesChanges = v.InferOutput<typeof UpdateSeriesSchema>;

/** The code of the refusal, so that the workspace can say it in the coordinator's language. */
export const MINIMUM_ONLY_UP = 'minimum-only-up';

const minimumOnlyUp = () =>
  new Problem(422, 'minimum-only-up', 'Minimum group size can only go up', {
    detail:
      'A survey of this series has been answered: lowering the minimum group size would show at once groups hidden until now. It can only be raised.',
    errors: [{ field: 'min_group_size', message: 'can only be raised once a survey of the series has a response', code: MINIMUM_ONLY_UP }],
  });

/**
 * Changes a series' settings. Once any survey of the series has a response, the minimum group
 * size can only go up: lowering it would publish at once every figure it hid so far (anonymous
 * surveys never go below 3 whatever it says, src/domain/disclosure.ts). The change and its
 * audit entry (who, each field from → to) are one batch; a request that changes nothing
 * writes nothing.
 */
export async function updateSeries(env: Env, actor: Coordinator, seriesId: number, input: SeriesChanges): Promise<SeriesRow> {
  const current = await getSeries(env.DB, actor.organisationId, seriesId);
  if (!current) throw notFound('series');
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ['title', 'bassin', 'language', 'min_group_size', 'retention_days'] as const) {
    const to = input[field];
    if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
  }
  if (!Object.keys(changes).length) return current;
  // The rule is checked by the UPDATE itself, against the minimum and the responses as they
  // are when it runs: a response or another change arriving after the read above cannot let
  // a lowering through. The entry follows only a write that happened.
  const [updated] = await env.DB.batch<SeriesRow>([
    updateSeriesGuarded(env.DB, actor.organisationId, seriesId, input),
    writeAuditIfChanged(env.DB, actor, 'series.update', `series:${seriesId}`, changes),
  ]);
  const row = updated?.results[0];
  if (row) return row;
  if (!(await getSeries(env.DB, actor.organisationId, seriesId))) throw notFound('series');
  throw minimumOnlyUp();
}
