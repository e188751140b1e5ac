/**
 * The floor Worker (bench/floor/) on `wrangler dev`, on its own port and its own --persist-to
 * directory, holding a copy of the Relais bench database (same migrations, same rows).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, WRANGLER } from '../scripts/wrangler.ts';

const D1_DIR = path.join('v3', 'd1', 'miniflare-D1DatabaseObject');

export interface Floor {
  base: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Copies the local D1 files (database and write-ahead log) of one persist directory to a new one. */
function copyDatabase(from: string, to: string) {
  const source = path.join(from, D1_DIR);
  const target = path.join(to, D1_DIR);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) {
    // The shared-memory index is rebuilt from the log on open.
    if (file.endsWith('.sqlite') || file.endsWith('.sqlite-wal')) copyFileSync(path.join(source, file), path.join(target, file));
  }
  if (!existsSync(target)) throw new Error('no database copied');
}

export async function startFloor(relaisPersistDir: string): Promise<Floor> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-floor-'));
  copyDatabase(relaisPersistDir, dir);
  const port = await freePort();
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      'dev',
      '--config',
      path.join('bench', 'floor', 'wrangler.toml'),
      '--persist-to',
      dir,
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`floor: wrangler dev exited:\n${output}`);
    try {
      if ((await fetch(`${base}/ranking/0`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`floor: wrangler dev did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
