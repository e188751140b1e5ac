/**
 * The floor Worker (bench/floor/) on `wrangler dev`, on its own port and its own --persist-to
 * directory, holding a copy of the Relais bench database (same migrations, same rows).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DevServer, startWranglerDev } from '../scripts/local-server.ts';

const D1_DIR = path.join('v3', 'd1', 'miniflare-D1DatabaseObject');

export type Floor = DevServer;

/** Copies the local D1 files (database and write-ahead log) of one persist directory to a new one. */
function copyDatabase(from: string, to: string) {
  const source = path.join(from, D1_DIR);
  const target = path.join(to, D1_DIR);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) {
    // The shared-memory index is rebuilt from the log on open.
    if (!file.endsWith('.sqlite') && !file.endsWith('.sqlite-wal')) continue;
    try {
      copyFileSync(path.join(source, file), path.join(target, file));
    } catch (error) {
      // The log is gone when SQLite checkpointed it into the database since it was listed (at
      // 1M responses, once): the database alone is then the whole of it.
      if (!(file.endsWith('-wal') && (error as { code?: string }).code === 'ENOENT')) throw error;
    }
  }
  if (!existsSync(target)) throw new Error('no database copied');
}

/**
 * `bare`: the floor without the static-assets routing it shares with Relais, to show what that
 * routing costs under `wrangler dev` (bench/platform.ts).
 */
export async function startFloor(relaisPersistDir: string, { bare = false } = {}): Promise<Floor> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-floor-'));
  copyDatabase(relaisPersistDir, dir);
  let config = path.join('bench', 'floor', 'wrangler.toml');
  if (bare) {
    // The same file without its [assets] table, next to it so that its relative paths hold.
    const text = readFileSync(config, 'utf8').replace(/\n\[assets\]\n(?:[^[\n].*\n|#.*\n)*/, '\n');
    if (text.includes('[assets]')) throw new Error('could not remove [assets] from the floor configuration');
    config = path.join('bench', 'floor', 'wrangler.bare.toml');
    writeFileSync(config, text);
  }
  return startWranglerDev(['--config', config], dir, '/ranking/0');
}

/** A statement through the floor's POST /run or /rows (bench/floor/worker.ts). */
export async function floorPost(floor: Floor, route: '/run' | '/rows' | '/explain', sql: string, args: unknown[]): Promise<unknown> {
  const r = await fetch(`${floor.base}${route}`, { method: 'POST', body: JSON.stringify({ sql, args }) });
  if (!r.ok) throw new Error(`${route} ${sql.slice(0, 40)}: ${r.status} ${await r.text()}`);
  return r.json();
}

/**
 * The counters' two triggers on answers (migrations/0008_tallies.sql) on the floor's copy: the
 * floor proper writes without them (the least work); `set(true)` puts them back.
 */
export async function floorTallyTriggers(floor: Floor): Promise<{ set(on: boolean): Promise<void> }> {
  const triggers = (await floorPost(
    floor,
    '/rows',
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'answers_tally_%'",
    [],
  )) as { name: string; sql: string }[];
  if (triggers.length !== 2) throw new Error(`expected the two tally triggers on the floor's copy, found ${triggers.length}`);
  return {
    async set(on) {
      for (const t of triggers) {
        await floorPost(floor, '/run', `DROP TRIGGER IF EXISTS ${t.name}`, []);
        if (on) await floorPost(floor, '/run', t.sql, []);
      }
    },
  };
}
