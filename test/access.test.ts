/**
 * Access, table-driven over every route the app has (read from the router, so a new route
 * is checked or the test fails): without credentials → 401 (API) or the sign-in page (pages);
 * another organisation's key or session → 404; a participant's token never opens coordinator
 * data, nor another participant's answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { call, callJson, env, tokenOf } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

/** Routes anyone may call: the home page, health, and what a personal link, open link or feed token opens. */
const PUBLIC = new Set([
  'GET /',
  'GET /api/health',
  'GET /api/s/:token',
  'PUT /api/s/:token',
  'GET /s/:token',
  'POST /s/:token',
  'GET /s/:token/done',
  'GET /s/:token/session.ics',
  'GET /app/sign-in',
  'POST /app/sign-in',
  // A one-time sign-in link is its own credential (test/workspace/sign-in.test.ts).
  'GET /app/sign-in/:token',
  'POST /app/sign-in/:token',
]);
const isPublic = (method: string, path: string) =>
  PUBLIC.has(`${method} ${path}`) || path.startsWith('/o/') || path.startsWith('/calendar/');

/**
 * A valid body for each write, so that a refusal can only come from the scoping (a body that
 * fails validation would answer 422 whoever owns the id). A new write route needs one here.
 */
const VALID_BODY: Record<string, unknown> = {
  'PATCH /api/series/:id': { title: 'Renamed' },
  'POST /api/series/:id/themes': { label: { fr: 'Intrus' } },
  'POST /api/series/:id/sessions': { number: 9, starts_at: '2099-02-01T12:00:00Z' },
  'PATCH /api/themes/:id': { status: 'archived' },
  'POST /api/sessions/:id/surveys': { kind: 'pre' },
  'POST /api/surveys/:id/open': {},
  'POST /api/surveys/:id/close': {},
  'PUT /api/surveys/:id/questions': { questions: [{ id: 'q', type: 'text', text: { fr: 'Q' } }] },
  'POST /api/surveys/:id/copy': { session_id: 1 },
  'POST /api/surveys/:id/invitations': { participants: [{ email: 'intrus@example.org' }] },
  'POST /api/series/:id/webhooks': { url: 'https://intrus.example.org/' },
  'DELETE /api/webhooks/:id': {},
  'POST /api/series/:id/calendar-feed': {},
  'PUT /api/surveys/:id/open-link': { enabled: true },
  'POST /api/surveys/:id/invitations/send': {},
  'POST /api/surveys/:id/reminders/send': {},
  'PATCH /api/sessions/:id': { place: 'Ailleurs' },
  'POST /api/sessions/:id/cancel': {},
  'POST /api/invitations/:id/resend': {},
  'DELETE /api/invitations/:id': {},
  'POST /api/invitations/:id/new-link': {},
  'PUT /api/series/:id/retention': { retention_days: 30 },
  'POST /api/series/:id/proposals': { action: 'promote', key: 'x' },
  'POST /api/series/:id/contacts/import': {},
  'POST /api/surveys/:id/invitations/from': { source: 'directory' },
  'PUT /api/sessions/:id/attendance': { emails: ['intrus@example.org'] },
  'DELETE /api/team/:id': {},
  'PUT /api/sessions/:id/brief/sections/:section': { text: 'Intrus' },
  'PATCH /api/actions/:id': { status: 'done' },
  'POST /api/surveys/:id/texts/hide': { question_id: 'remarks', text: 'remarque privée de deux', reason: 'intrus' },
  'POST /api/surveys/:id/texts/show': { question_id: 'remarks', text: 'remarque privée de deux' },
  'POST /api/series/:id/proposals/dismiss': { key: 'x' },
};

let owner: { key: string; email: string };
let stranger: { key: string; email: string };
let strangerPages: Browser;
let participantToken: string;
let otherToken: string;
const ids: Record<string, number> = {};

/** Which id each path segment names. A route with an unknown segment fails here, on purpose. */
function fill(path: string): string {
  return path.replace(/\/([a-z-]+)\/:(\w+)/g, (_, segment: string) => {
    const id = ids[segment];
    if (id === undefined) throw new Error(`access test: no id for /${segment}/:param in ${path}; add one to the setup`);
    return `/${segment}/${id}`;
  });
}

function routes() {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const CORE = [
  'series',
  'sessions',
  'themes',
  'surveys',
  'invitations',
  'responses',
  'answers',
  'webhooks',
  'outbox',
  'contacts',
  'attendance',
  'coordinators',
];
const snapshot = async () =>
  JSON.stringify(await env.DB.prepare(`SELECT ${CORE.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`).first());

beforeAll(async () => {
  owner = await workspaceCoordinator('Accès Propriétaire');
  stranger = await workspaceCoordinator('Accès Étranger');
  const key = owner.key;
  ids.series = (
    await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Secret des autres' }, expect: 201 })
  ).id;
  ids.themes = (
    await callJson<{ id: number }>(`/api/series/${ids.series}/themes`, { method: 'POST', key, json: { label: { fr: 'T' } }, expect: 201 })
  ).id;
  ids.sessions = (
    await callJson<{ id: number }>(`/api/series/${ids.series}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
      expect: 201,
    })
  ).id;
  ids.surveys = (
    await callJson<{ id: number }>(`/api/sessions/${ids.sessions}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 })
  ).id;
  await callJson(`/api/surveys/${ids.surveys}/open`, { method: 'POST', key });
  ids.actions =
    (await env.DB.prepare('SELECT min(id) AS id FROM series_actions WHERE series_id = ?').bind(ids.series).first<{ id: number }>())?.id ??
    0;
  // A section of the brief is named, not numbered (PUT …/brief/sections/:section).
  ids.sections = 'findings' as unknown as number;
  const { invitations } = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${ids.surveys}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'one@example.org' }, { email: 'two@example.org' }] },
    expect: 201,
  });
  ids.invitations = invitations[0]?.id ?? 0;
  participantToken = tokenOf(invitations[0]?.url ?? '');
  otherToken = tokenOf(invitations[1]?.url ?? '');
  await callJson(`/api/s/${otherToken}`, { method: 'PUT', json: { answers: { usefulness: 2, remarks: 'remarque privée de deux' } } });
  ids.webhooks = (
    await callJson<{ id: number }>(`/api/series/${ids.series}/webhooks`, {
      method: 'POST',
      key,
      json: { url: 'https://hooks.example.org/relais' },
      expect: 201,
    })
  ).id;
  // A message in the owner's outbox (recorded, since tests have no e-mail binding configured).
  const ownerPages = new Browser();
  await ownerPages.signIn(owner.email);
  // Sending from the workspace issues links of its own, so it goes to another survey's invitee.
  const pre = await callJson<{ id: number }>(`/api/sessions/${ids.sessions}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'pre' },
    expect: 201,
  });
  await callJson(`/api/surveys/${pre.id}/open`, { method: 'POST', key });
  await callJson(`/api/surveys/${pre.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'three@example.org' }] },
    expect: 201,
  });
  await ownerPages.get(`/app/surveys/${pre.id}/participants`);
  await ownerPages.post(`/app/surveys/${pre.id}/send`, {});
  const outbox = await env.DB.prepare('SELECT id FROM outbox ORDER BY id DESC LIMIT 1').first<{ id: number }>();
  ids.outbox = outbox?.id ?? 0;
  const job = await env.DB.prepare('SELECT id FROM send_jobs ORDER BY id DESC LIMIT 1').first<{ id: number }>();
  ids['send-jobs'] = job?.id ?? 0;
  // A colleague of the owner, whom the stranger must not remove.
  ids.team =
    (
      await env.DB.prepare(
        "INSERT INTO coordinators (organisation_id, email) SELECT organisation_id, 'colleague@example.org' FROM coordinators WHERE email = ? RETURNING id",
      )
        .bind(owner.email)
        .first<{ id: number }>()
    )?.id ?? 0;
  strangerPages = new Browser();
  await strangerPages.signIn(stranger.email);
});

describe('every coordinator API route', () => {
  const api = () => routes().filter((r) => r.path.startsWith('/api/') && !isPublic(r.method, r.path));

  it('covers the API (sanity)', () => {
    expect(api().length).toBeGreaterThan(20);
    expect(ids.outbox).toBeGreaterThan(0);
  });

  it('answers 401 without credentials, and to a participant token used as a key', async () => {
    for (const { method, path } of api()) {
      const url = fill(path);
      const body = method === 'GET' ? {} : { json: {} };
      const bare = await call(url, { method, ...body });
      expect(`${method} ${path} → ${bare.status}`).toBe(`${method} ${path} → 401`);
      const withToken = await call(url, { method, ...body, headers: { authorization: `Bearer ${participantToken}` } });
      expect(`${method} ${path} (token) → ${withToken.status}`).toBe(`${method} ${path} (token) → 401`);
    }
  });

  it("answers 404 to another organisation's key for every id of the owner, and changes nothing", async () => {
    const before = await snapshot();
    for (const { method, path } of api().filter((r) => r.path.includes(':'))) {
      const body = VALID_BODY[`${method} ${path}`];
      if (method !== 'GET' && body === undefined) throw new Error(`access test: add a valid body for ${method} ${path}`);
      const res = await call(fill(path), { method, key: stranger.key, ...(method === 'GET' ? {} : { json: body }) });
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 404`);
    }
    expect(await snapshot()).toBe(before);
    const list = await call('/api/series', { key: stranger.key });
    expect(await list.text()).not.toContain('Secret des autres');
  });

  it("never reaches the owner's participants through the routes that take an e-mail address", async () => {
    const before = await snapshot();
    const exported = await call('/api/participants/export', { method: 'POST', key: stranger.key, json: { email: 'two@example.org' } });
    expect(exported.status).toBeLessThan(500);
    const text = await exported.text();
    expect(text).not.toContain('remarque privée de deux');
    expect(text).not.toContain('Secret des autres');
    const erased = await call('/api/participants/erase', { method: 'POST', key: stranger.key, json: { email: 'two@example.org' } });
    expect(erased.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });
});

describe('every workspace page', () => {
  const pages = () => routes().filter((r) => r.path.startsWith('/app') && !isPublic(r.method, r.path));

  it('sends a visitor without a session to sign in, and changes nothing', async () => {
    const before = await snapshot();
    const visitor = new Browser();
    for (const { method, path } of pages()) {
      const res = await visitor.request(fill(path), {
        method,
        ...(method === 'POST'
          ? { body: new URLSearchParams({ _csrf: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : {}),
      });
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(300);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      if (method === 'GET') expect(res.headers.get('location') ?? '', `${method} ${path}`).toContain('/app/sign-in');
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers 404 to another organisation's coordinator for every id of the owner", async () => {
    const before = await snapshot();
    await strangerPages.get('/app/series');
    for (const { method, path } of pages().filter((r) => r.path.includes(':'))) {
      const res = method === 'GET' ? (await strangerPages.get(fill(path))).res : await strangerPages.post(fill(path), {});
      expect(`${method} ${path} → ${res.status}`).toBe(`${method} ${path} → 404`);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('a participant token', () => {
  it("opens its own survey and answers, never another participant's", async () => {
    const view = await call(`/api/s/${participantToken}`);
    const text = await view.text();
    expect(view.status).toBe(200);
    expect(text).not.toContain('remarque privée de deux');
    expect(text).not.toContain('two@example.org');
    const page = await (await call(`/s/${participantToken}`)).text();
    expect(page).not.toContain('remarque privée de deux');
  });
});
