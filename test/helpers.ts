/** Test helpers: a coordinator with a real API key in the test D1, and requests through the app. */
import { env } from 'cloudflare:workers';
import { app } from '../src/app.tsx';
import { newApiKey } from '../src/coordinators/keys.ts';

export { env };

export async function createCoordinator(organisation: string, email = `${organisation.toLowerCase().replace(/\W+/g, '-')}@example.org`) {
  const { key, hash } = await newApiKey();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO organisations (name) VALUES (?) ON CONFLICT (name) DO NOTHING').bind(organisation),
    env.DB.prepare('INSERT INTO coordinators (organisation_id, email) SELECT id, ? FROM organisations WHERE name = ?').bind(
      email,
      organisation,
    ),
    env.DB.prepare('INSERT INTO api_keys (coordinator_id, key_hash) SELECT id, ? FROM coordinators WHERE email = ?').bind(hash, email),
  ]);
  return key;
}

export interface Call {
  method?: string;
  key?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export async function call(path: string, { method = 'GET', key, json, body, headers = {} }: Call = {}): Promise<Response> {
  const h: Record<string, string> = { ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  if (json !== undefined) h['content-type'] ??= 'application/json';
  return app.request(`https://relais.test${path}`, { method, headers: h, body: json !== undefined ? JSON.stringify(json) : body }, env);
}

/** Calls and parses JSON, failing loudly with the body when the status is not the expected one. */
export async function callJson<T = Record<string, unknown>>(path: string, init: Call & { expect?: number } = {}): Promise<T> {
  const res = await call(path, init);
  const text = await res.text();
  const expected = init.expect ?? 200;
  if (res.status !== expected) throw new Error(`${init.method ?? 'GET'} ${path}: expected ${expected}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function tokenOf(url: string): string {
  const token = new URL(url).pathname.split('/')[2];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/**
 * Runs `attempt` until one run falls inside a single window of a fixed-window rate limiter
 * (Workers' rate limits count per wall-clock window of `periodSeconds`): a run that straddles
 * a window's end sees the counter reset midway, which says nothing about the limit. Each
 * attempt gets its number, so it can use fresh keys (addresses) not counted before.
 */
export async function withinOneWindow<T>(periodSeconds: number, attempt: (n: number) => Promise<T>): Promise<T> {
  const windowOf = () => Math.floor(Date.now() / (periodSeconds * 1000));
  for (let n = 0; n < 5; n++) {
    const start = windowOf();
    const result = await attempt(n);
    if (windowOf() === start) return result;
  }
  throw new Error('no attempt fitted in one rate-limit window');
}
