/**
 * `npm run bench:platform`: what the static-assets routing costs each request under
 * `wrangler dev`, and the submission's ratio against a floor with and without it.
 *
 * Relais serves its CSS and scripts as static assets (wrangler.toml `[assets]`), so under
 * `wrangler dev` every request passes through the local router and asset workers before the
 * Worker. `npm run bench` gives its floor the same set-up; this run also starts the floor
 * without it ("bare") and alternates the three, so the difference can be seen. About a minute.
 * BENCH_ROUNDS (default 3) and BENCH_SECONDS (default 4 per run) tune it.
 */
import os from 'node:os';
import { startLocalServer } from '../scripts/local-server.ts';
import { floorTallyTriggers, startFloor } from './floor.ts';
import { type Load, load, median } from './load.ts';
import { api, benchSurvey, invite, submission, submissionRows } from './seed.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 4;

const server = await startLocalServer();
const relaisDir = process.env.RELAIS_PERSIST_TO ?? '';
const stops: (() => Promise<void>)[] = [() => server.stop()];
try {
  const call = api(server.base, server.coordinatorKey);
  const live = await benchSurvey(call, 'Platform');
  const tokens = await invite(call, live.id, 6000, 'platform');
  // A participant opens a link first, as on the survey page: the Worker holds the questions.
  await fetch(`${server.base}/api/s/${tokens[0]}`);
  const floor = await startFloor(relaisDir);
  stops.push(() => floor.stop());
  const bare = await startFloor(relaisDir, { bare: true });
  stops.push(() => bare.stop());
  // As in npm run bench: the floor proper writes without the counters' triggers.
  for (const f of [floor, bare]) await (await floorTallyTriggers(f)).set(false);

  let n = 1;
  const put = (base: string, relais: boolean) => () =>
    load({
      base,
      method: 'PUT',
      connections: CONNECTIONS,
      seconds: SECONDS,
      next: () => {
        const i = n++;
        const token = tokens[i % tokens.length];
        if (relais) return { path: `/api/s/${token}`, body: JSON.stringify({ ...submission(live, i), survey_id: live.id }) };
        const rows = submissionRows(live, i);
        return { path: `/s/${token}?grp=${rows[0]?.[1] ?? ''}`, body: JSON.stringify(rows) };
      },
    });
  const health = (base: string, path: string) => () =>
    load({ base, method: 'GET', connections: CONNECTIONS, seconds: SECONDS, next: () => ({ path }) });
  const runs: [string, () => Promise<Load>][] = [
    ['GET /api/health — Relais', health(server.base, '/api/health')],
    ['GET /health — floor', health(floor.base, '/health')],
    ['GET /health — bare floor', health(bare.base, '/health')],
    ['PUT /api/s/:token — Relais', put(server.base, true)],
    ['PUT /s/:token — floor', put(floor.base, false)],
    ['PUT /s/:token — bare floor', put(bare.base, false)],
  ];
  const rounds = new Map<string, Load[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, run] of runs) {
      const l = await run();
      if (l.errors || l.non2xx) throw new Error(`${name}: ${l.errors} errors, ${l.non2xx} non-2xx`);
      console.log(
        `round ${round} ${name.padEnd(30)} ${l.rps.toFixed(1).padStart(7)}/s median ${l.median_ms} ms p99 ${l.p99_ms} ms (load ${os.loadavg()[0]?.toFixed(1)})`,
      );
      rounds.set(name, [...(rounds.get(name) ?? []), l]);
    }
  }
  // The median of the rounds, never the best: other work on the machine comes and goes.
  const rps = (name: string) => median((rounds.get(name) ?? []).map((l) => l.rps));
  console.log(
    `\nmedian of ${ROUNDS} rounds (req/s): load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const [name] of runs) console.log(`  ${name.padEnd(30)} ${rps(name).toFixed(1).padStart(7)}`);
  // At saturation, 1000 / (req/s) is the machine time each request takes (2 cores, shared).
  const perRequest = (name: string) => 1000 / rps(name);
  const routing = perRequest('GET /health — floor') - perRequest('GET /health — bare floor');
  console.log(`  asset routing: ${routing.toFixed(2)} ms of machine time a request`);
  console.log(`  submission ÷ floor:      ${(rps('PUT /api/s/:token — Relais') / rps('PUT /s/:token — floor')).toFixed(2)}`);
  console.log(`  submission ÷ bare floor: ${(rps('PUT /api/s/:token — Relais') / rps('PUT /s/:token — bare floor')).toFixed(2)}`);
} finally {
  for (const stop of stops.reverse()) await stop();
}
