/**
 * `npm run bench`: Relais on workerd (`wrangler dev`, fresh local D1) against its floor, a
 * minimal Worker doing only the unavoidable D1 work on a copy of the same database. Prints a
 * table and writes bench/results/latest.json. See BENCHMARKS.md.
 *
 * Environment: BENCH_SIZES (default 1000,10000,100000), BENCH_SECONDS (default 10, per load
 * run), BENCH_CONNECTIONS (default 4, for the participant requests), BENCH_ROUNDS (default 3,
 * alternating rounds of Relais and floor for the participant requests).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalServer } from '../scripts/local-server.ts';
import { ROOT } from '../scripts/wrangler.ts';
import { floorPost, floorTallyTriggers, startFloor } from './floor.ts';
import { type JsTime, replayJs } from './js-replay.ts';
import { type Load, type LoadSpec, load, median, type ServerTiming, serverTiming } from './load.ts';
import { api, benchSurvey, invite, type OpenSurvey, seedBulk, submission, submissionRows } from './seed.ts';
import { bundleSize, pageWeight } from './static.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PUT_TOKENS = 6000;
const PAGE_TOKENS = 100;

const t0 = Date.now();
const LOAD_AT_START = os.loadavg();
const log = (...args: unknown[]) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...args);

export interface Figure {
  name: string;
  size: number | null;
  relais: Load;
  floor: Load;
  /** Relais ÷ floor: throughput (higher is better for Relais), latencies (lower is better). */
  ratio: { rps: number; median: number; p99: number };
  /** Server-Timing of Relais, median of sequential samples (counts: the largest seen). */
  timing: ServerTiming | null;
}

const ratio = (relais: Load, floor: Load) => ({
  rps: relais.rps / floor.rps,
  median: relais.median_ms / floor.median_ms,
  p99: relais.p99_ms / floor.p99_ms,
});

/** A fetch tried again once when the dev server resets the connection. */
async function fetchAgain(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    await new Promise((r) => setTimeout(r, 2000));
    return fetch(url, init);
  }
}

async function timingSamples(count: number, request: (i: number) => Promise<Response>): Promise<ServerTiming | null> {
  const seen: ServerTiming[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(i);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`timing sample: ${res.status}`);
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
  };
}

/**
 * One timed request (its Server-Timing kept), then a run sized to last about SECONDS (at least
 * 3 requests, one connection): aggregations at 100k take seconds each.
 */
async function slowLoad(
  name: string,
  spec: Omit<LoadSpec, 'seconds' | 'amount' | 'connections'>,
): Promise<{ load: Load; timing: ServerTiming | null }> {
  const { path: p } = spec.next(0);
  const start = Date.now();
  const res = await fetchAgain(`${spec.base}${p}`, { ...(spec.headers ? { headers: spec.headers } : {}) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  const ms = Date.now() - start;
  const amount = Math.max(3, Math.min(1000, Math.round((SECONDS * 1000) / Math.max(ms, 1))));
  return {
    load: await measured(name, () => load({ ...spec, connections: 1, amount })),
    timing: serverTiming(res.headers.get('server-timing')),
  };
}

/**
 * After a large write by another process (wrangler d1 execute), the dev server's first D1
 * request may find its connection reset; wait until it reads the new rows.
 */
async function settle(base: string, key: string, surveyId: number, responses: number) {
  for (let i = 0; i < 20; i++) {
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

/** A load run, run again once if the dev server reset connections (e.g. it reloaded). */
async function measured(name: string, run: () => Promise<Load>): Promise<Load> {
  let l = await run();
  if (l.errors || l.non2xx) {
    log(`${name}: ${l.errors} errors, ${l.non2xx} non-2xx of ${l.requests}; running it again`);
    await new Promise((r) => setTimeout(r, 2000));
    l = await run();
  }
  checkLoad(name, l);
  return l;
}

function checkLoad(name: string, l: Load) {
  if (l.errors || l.non2xx) throw new Error(`${name}: ${l.errors} errors, ${l.non2xx} non-2xx of ${l.requests}`);
  log(`${name}: ${l.requests} requests, ${l.rps.toFixed(1)}/s, median ${l.median_ms} ms, p99 ${l.p99_ms} ms`);
}

interface Aggregations {
  AGGREGATIONS: Record<string, string>;
}

async function main() {
  log('bundle (wrangler deploy --dry-run --minify)');
  const bundle = bundleSize();
  log('starting Relais (wrangler dev, fresh local D1, RELAIS_TIMING=1)');
  const server = await startLocalServer({ vars: { RELAIS_TIMING: '1' } });
  const relaisDir = process.env.RELAIS_PERSIST_TO;
  if (!relaisDir) throw new Error('startLocalServer set no RELAIS_PERSIST_TO');
  const figures: Figure[] = [];
  const plans: { name: string; args: unknown[]; plan: string[]; ms_by_size: Record<string, number>; rows: number }[] = [];
  const seeding: { size: number; survey_id: number; session_id: number; seconds: number }[] = [];
  let page: Awaited<ReturnType<typeof pageWeight>> | null = null;
  const jsReplay: ({ size: number } & Awaited<ReturnType<typeof replayJs>>)[] = [];
  try {
    const call = api(server.base, server.coordinatorKey);
    const bySize = new Map<number, OpenSurvey>();
    for (const size of SIZES) {
      const survey = await benchSurvey(call, `Bench ${size}`);
      const start = Date.now();
      seedBulk(survey, size);
      await settle(server.base, server.coordinatorKey, survey.id, size);
      seeding.push({ size, survey_id: survey.id, session_id: survey.session_id, seconds: (Date.now() - start) / 1000 });
      bySize.set(size, survey);
      log(`seeded ${size} responses × 20 answers in survey ${survey.id} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    }
    const live = await benchSurvey(call, 'Bench live');
    const pageTokens = await invite(call, live.id, PAGE_TOKENS, 'page');
    const putTokens = await invite(call, live.id, PUT_TOKENS, 'put');
    // The page is measured for participants coming back: their earlier answers are filled in.
    for (const [i, token] of pageTokens.entries()) {
      const res = await fetch(`${server.base}/api/s/${token}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission(live, 1_000_000 + i)),
      });
      if (!res.ok) throw new Error(`page token answer: ${res.status} ${await res.text()}`);
    }
    log(`live survey ${live.id}: ${PAGE_TOKENS} answered links for the page, ${PUT_TOKENS} fresh links for submissions`);

    const floor = await startFloor(relaisDir);
    log(`floor on ${floor.base} (copy of the seeded database)`);
    try {
      const auth = { authorization: `Bearer ${server.coordinatorKey}` };
      page = await pageWeight(server.base, `/s/${pageTokens[0]}`);

      // Participant requests: Relais and the floor alternate, ROUNDS rounds each, and the round
      // with the higher throughput is kept (other work on the machine comes and goes).
      const ROUND = Math.max(2, SECONDS / 2);
      const paired = async (name: string, relaisRun: () => Promise<Load>, floorRun: () => Promise<Load>) => {
        let relais: Load | null = null;
        let floorBest: Load | null = null;
        for (let round = 1; round <= ROUNDS; round++) {
          const r = await measured(`${name} (Relais, round ${round})`, relaisRun);
          const f = await measured(`${name} (floor, round ${round})`, floorRun);
          if (!relais || r.rps > relais.rps) relais = r;
          if (!floorBest || f.rps > floorBest.rps) floorBest = f;
        }
        if (!relais || !floorBest) throw new Error('no rounds');
        return { relais, floor: floorBest, ratio: ratio(relais, floorBest) };
      };
      const get = (base: string, next: () => string) => () =>
        load({ base, method: 'GET', connections: CONNECTIONS, seconds: ROUND, next: () => ({ path: next() }) });

      // 0. No D1 at all: what the runtime and wrangler dev cost each request.
      figures.push({
        name: 'GET /api/health (no D1)',
        size: null,
        ...(await paired(
          'GET /api/health',
          get(server.base, () => '/api/health'),
          get(floor.base, () => '/health'),
        )),
        timing: await timingSamples(5, () => fetchAgain(`${server.base}/api/health`)),
      });

      // 1. The survey page, for participants coming back (earlier answers filled in).
      let pageN = 0;
      let floorPageN = 0;
      figures.push({
        name: 'GET /s/:token (survey page)',
        size: null,
        ...(await paired(
          'GET /s/:token',
          get(server.base, () => `/s/${pageTokens[pageN++ % pageTokens.length]}`),
          get(floor.base, () => `/s/${pageTokens[floorPageN++ % pageTokens.length]}`),
        )),
        timing: await timingSamples(10, (i) => fetchAgain(`${server.base}/s/${pageTokens[i]}`)),
      });

      // 2. Submissions: distinct links, answers varied by a counter that runs on across
      // rounds, so that every request really writes (an identical retry is a no-op).
      // As the survey page's form and a client that read GET /api/s/:token send it: with the
      // survey's id, which lets Relais store the answers in one D1 call (measured without it too).
      const putBody = (n: number, named = true) => JSON.stringify({ ...submission(live, n), ...(named ? { survey_id: live.id } : {}) });
      let putN = 0;
      let floorPutN = 0;
      // The floor's copy has the counters' triggers (migrations/0008_tallies.sql). The floor
      // proper writes without them (the least work, as before the counters); the same floor
      // with them isolates what the triggers add to each write. Toggled on the copy each round.
      const tallies = await floorTallyTriggers(floor);
      const setTriggers = (on: boolean) => tallies.set(on);
      const floorPut = () =>
        load({
          base: floor.base,
          method: 'PUT',
          connections: CONNECTIONS,
          seconds: ROUND,
          next: () => {
            const n = floorPutN++;
            const rows = submissionRows(live, n);
            return { path: `/s/${putTokens[n % putTokens.length]}?grp=${rows[0]?.[1] ?? ''}`, body: JSON.stringify(rows) };
          },
        });
      const relaisPut = (named: boolean) => () =>
        load({
          base: server.base,
          method: 'PUT',
          connections: CONNECTIONS,
          seconds: ROUND,
          next: () => {
            const n = putN++;
            return { path: `/api/s/${putTokens[n % putTokens.length]}`, body: putBody(n, named) };
          },
        });
      const putTimings = (offset: number, named: boolean) =>
        timingSamples(10, (i) =>
          fetch(`${server.base}/api/s/${putTokens[offset + i]}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: putBody(2_000_000 + offset + i, named),
          }),
        );
      const withTallies: Load[] = [];
      const put = await paired('PUT /api/s/:token', relaisPut(true), async () => {
        await setTriggers(true);
        withTallies.push(await measured('PUT /s/:token (floor with the tally triggers)', floorPut));
        await setTriggers(false);
        return floorPut();
      });
      const floorWithTallies = withTallies.reduce((a, b) => (b.rps > a.rps ? b : a));
      figures.push({
        name: 'PUT /s/:token (floor + tally triggers)',
        size: null,
        relais: floorWithTallies,
        floor: put.floor,
        ratio: ratio(floorWithTallies, put.floor),
        timing: null,
      });
      figures.push({ name: 'PUT /api/s/:token (20 answers)', size: null, ...put, timing: await putTimings(0, true) });
      const unnamed = await paired('PUT /api/s/:token without survey_id', relaisPut(false), floorPut);
      figures.push({
        name: 'PUT /api/s/:token (20 answers, without survey_id)',
        size: null,
        ...unnamed,
        timing: await putTimings(10, false),
      });
      await setTriggers(true);

      // 3. Results and brief at each size, against the single GROUP BY of the ranking.
      for (const size of SIZES) {
        const survey = bySize.get(size);
        if (!survey) continue;
        const { load: floorLoad } = await slowLoad(`ranking GROUP BY at ${size} (floor)`, {
          base: floor.base,
          method: 'GET',
          next: () => ({ path: `/ranking/${survey.id}?q=themes&k=5` }),
        });
        const { load: tallyFloor } = await slowLoad(`ranking from the counters at ${size} (floor)`, {
          base: floor.base,
          method: 'GET',
          next: () => ({ path: `/ranking-tallies/${survey.id}?q=themes&k=5` }),
        });
        figures.push({
          name: 'GET /ranking-tallies (counter floor)',
          size,
          relais: tallyFloor,
          floor: floorLoad,
          ratio: ratio(tallyFloor, floorLoad),
          timing: null,
        });
        for (const [name, p] of [
          ['GET /api/surveys/:id/results', `/api/surveys/${survey.id}/results`],
          ['GET /api/sessions/:id/brief', `/api/sessions/${survey.session_id}/brief`],
        ] as const) {
          const { load: relais, timing } = await slowLoad(`${name} at ${size} (Relais)`, {
            base: server.base,
            method: 'GET',
            headers: auth,
            next: () => ({ path: p }),
          });
          figures.push({
            name,
            size,
            relais,
            floor: floorLoad,
            ratio: ratio(relais, floorLoad),
            // Sequential samples when requests are fast; the timed first request otherwise.
            timing: relais.median_ms < 1000 ? await timingSamples(5, () => fetchAgain(`${server.base}${p}`, { headers: auth })) : timing,
          });
        }
      }

      // 4. Every aggregation statement alone (through the floor, on the same data): its time at
      // each size, and its plan at the largest.
      const queries = (await import(pathToFileURL(path.join(ROOT, 'src/results/results.queries.ts')).href)) as Aggregations;
      const argsFor = (name: string, s: number): unknown[] => {
        const ranking = JSON.stringify([{ q: 'themes', k: 5 }]);
        const seriesRanking = JSON.stringify([{ s, q: 'themes', k: 5 }]);
        const args: Record<string, unknown[]> = {
          RANKING_TALLIES: [s, ranking],
          BREAKDOWN_CELLS: [s, 'sector', ranking],
          BREAKDOWN_GROUPS: [s, 'sector'],
          THEME_TALLIES: [seriesRanking],
          THEME_BALLOTS: [seriesRanking],
          SURVEY_RESPONDENTS: [JSON.stringify([s])],
          // The bench survey paired with itself: the shape of the pairing, not a real one.
          PAIRING_BY_EXPECTATION: [s, 'expectations', s, 'usefulness', 4],
          PAIRING_TOTAL: [s, 'expectations', s, 'usefulness', 4],
        };
        return args[name] ?? [s];
      };
      const largest = Math.max(...SIZES);
      for (const [name, sql] of Object.entries(queries.AGGREGATIONS)) {
        const ms_by_size: Record<string, number> = {};
        let rows = 0;
        for (const size of SIZES) {
          const survey = bySize.get(size);
          if (!survey) continue;
          const start = performance.now();
          rows = ((await floorPost(floor, '/run', sql, argsFor(name, survey.id))) as { rows: number }).rows;
          ms_by_size[size] = performance.now() - start;
        }
        const args = argsFor(name, bySize.get(largest)?.id ?? 0);
        const plan = ((await floorPost(floor, '/explain', sql, args)) as { detail: string }[]).map((r) => r.detail);
        plans.push({ name, args, plan, ms_by_size, rows });
        log(`${name}: ${SIZES.map((z) => `${(ms_by_size[z] ?? Number.NaN).toFixed(0)} ms at ${z}`).join(', ')}`);
      }

      // 5. The JavaScript of results and brief at each size, replayed in Node without D1.
      const fetchRows = async (sql: string, args: unknown[]) => {
        const r = await fetch(`${floor.base}/rows`, { method: 'POST', body: JSON.stringify({ sql, args }) });
        if (!r.ok) throw new Error(`rows: ${r.status} ${await r.text()}`);
        return (await r.json()) as Record<string, unknown>[];
      };
      for (const size of SIZES) {
        const survey = bySize.get(size);
        if (!survey) continue;
        const [org] = await fetchRows('SELECT organisation_id FROM series WHERE id = ?1', [survey.series_id]);
        const js = await replayJs(fetchRows, Number(org?.organisation_id), survey.id, survey.session_id);
        jsReplay.push({ size, ...js });
        log(
          `JS at ${size}: results ${js.results.cpu_median_ms.toFixed(1)} ms CPU (${js.results.payload_bytes} B), brief ${js.brief.cpu_median_ms.toFixed(1)} ms CPU (${js.brief.payload_bytes} B)`,
        );
      }
    } finally {
      await floor.stop();
    }
  } finally {
    await server.stop();
  }

  const output = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      /** Other work on the machine shares its cores: 1-, 5-, 15-minute load averages. */
      load_at_start: LOAD_AT_START,
      load_at_end: os.loadavg(),
    },
    settings: { sizes: SIZES, seconds: SECONDS, connections: CONNECTIONS, answers_per_response: 20 },
    seeding,
    figures,
    bundle,
    page,
    aggregation_statements: plans,
    js_replay: jsReplay,
    seconds: (Date.now() - t0) / 1000,
  };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
  printTable(output);
}

function printTable(o: {
  figures: Figure[];
  bundle: { minified_bytes: number; gzip_bytes: number };
  page: { bytes: number; gzip_bytes: number; third_party: string[] } | null;
  aggregation_statements: { name: string; ms_by_size: Record<string, number>; plan: string[] }[];
  js_replay: { size: number; results: JsTime; brief: JsTime }[];
  machine: { load_at_start: number[]; load_at_end: number[] };
  seconds: number;
}) {
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const rows = [
    [
      'request',
      'responses',
      'req/s',
      'median ms',
      'p99 ms',
      'floor req/s',
      'floor med',
      'floor p99',
      '×rps',
      '×median',
      '×p99',
      'D1 stmts',
      'max params',
      'js ms',
    ],
    ...o.figures.map((f) => [
      f.name,
      f.size === null ? '' : String(f.size),
      f1(f.relais.rps),
      f1(f.relais.median_ms),
      f1(f.relais.p99_ms),
      f1(f.floor.rps),
      f1(f.floor.median_ms),
      f1(f.floor.p99_ms),
      f2(f.ratio.rps),
      f2(f.ratio.median),
      f2(f.ratio.p99),
      String(f.timing?.statements ?? '–'),
      String(f.timing?.max_params ?? '–'),
      f1(f.timing?.js_ms ?? Number.NaN),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  console.log();
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '));
  const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  console.log(`\nbundle: ${kib(o.bundle.minified_bytes)} minified, ${kib(o.bundle.gzip_bytes)} gzip`);
  if (o.page) {
    console.log(
      `survey page: ${kib(o.page.bytes)} (${kib(o.page.gzip_bytes)} gzip) HTML+CSS+JS; third-party requests: ${o.page.third_party.length ? o.page.third_party.join(', ') : 'none'}`,
    );
  }
  console.log('\naggregation statements alone (through the floor, same data), ms by size; plan at the largest:');
  for (const s of o.aggregation_statements) {
    const times = Object.entries(s.ms_by_size).map(([size, ms]) => `${f1(ms).padStart(8)} @${size}`);
    console.log(`  ${s.name.padEnd(24)} ${times.join(' ')}\n      ${s.plan.join(' | ')}`);
  }
  console.log('\nJavaScript of the JSON results and brief, replayed in Node without D1 (median CPU ms, payload):');
  for (const j of o.js_replay) {
    console.log(
      `  ${String(j.size).padStart(7)} responses: results ${f1(j.results.cpu_median_ms)} ms (${kib(j.results.payload_bytes)}), brief ${f1(j.brief.cpu_median_ms)} ms (${kib(j.brief.payload_bytes)})`,
    );
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(
    `\nload average at start ${load(o.machine.load_at_start)}, at end ${load(o.machine.load_at_end)} (${os.cpus().length} cores)`,
  );
  console.log(`\nbench/results/latest.json written; ${o.seconds.toFixed(0)} s in all`);
}

await main();
