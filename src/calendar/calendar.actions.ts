/** A coordinator creating (or replacing, which revokes) a series' public calendar feed URL. */
import { writeAuditIfChanged } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { randomSecret, sha256Hex } from '../lib/crypto.ts';
import { publicUrl } from '../lib/public-url.ts';
import { setFeedToken } from './calendar.queries.ts';

/** The URL is returned once: only its hash is stored. */
export async function createCalendarFeed(env: Env, actor: Coordinator, seriesId: number) {
  const base = publicUrl(env);
  const token = randomSecret(24);
  const [set] = await env.DB.batch<{ series_id: number }>([
    setFeedToken(env.DB, actor.organisationId, seriesId, await sha256Hex(token)),
    writeAuditIfChanged(env.DB, actor, 'calendar-feed.create', `series:${seriesId}`),
  ]);
  const row = set?.results[0];
  if (!row) throw notFound('series');
  return { series_id: row.series_id, url: `${base}/calendar/${token}.ics` };
}
