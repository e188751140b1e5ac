/** Running wrangler from the project's scripts, against the local D1 or (with --remote) Cloudflare's. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The checkout's short commit, which the bench's figures name; null outside a git checkout. */
export function gitCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || null : null;
}
export const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler');
export const LOCAL_DIR = path.join(ROOT, '.wrangler');

/**
 * Where the local D1 lives. The e2e tests and benchmarks set RELAIS_PERSIST_TO to run on a
 * database of their own, never on the developer's demo.
 */
export function persistArgs(args: string[]): string[] {
  const dir = process.env.RELAIS_PERSIST_TO;
  return dir && !args.includes('--remote') ? [...args, '--persist-to', dir] : args;
}

export function wrangler(args: string[], options: { quiet?: boolean } = {}): string {
  const result = spawnSync(WRANGLER, persistArgs(args), {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(result.stderr ?? '');
    process.stderr.write(result.stdout ?? '');
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed`);
  }
  return result.stdout;
}

export const target = (remote: boolean) => (remote ? '--remote' : '--local');

export function applyMigrations(remote = false) {
  wrangler(['d1', 'migrations', 'apply', 'DB', target(remote)], { quiet: true });
}

/** Runs SQL statements from a file (wrangler runs a file as one batch). */
export function executeSql(statements: string[], remote = false): unknown {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const file = path.join(LOCAL_DIR, `relais-${process.pid}.sql`);
  writeFileSync(file, `${statements.map((s) => s.trim().replace(/;$/, '')).join(';\n')};\n`);
  const out = wrangler(['d1', 'execute', 'DB', target(remote), '--file', file, '--json'], { quiet: true });
  return JSON.parse(out);
}

/** Quotes a value as an SQL literal (wrangler's CLI has no bound parameters). */
export function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}
