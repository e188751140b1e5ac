/**
 * `Authorization: Bearer <key>`, or a signed-in browser's session cookie → the coordinator
 * and the organisation every query is scoped to. A cookie is sent by the browser on its own,
 * so a state change made with it must also carry the session's CSRF token; a key is not.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Coordinator } from '../env.ts';
import { Problem } from '../http/problem.ts';
import { sameText, sha256Hex } from '../lib/crypto.ts';
import { ACCESS_HEADER, accessConfigured, accessIdentity } from './access.ts';
import { API_KEY_PREFIX } from './keys.ts';
import { CSRF_FIELD, CSRF_HEADER, csrfRefused, currentWebSession } from './web-sessions.ts';

const unauthorized = () =>
  new Problem(401, 'unauthorized', 'Unauthorized', {
    detail: 'Send a coordinator API key as "Authorization: Bearer <key>", or sign in at /app/sign-in.',
    errors: [{ field: 'authorization', message: 'missing, malformed or unknown key' }],
    headers: { 'WWW-Authenticate': 'Bearer realm="relais"' },
  });

export async function coordinatorForKey(db: D1Database, key: string): Promise<Coordinator | null> {
  const row = await db
    .prepare(
      `SELECT c.id, c.organisation_id, c.email
         FROM api_keys k JOIN coordinators c ON c.id = k.coordinator_id
        WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    )
    .bind(await sha256Hex(key))
    .first<{ id: number; organisation_id: number; email: string }>();
  return row ? { id: row.id, organisationId: row.organisation_id, email: row.email } : null;
}

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
  const coordinator = await coordinatorForKey(c.env.DB, key);
  if (!coordinator) throw unauthorized();
  c.set('coordinator', coordinator);
  await next();
});
