/** The JSON API and the pages under the same rules: organisation scoping, and CSRF for cookies. */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, env } from '../helpers.ts';
import { Browser, workspaceCoordinator } from './browser.ts';

let ours: { key: string; email: string };
let theirs: { key: string; email: string };
let theirSeries: number;
let theirSession: number;
let theirSurvey: number;
let theirTheme: number;
let theirInvitation: number;

beforeAll(async () => {
  ours = await workspaceCoordinator('Scoping Ours');
  theirs = await workspaceCoordinator('Scoping Theirs');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key: theirs.key, json: { title: 'Theirs' }, expect: 201 });
  theirSeries = series.id;
  theirTheme = (
    await callJson<{ id: number }>(`/api/series/${theirSeries}/themes`, {
      method: 'POST',
      key: theirs.key,
      json: { label: { fr: 'T' } },
      expect: 201,
    })
  ).id;
  theirSession = (
    await callJson<{ id: number }>(`/api/series/${theirSeries}/sessions`, {
      method: 'POST',
      key: theirs.key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
      expect: 201,
    })
  ).id;
  theirSurvey = (
    await callJson<{ id: number }>(`/api/sessions/${theirSession}/surveys`, {
      method: 'POST',
      key: theirs.key,
      json: { kind: 'pre' },
      expect: 201,
    })
  ).id;
  await callJson(`/api/surveys/${theirSurvey}/open`, { method: 'POST', key: theirs.key });
  const invited = await callJson<{ invitations: { id: number }[] }>(`/api/surveys/${theirSurvey}/invitations`, {
    method: 'POST',
    key: theirs.key,
    json: { participants: [{ email: 'their.person@example.org' }] },
    expect: 201,
  });
  theirInvitation = invited.invitations[0]?.id ?? 0;
});

describe('organisation scoping', () => {
  it('answers 404 for every page of another organisation', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    for (const path of [`/app/series/${theirSeries}`, `/app/sessions/${theirSession}`, `/app/surveys/${theirSurvey}/participants`]) {
      const page = await browser.get(path);
      expect(page.res.status, path).toBe(404);
      expect(page.html).not.toContain('Theirs');
    }
    const list = await browser.get('/app/series');
    expect(list.html).not.toContain('Theirs');
  });

  it('changes nothing of another organisation through a form', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    const posts: [string, Record<string, string>][] = [
      [`/app/surveys/${theirSurvey}/close`, {}],
      [`/app/invitations/${theirInvitation}/remove`, { confirm: 'yes' }],
      [`/app/invitations/${theirInvitation}/resend`, {}],
      [`/app/themes/${theirTheme}/archive`, {}],
      [`/app/themes/${theirTheme}/rename`, { [`label_fr-${theirTheme}`]: 'Pwned' }],
      [`/app/series/${theirSeries}/sessions`, { number: '2', date: '2099-02-01', start: '12:00' }],
      [`/app/surveys/${theirSurvey}/links.csv`, {}],
    ];
    for (const [path, fields] of posts) expect((await browser.post(path, fields)).status, path).toBe(404);
    const state = await env.DB.batch([
      env.DB.prepare('SELECT status FROM surveys WHERE id = ?').bind(theirSurvey),
      env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE id = ?').bind(theirInvitation),
      env.DB.prepare('SELECT status, label_fr FROM themes WHERE id = ?').bind(theirTheme),
      env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE series_id = ?').bind(theirSeries),
    ]);
    expect(state.map((r) => r.results[0])).toEqual([{ status: 'open' }, { n: 1 }, { status: 'active', label_fr: 'T' }, { n: 1 }]);
  });

  it('erases and exports only within the own organisation', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    await browser.get('/app/privacy');
    const exported = await browser.post('/app/privacy/export', { email: 'their.person@example.org' });
    const data = (await exported.json()) as { invitations: unknown[] };
    expect(data.invitations).toEqual([]);
    await browser.post('/app/privacy/erase', { 'erase-email': 'their.person@example.org' });
    const left = await env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE id = ?').bind(theirInvitation).first<{ n: number }>();
    expect(left?.n).toBe(1);
  });

  it('scopes the JSON API the same way with a session cookie', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    expect((await browser.request(`/api/series/${theirSeries}`)).status).toBe(404);
    expect((await browser.request(`/api/surveys/${theirSurvey}`)).status).toBe(404);
  });
});

describe('the JSON API with a session cookie', () => {
  it('reads with the cookie alone', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    const res = await browser.request('/api/series');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ series: expect.any(Array) });
  });

  it('refuses a cookie-authenticated change without the CSRF token, and accepts it with the token', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    const body = JSON.stringify({ title: 'From the browser' });
    const refused = await browser.request('/api/series', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const wrong = await browser.request('/api/series', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);
    const accepted = await browser.request('/api/series', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-csrf-token': browser.csrf },
    });
    expect(accepted.status).toBe(201);
  });

  it('opens the results and brief pages of its own organisation, not of another', async () => {
    const browser = new Browser();
    await browser.signIn(theirs.email);
    const results = await browser.request(`/api/surveys/${theirSurvey}/results?format=html`);
    expect(results.status).toBe(200);
    expect(results.headers.get('content-type')).toContain('text/html');
    expect((await browser.request(`/api/sessions/${theirSession}/brief?format=html`)).status).toBe(200);
    const other = new Browser();
    await other.signIn(ours.email);
    expect((await other.request(`/api/surveys/${theirSurvey}/results?format=html`)).status).toBe(404);
    expect((await other.request(`/api/sessions/${theirSession}/brief?format=html`)).status).toBe(404);
  });

  it('needs no CSRF token with a Bearer key', async () => {
    const res = await call('/api/series', { method: 'POST', key: ours.key, json: { title: 'From a script' } });
    expect(res.status).toBe(201);
  });

  it('still refuses requests with neither key nor cookie', async () => {
    expect((await call('/api/series')).status).toBe(401);
  });
});

describe('CSRF on workspace forms', () => {
  it('refuses every form post without the token, and changes nothing', async () => {
    const browser = new Browser();
    await browser.signIn(ours.email);
    const before = await env.DB.prepare('SELECT count(*) AS n FROM series').first<{ n: number }>();
    const refused = await browser.post('/app/series', { title: 'Forged', language: 'fr' }, { csrf: false });
    expect(refused.status).toBe(403);
    const forged = await browser.post('/app/series', { title: 'Forged', language: 'fr', _csrf: 'x'.repeat(43) }, { csrf: false });
    expect(forged.status).toBe(403);
    const after = await env.DB.prepare('SELECT count(*) AS n FROM series').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
    // Sign-out too: a forged form cannot end the session.
    expect((await browser.post('/app/sign-out', {}, { csrf: false })).status).toBe(403);
    expect((await browser.get('/app/series')).res.status).toBe(200);
  });

  it('does not accept another session’s token', async () => {
    const a = new Browser();
    const b = new Browser();
    await a.signIn(ours.email);
    await b.signIn(ours.email);
    expect(a.csrf).not.toBe(b.csrf);
    const res = await a.post('/app/series', { title: 'Cross', language: 'fr', _csrf: b.csrf }, { csrf: false });
    expect(res.status).toBe(403);
  });
});
