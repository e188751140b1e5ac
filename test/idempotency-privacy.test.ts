/**
 * The idempotency store as a side channel, tried by someone with a copy of D1 and by a
 * coordinator replaying keys: nothing in it links an anonymous answer to an invitation, it
 * keeps no participant's answers and no personal data, erasing a person removes their
 * records, and replaying a key after an erasure never brings the erased data back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { sha256Hex } from '../src/lib/crypto.ts';
import { documentedRoutes } from '../src/openapi/contract.ts';
import { call, callJson, createCoordinator, env, inviteThroughApi, openSurveyFor } from './helpers.ts';

let key: string;
const REMARK = 'REMARQUE-IDEMPOTENTE-51c2';

async function openSurvey(title: string, anonymous: boolean) {
  return (await openSurveyFor(key, { title, anonymous, startsAt: '2099-05-01T12:00:00Z' })).surveyId;
}

async function invite(surveyId: number, email: string) {
  const [invitation] = await inviteThroughApi(key, surveyId, [{ email }]);
  return invitation?.token ?? '';
}

/** `cookie`: what the client kept from an earlier answer (an anonymous survey's device cookie). */
const submit = (token: string, answers: Record<string, unknown>, idempotencyKey: string, cookie = '') =>
  call(`/api/s/${token}`, {
    method: 'PUT',
    json: { answers },
    headers: { 'idempotency-key': idempotencyKey, ...(cookie ? { cookie } : {}) },
  });

const rowsWithKey = async (k: string) =>
  (
    await env.DB.prepare('SELECT scope, key, request_hash, status, body, created_at FROM idempotency_keys WHERE key = ?')
      .bind(k)
      .all<{ scope: string; request_hash: string; status: number | null; body: string | null; created_at: string }>()
  ).results;

beforeAll(async () => {
  key = await createCoordinator('Bassin Idempotence');
});

describe('an anonymous submission sent with an Idempotency-Key', () => {
  it('leaves no record that joins it to an invitation, and keeps no answer', async () => {
    const surveyId = await openSurvey('Idempotence anonyme', true);
    const token = await invite(surveyId, 'anonymous-one@example.org');
    const res = await submit(token, { usefulness: 4, remarks: REMARK }, 'anon-submit-1');
    expect(res.status).toBe(200);

    const [row, ...more] = await rowsWithKey('anon-submit-1');
    expect(more).toEqual([]);
    expect(row?.body).toBeNull();
    // The record's owner is not the invitation's token hash, nor anything built on it in SQL.
    const joined = await env.DB.prepare(
      `SELECT count(*) AS n FROM idempotency_keys k JOIN invitations i ON instr(k.scope, i.token_hash) > 0
        WHERE k.key = 'anon-submit-1'`,
    ).first<{ n: number }>();
    expect(joined?.n).toBe(0);
    expect(row?.scope).not.toContain(await sha256Hex(token));
    const kept = await env.DB.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE body LIKE ?')
      .bind(`%${REMARK}%`)
      .first<{ n: number }>();
    expect(kept?.n).toBe(0);
    // Its time says the day, not the moment of the submission.
    expect(row?.created_at).toMatch(/T00:00:00\.000Z$/);
  });

  it('still answers a replay (which runs again and changes nothing), 422 for another body, 409 while in progress', async () => {
    const surveyId = await openSurvey('Idempotence rejouée', true);
    const token = await invite(surveyId, 'anonymous-two@example.org');
    const first = await submit(token, { usefulness: 3 }, 'anon-submit-2');
    expect(first.status).toBe(200);
    // The retrying client keeps the cookie the first answer set, as a browser does.
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const again = await submit(token, { usefulness: 3 }, 'anon-submit-2', cookie);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { unchanged: boolean }).unchanged).toBe(true);
    const other = await submit(token, { usefulness: 1 }, 'anon-submit-2');
    expect(other.status).toBe(422);
    expect(((await other.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('idempotency-key');

    // The first request still running: a replay is told to wait.
    await env.DB.prepare("UPDATE idempotency_keys SET status = NULL WHERE key = 'anon-submit-2'").run();
    const meanwhile = await submit(token, { usefulness: 3 }, 'anon-submit-2');
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get('retry-after')).toBe('1');
  });
});

describe('a coordinator replaying keys around an erasure', () => {
  it('never gets the erased person’s data back, and D1 never kept it under a key', async () => {
    const surveyId = await openSurvey('Idempotence effacement', false);
    const email = 'erased-person@example.org';
    const token = await invite(surveyId, email);
    expect((await submit(token, { usefulness: 5, remarks: REMARK }, 'named-submit-1')).status).toBe(200);

    const init = { method: 'POST', key, json: { email }, headers: { 'idempotency-key': 'export-1' } };
    const exported = await callJson<{ answers: unknown[]; invitations: unknown[] }>('/api/participants/export', init);
    expect(JSON.stringify(exported)).toContain(REMARK);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE body LIKE ? OR body LIKE ?')
      .bind(`%${REMARK}%`, `%${email}%`)
      .first<{ n: number }>();
    expect(stored?.n).toBe(0);
    // A copy of D1 cannot test a guessed address against the request's fingerprint.
    const [exportRow] = await rowsWithKey('export-1');
    expect(exportRow?.request_hash).not.toBe(await sha256Hex(`POST /api/participants/export\n${JSON.stringify({ email })}`));

    await callJson('/api/participants/erase', { method: 'POST', key, json: { email } });
    // Their own records (the submission's) are gone with them.
    expect(await rowsWithKey('named-submit-1')).toEqual([]);

    const replay = await call('/api/participants/export', init);
    expect(replay.status).toBe(200);
    const text = await replay.text();
    expect(text).not.toContain(REMARK);
    expect((JSON.parse(text) as { invitations: unknown[] }).invitations).toEqual([]);
  });

  it('keeps replaying answers that hold no personal data (creating a series twice makes one)', async () => {
    const init = { method: 'POST', key, json: { title: 'Rejouée' }, headers: { 'idempotency-key': 'series-1' } };
    const first = await callJson<{ id: number }>('/api/series', { ...init, expect: 201 });
    const second = await call('/api/series', init);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as { id: number }).id).toBe(first.id);
  });

  it('stores answers only of routes on an allow-list, each a coordinator write of the API', async () => {
    const module = (await import('../src/http/idempotency.ts')) as { STORED_ANSWERS?: readonly (readonly [string, RegExp])[] };
    const allowed = module.STORED_ANSWERS ?? [];
    expect(allowed.length).toBeGreaterThan(0);
    const writes = documentedRoutes(app.routes).filter((r) => r.auth === 'coordinator' && r.method !== 'get');
    const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '7');
    for (const [method, pattern] of allowed) {
      expect(
        writes.some((r) => r.method.toUpperCase() === method && pattern.test(concrete(r.path))),
        `${method} ${pattern}`,
      ).toBe(true);
    }
    const stored = (method: string, path: string) => allowed.some(([m, p]) => m === method && p.test(path));
    for (const personal of ['/api/participants/export', '/api/participants/erase', '/api/surveys/7/invitations']) {
      expect(stored('POST', personal), personal).toBe(false);
    }
    expect(stored('POST', '/api/series')).toBe(true);
  });
});
