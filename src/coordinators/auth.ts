/**
 * `Authorization: Bearer <key>`, or a signed-in browser's session cookie → the coordinator
 * and the organisation every query is scoped to. A cookie is sent by the browser on its own,
 * so a state change made with it must also carry the session's CSRF token; a key is not.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Coordinator } from '../env.ts';
import { sameText, sha256Hex } from '../lib/crypto.ts';
import { ACCESS_HEADER, accessConfigured, accessIdentity } from './access.ts';
import { coordinatorOfRow, KEY_COORDINATOR, type KeyRow, unauthorized } from './key-scope.ts';
import { API_KEY_PREFIX } from './keys.ts';
import { CSRF_FIELD, CSRF_HEADER, csrfRefused, currentWebSession } from './web-sessions.ts';

/** The coordinator of a key, by its hash: one indexed read, before the handler on most routes. */
async function coordinatorForKeyHash(db: D1Database, keyHash: string): Promise<Coordinator | null> {
  const row = await db.prepare(KEY_COORDINATOR).bind(keyHash).first<KeyRow>();
  return row ? coordinatorOfRow(row) : null;
}

/**
 * GET routes whose handler checks an API key in its own D1 batch (src/coordinators/key-scope.ts),
 * saving the round trip of the check before it: each must read through organisationScope. An
 * allow-list, so that every other route keeps its coordinator verified before it runs.
 * test/key-in-batch.test.ts holds each entry to a route of the API's contract.
 */
export const KEY_IN_BATCH: readonly RegExp[] = [/^\/api\/surveys\/\d+\/results$/, /^\/api\/sessions\/\d+\/brief$/];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token a cookie-authenticated change sent: the header (scripts) or the form field. */
async function sentCsrfToken(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')) {
    // An unreadable form carries no token: refused as CSRF, not failed as a server error.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const value = body[CSRF_FIELD];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

export const requireCoordinator = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.req.header('authorization')) {
    const session = await currentWebSession(c);
    // Behind Cloudflare Access a cookie counts only with the same person's Access token.
    const accessOk =
      !session ||
      !accessConfigured(c.env) ||
      (await accessIdentity(c.env, c.req.header(ACCESS_HEADER))) === session.coordinator.email.toLowerCase();
    if (session && accessOk) {
      if (!SAFE_METHODS.has(c.req.method) && !sameText(await sentCsrfToken(c), session.csrfToken)) throw csrfRefused();
      c.set('coordinator', session.coordinator);
      c.set('csrfToken', session.csrfToken);
      await next();
      return;
    }
  }
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const key = match?.[1];
  if (!key?.startsWith(API_KEY_PREFIX) || key.length > 100) throw unauthorized();
  const keyHash = await sha256Hex(key);
  // HEAD stays out: it is not a GET for the idempotency middleware, which reads the coordinator.
  if (c.req.method === 'GET' && KEY_IN_BATCH.some((path) => path.test(c.req.path))) {
    c.set('keyHash', keyHash);
    await next();
    // A handler that answered without reading its batch (a refused query, a malformed id) has
    // not checked the key: it is checked now, and a bad key gets its 401 rather than that answer.
    if (!c.get('coordinator') && c.res.status !== 401 && !(await coordinatorForKeyHash(c.env.DB, keyHash))) throw unauthorized();
    return;
  }
  const coordinator = await coordinatorForKeyHash(c.env.DB, keyHash);
  if (!coordinator) throw unauthorized();
  c.set('coordinator', coordinator);
  await next();
});
