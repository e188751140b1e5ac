/**
 * A one-time workspace sign-in link made outside the Worker, for when no e-mail reaches the
 * coordinator: locally (no e-mail binding), for the first coordinator of a deployment, or by
 * an operator. Like the links the sign-in page mails: only its SHA-256 is stored, it expires
 * after LINK_LIFETIME_MINUTES and works once. It skips the per-account throttle (whoever
 * runs this already holds the database).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LINK_LIFETIME_MINUTES, LINK_TOKEN_BYTES, minutes } from '../src/domain/sign-in-links.ts';
import { randomSecret, sha256Hex } from '../src/lib/crypto.ts';
import { executeSql, literal, ROOT } from './wrangler.ts';

/** The statements that store a new link for `email` (nothing if no such coordinator), and its token. */
export async function signInLinkStatements(email: string): Promise<{ token: string; statements: string[] }> {
  const token = randomSecret(LINK_TOKEN_BYTES);
  const hash = await sha256Hex(token);
  return {
    token,
    statements: [
      `INSERT INTO sign_in_links (token_hash, coordinator_id, expires_at, delivery)
       SELECT ${literal(hash)}, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${literal(minutes(LINK_LIFETIME_MINUTES))}), 'printed'
         FROM coordinators WHERE email = ${literal(email)}`,
      `SELECT count(*) AS n FROM sign_in_links WHERE token_hash = ${literal(hash)}`,
    ],
  };
}

export const signInLinkUrl = (base: string, token: string) => `${base.replace(/\/+$/, '')}/app/sign-in/${token}`;

/** PUBLIC_URL of wrangler.toml's [vars], where links of the deployment point. */
export function configuredPublicUrl(): string {
  const toml = readFileSync(path.join(ROOT, 'wrangler.toml'), 'utf8');
  return /^\s*PUBLIC_URL\s*=\s*"([^"]*)"/m.exec(toml)?.[1] ?? '';
}

type Rows = { results: Record<string, unknown>[] }[];

/** Stores a link in the local D1 (or the deployed one) and returns its URL; null if no such coordinator. */
export async function issueSignInLink(email: string, base: string, remote = false): Promise<string | null> {
  const { token, statements } = await signInLinkStatements(email);
  const result = executeSql(statements, remote) as Rows;
  return result.at(-1)?.results[0]?.n === 1 ? signInLinkUrl(base, token) : null;
}
