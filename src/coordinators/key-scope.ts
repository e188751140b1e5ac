/**
 * An API key checked in the same D1 batch as the data it reads, instead of a round trip of its
 * own before the handler (issue #15: results and the brief within 2× the tally's latency).
 *
 * Only the GET routes listed in KEY_IN_BATCH opt in (src/coordinators/auth.ts): for them the
 * middleware hashes a well-formed key and leaves `keyHash` instead of `coordinator`. Their
 * handler's batch then starts with KEY_COORDINATOR, and its statement of the survey or session
 * is scoped to the organisation of the key in SQL (keyOrganisation): an unknown or revoked key
 * gives no coordinator and no row, whatever JavaScript does next. The handler reads the key's
 * row first and answers 401 without reading anything else; every other figure of the batch is
 * returned only when the scoped context row exists (404 otherwise), as for any caller. The
 * batch's other statements read no row at all for an unknown key (OrganisationScope.prepare),
 * so that a made-up key costs D1 what the check before the handler cost, not a survey's counters.
 * Nothing is cached: each request checks the key in D1, so a revocation counts at once.
 */
import type { Context } from 'hono';
import type { AppEnv, Coordinator } from '../env.ts';
import { Problem } from '../http/problem.ts';

export const unauthorized = () =>
  new Problem(401, 'unauthorized', 'Unauthorized', {
    detail: 'Send a coordinator API key as "Authorization: Bearer <key>", or sign in at /app/sign-in.',
    errors: [{ field: 'authorization', message: 'missing, malformed or unknown key' }],
    headers: { 'WWW-Authenticate': 'Bearer realm="relais"' },
  });

/** The coordinator of key ?1 (its SHA-256 hex), none when the key is unknown or revoked. */
export const KEY_COORDINATOR = `
  SELECT c.id, c.organisation_id, c.email
    FROM api_keys k JOIN coordinators c ON c.id = k.coordinator_id
   WHERE k.key_hash = ?1 AND k.revoked_at IS NULL`;

/** The organisation of the key whose hash is parameter ?n, as a scalar subquery: NULL (no row matches) when unknown or revoked. */
export const keyOrganisation = (n: number) => `(
    SELECT c.organisation_id FROM api_keys k JOIN coordinators c ON c.id = k.coordinator_id
     WHERE k.key_hash = ?${n} AND k.revoked_at IS NULL)`;

export interface KeyRow {
  id: number;
  organisation_id: number;
  email: string;
}

export const coordinatorOfRow = (r: KeyRow): Coordinator => ({ id: r.id, organisationId: r.organisation_id, email: r.email });

/**
 * The organisation a route's batch reads for. A statement scoped to it writes `sql(n)` where it
 * compares an organisation id, and binds `param` as its parameter ?n.
 */
export interface OrganisationScope {
  /** The caller's organisation id in SQL, its parameter being ?n. */
  sql(n: number): string;
  /** That parameter: the verified coordinator's organisation id, or the pending key's hash. */
  param: number | string;
  /** The statements that go first in the batch: the key's check, or none for a verified coordinator. */
  statements(db: D1Database): D1PreparedStatement[];
  /**
   * Any other statement of that batch, `sql` bound to `params` (?1 … ?n, ?1 the id it reads
   * by). With a pending key it reads no row unless the key is valid, so a request with an unknown key costs D1 a few
   * indexed rows, not the survey's counters (rows read are billed, and a key costs nothing to
   * make up). Its rows, and their order, are the statement's own.
   */
  prepare(db: D1Database, sql: string, ...params: unknown[]): D1PreparedStatement;
  /**
   * The batch's results after those statements, once the key's row is read: 401 when the key is
   * unknown or revoked (nothing else of the batch is looked at), else the coordinator is set on
   * the request as the middleware would have set it.
   */
  verified<T>(results: T[]): T[];
}

/** The scope of a coordinator verified before the handler (a cookie, Access, or a key on a route outside KEY_IN_BATCH). */
export function coordinatorScope(coordinator: Coordinator): OrganisationScope {
  return {
    sql: (n) => `?${n}`,
    param: coordinator.organisationId,
    statements: () => [],
    prepare: (db, sql, ...params) => db.prepare(sql).bind(...params),
    verified: (results) => results,
  };
}

/** The scope of a pending key, by its hash; `verifiedAs` learns its coordinator once its row is read. */
export function keyScope(keyHash: string, verifiedAs: (coordinator: Coordinator) => void = () => {}): OrganisationScope {
  return {
    sql: keyOrganisation,
    param: keyHash,
    statements: (db) => [db.prepare(KEY_COORDINATOR).bind(keyHash)],
    prepare(db, sql, ...params) {
      // The key's hash is the next parameter: a bare `?` in `sql` would be numbered after it.
      if (/\?(?!\d)/.test(sql)) throw new Error('number the parameters of a statement read with a pending key (?1 … ?n)');
      // ?1, the id the statement reads by, is NULL unless the key is valid (one indexed read,
      // once per statement): the statement keeps its plan and its order, and finds no row for
      // an unknown key. A condition in its WHERE would be tested row by row, every row read.
      const id = `(SELECT ?1 WHERE ${keyOrganisation(params.length + 1)} IS NOT NULL)`;
      return db.prepare(sql.replace(/\?1(?!\d)/g, id)).bind(...params, keyHash);
    },
    verified<T>(results: T[]): T[] {
      const row = (results[0] as D1Result<KeyRow> | undefined)?.results?.[0];
      if (!row) throw unauthorized();
      verifiedAs(coordinatorOfRow(row));
      return results.slice(1);
    },
  };
}

/**
 * The scope of a route in KEY_IN_BATCH: its coordinator when the middleware verified one (a
 * cookie, Access, or a key on a HEAD request), else its pending key, the coordinator set on the
 * request once the key's row is read. The one helper both results and the brief use, so both
 * check the key the same way.
 */
export function organisationScope(c: Context<AppEnv>): OrganisationScope {
  const coordinator = c.get('coordinator') as Coordinator | undefined;
  if (coordinator) return coordinatorScope(coordinator);
  const keyHash = c.get('keyHash');
  // A route outside KEY_IN_BATCH never gets here without a coordinator; fail closed if one does.
  if (!keyHash) throw unauthorized();
  return keyScope(keyHash, (verified) => c.set('coordinator', verified));
}
