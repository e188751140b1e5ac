/**
 * `npm run bench`: Relais on workerd (`wrangler dev`, fresh local D1) against the independent
 * floor of issue #15 (`../shared/bench-floor`, unchanged; a copy with Relais's `[assets]`
 * routing reported beside it), in alternating rounds, each figure the MEDIAN of its rounds,
 * the machine's load printed with every measurement. Writes bench/results/latest.json, copies
 * it to bench/baseline.json and writes BENCHMARKS.md's tables from it (bench/report.ts).
 *
 * Environment: BENCH_SIZES (default 1000,10000,100000; 1000000 works, in about 10 minutes
 * more), BENCH_SECONDS (default 4, one measurement), BENCH_CONNECTIONS (default 4, for the
 * participant requests), BENCH_ROUNDS (default 3), BENCH_FLOOR (default ../shared/bench-floor),
 * BENCH_ONLY (a comma list of the parts to run: bundle, reads, storage, submissions, counters,
 * statements; default all of them — e.g. BENCH_ONLY=reads for the reads at 1M on a busy machine).
 * A partial run writes bench/results/latest.json only, never the baseline nor BENCHMARKS.md.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalServer } from '../scripts/local-server.ts';
import { executeSql, gitCommit, ROOT } from '../scripts/wrangler.ts';
import { floorPost, startFloor } from './floor.ts';
import { type JsTime, replayJs } from './js-replay.ts';
import { type Load, load, median, type ServerTiming, serverTiming } from './load.ts';
import { writeReport } from './report.ts';
import { api, benchPreSurvey, benchSurvey, bulkSql, formBody, invite, type OpenSurvey, submission } from './seed.ts';
import { copyFloorDatabase, SHARED_FLOOR, type SharedFloor, seedSharedFloor, startSharedFloor } from './shared-floor.ts';
import { bundleSize, pageWeight } from './static.ts';
import { type Storage, storageOf } from './storage.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAGE_TOKENS = 100;
/**
 * A submission served as by a cold isolate, which holds no survey nor link yet: the header makes
 * the Worker forget them first (src/lib/d1-timing.ts, with RELAIS_TIMING = "1" only), so every
 * request takes the two-call path (read the link and its survey, then write).
 */
const COLD_LINE = 'PUT /api/s/:token (with survey_id, cold isolate)';
const COLD = { 'x-relais-cold-isolate': '1' };
/**
 * An anonymous survey answered as a browser does, its form naming the page's language: the JSON
 * line above names none, so its submission also reads the language of earlier answers (one D1
 * call more; src/responses/participation.ts).
 */
const ANONYMOUS_FORM = 'POST /s/:token (anonymous survey, the HTML form)';
/** Responses seeded in one transaction (one `wrangler d1 execute`). */
const SEED_CHUNK = 200_000;
const PARTS = ['bundle', 'reads', 'storage', 'submissions', 'counters', 'statements'] as const;
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
for (const p of ONLY) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`BENCH_ONLY: no part "${p}" (${PARTS.join(', ')})`);
/** Whether a part of the bench runs (BENCH_ONLY, default every part). */
const part = (p: (typeof PARTS)[number]) => ONLY.length === 0 || ONLY.includes(p);

const t0 = Date.now();
const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));
const log = (...args: unknown[]) =>
  console.log(
    `[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s | load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}]`,
    ...args,
  );

/** One measurement of one line in one round, with the machine's load when it ended. */
export interface Run {
  line: string;
  side: Line['side'];
  size: number | null;
  round: number;
  load: Load;
  loadavg: number[];
}

/** A line: the median of its rounds, field by field. */
export interface Line {
  name: string;
  /** Who serves it: Relais, the shared floor, or the shared floor with Relais's asset routing. */
  side: 'relais' | 'floor' | 'floor+assets';
  size: number | null;
  rounds: number;
  rps: number;
  median_ms: number;
  p99_ms: number;
  requests: number;
  /** Relais's Server-Timing (median of sequential samples; counts: the largest seen). */
  timing: ServerTiming | null;
}

const runs: Run[] = [];

/** A load run, run again once if the dev server reset connections (e.g. it reloaded). */
async function measured(
  line: string,
  round: number,
  run: () => Promise<Load>,
  { side, size }: { side: Line['side']; size: number | null },
): Promise<Load> {
  let l = await run();
  if (l.errors || l.non2xx) {
    log(`${line}: ${l.errors} errors, ${l.non2xx} unexpected statuses of ${l.requests}; running it again`);
    await new Promise((r) => setTimeout(r, 2000));
    l = await run();
  }
  if (l.errors || l.non2xx) throw new Error(`${line}: ${l.errors} errors, ${l.non2xx} unexpected statuses of ${l.requests}`);
  runs.push({ line, side, size, round, load: l, loadavg: loadavg() });
  log(
    `${line} [${side}]${size === null ? '' : ` @${size}`} (round ${round}): ${l.requests} requests, ${l.rps.toFixed(1)}/s, median ${l.median_ms} ms, p99 ${l.p99_ms} ms`,
  );
  return l;
}

/**
 * The lines alternate within each round (A B C, A B C, …), so that every line sees the same
 * mix of the machine's other work; each line's figure is the median of its rounds.
 */
async function alternate(
  lines: { name: string; side: Line['side']; size?: number; run: () => Promise<Load>; before?: () => Promise<void> }[],
): Promise<Line[]> {
  const key = (l: { name: string; side: string }) => `${l.name}\u0000${l.side}`;
  const byLine = new Map<string, Load[]>(lines.map((l) => [key(l), []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const l of lines) {
      await l.before?.();
      byLine.get(key(l))?.push(await measured(l.name, round, l.run, { side: l.side, size: l.size ?? null }));
    }
  }
  return lines.map((l) => {
    const loads = byLine.get(key(l)) ?? [];
    return {
      name: l.name,
      side: l.side,
      size: l.size ?? null,
      rounds: loads.length,
      rps: median(loads.map((x) => x.rps)),
      median_ms: median(loads.map((x) => x.median_ms)),
      p99_ms: median(loads.map((x) => x.p99_ms)),
      requests: loads.reduce((s, x) => s + x.requests, 0),
      timing: null,
    };
  });
}

async function timingSamples(count: number, request: (i: number) => Promise<Response>): Promise<ServerTiming | null> {
  const seen: ServerTiming[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(i);
    await res.arrayBuffer();
    if (!res.ok && res.status !== 303) throw new Error(`timing sample: ${res.status}`);
    const t = serverTiming(res.headers.get('server-timing'));
    if (t) seen.push(t);
  }
  if (!seen.length) return null;
  return {
    total_ms: median(seen.map((t) => t.total_ms)),
    d1_ms: median(seen.map((t) => t.d1_ms)),
    js_ms: median(seen.map((t) => t.js_ms)),
    statements: Math.max(...seen.map((t) => t.statements)),
    calls: Math.max(...seen.map((t) => t.calls)),
    max_params: Math.max(...seen.map((t) => t.max_params)),
    rows_read: Math.max(...seen.map((t) => t.rows_read)),
  };
}

/** After a large write by another process (wrangler d1 execute), wait until the dev server reads the new rows. */
async function settle(base: string, key: string, surveyId: number, responses: number) {
  for (let i = 0; i < 40; i++) {
    try {
      const res = await fetch(`${base}/api/surveys/${surveyId}`, { headers: { authorization: `Bearer ${key}` } });
      if (res.ok && ((await res.json()) as { responses: number }).responses === responses) return;
    } catch {
      // reset connection: try again
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`survey ${surveyId}: the server does not see the ${responses} seeded responses`);
}

/** The counters' triggers on Relais's live database (`*_tally_*`, `*_total_*`, `*_pair_*`), to drop and put back. */
function counterTriggers(): { name: string; sql: string }[] {
  const out = executeSql([
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name GLOB '*_tally_*' OR name GLOB '*_total_*' OR name GLOB '*_pair_*') ORDER BY name`,
  ]) as {
    results: { name: string; sql: string }[];
  }[];
  return out[0]?.results ?? [];
}

async function main() {
  const LOAD_AT_START = loadavg();
  log(`bench: sizes ${SIZES.join(', ')}; ${ROUNDS} rounds of ${SECONDS} s; floor ${SHARED_FLOOR}`);
  log(ONLY.length ? `parts: ${ONLY.join(', ')}` : 'bundle (wrangler deploy --dry-run, as npm run deploy)');
  const bundle = part('bundle') ? bundleSize() : null;
  log('starting Relais (wrangler dev, fresh local D1, RELAIS_TIMING=1) and the shared floor (unchanged)');
  const server = await startLocalServer({ vars: { RELAIS_TIMING: '1' } });
  const relaisDir = process.env.RELAIS_PERSIST_TO;
  if (!relaisDir) throw new Error('startLocalServer set no RELAIS_PERSIST_TO');
  const stops: (() => Promise<void>)[] = [() => server.stop()];
  const lines: Line[] = [];
  const plans: BenchOutput['aggregation_statements'] = [];
  const seeding: { size: number; survey_id: number; relais_seconds: number; floor_seconds: number }[] = [];
  const jsReplay: ({ size: number } & Awaited<ReturnType<typeof replayJs>>)[] = [];
  let page: Awaited<ReturnType<typeof pageWeight>> | null = null;
  let storage: { relais: Storage; floor: Storage } | null = null;
  try {
    const floor = await startSharedFloor({ withAssets: false });
    stops.push(() => floor.stop());
    const call = api(server.base, server.coordinatorKey);
    const auth = { authorization: `Bearer ${server.coordinatorKey}` };
    const get =
      (base: string, p: () => string, connections = CONNECTIONS, headers?: Record<string, string>) =>
      () =>
        load({ base, method: 'GET', connections, seconds: SECONDS, ...(headers ? { headers } : {}), next: () => ({ path: p() }) });

    // 1. Reads at each size: results and brief against the floor's counter read (GET /tally,
    // the budget's reference) and its GROUP BY over the answers (GET /rank), one connection.
    const bySize = new Map<number, OpenSurvey>();
    /** Post-survey id → the pre-survey of its session, seeded with the same people (the brief pairs them). */
    const pres = new Map<number, number>();
    let floorResponses = 0;
    for (const size of part('reads') || part('statements') ? SIZES : []) {
      const survey = await benchSurvey(call, `Bench ${size}`);
      const pre = await benchPreSurvey(call, survey);
      pres.set(survey.id, pre.id);
      let start = Date.now();
      // Both surveys of the session, the same people: the post-survey's rows pair with the pre's.
      // In chunks, each its own transaction, so that 1M stays within memory and disk.
      for (let from = 0; from < size; from += SEED_CHUNK) {
        const count = Math.min(SEED_CHUNK, size - from);
        executeSql(bulkSql(pre, count, from));
        executeSql(bulkSql(survey, count, from));
        if (size > SEED_CHUNK) log(`seeded ${from + count} of ${size} responses in Relais`);
      }
      await settle(server.base, server.coordinatorKey, survey.id, size);
      const relaisSeconds = (Date.now() - start) / 1000;
      start = Date.now();
      for (let from = floorResponses; from < size; from += SEED_CHUNK) seedSharedFloor(floor, from, Math.min(size, from + SEED_CHUNK));
      floorResponses = size;
      const filled = await fetch(`${floor.base}/tallies?k=5`, { method: 'POST' });
      if (!filled.ok) throw new Error(`floor /tallies: ${filled.status}`);
      seeding.push({ size, survey_id: survey.id, relais_seconds: relaisSeconds, floor_seconds: (Date.now() - start) / 1000 });
      bySize.set(size, survey);
      log(
        `seeded ${size} responses × 20 answers in the pre- and post-survey: Relais surveys ${pre.id}, ${survey.id} (${relaisSeconds.toFixed(1)} s), floor`,
      );
      if (!part('reads')) continue;
      const results = `/api/surveys/${survey.id}/results`;
      const brief = `/api/sessions/${survey.session_id}/brief`;
      const measuredLines = await alternate([
        { name: 'GET /api/surveys/:id/results', side: 'relais', size, run: get(server.base, () => results, 1, auth) },
        { name: 'GET /api/sessions/:id/brief', side: 'relais', size, run: get(server.base, () => brief, 1, auth) },
        { name: 'GET /tally (counter read)', side: 'floor', size, run: get(floor.base, () => '/tally?q=themes', 1) },
        { name: 'GET /rank (GROUP BY over answers)', side: 'floor', size, run: get(floor.base, () => '/rank?q=themes&k=5', 1) },
      ]);
      for (const l of measuredLines) {
        if (l.side !== 'relais') continue;
        const p = l.name.includes('results') ? results : brief;
        l.timing = await timingSamples(5, () => fetch(`${server.base}${p}`, { headers: auth }));
      }
      lines.push(...measuredLines);
    }

    // 2. Storage: bytes per response, Relais's database against the floor's (same answers).
    if (part('storage')) {
      storage = { relais: storageOf(relaisDir), floor: storageOf(floor.persist) };
      log(
        `storage: Relais ${storage.relais.bytes_per_response.toFixed(0)} B a response, floor ${storage.floor.bytes_per_response.toFixed(0)} B`,
      );
    }

    if (part('submissions') || part('counters')) {
      // 3. Participant requests, 4 connections. The survey page for participants coming back
      // (earlier answers filled in); submissions to distinct links, answers varied by a counter
      // that runs on across rounds, so that every request really writes.
      const live = await benchSurvey(call, 'Bench live');
      const anonymous = await benchSurvey(call, 'Bench anonymous', { anonymous: true });
      const pageTokens = await invite(call, live.id, PAGE_TOKENS, 'page');
      const putTokens = await invite(call, live.id, 6000, 'put');
      const formTokens = await invite(call, live.id, 3000, 'form');
      const anonTokens = await invite(call, anonymous.id, 3000, 'anon');
      const anonFormTokens = await invite(call, anonymous.id, 3000, 'anon-form');
      for (const [i, token] of pageTokens.entries()) {
        const res = await fetch(`${server.base}/api/s/${token}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(submission(live, 1_000_000 + i)),
        });
        if (!res.ok) throw new Error(`page token answer: ${res.status} ${await res.text()}`);
      }
      page = await pageWeight(server.base, `/s/${pageTokens[0]}`);
      const assetsFloor = await startSharedFloor({ withAssets: true, persist: copyFloorDatabase(floor.persist) });
      stops.push(() => assetsFloor.stop());

      let n = 0;
      const put =
        (base: string, p: (i: number) => string, body: (i: number) => string, headers?: Record<string, string>, redirects = false) =>
        () =>
          load({
            base,
            method: 'PUT',
            connections: CONNECTIONS,
            seconds: SECONDS,
            ...(headers ? { headers } : {}),
            redirects,
            next: () => {
              const i = n++;
              return { path: p(i), body: body(i) };
            },
          });
      const relaisPut = (survey: OpenSurvey, tokens: string[], named: boolean, headers?: Record<string, string>) =>
        put(
          server.base,
          (i) => `/api/s/${tokens[i % tokens.length]}`,
          (i) => JSON.stringify({ ...submission(survey, i), ...(named ? { survey_id: survey.id } : {}) }),
          headers,
        );
      const formPost = (survey: OpenSurvey, tokens: string[]) => () =>
        load({
          base: server.base,
          method: 'POST',
          connections: CONNECTIONS,
          seconds: SECONDS,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          redirects: true,
          next: () => {
            const i = n++;
            return { path: `/s/${tokens[i % tokens.length]}`, body: formBody(survey, i) };
          },
        });
      const floorSubmit = (f: SharedFloor) =>
        put(
          f.base,
          (i) => `/submit/bench-${i}`,
          (i) => JSON.stringify(submission(live, i)),
        );
      let pageN = 0;
      if (part('submissions')) {
        lines.push(
          ...(await alternate([
            { name: 'GET /api/health (no D1)', side: 'relais', run: get(server.base, () => '/api/health') },
            { name: 'GET / (no D1)', side: 'floor', run: get(floor.base, () => '/') },
            { name: 'GET / (no D1)', side: 'floor+assets', run: get(assetsFloor.base, () => '/') },
            { name: 'GET /s/:token (survey page)', side: 'relais', run: get(server.base, () => `/s/${pageTokens[pageN++ % PAGE_TOKENS]}`) },
          ])),
        );
        lines.push(
          ...(await alternate([
            { name: 'PUT /api/s/:token (with survey_id)', side: 'relais', run: relaisPut(live, putTokens, true) },
            { name: 'POST /s/:token (the HTML form)', side: 'relais', run: formPost(live, formTokens) },
            { name: 'PUT /api/s/:token (without survey_id)', side: 'relais', run: relaisPut(live, putTokens, false) },
            { name: 'PUT /api/s/:token (anonymous survey)', side: 'relais', run: relaisPut(anonymous, anonTokens, true) },
            { name: ANONYMOUS_FORM, side: 'relais', run: formPost(anonymous, anonFormTokens) },
            { name: COLD_LINE, side: 'relais', run: relaisPut(live, putTokens, true, COLD) },
            { name: 'PUT /submit/:token', side: 'floor', run: floorSubmit(floor) },
            { name: 'PUT /submit/:token', side: 'floor+assets', run: floorSubmit(assetsFloor) },
          ])),
        );
      }

      // 4. What the counters cost a write: Relais's own submission with every counter trigger
      // dropped, alternating with the same submission with them (put back each round).
      if (part('counters')) {
        const triggers = counterTriggers();
        const setTriggers = async (on: boolean) => {
          executeSql(triggers.map((t) => `DROP TRIGGER IF EXISTS ${t.name}`).concat(on ? triggers.map((t) => t.sql) : []));
          await new Promise((r) => setTimeout(r, 500));
        };
        lines.push(
          ...(await alternate([
            {
              name: 'PUT /api/s/:token (with survey_id), no counters',
              side: 'relais',
              before: () => setTriggers(false),
              run: relaisPut(live, putTokens, true),
            },
            {
              name: 'PUT /api/s/:token (with survey_id), counters',
              side: 'relais',
              before: () => setTriggers(true),
              run: relaisPut(live, putTokens, true),
            },
          ])),
        );
        await setTriggers(true);
      }

      // Server-Timing of the participant requests, sequential.
      if (part('submissions')) {
        /** The survey page's form posted as a browser without JavaScript does, its redirect not followed. */
        const postForm = (token: string | undefined, body: string) =>
          fetch(`${server.base}/s/${token}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
        const timing = new Map<string, ServerTiming | null>([
          ['GET /api/health (no D1)', await timingSamples(5, () => fetch(`${server.base}/api/health`))],
          ['GET /s/:token (survey page)', await timingSamples(10, (i) => fetch(`${server.base}/s/${pageTokens[i]}`))],
          [
            'PUT /api/s/:token (with survey_id)',
            await timingSamples(10, (i) =>
              fetch(`${server.base}/api/s/${putTokens[5000 + i]}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ ...submission(live, 3_000_000 + i), survey_id: live.id }),
              }),
            ),
          ],
          ['POST /s/:token (the HTML form)', await timingSamples(10, (i) => postForm(formTokens[2900 + i], formBody(live, 3_100_000 + i)))],
          [
            'PUT /api/s/:token (without survey_id)',
            await timingSamples(10, (i) =>
              fetch(`${server.base}/api/s/${putTokens[5100 + i]}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(submission(live, 3_200_000 + i)),
              }),
            ),
          ],
          [
            COLD_LINE,
            await timingSamples(10, (i) =>
              fetch(`${server.base}/api/s/${putTokens[5200 + i]}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json', ...COLD },
                body: JSON.stringify({ ...submission(live, 3_400_000 + i), survey_id: live.id }),
              }),
            ),
          ],
          [ANONYMOUS_FORM, await timingSamples(10, (i) => postForm(anonFormTokens[2900 + i], formBody(anonymous, 3_500_000 + i)))],
          [
            'PUT /api/s/:token (anonymous survey)',
            await timingSamples(10, (i) =>
              fetch(`${server.base}/api/s/${anonTokens[2900 + i]}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ ...submission(anonymous, 3_300_000 + i), survey_id: anonymous.id }),
              }),
            ),
          ],
        ]);
        for (const l of lines) if (l.side === 'relais' && timing.has(l.name)) l.timing = timing.get(l.name) ?? null;
      }
    }

    // 5. Every aggregation statement alone, and the JavaScript of results and brief replayed
    // without D1, through bench/floor/ (a statement runner on a copy of Relais's database).
    if (part('statements')) {
      // Relais is stopped first (nothing after this part needs it): workerd then closes its
      // database, so the copy is consistent. A copy of a live database and its write-ahead log
      // could catch a checkpoint half done (at 1M once: "database disk image is malformed").
      await server.stop({ keep: true });
      const runner = await startFloor(relaisDir);
      stops.push(() => runner.stop());
      const queries = (await import(pathToFileURL(path.join(ROOT, 'src/results/results.queries.ts')).href)) as {
        AGGREGATIONS: Record<string, string>;
      };
      const argsFor = (name: string, s: number): unknown[] => {
        const seriesRanking = JSON.stringify([{ s, q: 'themes', k: 5 }]);
        const args: Record<string, unknown[]> = {
          TOP_TEXTS: [s, 'remarks', 100],
          DEFINITION_TEXTS: [s, 50, null],
          THEME_TALLIES_EXACT: [seriesRanking],
          SURVEY_RESPONDENTS: [JSON.stringify([s])],
          SERIES_RESPONDENTS: [[...bySize.values()].find((x) => x.id === s)?.session_id ?? 0],
          SERIES_RANKING_ROWS: [[...bySize.values()].find((x) => x.id === s)?.session_id ?? 0],
          // The session's pre-survey (seeded with the same people) paired with its post-survey.
          PAIRING: [pres.get(s) ?? 0, 'expectations', s, 'usefulness', 4],
        };
        return args[name] ?? [s];
      };
      const largest = Math.max(...SIZES);
      for (const [name, sql] of Object.entries(queries.AGGREGATIONS)) {
        const ms_by_size: Record<string, number> = {};
        const rows_read_by_size: Record<string, number | null> = {};
        let rows = 0;
        for (const size of SIZES) {
          const survey = bySize.get(size);
          if (!survey) continue;
          const start = performance.now();
          // A statement whose arguments the bench does not know yet is reported as not run.
          const ran = (await floorPost(runner, '/run', sql, argsFor(name, survey.id)).catch(() => ({ rows: 0, rows_read: null }))) as {
            rows: number;
            rows_read: number | null;
          };
          ms_by_size[size] = performance.now() - start;
          rows = ran.rows;
          rows_read_by_size[size] = ran.rows_read;
        }
        const args = argsFor(name, bySize.get(largest)?.id ?? 0);
        const plan = (
          (await floorPost(runner, '/explain', sql, args).catch(() => [{ detail: 'not run: unknown arguments' }])) as { detail: string }[]
        ).map((r) => r.detail);
        plans.push({ name, args, plan, ms_by_size, rows_read_by_size, rows });
        log(
          `${name}: ${SIZES.map((z) => `${(ms_by_size[z] ?? Number.NaN).toFixed(0)} ms, ${rows_read_by_size[z]} rows read at ${z}`).join('; ')}`,
        );
      }
      const fetchRows = async (sql: string, args: unknown[]) => {
        const r = await fetch(`${runner.base}/rows`, { method: 'POST', body: JSON.stringify({ sql, args }) });
        if (!r.ok) throw new Error(`rows: ${r.status} ${await r.text()}`);
        return (await r.json()) as Record<string, unknown>[];
      };
      for (const size of SIZES) {
        const survey = bySize.get(size);
        if (!survey) continue;
        const [org] = await fetchRows('SELECT organisation_id FROM series WHERE id = ?1', [survey.series_id]);
        const js = await replayJs(fetchRows, Number(org?.organisation_id), survey.id, survey.session_id);
        jsReplay.push({ size, ...js });
        log(`JS at ${size}: results ${js.results.cpu_median_ms.toFixed(1)} ms CPU, brief ${js.brief.cpu_median_ms.toFixed(1)} ms CPU`);
      }
    }
  } catch (error) {
    // A request that failed mid-run (1M: a connection closed while inviting): what the Worker
    // and workerd said about it is lost with the server, so it is printed first.
    log(`failed; the end of Relais's wrangler dev output:\n${server.output()}`);
    throw error;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }

  const output = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      /** Other work on the machine shares its cores: 1-, 5-, 15-minute load averages. */
      load_at_start: LOAD_AT_START,
      load_at_end: loadavg(),
    },
    settings: { sizes: SIZES, seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS, answers_per_response: 20, floor: SHARED_FLOOR },
    seeding,
    lines,
    runs,
    bundle,
    page,
    storage,
    aggregation_statements: plans,
    js_replay: jsReplay,
    seconds: (Date.now() - t0) / 1000,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
  if (!process.env.BENCH_NO_REPORT && ONLY.length === 0) {
    copyFileSync(path.join(dir, 'latest.json'), path.join(ROOT, 'bench', 'baseline.json'));
    writeReport();
    log('bench/baseline.json and BENCHMARKS.md written');
  }
  printSummary(output.lines, jsReplay);
  log(`done in ${output.seconds.toFixed(0)} s`);
}

function printSummary(lines: Line[], js: { size: number; results: JsTime; brief: JsTime }[]) {
  console.log('\nmedians of rounds:');
  for (const l of lines) {
    console.log(
      `  ${`${l.name} [${l.side}]${l.size === null ? '' : ` @${l.size}`}`.padEnd(62)} ${l.rps.toFixed(1).padStart(7)}/s  median ${String(l.median_ms).padStart(4)} ms  p99 ${String(l.p99_ms).padStart(4)} ms`,
    );
  }
  for (const j of js)
    console.log(`  JS at ${j.size}: results ${j.results.cpu_median_ms.toFixed(1)} ms, brief ${j.brief.cpu_median_ms.toFixed(1)} ms CPU`);
}

export type BenchOutput = {
  date: string;
  commit: string | null;
  machine: { cpus: number; cpu: string | null; memory_gib: number; node: string; load_at_start: number[]; load_at_end: number[] };
  settings: { sizes: number[]; seconds: number; connections: number; rounds: number; answers_per_response: number; floor: string };
  seeding: { size: number; survey_id: number; relais_seconds: number; floor_seconds: number }[];
  lines: Line[];
  runs: Run[];
  bundle: ReturnType<typeof bundleSize>;
  page: Awaited<ReturnType<typeof pageWeight>> | null;
  storage: { relais: Storage; floor: Storage } | null;
  aggregation_statements: {
    name: string;
    args: unknown[];
    plan: string[];
    ms_by_size: Record<string, number>;
    /** meta.rows_read of the statement at each size. */
    rows_read_by_size: Record<string, number | null>;
    rows: number;
  }[];
  js_replay: ({ size: number } & Awaited<ReturnType<typeof replayJs>>)[];
  seconds: number;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
