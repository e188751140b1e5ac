/**
 * `npm run bench:durations`: how long a developer waits. A cold `npm start` (fresh local
 * database: migrations, demo data, wrangler dev) until its first page answers, and a full
 * `npm test` (type-check, lint, every test file). Writes bench/durations.json, which
 * bench/report.ts puts in BENCHMARKS.md. `--no-test` measures `npm start` only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitCommit, ROOT } from '../scripts/wrangler.ts';

const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

async function coldStart(): Promise<{ seconds: number; loadavg: number[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relais-start-'));
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const start = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), RELAIS_PERSIST_TO: dir },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (Date.now() - start > 180_000) throw new Error('npm start: no page within 180 s');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { seconds: (Date.now() - start) / 1000, loadavg: loadavg() };
  } finally {
    // npm, node and wrangler run in one process group of their own: end it.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    rmSync(dir, { recursive: true, force: true });
  }
}

function npmTest(): { seconds: number; status: number | null; summary: string[]; failures: string[]; loadavg: number[] } {
  const start = Date.now();
  const result = spawnSync('npm', ['test'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 28 });
  const text = `${result.stdout}\n${result.stderr}`.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const lines = text.split('\n');
  const summary = lines.filter((l) => /^\s*(Test Files|Tests)\s/.test(l)).map((l) => l.trim());
  // A failing run says which test failed and why, not only that one did.
  const failures = lines.filter((l) => /^\s*(FAIL|×|AssertionError|Error:)/.test(l)).map((l) => l.trim());
  return { seconds: (Date.now() - start) / 1000, status: result.status, summary, failures, loadavg: loadavg() };
}

const start = await coldStart();
console.log(`cold npm start to first page: ${start.seconds.toFixed(1)} s (load ${start.loadavg.join(' ')})`);
const test = process.argv.includes('--no-test') ? null : npmTest();
if (test)
  console.log(`npm test: ${test.seconds.toFixed(0)} s, exit ${test.status}; ${test.summary.join('; ')} (load ${test.loadavg.join(' ')})`);
const out = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  cpus: os.cpus().length,
  npm_start_cold_seconds: start.seconds,
  npm_start_loadavg: start.loadavg,
  npm_test: test,
};
writeFileSync(path.join(ROOT, 'bench', 'durations.json'), `${JSON.stringify(out, null, 2)}\n`);
if (test && test.status !== 0) {
  console.log(test.failures.join('\n'));
  process.exitCode = 1;
}
