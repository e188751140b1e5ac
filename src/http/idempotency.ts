/**
 * `Idempotency-Key` on writes (participant submissions, coordinator POSTs): the first request
 * with a key runs; a replay with the same body gets the first result back (header
 * `Idempotent-Replayed: true`) where that result was kept, or runs again where it was not
 * (such routes are idempotent by themselves); the same key with another body answers 422; a
 * replay that arrives while the first is still running answers 409 with Retry-After.
 *
 * The store is a side channel for anyone with a copy of D1, so it keeps as little as it can
 * (SECURITY.md, Privacy): answers only of the routes in STORED_ANSWERS, request fingerprints
 * keyed by a Worker secret, and for participants an owner no table can join to an invitation.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Env } from '../env.ts';
import { hmacHex, sha256Hex } from '../lib/crypto.ts';
import { readBytes } from './body.ts';
import { Problem } from './problem.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Keys are kept a day: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * Coordinator routes whose first answer is kept for replays: each answers only the
 * coordinator's own settings or counts, never personal data (addresses, names, answers,
 * typed proposals) nor a secret that D1 does not hold anyway. An allow-list, so that a new
 * route's answer is not kept until someone has looked at what it holds. Every other write
 * runs again on a replay and must therefore be idempotent by itself: inviting (same people,
 * fresh links), a calendar feed (a new URL replaces the old), a person's export (a read) and
 * erasure, removing an invitation or a webhook.
 * test/idempotency-privacy.test.ts holds each entry to a route of the API's contract.
 */
export const STORED_ANSWERS: readonly (readonly [method: string, path: RegExp])[] = [
  ['POST', /^\/api\/series$/],
  ['PATCH', /^\/api\/series\/\d+$/],
  ['POST', /^\/api\/series\/\d+\/(themes|sessions|webhooks)$/],
  ['PATCH', /^\/api\/themes\/\d+$/],
  ['POST', /^\/api\/sessions\/\d+\/surveys$/],
  ['POST', /^\/api\/surveys\/\d+\/(open|close)$/],
  ['PUT', /^\/api\/surveys\/\d+\/open-link$/],
  ['POST', /^\/api\/series\/import$/],
  ['PUT', /^\/api\/series\/\d+\/retention$/],
  // The proposal's key and its theme, whose label is in the catalogue anyway; running again
  // would add the theme twice.
  ['POST', /^\/api\/series\/\d+\/proposals$/],
  // Counts of messages only; running again would send the next batch or the message again.
  ['POST', /^\/api\/surveys\/\d+\/invitations\/send$/],
  ['POST', /^\/api\/invitations\/\d+\/resend$/],
];

export const storedAnswer = (c: Context) => STORED_ANSWERS.some(([method, path]) => method === c.req.method && path.test(c.req.path));

/** The Worker secret keying the store's fingerprints; D1 never holds it. */
const storeSecret = (env: Env) => env.SESSION_SECRET || env.RESPONDENT_KEY || null;

/**
 * The owner of a participant's keys, from the hash of their link's token (which D1 holds as
 * invitations.token_hash): an HMAC under a Worker secret, so that no query joins a record to
 * an invitation, while erasing the person can still find their records. Null without a
 * secret; participant keys are then not recorded (a submission is idempotent by itself).
 */
export async function participantScope(env: Env, tokenHash: string): Promise<string | null> {
  const secret = storeSecret(env);
  return secret ? `p:${await hmacHex(secret, `idempotency-scope:${tokenHash}`)}` : null;
}

interface Options {
  /** Who the key belongs to; keys of different scopes never meet. Null: keys are not recorded. */
  scope: (c: Context<AppEnv>) => Promise<string | null> | string | null;
  /** Whether the first answer may be kept for replays; otherwise a replay runs again. */
  storeBody: (c: Context<AppEnv>) => boolean;
  /**
   * Keep only the day of the record (participant submissions): a record's time would
   * otherwise date an anonymous submission to the millisecond. The key then lives until the
   * end of the (UTC) day it was first used, not a full day: a later replay runs again.
   */
  dayOnly?: boolean;
}

export function idempotent({ scope, storeBody, dayOnly = false }: Options): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || c.req.method === 'GET') return next();
    if (!KEY.test(key)) {
      throw new Problem(400, 'invalid-idempotency-key', 'Invalid Idempotency-Key', {
        errors: [{ field: 'idempotency-key', message: 'use 1–255 visible ASCII characters' }],
      });
    }
    const db = c.env.DB;
    const owner = await scope(c);
    if (owner === null) return next();
    const body = new TextDecoder().decode(await readBytes(c));
    // Keyed, so that a copy of D1 cannot test a guess (an address in an export request, a
    // participant's answers) against the fingerprint.
    const request = `${c.req.method} ${new URL(c.req.url).pathname}\n${body}`;
    const secret = storeSecret(c.env);
    const requestHash = secret ? await hmacHex(secret, `idempotency-request:${request}`) : await sha256Hex(request);
    const now = dayOnly ? "strftime('%Y-%m-%dT00:00:00.000Z', 'now')" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    const claimed = await db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ${now})
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = NULL, body = NULL,
           created_at = excluded.created_at
           WHERE idempotency_keys.created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${IDEMPOTENCY_TTL_HOURS} hours')
         RETURNING 1 AS claimed`,
      )
      .bind(owner, key, requestHash)
      .first<{ claimed: number }>();
    if (!claimed) {
      const replayed = await replay(c, owner, key, requestHash);
      if (replayed) return replayed;
      return next();
    }

    try {
      await next();
    } catch (error) {
      await release(db, owner, key);
      throw error;
    }
    const status = c.res.status;
    if (status >= 500 || c.error) {
      // Nothing was done (or it is unknown): let the client retry with the same key.
      await release(db, owner, key);
      return;
    }
    const stored = storeBody(c) && (c.res.headers.get('content-type') ?? '').includes('json') ? await c.res.clone().text() : null;
    await db.prepare('UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?').bind(status, stored, owner, key).run();
  };
}

function release(db: D1Database, scope: string, key: string) {
  return db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL').bind(scope, key).run();
}

async function replay(c: Context<AppEnv>, scope: string, key: string, requestHash: string): Promise<Response | undefined> {
  const row = await c.env.DB.prepare('SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?')
    .bind(scope, key)
    .first<{ request_hash: string; status: number | null; body: string | null }>();
  if (!row)
    throw new Problem(409, 'idempotency-conflict', 'Try again', {
      detail: 'The key was released; send the request again.',
      headers: { 'Retry-After': '1' },
    });
  if (row.request_hash !== requestHash) {
    throw new Problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', {
      detail: 'This key was already used for a different request.',
      errors: [{ field: 'idempotency-key', message: 'already used with another body' }],
    });
  }
  if (row.status === null) {
    throw new Problem(409, 'idempotency-in-progress', 'Request in progress', {
      detail: 'The first request with this key is still running.',
      headers: { 'Retry-After': '1' },
    });
  }
  if (row.body === null) {
    // The first answer was not kept (personal data, secrets, or a participant's answers):
    // the request runs again, which is safe because such routes are idempotent by themselves.
    return undefined;
  }
  return c.body(row.body, row.status as 200, {
    'Content-Type': 'application/json',
    'Idempotent-Replayed': 'true',
    'Cache-Control': 'no-store',
  });
}
