/**
 * What results and briefs cost D1 in rows read (meta.rows_read: what D1 bills, what the bench
 * reports), on the bench's own session (bench/seed.ts: a pre- and a post-survey answered by the
 * same people, 20 answer rows a response — a profile question, 3 expectations, a ranking of 5
 * among 14 themes, 8 ratings, 3 texts — seeded by the bench's SQL, the counters' triggers
 * firing): at most 1,000 a request, pairing included, and the same at two sizes; and in how many
 * D1 calls (each a round trip to the database): one batch for results and one for the brief, the
 * key's check in each (src/coordinators/key-scope.ts). Rows read and calls count what the request
 * does, not time, so the figures hold on a loaded machine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { benchPreSurvey, benchSurvey, bulkSql, type OpenSurvey } from '../bench/seed.ts';
import { app } from '../src/app.tsx';
import { newApiKey } from '../src/coordinators/keys.ts';
import { benchApi, createCoordinator, env } from './helpers.ts';

let key = '';

/** The request as the bench makes it, with RELAIS_TIMING's Server-Timing (src/lib/d1-timing.ts). */
async function cost(path: string, { as = key, status = 200 } = {}) {
  const res = await app.request(
    `https://relais.test${path}`,
    { headers: { authorization: `Bearer ${as}` } },
    { ...env, RELAIS_TIMING: '1' },
  );
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status).toBe(status);
  const header = res.headers.get('server-timing') ?? '';
  const num = (name: string) => Number(new RegExp(`${name};desc="(\\d+)"`).exec(header)?.[1] ?? Number.NaN);
  return { rows: num('d1-rows-read'), statements: num('d1-statements'), calls: num('d1-calls'), body };
}

const benchCall = benchApi(() => key);

async function session(title: string, people: number) {
  const post = await benchSurvey(benchCall, title);
  const pre = await benchPreSurvey(benchCall, post);
  for (const sql of [...bulkSql(pre, people), ...bulkSql(post, people)]) await env.DB.prepare(sql).run();
  return { pre, post };
}

describe('rows read by results and brief (bench session, pre and post answered by the same people)', () => {
  const sizes = [420, 840] as const;
  const sessions = new Map<number, { pre: OpenSurvey; post: OpenSurvey }>();
  beforeAll(async () => {
    key = await createCoordinator('Rows read');
    for (const n of sizes) sessions.set(n, await session(`Rows ${n}`, n));
  });

  it('results read at most 1,000 rows, the same at both sizes', async () => {
    const [small, large] = await Promise.all(sizes.map((n) => cost(`/api/surveys/${sessions.get(n)?.post.id}/results`)));
    expect(small?.rows).toBeLessThanOrEqual(1000);
    expect(large?.rows).toBe(small?.rows);
    // The key's check, the survey and all its counters in one batch.
    expect(small?.calls).toBe(1);
    expect(small?.statements).toBe(8);
  });

  it('the brief, pairing included, reads at most 1,000 rows, the same at both sizes', async () => {
    const [small, large] = await Promise.all(sizes.map((n) => cost(`/api/sessions/${sessions.get(n)?.post.session_id}/brief`)));
    // Every respondent is paired (the same people answered both surveys).
    const paired = (c: typeof small) => (c?.body.pairing as { total: { paired: number } } | undefined)?.total.paired;
    expect(paired(small)).toBe(sizes[0]);
    expect(paired(large)).toBe(sizes[1]);
    expect(small?.rows).toBeLessThanOrEqual(1000);
    expect(large?.rows).toBeLessThanOrEqual(1000);
    // The same up to a few rows (days and combinations the two seeds fill slightly differently).
    expect(Math.abs((large?.rows ?? 0) - (small?.rows ?? 0))).toBeLessThanOrEqual(10);
    // The key's check, the session, its series and every survey shown with the pairing, in one batch.
    expect(small?.calls).toBe(1);
  });

  it('an unknown key reads no counter: its batch returns 401 after a few indexed rows', async () => {
    // The key costs nothing to make up, and rows read are billed (src/coordinators/key-scope.ts).
    const unknown = (await newApiKey()).key;
    const survey = sessions.get(sizes[1]);
    for (const path of [`/api/surveys/${survey?.post.id}/results`, `/api/sessions/${survey?.post.session_id}/brief`]) {
      const refused = await cost(path, { as: unknown, status: 401 });
      expect(refused.calls, path).toBe(1);
      expect(refused.rows, path).toBeLessThanOrEqual(40);
    }
  });
});
