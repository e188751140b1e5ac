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

/**
 * The bench's API caller (bench/seed.ts: `api`) inside the tests, with `key`: a GET without a
 * body, a POST with one, 201 expected except for opening a survey.
 */
export const benchApi =
  (key: () => string) =>
  <T>(path: string, body?: unknown) =>
    callJson<T>(path, {
      method: body === undefined ? 'GET' : 'POST',
      key: key(),
      ...(body === undefined ? {} : { json: body }),
      expect: body === undefined || path.endsWith('/open') ? 200 : 201,
    });

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

export interface SurveyFor {
  /** The new series' title. */
  title: string;
  kind?: 'pre' | 'post';
  /** Sent only when given: the API's default otherwise. */
  anonymous?: boolean;
  /** Sent only when given: the API's default otherwise. */
  minGroupSize?: number;
  /** The session's start; far ahead by default, so no reminder or closing falls due. */
  startsAt?: string;
  closesAt?: string;
  /** Themes of the series (French labels), added before the survey so its theme question offers them. */
  themes?: string[];
  /** Opens the survey (the default); `false` leaves it a draft. */
  open?: boolean;
}

/** A new series with one session and its survey, made through the JSON API as a coordinator would. */
export async function openSurveyFor(key: string, survey: SurveyFor) {
  const { title, kind = 'post', anonymous, minGroupSize, startsAt = '2099-01-01T12:00:00Z', closesAt, themes = [], open = true } = survey;
  const series = await callJson<{ id: number }>('/api/series', {
    method: 'POST',
    key,
    json: { title, ...(minGroupSize === undefined ? {} : { min_group_size: minGroupSize }) },
    expect: 201,
  });
  const themeIds: number[] = [];
  for (const label of themes) {
    const theme = await callJson<{ id: number }>(`/api/series/${series.id}/themes`, {
      method: 'POST',
      key,
      json: { label: { fr: label } },
      expect: 201,
    });
    themeIds.push(theme.id);
  }
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: startsAt },
    expect: 201,
  });
  const created = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind, ...(anonymous === undefined ? {} : { anonymous }), ...(closesAt === undefined ? {} : { closes_at: closesAt }) },
    expect: 201,
  });
  if (open) await callJson(`/api/surveys/${created.id}/open`, { method: 'POST', key });
  return { seriesId: series.id, sessionId: session.id, surveyId: created.id, themeIds };
}

export interface Participant {
  email: string;
  name?: string;
  language?: string;
}

/** Invites through `POST /api/surveys/:id/invitations`; each invitation with the token of the link the API answered. */
export async function inviteThroughApi(key: string, surveyId: number, participants: Participant[]) {
  const { invitations } = await callJson<{ invitations: { id: number; email: string; url: string }[] }>(
    `/api/surveys/${surveyId}/invitations`,
    { method: 'POST', key, json: { participants }, expect: 201 },
  );
  return invitations.map((i) => ({ ...i, token: tokenOf(i.url) }));
}
