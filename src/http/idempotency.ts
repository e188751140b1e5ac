/**
 * `Idempotency-Key` on writes (participant submissions, coordinator POSTs): the first request
 * with a key runs; a replay with the same body gets the first result back (header
 * `Idempotent-Replayed: true`); the same key with another body answers 422; a replay that
 * arrives while the first is still running answers 409 with Retry-After.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { readBytes } from './body.ts';
import { Problem } from './problem.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Keys are kept a day: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_HOURS = 24;

interface Options {
  /** Who the key belongs to; keys of different scopes never meet. */
  scope: (c: Context<AppEnv>) => Promise<string> | string;
  /** False for responses that carry secrets (personal links): a replay then runs again. */
  storeBody?: (c: Context<AppEnv>) => boolean;
}

export function idempotent({ scope, storeBody = () => true }: Options): MiddlewareHandler<AppEnv> {
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
    const body = new TextDecoder().decode(await readBytes(c));
    const requestHash = await sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${body}`);
    const claimed = await db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (?, ?, ?)
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = NULL, body = NULL,
           created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
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
    // The first response held secrets that are never stored: the request runs again, which
    // is safe because such routes are idempotent by themselves.
    return undefined;
  }
  return c.body(row.body, row.status as 200, {
    'Content-Type': 'application/json',
    'Idempotent-Replayed': 'true',
    'Cache-Control': 'no-store',
  });
}
