/**
 * An API key checked in the same D1 batch as the results and the brief (src/coordinators/key-scope.ts,
 * KEY_IN_BATCH in src/coordinators/auth.ts): the round trip saved must not weaken the check. A
 * revoked or unknown key gets 401 at once, also on the isolate that has just served it (every
 * test here runs in one isolate: nothing it served earlier grants anything later); another
 * organisation's survey or session stays a 404 that holds nothing of it; the cookie and every
 * other route keep their checks before the handler.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { KEY_IN_BATCH } from '../src/coordinators/auth.ts';
import { newApiKey } from '../src/coordinators/keys.ts';
import { sha256Hex } from '../src/lib/crypto.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

const SECRET_REMARK = 'remarque-du-propriétaire-seulement';

let owner: { key: string; email: string };
let stranger: { key: string; email: string };
let strangerKey = '';
let surveyId = 0;
let sessionId = 0;

/** Every format of both routes, as a coordinator's client or browser asks for them. */
const formats = () => [
  `/api/surveys/${surveyId}/results`,
  `/api/surveys/${surveyId}/results?format=csv`,
  `/api/surveys/${surveyId}/results?format=html`,
  `/api/sessions/${sessionId}/brief`,
  `/api/sessions/${sessionId}/brief?format=md`,
  `/api/sessions/${sessionId}/brief?format=csv`,
  `/api/sessions/${sessionId}/brief?format=html`,
  `/api/sessions/${sessionId}/brief?format=docx`,
];

/** A well-formed key of the owner's coordinator, stored (and so valid) until the test revokes it. */
async function ownerKey(): Promise<{ key: string; hash: string }> {
  const made = await newApiKey();
  await env.DB.prepare('INSERT INTO api_keys (coordinator_id, key_hash) SELECT id, ? FROM coordinators WHERE email = ?')
    .bind(made.hash, owner.email)
    .run();
  return made;
}

const revoke = (hash: string) =>
  env.DB.prepare("UPDATE api_keys SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key_hash = ?").bind(hash).run();

/** Calls `path` with RELAIS_TIMING's Server-Timing, for the D1 calls it made. */
async function timed(path: string, headers: Record<string, string>, method = 'GET') {
  const res = await app.request(`https://relais.test${path}`, { method, headers }, { ...env, RELAIS_TIMING: '1' });
  const header = res.headers.get('server-timing') ?? '';
  const calls = Number(/d1-calls;desc="(\d+)"/.exec(header)?.[1] ?? Number.NaN);
  return { res, calls, text: await res.text() };
}

async function expectUnauthorized(res: Response, what: string) {
  expect(`${what} → ${res.status}`).toBe(`${what} → 401`);
  expect(res.headers.get('content-type'), what).toContain('application/problem+json');
  expect(res.headers.get('www-authenticate'), what).toContain('Bearer');
  const text = await res.text();
  expect(text, what).not.toContain(SECRET_REMARK);
  expect((JSON.parse(text) as { type: string }).type, what).toBe('/problems/unauthorized');
}

beforeAll(async () => {
  owner = await workspaceCoordinator('Clé Propriétaire');
  stranger = await workspaceCoordinator('Clé Étranger');
  strangerKey = stranger.key;
  ({ surveyId, sessionId } = await openSurveyFor(owner.key, { title: 'Clé dans le lot', minGroupSize: 3 }));
  const invitations = await inviteThroughApi(owner.key, surveyId, [
    { email: 'a@example.org' },
    { email: 'b@example.org' },
    { email: 'c@example.org' },
  ]);
  for (const i of invitations) {
    await callJson(`/api/s/${i.token}`, { method: 'PUT', json: { answers: { usefulness: 4, remarks: SECRET_REMARK } } });
  }
});

describe('the key checked in the batch of results and brief', () => {
  it('serves every format with a valid key, results and the brief each in one D1 call', async () => {
    for (const path of formats()) {
      const res = await call(path, { key: owner.key });
      expect(`${path} → ${res.status}`).toBe(`${path} → 200`);
    }
    const results = await timed(`/api/surveys/${surveyId}/results`, { authorization: `Bearer ${owner.key}` });
    expect(results.text).toContain(SECRET_REMARK);
    expect(results.calls).toBe(1);
    expect((await timed(`/api/sessions/${sessionId}/brief`, { authorization: `Bearer ${owner.key}` })).calls).toBe(1);
  });

  it('refuses a key revoked just after this isolate served it, at once, in every format and on other routes', async () => {
    const { key, hash } = await ownerKey();
    const bearer = { authorization: `Bearer ${key}` };
    for (const path of formats()) expect((await call(path, { key })).status, path).toBe(200);
    expect((await call('/api/series', { key })).status).toBe(200);
    await revoke(hash);
    for (const path of formats()) await expectUnauthorized(await call(path, { key }), path);
    // A route outside KEY_IN_BATCH, checked before its handler as ever, and HEAD (never deferred).
    await expectUnauthorized(await call('/api/series', { key }), 'GET /api/series');
    expect(
      (await app.request(`https://relais.test/api/surveys/${surveyId}/results`, { method: 'HEAD', headers: bearer }, env)).status,
    ).toBe(401);
    // The refusal costs the one batch: nothing is read after the key's row.
    expect((await timed(`/api/surveys/${surveyId}/results`, bearer)).calls).toBe(1);
    expect((await timed(`/api/sessions/${sessionId}/brief`, bearer)).calls).toBe(1);
  });

  it('refuses a key whose row is gone (its coordinator removed) and an unknown key', async () => {
    const { key, hash } = await ownerKey();
    expect((await call(`/api/surveys/${surveyId}/results`, { key })).status).toBe(200);
    await env.DB.prepare('DELETE FROM api_keys WHERE key_hash = ?').bind(hash).run();
    const unknown = (await newApiKey()).key;
    for (const k of [key, unknown]) {
      for (const path of formats()) await expectUnauthorized(await call(path, { key: k }), path);
    }
  });

  it('answers 401, not what the handler would have said, to a bad key with a refused query or an unknown id', async () => {
    const { key, hash } = await ownerKey();
    await revoke(hash);
    const unknown = (await newApiKey()).key;
    for (const k of [key, unknown]) {
      for (const path of [
        `/api/surveys/${surveyId}/results?format=xml`,
        `/api/surveys/${surveyId}/results?question=nope`,
        `/api/sessions/${sessionId}/brief?format=pdf`,
        '/api/surveys/999999/results',
        '/api/sessions/999999/brief',
        '/api/surveys/0/results',
      ]) {
        await expectUnauthorized(await call(path, { key: k }), path);
      }
    }
    // A valid key still gets the handler's own answer (422, 404), as before.
    expect((await call(`/api/surveys/${surveyId}/results?format=xml`, { key: owner.key })).status).toBe(422);
    expect((await call('/api/surveys/999999/results', { key: owner.key })).status).toBe(404);
    expect((await call('/api/sessions/999999/brief', { key: owner.key })).status).toBe(404);
  });

  it("answers 404 to another organisation's key with nothing of the survey or session, the same as for no such id", async () => {
    for (const [theirs, none] of [
      [`/api/surveys/${surveyId}/results`, '/api/surveys/999999/results'],
      [`/api/surveys/${surveyId}/results?format=csv`, '/api/surveys/999999/results?format=csv'],
      [`/api/sessions/${sessionId}/brief`, '/api/sessions/999999/brief'],
      [`/api/sessions/${sessionId}/brief?format=md`, '/api/sessions/999999/brief?format=md'],
    ] as const) {
      const res = await call(theirs, { key: strangerKey });
      expect(`${theirs} → ${res.status}`).toBe(`${theirs} → 404`);
      const text = await res.text();
      expect(text).not.toContain(SECRET_REMARK);
      expect(text).not.toContain('Clé dans le lot');
      expect(text).toBe(await (await call(none, { key: strangerKey })).text());
    }
    // A revoked key of the stranger is refused before the question of whose survey it is.
    const { key, hash } = await newApiKey();
    await env.DB.prepare('INSERT INTO api_keys (coordinator_id, key_hash) SELECT id, ? FROM coordinators WHERE email = ?')
      .bind(hash, stranger.email)
      .run();
    expect((await call(`/api/surveys/${surveyId}/results`, { key })).status).toBe(404);
    await revoke(hash);
    await expectUnauthorized(await call(`/api/surveys/${surveyId}/results`, { key }), 'revoked stranger');
  });

  it('scopes the context statement to the key in SQL: a key of another organisation reads no row of it', async () => {
    // The statement as the batch runs it, without the JavaScript that reads the key's row first.
    const { keyOrganisation } = await import('../src/coordinators/key-scope.ts');
    const { surveyContextSql, sessionContextSql } = await import('../src/results/results.queries.ts');
    const row = (sql: string, id: number, key: string) => sha256Hex(key).then((hash) => env.DB.prepare(sql).bind(id, hash).first());
    expect(await row(surveyContextSql(keyOrganisation(2)), surveyId, owner.key)).not.toBeNull();
    expect(await row(surveyContextSql(keyOrganisation(2)), surveyId, strangerKey)).toBeNull();
    expect(await row(sessionContextSql(keyOrganisation(2)), sessionId, owner.key)).not.toBeNull();
    expect(await row(sessionContextSql(keyOrganisation(2)), sessionId, strangerKey)).toBeNull();
    const { key, hash } = await ownerKey();
    await revoke(hash);
    expect(await row(surveyContextSql(keyOrganisation(2)), surveyId, key)).toBeNull();
    expect(await row(sessionContextSql(keyOrganisation(2)), sessionId, key)).toBeNull();
  });
});

describe('the statements the key adds', () => {
  it('find the key, its coordinator, the survey and the session through indexes, never a scan', async () => {
    const { KEY_COORDINATOR, keyOrganisation } = await import('../src/coordinators/key-scope.ts');
    const { surveyContextSql, sessionContextSql } = await import('../src/results/results.queries.ts');
    for (const [sql, args] of [
      [KEY_COORDINATOR, ['0'.repeat(64)]],
      [surveyContextSql(keyOrganisation(2)), [1, '0'.repeat(64)]],
      [sessionContextSql(keyOrganisation(2)), [1, '0'.repeat(64)]],
    ] as const) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...args)
        .all<{ detail: string }>();
      const details = results.map((r) => r.detail);
      expect(
        details.filter((d) => /^SCAN /.test(d)),
        details.join('\n'),
      ).toEqual([]);
      expect(
        details.some((d) => /SEARCH k USING INDEX sqlite_autoindex_api_keys/.test(d)),
        details.join('\n'),
      ).toBe(true);
    }
  });
});

describe('the signed-in browser', () => {
  it('reads results and brief with its cookie as before (the session checked first), and the workspace pages that link to them', async () => {
    const browser = new Browser();
    await browser.signIn(owner.email);
    for (const path of formats()) {
      const res = await browser.request(path);
      expect(`${path} → ${res.status}`).toBe(`${path} → 200`);
    }
    const page = await browser.get(`/app/sessions/${sessionId}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(`/api/surveys/${surveyId}/results?format=html`);
    expect(page.html).toContain(`/api/sessions/${sessionId}/brief?format=html`);
    // The key's statements, guarded by the key (OrganisationScope.prepare), give what the cookie's do.
    for (const path of formats().filter((p) => !/format=(html|docx)/.test(p))) {
      expect(await (await browser.request(path)).text(), path).toBe(await (await call(path, { key: owner.key })).text());
    }
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // The session's lookup, then the one batch: the cookie's path is unchanged.
    expect((await timed(`/api/surveys/${surveyId}/results`, { cookie })).calls).toBe(2);
    expect((await timed(`/api/sessions/${sessionId}/brief`, { cookie })).calls).toBe(2);
    // A browser of another organisation: 404 as before.
    const strangerBrowser = new Browser();
    await strangerBrowser.signIn(stranger.email);
    expect((await strangerBrowser.request(`/api/surveys/${surveyId}/results?format=html`)).status).toBe(404);
    expect((await strangerBrowser.request(`/api/sessions/${sessionId}/brief?format=html`)).status).toBe(404);
    // Signed out: refused before any handler.
    await browser.post('/app/sign-out');
    expect((await browser.request(`/api/surveys/${surveyId}/results`)).status).toBe(401);
  });
});

describe('KEY_IN_BATCH', () => {
  it('names only GET routes of results and the brief', () => {
    const gets = [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path.replace(/:\w+/g, '1')))];
    for (const path of KEY_IN_BATCH) {
      expect(
        gets.filter((p) => path.test(p)),
        String(path),
      ).toHaveLength(1);
    }
    expect(gets.filter((p) => KEY_IN_BATCH.some((path) => path.test(p))).sort()).toEqual([
      '/api/sessions/1/brief',
      '/api/surveys/1/results',
    ]);
  });
});

describe('the statements guarded by the key', () => {
  it('give what the unguarded statements give, on the demo cycle (merged themes, several sessions, suppressed cells)', async () => {
    const { seedDemoCycle } = await import('./seeded-cycle.ts');
    const { coordinatorScope, keyScope } = await import('../src/coordinators/key-scope.ts');
    const { loadBrief } = await import('../src/brief/brief.ts');
    const { surveyResultsData } = await import('../src/results/results.queries.ts');
    const key = await seedDemoCycle();
    const hash = await sha256Hex(key);
    const row = await env.DB.prepare(
      'SELECT c.id, c.organisation_id, c.email FROM api_keys k JOIN coordinators c ON c.id = k.coordinator_id WHERE k.key_hash = ?',
    )
      .bind(hash)
      .first<{ id: number; organisation_id: number; email: string }>();
    if (!row) throw new Error('no demo coordinator');
    const verified = coordinatorScope({ id: row.id, organisationId: row.organisation_id, email: row.email });
    const { results: sessions } = await env.DB.prepare(
      'SELECT se.id FROM sessions se JOIN series s ON s.id = se.series_id WHERE s.organisation_id = ?',
    )
      .bind(row.organisation_id)
      .all<{ id: number }>();
    const { results: surveys } = await env.DB.prepare(
      'SELECT su.id FROM surveys su JOIN sessions se ON se.id = su.session_id JOIN series s ON s.id = se.series_id WHERE s.organisation_id = ?',
    )
      .bind(row.organisation_id)
      .all<{ id: number }>();
    expect(sessions.length).toBeGreaterThan(1);
    for (const { id } of sessions) {
      const brief = await loadBrief(env.DB, keyScope(hash), id);
      expect(brief, `session ${id}`).not.toBeNull();
      expect(brief, `session ${id}`).toEqual(await loadBrief(env.DB, verified, id));
    }
    for (const { id } of surveys) {
      const read = await surveyResultsData(env.DB, keyScope(hash), id);
      expect(read, `survey ${id}`).not.toBeNull();
      expect(read, `survey ${id}`).toEqual(await surveyResultsData(env.DB, verified, id));
    }
  });
});
