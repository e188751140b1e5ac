/**
 * The independent floor of issue #15 (`../shared/bench-floor` beside the repository, read-only
 * in CI), used unchanged as the reference: copied into a temporary folder (wrangler writes its
 * build files beside the configuration) and run as it is, with its own migrations and a local
 * D1 of its own. A second copy adds only Relais's `[assets]` routing, so that the cost of that
 * routing under `wrangler dev` can be told apart; both are reported.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DevServer, startWranglerDev } from '../scripts/local-server.ts';
import { ROOT, WRANGLER } from '../scripts/wrangler.ts';
import { K, RATINGS, STEPS, TEXTS } from './seed.ts';

export const SHARED_FLOOR = path.resolve(process.env.BENCH_FLOOR ?? path.join(ROOT, '..', 'shared', 'bench-floor'));

export interface SharedFloor extends DevServer {
  /** Its configuration and its database, for seeding and for measuring its size. */
  config: string;
  persist: string;
  withAssets: boolean;
}

function wranglerIn(config: string, persist: string, args: string[]) {
  const result = spawnSync(WRANGLER, [...args, '--config', config, '--local', '--persist-to', persist], {
    cwd: path.dirname(config),
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  if (result.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(' ')} (floor) failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A copy of the shared floor; `persist` may hold a database already (the assets copy takes the floor's). */
export function prepareSharedFloor({ withAssets, persist }: { withAssets: boolean; persist?: string }) {
  if (!existsSync(path.join(SHARED_FLOOR, 'wrangler.toml'))) {
    throw new Error(`the shared floor is not at ${SHARED_FLOOR} (set BENCH_FLOOR to its folder)`);
  }
  const copy = mkdtempSync(path.join(tmpdir(), 'relais-shared-floor-'));
  cpSync(SHARED_FLOOR, copy, { recursive: true, filter: (src) => !/[/\\](?:\.wrangler|node_modules)$/.test(src) });
  const config = path.join(copy, 'wrangler.toml');
  if (withAssets) {
    // The same platform set-up as Relais: its static assets, routed as Relais's wrangler.toml
    // routes them (run_worker_first read from it, so the copy follows any change there).
    const relaisToml = readFileSync(path.join(ROOT, 'wrangler.toml'), 'utf8');
    const workerFirst = /^run_worker_first = (.*)$/m.exec(relaisToml)?.[1] ?? 'false';
    appendFileSync(config, `\n[assets]\ndirectory = ${JSON.stringify(path.join(ROOT, 'public'))}\nrun_worker_first = ${workerFirst}\n`);
  }
  const dir = persist ?? mkdtempSync(path.join(tmpdir(), 'relais-shared-floor-db-'));
  if (!persist) wranglerIn(config, dir, ['d1', 'migrations', 'apply', 'DB']);
  return { copy, config, persist: dir };
}

export async function startSharedFloor({ withAssets, persist }: { withAssets: boolean; persist?: string }): Promise<SharedFloor> {
  const { copy, config, persist: dir } = prepareSharedFloor({ withAssets, ...(persist ? { persist } : {}) });
  const server = await startWranglerDev(['--config', config], dir, '/');
  return {
    ...server,
    config,
    persist: dir,
    withAssets,
    async stop() {
      await server.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** A copy of a floor's database files into a new persist folder (the floor keeps running). */
export function copyFloorDatabase(from: string): string {
  const to = mkdtempSync(path.join(tmpdir(), 'relais-shared-floor-db-'));
  const d1 = path.join('v3', 'd1');
  mkdirSync(path.join(to, d1), { recursive: true });
  cpSync(path.join(from, d1), path.join(to, d1), { recursive: true, filter: (src) => !src.endsWith('-shm') });
  return to;
}

/**
 * Responses `from` + 1 … `to` in the floor's own schema, with the answers Relais's bench seed
 * gives (bench/seed.ts: 20 rows a response) in the shape the floor's `PUT /submit` stores
 * them: a list's items with their position as rank, a number in `num`, anything else as text.
 */
export function seedSharedFloor(floor: SharedFloor, from: number, to: number) {
  const atoms = [
    ['sector', 'option', 0],
    ...[0, 1, 2].map((k) => ['expectations', 'list', k]),
    ...Array.from({ length: K }, (_, k) => ['themes', 'ranking', k]),
    ...RATINGS.map((id, k) => [id, 'rating', k]),
    ...TEXTS.map(([id], k) => [id, 'text', k]),
  ] as const;
  const atomValues = atoms.map(([q, kind, k], ord) => `(${ord}, '${q}', '${kind}', ${k})`).join(', ');
  const steps = `'${JSON.stringify(STEPS)}'`;
  const rankIdx = `((r.id % 14) + a.k * (${steps} ->> ((r.id / 14) % ${STEPS.length}))) % 14`;
  const sql = [
    `WITH RECURSIVE seq(n) AS (SELECT ${from + 1} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to})
     INSERT INTO responses (token, updated_at) SELECT 'seed-' || n, datetime('now') FROM seq`,
    `WITH atoms(ord, q, kind, k) AS (VALUES ${atomValues})
     INSERT INTO answers (response_id, question, option, rank, num, text)
     SELECT r.id, a.q,
            CASE a.kind WHEN 'option' THEN 'sector' || (1 + r.id % 6)
                        WHEN 'list' THEN 'exp' || (1 + (r.id + a.k) % 8)
                        WHEN 'ranking' THEN 't' || (1 + ${rankIdx}) END,
            CASE a.kind WHEN 'list' THEN a.k + 1 WHEN 'ranking' THEN a.k + 1 END,
            CASE a.kind WHEN 'rating' THEN 1 + (r.id * 31 + a.k * 17) % 5 END,
            CASE a.kind WHEN 'text' THEN 'Remarque ' || a.q || ' ' || ((r.id * 7 + a.k) % 200) END
       FROM responses r, atoms a
      WHERE r.token LIKE 'seed-%' AND r.id > ${from} AND r.id <= ${to}
      ORDER BY r.id, a.ord`,
  ];
  const file = path.join(path.dirname(floor.config), 'seed.sql');
  writeFileSync(file, `${sql.join(';\n')};\n`);
  wranglerIn(floor.config, floor.persist, ['d1', 'execute', 'DB', '--file', file]);
}
