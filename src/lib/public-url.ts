/**
 * Where every link that leaves Relais points (e-mails, the links CSV, invitation answers,
 * calendar feeds, open links): the configured PUBLIC_URL, never the request's Host header,
 * which a client can forge to put another domain into a participant's e-mail.
 */
import type { Env } from '../env.ts';
import { Problem } from '../http/problem.ts';

/** Why PUBLIC_URL cannot be used, or null when it can (also read by GET /api/health). */
export function publicUrlIssue(env: Pick<Env, 'PUBLIC_URL'>): string | null {
  const value = env.PUBLIC_URL?.trim();
  if (!value) return 'PUBLIC_URL is not set: links cannot leave Relais (set it in wrangler.toml [vars]).';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'PUBLIC_URL is not a URL (expected e.g. https://relais.example.org).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'PUBLIC_URL must be an http(s) URL.';
  return null;
}

export const PUBLIC_URL_MISSING = 'public-url-missing';

/** The origin of links, without a trailing slash; refuses loudly (503) when not configured. */
export function publicUrl(env: Pick<Env, 'PUBLIC_URL'>): string {
  const issue = publicUrlIssue(env);
  if (issue) throw new Problem(503, PUBLIC_URL_MISSING, 'Public URL not configured', { detail: `${issue} Nothing was sent.` });
  return (env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
}
