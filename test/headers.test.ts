/**
 * Transport and cache headers on every route (issue 19, item 6), read from the router itself so
 * a new route is covered: HSTS on every answer but on localhost; `Cache-Control: no-store` on
 * every coordinator answer (API key or cookie, workspace pages) and participant answer
 * (/s/, /api/s/, /o/), errors included. The probe found no HSTS, and coordinator JSON
 * (invitations, outbox, participants, series) without no-store, also with a cookie.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { callJson, createCoordinator, env } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

const HSTS = 'max-age=63072000; includeSubDomains';
/** The home page, the health check and the calendar feed may be cached; everything else a person sees may not. */
const CACHEABLE = new Set(['GET /', 'GET /api/health']);
const personal = (method: string, path: string) => !CACHEABLE.has(`${method} ${path}`) && !path.startsWith('/calendar/');

function routes() {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

let key: string;
let browser: Browser;
const ids: Record<string, number> = {};

/** Real ids where the router has a parameter, so answers are the real ones (200s), not only 404s. */
function fill(path: string): string {
  return path
    .replace(/:file\{[^}]*\}/, 'unknownfeedtoken0123456789abcdef.ics')
    .replace(/\/([a-z-]+)\/:(\w+)/g, (_, segment: string, name: string) =>
      name === 'token' || name === 'slug' ? `/${segment}/unknownlinktoken0123456789ab` : `/${segment}/${ids[segment] ?? 1}`,
    );
}

beforeAll(async () => {
  key = await createCoordinator('Bassin En-têtes');
  const pw = await workspaceCoordinator('Bassin En-têtes pages');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'En-têtes' }, expect: 201 });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2026-02-01T13:00:00Z' },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'pre' },
    expect: 201,
  });
  const theme = await callJson<{ id: number }>(`/api/series/${series.id}/themes`, {
    method: 'POST',
    key,
    json: { label: { fr: 'T' } },
    expect: 201,
  });
  const { invitations } = await callJson<{ invitations: { id: number }[] }>(`/api/surveys/${survey.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'entetes@example.org' }] },
    expect: 201,
  });
  Object.assign(ids, {
    series: series.id,
    sessions: session.id,
    surveys: survey.id,
    themes: theme.id,
    invitations: invitations[0]?.id ?? 1,
    webhooks: 1,
    outbox: 1,
  });
  browser = new Browser();
  await browser.signIn(pw.email);
});

async function request(method: string, path: string, how: 'none' | 'key' | 'cookie', host = 'relais.test'): Promise<Response> {
  const init: RequestInit = { method, redirect: 'manual' };
  const headers: Record<string, string> = {};
  if (!['GET', 'HEAD'].includes(method)) {
    headers['content-type'] = 'application/json';
    init.body = '{}';
  }
  if (how === 'key') headers.authorization = `Bearer ${key}`;
  if (how === 'cookie') return browser.request(path, { ...init, headers });
  return app.request(`https://${host}${path}`, { ...init, headers }, env);
}

describe('headers on every route', () => {
  it('HSTS everywhere, no-store on every coordinator and participant answer (errors too), with a key, a cookie or nothing', async () => {
    const missing: string[] = [];
    for (const route of routes()) {
      const path = fill(route.path);
      const ways: ('none' | 'key' | 'cookie')[] = ['none'];
      if (path.startsWith('/api/')) ways.push('key', 'cookie');
      if (path.startsWith('/app/')) ways.push('cookie');
      for (const how of ways) {
        const res = await request(route.method, path, how);
        await res.body?.cancel();
        const label = `${route.method} ${route.path} (${how}) → ${res.status}`;
        if (res.headers.get('strict-transport-security') !== HSTS) missing.push(`${label}: HSTS`);
        if (personal(route.method, route.path) && res.headers.get('cache-control') !== 'no-store') {
          missing.push(`${label}: Cache-Control ${res.headers.get('cache-control')}`);
        }
      }
    }
    expect(missing).toEqual([]);
  }, 120_000);

  it('an unknown path answers with both too', async () => {
    for (const path of ['/api/nope', '/app/nope', '/s/x/y/z', '/o/x/y']) {
      const res = await request('GET', path, 'none');
      expect(res.headers.get('strict-transport-security'), path).toBe(HSTS);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('sends no HSTS to localhost or 127.0.0.1 (a developer on plain http)', async () => {
    for (const host of ['localhost:8787', '127.0.0.1:8787']) {
      for (const path of ['/', '/api/series', '/app/sign-in']) {
        const res = await request('GET', path, 'none', host);
        expect(res.headers.get('strict-transport-security'), `${host}${path}`).toBeNull();
      }
    }
  });
});
