/** `Authorization: Bearer <key>` → the coordinator and the organisation every query is scoped to. */
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Coordinator } from '../env.ts';
import { Problem } from '../http/problem.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { API_KEY_PREFIX } from './keys.ts';

const unauthorized = () =>
  new Problem(401, 'unauthorized', 'Unauthorized', {
    detail: 'Send a coordinator API key as "Authorization: Bearer <key>".',
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

export const requireCoordinator = createMiddleware<AppEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const key = match?.[1];
  if (!key?.startsWith(API_KEY_PREFIX) || key.length > 100) throw unauthorized();
  const coordinator = await coordinatorForKey(c.env.DB, key);
  if (!coordinator) throw unauthorized();
  c.set('coordinator', coordinator);
  await next();
});
