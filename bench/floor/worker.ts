/**
 * The floor of `npm run bench`: the least work any implementation must do for each measured
 * request, on the same runtime and a copy of the same database.
 *
 * - PUT /s/:token — one D1 batch writing exactly the rows Relais writes (response upsert,
 *   old answers deleted, the answers inserted from one JSON parameter, invitation flagged),
 *   the personal link resolved inside the statements from the token's SHA-256; `?grp=` is the
 *   profile group written on the rows. The counters' triggers fire or not as the bench sets
 *   them on this copy (POST /run), to measure the submission with and without them.
 * - GET /s/:token — one read of the survey definition behind a personal link.
 * - GET /ranking/:survey — the single GROUP BY yielding the Borda ranking numbers.
 * - GET /ranking-tallies/:survey — the same numbers from the counters (answer_tallies), the
 *   floor of a design that counts at write time.
 * - GET /health — no D1 at all: the runtime's and wrangler dev's own cost of a request.
 * - POST /explain, POST /run, POST /rows — EXPLAIN QUERY PLAN, one timed statement, its rows
 *   (for the report and the JavaScript replay of bench/js-replay.ts).
 */
import { Hono } from 'hono';

/** The part of D1's binding used here (the bench is type-checked without workers types). */
interface Statement {
  bind(...values: unknown[]): Statement;
  all<T = Record<string, unknown>>(): Promise<{ results: T[]; meta?: { rows_read?: number } }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
}
interface D1 {
  prepare(sql: string): Statement;
  batch(statements: Statement[]): Promise<{ results: unknown[] }[]>;
}
interface Env {
  DB: D1;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const app = new Hono<{ Bindings: Env }>()
  .put('/s/:token', async (c) => {
    const body = await c.req.text();
    const hash = await sha256Hex(c.req.param('token'));
    const db = c.env.DB;
    // ?1 the token's hash; ?2 the submission's hash, then the answer tuples as JSON.
    const response = `(SELECT r.id FROM invitations i JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id
                        WHERE i.token_hash = ?1)`;
    await db.batch([
      db
        .prepare(
          `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
           SELECT i.survey_id, i.id, 'i:' || i.id, 'fr', ?2, 1, ${NOW}, ${NOW} FROM invitations i WHERE i.token_hash = ?1
           ON CONFLICT (survey_id, respondent_key) DO UPDATE SET answers_hash = excluded.answers_hash, updated_at = excluded.updated_at`,
        )
        .bind(hash, await sha256Hex(body)),
      db.prepare(`DELETE FROM answers WHERE response_id = ${response}`).bind(hash),
      db
        .prepare(
          `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
           SELECT r.id, r.survey_id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, ?3
             FROM invitations i JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id, json_each(?2) j
            WHERE i.token_hash = ?1`,
        )
        .bind(hash, body, c.req.query('grp') ?? ''),
      db.prepare(`UPDATE invitations SET answered = 1, opened_at = coalesce(opened_at, ${NOW}) WHERE token_hash = ?1`).bind(hash),
    ]);
    return c.json({ ok: true });
  })
  .get('/s/:token', async (c) => {
    const row = await c.env.DB.prepare(
      'SELECT su.definition FROM invitations i JOIN surveys su ON su.id = i.survey_id WHERE i.token_hash = ?1',
    )
      .bind(await sha256Hex(c.req.param('token')))
      .first<{ definition: string }>();
    return row ? c.body(row.definition, 200, { 'content-type': 'application/json' }) : c.notFound();
  })
  .get('/ranking/:survey', async (c) => {
    const { results } = await c.env.DB.prepare(
      `SELECT option_id, sum(?3 + 1 - rank) AS borda, count(*) AS ranked, sum(rank = 1) AS first, sum(rank) AS position_sum
         FROM answers WHERE survey_id = ?1 AND question_id = ?2 AND rank IS NOT NULL
        GROUP BY option_id`,
    )
      .bind(Number(c.req.param('survey')), c.req.query('q') ?? 'themes', Number(c.req.query('k') ?? 5))
      .all();
    return c.json(results);
  })
  .get('/ranking-tallies/:survey', async (c) => {
    const { results } = await c.env.DB.prepare(
      `SELECT option_id, sum(n * (?3 + 1 - rank)) AS borda, sum(n) AS ranked, sum(CASE WHEN rank = 1 THEN n ELSE 0 END) AS first,
              sum(n * rank) AS position_sum
         FROM answer_tallies WHERE survey_id = ?1 AND question_id = ?2 AND rank > 0
        GROUP BY option_id`,
    )
      .bind(Number(c.req.param('survey')), c.req.query('q') ?? 'themes', Number(c.req.query('k') ?? 5))
      .all();
    return c.json(results);
  })
  .post('/explain', async (c) => {
    const { sql, args } = await c.req.json<{ sql: string; args: unknown[] }>();
    const { results } = await c.env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...args)
      .all<{ id: number; parent: number; detail: string }>();
    return c.json(results);
  })
  .post('/run', async (c) => {
    const { sql, args } = await c.req.json<{ sql: string; args: unknown[] }>();
    const { results, meta } = await c.env.DB.prepare(sql)
      .bind(...args)
      .all();
    return c.json({ rows: results.length, rows_read: meta?.rows_read ?? null });
  })
  .post('/rows', async (c) => {
    const { sql, args } = await c.req.json<{ sql: string; args: unknown[] }>();
    const { results } = await c.env.DB.prepare(sql)
      .bind(...args)
      .all();
    return c.json(results);
  })
  .get('/health', (c) => c.json({ ok: true }))
  .get('/clock', (c) => {
    // Shows whether Date.now() advances during pure JavaScript work in this runtime.
    const start = Date.now();
    const perfStart = performance.now();
    let x = 0;
    for (let i = 0; i < 30_000_000; i++) x = (x + i * 7) % 1_000_003;
    return c.json({ dateNow: Date.now() - start, performanceNow: performance.now() - perfStart, x });
  });

export default app;
