/**
 * The Relais the browser tests run against: the real Worker served by `wrangler dev` on a
 * fresh local D1 (migrations applied), never the developer's own demo database.
 *
 * `npm run test:e2e` starts ONE such server for every file (test/e2e/global-setup.ts): starting
 * `wrangler dev` and migrating a database costs more than most files' tests. Files stay apart by
 * their data, not by their database: the server's D1 holds one copy of the demo per file, each
 * with its own organisation, coordinator, API key and ids (scripts/demo-data.ts, demoCopy), and
 * each file claims one copy for itself. Everything a test reads or changes is its copy's (the
 * API and the workspace only show a coordinator their own organisation), and each file is its
 * own client address for the per-address rate limits (see `clientAddress`).
 *
 * A file run on its own (`node --test test/e2e/x.e2e.ts`) starts a server of its own, the same
 * way, and stops it when done.
 */
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Demo, demoCopy, demoSeed } from '../../scripts/demo-data.ts';
import { localSecrets } from '../../scripts/local-secrets.ts';
import { startWranglerDev } from '../../scripts/local-server.ts';
import { signInLinkUrl } from '../../scripts/sign-in-link.ts';
import { applyMigrations, executeSql, literal } from '../../scripts/wrangler.ts';
import { newApiKey } from '../../src/coordinators/keys.ts';
import { ACCOUNT_WINDOW_MINUTES, LINK_TOKEN_BYTES } from '../../src/domain/sign-in-links.ts';
import { randomSecret, sha256Hex } from '../../src/lib/crypto.ts';

/** Where the global setup tells the test files (its child processes) about the shared server. */
export const STATE_ENV = 'RELAIS_E2E_STATE';

/** Sign-in links made for each copy's coordinator at seeding (a file uses a handful). */
const LINKS_PER_COPY = 20;

interface CopyState {
  copy: number;
  coordinatorKey: string;
  participantToken: string;
  links: string[];
}

interface ServerState {
  base: string;
  dir: string;
  copies: CopyState[];
}

export interface E2EServer {
  base: string;
  /** The copy of the demo this file owns: its coordinator, series, sessions, surveys, themes. */
  demo: Demo;
  /** The API key of `demo`'s coordinator. */
  coordinatorKey: string;
  /** The personal link token of the demo participant of `demo` (its open pre-survey of #3). */
  participantToken: string;
  /**
   * This file's client address. Locally the Worker sees every request come from 127.0.0.1, so
   * the per-address rate limits (sign-in, open link: wrangler.toml [[ratelimits]]) would add up
   * every file's requests; browsers launched for this server (browser.ts) send this address as
   * CF-Connecting-IP, which wrangler dev passes on as the platform would, so each file has the
   * budget it had with a server of its own.
   */
  clientAddress: string;
  /** A one-time workspace sign-in link for `email` (the copy's coordinator), as `npm run coordinator -- sign-in-link` makes it. */
  signInLink(email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev` on a fresh D1 holding `copies` copies of the demo (numbered from 1) and
 * returns its state; the caller stops it with the returned function.
 */
export async function startSharedServer(copies: number): Promise<{ state: ServerState; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-e2e-'));
  // wrangler's d1 commands (scripts/wrangler.ts) go to this database, in this process and in
  // the test files it starts.
  process.env.RELAIS_PERSIST_TO = dir;
  applyMigrations(false);
  // Writes .dev.vars (RESPONDENT_KEY, SESSION_SECRET) if the checkout has none yet.
  await localSecrets();
  const sql: string[] = [];
  const states: CopyState[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const demo = demoCopy(copy);
    const key = await newApiKey();
    const participantToken = randomSecret(24);
    sql.push(...(await demoSeed({ coordinatorKeyHash: key.hash, participantTokenHash: await sha256Hex(participantToken) }, demo)));
    // The links `npm run coordinator -- sign-in-link` would store, made now rather than one
    // wrangler process each while the server runs. They are valid for a day instead of
    // LINK_LIFETIME_MINUTES, so that no test depends on how fast the machine is, and dated
    // before the per-account window, so that they do not use the share of links a coordinator
    // may ask for (workspace.e2e.ts asks through the sign-in form).
    const links: string[] = [];
    for (let i = 0; i < LINKS_PER_COPY; i++) {
      const token = randomSecret(LINK_TOKEN_BYTES);
      links.push(token);
      sql.push(
        `INSERT INTO sign_in_links (token_hash, coordinator_id, created_at, expires_at, delivery)
         SELECT ${literal(await sha256Hex(token))}, id,
                strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${ACCOUNT_WINDOW_MINUTES + 1} minutes'),
                strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day'), 'printed'
           FROM coordinators WHERE email = ${literal(demo.coordinatorEmail)}`,
      );
    }
    states.push({ copy, coordinatorKey: key.key, participantToken, links });
  }
  executeSql(sql, false);
  // Links leave Relais with PUBLIC_URL only (GET /api/health, the readiness check, says 503 without it).
  const server = await startWranglerDev((base) => ['--var', `PUBLIC_URL:${base}`], dir, '/api/health');
  return { state: { base: server.base, dir, copies: states }, stop: server.stop };
}

/** Writes the state where test files find it (beside the database, which is removed on stop). */
export function publishState(state: ServerState): string {
  const file = path.join(state.dir, 'e2e-state.json');
  writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  return file;
}

/** Claims a copy no other file has claimed: creating its marker file fails if it exists. */
function claim(state: ServerState): CopyState {
  for (const copy of state.copies) {
    try {
      openSync(path.join(state.dir, `claimed-${copy.copy}`), 'wx');
      return copy;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`every one of the ${state.copies.length} demo copies is claimed: one per test file (test/e2e/global-setup.ts)`);
}

function forFile(state: ServerState, copy: CopyState, stop: () => Promise<void>): E2EServer {
  const demo = demoCopy(copy.copy);
  const links = [...copy.links];
  return {
    base: state.base,
    demo,
    coordinatorKey: copy.coordinatorKey,
    participantToken: copy.participantToken,
    clientAddress: `192.0.2.${copy.copy}`,
    async signInLink(email: string) {
      if (email !== demo.coordinatorEmail) throw new Error(`sign-in links are made for ${demo.coordinatorEmail} only, not ${email}`);
      const token = links.shift();
      if (!token) throw new Error(`the ${LINKS_PER_COPY} sign-in links of this file are used up (LINKS_PER_COPY, test/e2e/server.ts)`);
      return signInLinkUrl(state.base, token);
    },
    stop,
  };
}

/** The server for this test file: the shared one under `npm run test:e2e`, else one of its own. */
export async function useServer(): Promise<E2EServer> {
  const file = process.env[STATE_ENV];
  if (file) {
    const state = JSON.parse(readFileSync(file, 'utf8')) as ServerState;
    // The global setup stops the shared server once every file is done.
    return forFile(state, claim(state), async () => {});
  }
  const { state, stop } = await startSharedServer(1);
  return forFile(state, claim(state), stop);
}
