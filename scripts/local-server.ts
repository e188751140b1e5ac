/**
 * A throwaway Relais for end-to-end tests and benchmarks: a fresh local D1 in a temporary
 * directory, migrations and demo data applied, and the real Worker served by `wrangler dev`
 * on workerd. Nothing of the developer's own demo database is touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedLocal } from './seed.ts';
import { issueSignInLink } from './sign-in-link.ts';
import { ROOT, WRANGLER } from './wrangler.ts';

export interface LocalServer {
  base: string;
  coordinatorKey: string;
  participantToken: string;
  /** A fresh one-time sign-in link (as `npm run coordinator -- sign-in-link` prints it), in this server's D1. */
  signInLink(email: string): Promise<string>;
  /** The end of what wrangler printed (DevServer.output). */
  output(lines?: number): string;
  stop(options?: StopOptions): Promise<void>;
}

/** `keep`: leave the database (--persist-to) in place, closed by workerd, e.g. for a consistent copy; a later stop() removes it. */
export interface StopOptions {
  keep?: boolean;
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

/** A running `wrangler dev`: its base URL and how to stop it (and remove its database). */
export interface DevServer {
  base: string;
  /** The end of what wrangler and workerd printed (warnings and errors only, --log-level warn): why a request failed. */
  output(lines?: number): string;
  stop(options?: StopOptions): Promise<void>;
}

/**
 * Starts `wrangler dev` with `args` on a free loopback port and waits until `readyPath`
 * answers; `dir` (its --persist-to) is removed on stop.
 */
export async function startWranglerDev(args: string[] | ((base: string) => string[]), dir: string, readyPath: string): Promise<DevServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    WRANGLER,
    [
      'dev',
      ...(typeof args === 'function' ? args(base) : args),
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
    output = (output + d.toString()).slice(-65_536);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-65_536);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`wrangler dev did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    output: (lines = 40) => output.split('\n').slice(-lines).join('\n'),
    async stop({ keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startLocalServer(options: { vars?: Record<string, string> } = {}): Promise<LocalServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-'));
  process.env.RELAIS_PERSIST_TO = dir;
  const secrets = await seedLocal();
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  // Links leave Relais with PUBLIC_URL only (GET /api/health, the readiness check, says 503 without it).
  const withUrl = (base: string) => (options.vars?.PUBLIC_URL ? vars : [...vars, '--var', `PUBLIC_URL:${base}`]);
  const server = await startWranglerDev(withUrl, dir, '/api/health');
  return {
    ...server,
    coordinatorKey: secrets.coordinatorKey,
    participantToken: secrets.participantToken,
    async signInLink(email: string) {
      // RELAIS_PERSIST_TO (set above) points wrangler's d1 execute at this server's database.
      const link = await issueSignInLink(email, server.base);
      if (!link) throw new Error(`no coordinator ${email} in the local D1`);
      return link;
    },
  };
}
