/**
 * Writes BENCHMARKS.md's figures from a bench run: everything between the markers
 * `<!-- bench:generated:start -->` and `<!-- bench:generated:end -->` is produced here from
 * bench/baseline.json (npm run bench) and bench/durations.json (npm run bench:durations);
 * the prose around them is kept as it is. `npm run bench:report` rewrites it from those files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../scripts/wrangler.ts';
import type { RoutesOutput } from './routes.ts';
import type { BenchOutput, Line } from './run.ts';

const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';

const f0 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(0));
const f1 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1));
const f2 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(2));
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const int = (n: number) => n.toLocaleString('en-US');
const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');

interface Durations {
  date: string;
  commit: string | null;
  npm_start_cold_seconds: number;
  npm_start_loadavg: number[];
  npm_test: { seconds: number; status: number | null; summary: string[]; loadavg: number[] } | null;
}

export function generated(o: BenchOutput, d: Durations | null, r: RoutesOutput | null = null): string {
  const find = (name: string, side: Line['side'], size: number | null = null) =>
    o.lines.find((l) => l.name === name && l.side === side && l.size === size);
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  const sizes = o.settings.sizes;
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  const at100k = sizes.includes(100_000) ? 100_000 : largest;

  p(`Run of **${o.date.slice(0, 16).replace('T', ' ')} UTC**, commit \`${o.commit ?? '?'}\`, ${o.machine.cpus} × ${o.machine.cpu ?? '?'},`);
  p(`${o.machine.memory_gib} GiB, Node ${o.machine.node}; **load average ${o.machine.load_at_start.join(' / ')} at start,`);
  p(
    `${o.machine.load_at_end.join(' / ')} at end** (1, 5, 15 minutes; ${o.machine.cpus} cores shared with other work), ${f0(o.seconds)} s in all.`,
  );
  p(
    `Sizes ${sizes.map(int).join(', ')} responses × ${o.settings.answers_per_response} answers; ${o.settings.rounds} alternating rounds of`,
  );
  p(`${o.settings.seconds} s a line; every figure is the **median of its rounds** (each round, with the load when it ended, is`);
  p('listed at the end). The reference is the shared floor, unchanged ("floor"); "floor+assets" is a copy of it with');
  p("Relais's `[assets]` routing added. Latencies in ms; × = Relais ÷ floor.");
  p();

  const worstRoute = r ? [...r.routes].sort((a, b) => b.js_ms - a.js_ms)[0] : undefined;
  const signIn = r ? Math.max(...r.routes.filter((x) => x.kind === 'sign-in').map((x) => x.js_ms)) : Number.NaN;
  const routeCpu = worstRoute
    ? `every route (\`npm run bench:routes\`, ${r?.routes.length} of them): at most **${f1(worstRoute.js_ms)} ms** (\`${worstRoute.route}\`), sign-in at most **${f1(signIn)} ms**`
    : 'each route and sign-in: not measured (`npm run bench:routes`)';
  p('### Where each budget stands');
  p();
  p('| budget | figure | |');
  p('| --- | --- | --- |');
  const floorPut = find('PUT /submit/:token', 'floor');
  const floorPutA = find('PUT /submit/:token', 'floor+assets');
  const paths = [
    'PUT /api/s/:token (with survey_id)',
    'POST /s/:token (the HTML form)',
    'PUT /api/s/:token (without survey_id)',
    'PUT /api/s/:token (anonymous survey)',
    'POST /s/:token (anonymous survey, the HTML form)',
    'PUT /api/s/:token (with survey_id, cold isolate)',
  ];
  for (const name of paths) {
    const l = find(name, 'relais');
    if (!l || !floorPut) continue;
    const r = l.rps / floorPut.rps;
    const ra = floorPutA ? l.rps / floorPutA.rps : Number.NaN;
    p(
      `| submission ≥ 0.8× the floor's throughput: \`${name}\` | ${f1(l.rps)} vs ${f1(floorPut.rps)} req/s = **${f2(r)}×** (${f2(ra)}× the floor+assets) | ${verdict(r >= 0.8)} |`,
    );
  }
  for (const name of paths) {
    const l = find(name, 'relais');
    if (!l || !floorPut) continue;
    const r = l.p99_ms / floorPut.p99_ms;
    p(
      `| submission p99 ≤ 2× the floor's: \`${name}\` | ${f0(l.p99_ms)} vs ${f0(floorPut.p99_ms)} ms = **${f2(r)}×** | ${verdict(r <= 2)} |`,
    );
  }
  for (const name of ['GET /api/surveys/:id/results', 'GET /api/sessions/:id/brief']) {
    const lo = find(name, 'relais', smallest);
    const hi = find(name, 'relais', largest);
    if (lo && hi) {
      const g = hi.median_ms / lo.median_ms;
      p(
        `| \`${name}\` grows ≤ 1.5× from ${int(smallest)} to ${int(largest)} responses${largest < 1_000_000 ? ' (1M: not in this run)' : ''} | median ${f1(lo.median_ms)} → ${f1(hi.median_ms)} ms = **${f2(g)}×** | ${verdict(g <= 1.5)} |`,
      );
    }
    const at = find(name, 'relais', at100k);
    const tally = find('GET /tally (counter read)', 'floor', at100k);
    if (at && tally) {
      const r = at.median_ms / tally.median_ms;
      p(
        `| \`${name}\` at ${int(at100k)} ≤ 2× the floor's counter read (\`GET /tally\`) | median ${f1(at.median_ms)} vs ${f1(tally.median_ms)} ms = **${f2(r)}×** | ${verdict(r <= 2)} |`,
      );
    }
  }
  const relaisLines = o.lines.filter((l) => l.side === 'relais' && l.timing);
  const maxOf = (k: 'rows_read' | 'statements' | 'max_params' | 'js_ms') => Math.max(...relaisLines.map((l) => Number(l.timing?.[k] ?? 0)));
  // The issue sets the rows budget beside the reads (results, brief and pairing at any size);
  // the participant requests are listed apart, with the same threshold, never left out.
  const worst = (ls: Line[]) => ls.reduce((a, b) => ((b.timing?.rows_read ?? 0) > (a.timing?.rows_read ?? 0) ? b : a), ls[0] as Line);
  const readLines = relaisLines.filter((l) => l.size !== null);
  const otherLines = relaisLines.filter((l) => l.size === null);
  for (const [what, ls] of [
    ['results and brief, every size', readLines],
    ['participant requests', otherLines],
  ] as const) {
    if (!ls.length) continue;
    const w = worst([...ls]);
    const rows = Number(w.timing?.rows_read ?? 0);
    p(
      `| D1 rows read ≤ 1,000 a request (meta.rows_read, Server-Timing): ${what} | at most **${int(rows)}** (\`${w.name}\`${w.size ? ` at ${int(w.size)}` : ''}) | ${verdict(rows <= 1000)} |`,
    );
  }
  const jsMax = Math.max(...o.js_replay.flatMap((j) => [j.results.cpu_median_ms, j.brief.cpu_median_ms]));
  p(
    `| every request ≤ 10 ms CPU | JavaScript (wall, Server-Timing) at most **${f1(maxOf('js_ms'))} ms**; results/brief replayed: at most **${f1(jsMax)} ms** CPU; ${routeCpu} | ${verdict(maxOf('js_ms') <= 10 && jsMax <= 10 && (worstRoute ? worstRoute.js_ms <= 10 : true))}${worstRoute ? '' : ' (routes: not measured)'} |`,
  );
  p(
    `| ≤ 50 D1 statements, ≤ 100 bound parameters a request | at most ${maxOf('statements')} statements, ${maxOf('max_params')} parameters | ${verdict(maxOf('statements') <= 50 && maxOf('max_params') <= 100)} |`,
  );
  p(
    `| what \`npm run deploy\` ships ≤ 150 KiB gzip | ${kib(o.bundle.minified_bytes)} minified, **${kib(o.bundle.gzip_bytes)}** gzip -9 (wrangler: "${o.bundle.wrangler_says ?? '–'}") | ${verdict(o.bundle.gzip_bytes <= 150 * 1024)} |`,
  );
  if (o.page) {
    p(
      `| survey page ≤ 30 KiB with its assets | **${kib(o.page.bytes)}** uncompressed, ${kib(o.page.gzip_bytes)} gzip; third-party requests: ${o.page.third_party.length ? o.page.third_party.join(', ') : 'none'} | ${verdict(o.page.bytes <= 30 * 1024 && !o.page.third_party.length)} |`,
    );
  }
  if (o.storage) {
    const r = o.storage.relais.bytes_per_response / o.storage.floor.bytes_per_response;
    p(
      `| storage ≤ 1.5× the floor's bytes per response | ${int(Math.round(o.storage.relais.bytes_per_response))} vs ${int(Math.round(o.storage.floor.bytes_per_response))} B = **${f2(r)}×** | ${verdict(r <= 1.5)} |`,
    );
  }
  const withC = find('PUT /api/s/:token (with survey_id), counters', 'relais');
  const without = find('PUT /api/s/:token (with survey_id), no counters', 'relais');
  if (withC && without) {
    p(
      `| writes stay cheap (what the counters' triggers cost a submission) | ${f1(withC.rps)} req/s with them, ${f1(without.rps)} without = **${f2(withC.rps / without.rps)}×**; p99 ${f0(withC.p99_ms)} vs ${f0(without.p99_ms)} ms | the trade, no threshold |`,
    );
  }
  p();

  p('### Participant requests (4 connections)');
  p();
  p('| request | served by | req/s | median | p99 | × req/s (floor) | × p99 (floor) | × req/s (floor+assets) | requests |');
  p('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const health = find('GET / (no D1)', 'floor');
  const healthA = find('GET / (no D1)', 'floor+assets');
  for (const l of o.lines.filter((x) => x.size === null)) {
    const isPut = /PUT|POST/.test(l.name);
    const ref = l.side === 'relais' ? (isPut ? floorPut : /health/.test(l.name) ? health : undefined) : undefined;
    const refA = l.side === 'relais' ? (isPut ? floorPutA : /health/.test(l.name) ? healthA : undefined) : undefined;
    p(
      `| \`${l.name}\` | ${l.side} | ${f1(l.rps)} | ${f0(l.median_ms)} | ${f0(l.p99_ms)} | ${ref ? f2(l.rps / ref.rps) : ''} | ${ref ? f2(l.p99_ms / ref.p99_ms) : ''} | ${refA ? f2(l.rps / refA.rps) : ''} | ${int(l.requests)} |`,
    );
  }
  p();
  p('### Reads at each size (1 connection)');
  p();
  p('| request | served by | responses | req/s | median | p99 | × median (`/tally`) | × median (`/rank`) |');
  p('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const tally = find('GET /tally (counter read)', 'floor', size);
    const rank = find('GET /rank (GROUP BY over answers)', 'floor', size);
    for (const l of o.lines.filter((x) => x.size === size)) {
      p(
        `| \`${l.name}\` | ${l.side} | ${int(size)} | ${f1(l.rps)} | ${f1(l.median_ms)} | ${f0(l.p99_ms)} | ${tally ? f2(l.median_ms / tally.median_ms) : ''} | ${rank ? f2(l.median_ms / rank.median_ms) : ''} |`,
      );
    }
  }
  p();
  p("### Relais's own account of each request (Server-Timing, sequential samples, medians; counts: the largest)");
  p();
  p("Rows read are D1's `meta.rows_read`, summed over the results that carry it: a statement read with `.first()` reports none");
  p("(the survey page's single read shows 0). JS is wall time on a shared machine; the replay below gives CPU time.");
  p();
  p('| request | responses | D1 statements | D1 calls | max bound params | rows read | handler ms | D1 ms | JS ms (wall) |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of relaisLines) {
    const t = l.timing;
    if (!t) continue;
    p(
      `| \`${l.name}\` | ${l.size === null ? '' : int(l.size)} | ${t.statements} | ${t.calls} | ${t.max_params} | ${int(t.rows_read)} | ${f1(t.total_ms)} | ${f1(t.d1_ms)} | ${f1(t.js_ms)} |`,
    );
  }
  p();
  p('JavaScript of results and brief replayed in Node without D1 (median of 20, CPU ms; JSON payload):');
  p();
  p('| responses | results | brief |');
  p('| ---: | ---: | ---: |');
  for (const j of o.js_replay) {
    p(
      `| ${int(j.size)} | ${f1(j.results.cpu_median_ms)} ms (${kib(j.results.payload_bytes)}) | ${f1(j.brief.cpu_median_ms)} ms (${kib(j.brief.payload_bytes)}) |`,
    );
  }
  p();
  p('### Every aggregation statement alone (through bench/floor/, a statement runner on a copy of the same database)');
  p();
  p("Client-measured, so each time includes the request to the runner (a few ms); rows read is D1's `meta.rows_read`.");
  p();
  p(
    `| statement | ${sizes.map((s) => `ms at ${int(s)}`).join(' | ')} | ${sizes.map((s) => `rows read at ${int(s)}`).join(' | ')} | plan at ${int(largest)} |`,
  );
  p(`| --- | ${sizes.map(() => '---:').join(' | ')} | ${sizes.map(() => '---:').join(' | ')} | --- |`);
  for (const s of o.aggregation_statements) {
    p(
      `| \`${s.name}\` | ${sizes.map((z) => f0(s.ms_by_size[z])).join(' | ')} | ${sizes.map((z) => (s.rows_read_by_size?.[z] == null ? '–' : int(Number(s.rows_read_by_size[z])))).join(' | ')} | ${s.plan.map((x) => `\`${x}\``).join(' · ')} |`,
    );
  }
  p();
  if (o.storage) {
    p('### Storage');
    p();
    const { relais, floor } = o.storage;
    p(
      `Relais's database: ${int(relais.responses)} responses, ${int(relais.answers)} answer rows, ${kib(relais.bytes)} (${int(Math.round(relais.bytes_per_response))} B a response). The floor's: ${int(floor.responses)} responses, ${int(floor.answers)} answer rows, ${kib(floor.bytes)} (${int(Math.round(floor.bytes_per_response))} B a response). Tables and indexes of 1 % or more of Relais's database:`,
    );
    p();
    p('| table or index | Relais | bytes a response |');
    p('| --- | ---: | ---: |');
    for (const x of relais.objects.filter((x) => x.bytes >= relais.bytes / 100)) {
      p(`| \`${x.name}\` | ${kib(x.bytes)} | ${int(Math.round(x.bytes / Math.max(relais.responses, 1)))} |`);
    }
    p();
  }
  p('### Bundle, page, seeding, durations');
  p();
  p(
    `- Deploy bundle (\`npm run size\`, the same dry run): ${o.bundle.files.join(', ')}, ${kib(o.bundle.minified_bytes)}, ${kib(o.bundle.gzip_bytes)} gzip -9.`,
  );
  if (o.page) {
    p(
      `- Survey page \`${o.page.url_path}\`: ${o.page.resources.map((r) => `${r.type} ${kib(r.bytes)}`).join(', ')}; ${kib(o.page.bytes)} in all, ${kib(o.page.gzip_bytes)} gzip.`,
    );
  }
  p(
    `- Seeding (Relais through SQL shaped like its writes, triggers firing; the floor in its own schema): ${o.seeding.map((s) => `${int(s.size)}: ${f1(s.relais_seconds)} s / ${f1(s.floor_seconds)} s`).join('; ')}.`,
  );
  if (d) {
    p(
      `- Cold \`npm start\` to its first page (fresh database: migrations, demo data, wrangler dev): **${f1(d.npm_start_cold_seconds)} s** (load ${d.npm_start_loadavg.join(' ')}).`,
    );
    if (d.npm_test) {
      p(
        `- \`npm test\` (type-check, lint, every test file): **${f0(d.npm_test.seconds)} s**, exit ${d.npm_test.status} (${d.npm_test.summary.join('; ')}; load ${d.npm_test.loadavg.join(' ')}).`,
      );
    }
    p(`  (\`npm run bench:durations\`, ${d.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${d.commit ?? '?'}\`.)`);
  } else {
    p('- Cold `npm start` and `npm test`: not measured (`npm run bench:durations` writes bench/durations.json).');
  }
  p();
  if (r) {
    p('### Each route (`npm run bench:routes`)');
    p();
    p(
      `Every route a person or a client reaches on a fresh local Relais with the demo data and a survey of a few answers, requested ${Math.max(...r.routes.map((x) => x.samples))} times one after another (sign-in links 3 times); ${r.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${r.commit ?? '?'}\`, load ${r.loadavg_start.join(' / ')} at start, ${r.loadavg_end.join(' / ')} at end. "JS" is the handler's wall time minus the time with a D1 call in flight (Server-Timing), which on an idle core is its CPU plus waits on other bindings (the rate limiters of sign-in); local workerd's clock ticks in whole milliseconds, hence the mean beside the median. Not reached: ${r.not_measured.join(', ') || 'none'}.`,
    );
    p();
    p('| route | kind | JS median | JS mean | D1 statements | D1 calls | rows read |');
    p('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const x of r.routes) {
      p(`| \`${x.route}\` | ${x.kind} | ${f1(x.js_ms)} | ${f1(x.js_mean_ms)} | ${x.statements} | ${x.calls} | ${f0(x.rows_read)} |`);
    }
    p();
  }
  p('### Every round');
  p();
  p('| line | served by | responses | round | req/s | median | p99 | load (1 min) |');
  p('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of o.runs) {
    p(
      `| \`${r.line}\` | ${r.side} | ${r.size === null ? '' : int(r.size)} | ${r.round} | ${f1(r.load.rps)} | ${f1(r.load.median_ms)} | ${f0(r.load.p99_ms)} | ${f2(r.loadavg[0])} |`,
    );
  }
  return out.join('\n');
}

export function writeReport() {
  const o = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'baseline.json'), 'utf8')) as BenchOutput;
  const dFile = path.join(ROOT, 'bench', 'durations.json');
  const d = existsSync(dFile) ? (JSON.parse(readFileSync(dFile, 'utf8')) as Durations) : null;
  const rFile = path.join(ROOT, 'bench', 'routes.json');
  const r = existsSync(rFile) ? (JSON.parse(readFileSync(rFile, 'utf8')) as RoutesOutput) : null;
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${generated(o, d, r)}\n${text.slice(b)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeReport();
