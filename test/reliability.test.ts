/** No acknowledged answer is lost, no submission counts twice, under concurrency, retries and faults. */
import { beforeAll, describe, expect, it } from 'vitest';
import { INVITE_LIMIT } from '../src/invitations/invitations.schemas.ts';
import { isTransientD1Error, retryTransient } from '../src/lib/d1-retry.ts';
import { call, callJson, createCoordinator, env, tokenOf, withinOneWindow } from './helpers.ts';

let key: string;
let surveyId: number;
let themeOptions: string[];

/** `count` people invited, in requests of at most INVITE_LIMIT (what one request may seal links for). */
async function invite(count: number, prefix: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += INVITE_LIMIT) {
    const participants = Array.from({ length: Math.min(INVITE_LIMIT, count - start) }, (_, i) => ({
      email: `${prefix}${start + i}@example.org`,
    }));
    const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
      method: 'POST',
      key,
      json: { participants },
      expect: 201,
    });
    tokens.push(...invitations.map((i) => tokenOf(i.url)));
  }
  return tokens;
}

const put = (token: string, answers: unknown, headers: Record<string, string> = {}, named = false) =>
  call(`/api/s/${token}`, { method: 'PUT', json: { answers, ...(named ? { survey_id: surveyId } : {}) }, headers });

/**
 * Submissions naming their survey are stored by another batch (one D1 call, guarded in SQL:
 * src/responses/responses.queries.ts, storeKnownSubmission); faults and races must leave the
 * same guarantees on both paths.
 */
const PATHS = [
  ['two D1 calls (no survey_id)', false],
  ['one D1 call (survey_id)', true],
] as const;

const count = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n;

beforeAll(async () => {
  key = await createCoordinator('Bassin Est');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Fiabilité' }, expect: 201 });
  for (const fr of ['A', 'B', 'C', 'D'])
    await callJson(`/api/series/${series.id}/themes`, { method: 'POST', key, json: { label: { fr } }, expect: 201 });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2026-02-01T12:00:00Z' },
    expect: 201,
  });
  const survey = await callJson<{ id: number; questions: { id: string; options?: { id: string }[] }[] }>(
    `/api/sessions/${session.id}/surveys`,
    {
      method: 'POST',
      key,
      json: { kind: 'post' },
      expect: 201,
    },
  );
  surveyId = survey.id;
  themeOptions = survey.questions.find((q) => q.id === 'themes')?.options?.map((o) => o.id) ?? [];
  await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
});

describe('concurrency', () => {
  it('200 parallel submissions on 200 links store exactly 200 responses with all their answers', async () => {
    const tokens = [...(await invite(200, 'crowd-')), ...[]];
    const statuses = await Promise.all(
      tokens.map((t, i) =>
        put(t, { usefulness: (i % 5) + 1, themes: [themeOptions[i % 4], themeOptions[(i + 1) % 4]] }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    expect(await count('SELECT count(*) AS n FROM responses WHERE survey_id = ?', surveyId)).toBe(200);
    // Three rows each: the rating and two ranked themes.
    expect(await count('SELECT count(*) AS n FROM answers WHERE survey_id = ?', surveyId)).toBe(600);
    expect(
      await count("SELECT count(*) AS n FROM invitations WHERE survey_id = ? AND email LIKE 'crowd-%' AND answered = 1", surveyId),
    ).toBe(200);
  });

  it.each(PATHS)('50 parallel submissions on one link leave exactly one response holding one whole submission: %s', async (_, named) => {
    const prefix = `racer-${named ? 'named' : 'plain'}-`;
    const [token] = await invite(1, prefix);
    if (!token) throw new Error('no token');
    // Each submission is internally consistent: its rating n goes with a remark "n".
    const submissions = Array.from({ length: 50 }, (_, i) => ({
      usefulness: (i % 5) + 1,
      remarks: `${(i % 5) + 1}`,
      themes: [themeOptions[i % 4]],
    }));
    const statuses = await Promise.all(submissions.map((a) => put(token, a, {}, named).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const rows = await env.DB.prepare(
      `SELECT a.question_id, a.option_id, a.number, a.text FROM answers a JOIN responses r ON r.id = a.response_id
        JOIN invitations i ON r.invitation_id = i.id WHERE i.email = ? ORDER BY a.question_id`,
    )
      .bind(`${prefix}0@example.org`)
      .all<{ question_id: string; option_id: string | null; number: number | null; text: string | null }>();
    expect(rows.results.map((r) => r.question_id)).toEqual(['remarks', 'themes', 'usefulness']);
    const rating = rows.results.find((r) => r.question_id === 'usefulness')?.number;
    const remark = rows.results.find((r) => r.question_id === 'remarks')?.text;
    expect(remark).toBe(String(rating));
    const theme = rows.results.find((r) => r.question_id === 'themes')?.option_id;
    expect(submissions.some((s) => s.usefulness === rating && s.themes[0] === theme)).toBe(true);
    expect(
      await count(
        'SELECT count(*) AS n FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE i.email = ?',
        `${prefix}0@example.org`,
      ),
    ).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first result of a coordinator POST and creates nothing twice', async () => {
    const init = { method: 'POST', key, json: { title: 'Concertation idempotente' }, headers: { 'idempotency-key': 'create-series-1' } };
    const first = await call('/api/series', init);
    expect(first.status).toBe(201);
    const second = await call('/api/series', init);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await count("SELECT count(*) AS n FROM series WHERE title = 'Concertation idempotente'")).toBe(1);
  });

  it('refuses the same key with another body (422) and names the header', async () => {
    const res = await call('/api/series', {
      method: 'POST',
      key,
      json: { title: 'Autre chose' },
      headers: { 'idempotency-key': 'create-series-1' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors[0]?.field).toBe('idempotency-key');
    expect(await count("SELECT count(*) AS n FROM series WHERE title = 'Autre chose'")).toBe(0);
  });

  it('keeps keys of different coordinators apart', async () => {
    const otherKey = await createCoordinator('Bassin Ouest');
    const res = await call('/api/series', {
      method: 'POST',
      key: otherKey,
      json: { title: 'Autre bassin' },
      headers: { 'idempotency-key': 'create-series-1' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('replays a participant submission by running it again: the same answers, nothing written twice', async () => {
    const [token] = await invite(1, 'idem-');
    if (!token) throw new Error('no token');
    const answers = { usefulness: 5 };
    const first = await put(token, answers, { 'idempotency-key': 'submit-1' });
    const again = await put(token, answers, { 'idempotency-key': 'submit-1' });
    // A participant's answers are never kept in the store (test/idempotency-privacy.test.ts).
    expect(again.status).toBe(200);
    const [a, b] = [(await first.json()) as Record<string, unknown>, (await again.json()) as Record<string, unknown>];
    expect({ ...b, unchanged: undefined }).toEqual({ ...a, unchanged: undefined });
    expect(b.unchanged).toBe(true);
    const other = await put(token, { usefulness: 1 }, { 'idempotency-key': 'submit-1' });
    expect(other.status).toBe(422);
  });

  it('refuses a malformed key', async () => {
    const res = await call('/api/series', {
      method: 'POST',
      key,
      json: { title: 'x' },
      headers: { 'idempotency-key': 'has spaces in it' },
    });
    expect(res.status).toBe(400);
  });

  it('does not store personal links: a replayed invitation answers the same people again', async () => {
    const init = {
      method: 'POST',
      key,
      json: { participants: [{ email: 'replay@example.org' }] },
      headers: { 'idempotency-key': 'invite-1' },
    };
    const first = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
      ...init,
      expect: 201,
    });
    const second = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
      ...init,
      expect: 201,
    });
    expect(second.invitations[0]?.id).toBe(first.invitations[0]?.id);
    const stored = await env.DB.prepare("SELECT body FROM idempotency_keys WHERE key = 'invite-1'").first<{ body: string | null }>();
    expect(stored?.body).toBeNull();
  });
});

describe('a D1 failure in the middle of a submission', () => {
  it.each(PATHS)('leaves nothing half-written and answers a clear, retryable error: %s', async (_, named) => {
    const prefix = `fault-${named ? 'named' : 'plain'}-`;
    const [token] = await invite(1, prefix);
    if (!token) throw new Error('no token');
    expect((await put(token, { usefulness: 4, remarks: 'première version' }, {}, named)).status).toBe(200);
    // The answers insert is the third statement of the batch: make it fail there.
    await env.DB.prepare(
      "CREATE TRIGGER forced_failure BEFORE INSERT ON answers WHEN NEW.text = 'FAIL' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    ).run();
    try {
      const res = await put(token, { usefulness: 2, remarks: 'FAIL' }, {}, named);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const body = (await res.json()) as { title: string; detail: string };
      expect(body.title).toBe('Answers not stored');
      expect(JSON.stringify(body)).not.toContain('forced failure');
      // The earlier submission is intact: the upsert and the delete were rolled back too.
      const view = await callJson<{ answers: Record<string, unknown> }>(`/api/s/${token}`);
      expect(view.answers).toEqual({ usefulness: 4, remarks: 'première version' });
      // A first-time respondent hit by the failure leaves no response row at all.
      const [fresh] = await invite(1, `${prefix}new-`);
      expect((await put(fresh ?? '', { usefulness: 3, remarks: 'FAIL' }, {}, named)).status).toBe(503);
      const email = `${prefix}new-0@example.org`;
      expect(
        await count('SELECT count(*) AS n FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE i.email = ?', email),
      ).toBe(0);
      expect(await count('SELECT answered AS n FROM invitations WHERE email = ?', email)).toBe(0);
    } finally {
      await env.DB.prepare('DROP TRIGGER forced_failure').run();
    }
    // Retrying after the fault is gone works.
    expect((await put(token, { usefulness: 2, remarks: 'FAIL' }, {}, named)).status).toBe(200);
  });
});

describe('transient D1 errors', () => {
  const noWait = async () => {};

  it('are retried with backoff where the operation is idempotent', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await retryTransient(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('D1_ERROR: Network connection lost.');
        return 'stored';
      },
      {
        sleep: async (ms) => {
          delays.push(ms);
        },
      },
    );
    expect(result).toBe('stored');
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(0);
  });

  it('are not retried forever, and other errors are not retried at all', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls += 1;
          throw new Error('D1_ERROR: D1 DB is overloaded. Too many requests queued.');
        },
        { sleep: noWait },
      ),
    ).rejects.toThrow('overloaded');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls += 1;
          throw new Error('D1_ERROR: UNIQUE constraint failed: series.id');
        },
        { sleep: noWait },
      ),
    ).rejects.toThrow('UNIQUE');
    expect(calls).toBe(1);
    expect(isTransientD1Error(new Error('Network connection lost'))).toBe(true);
    expect(isTransientD1Error('overloaded')).toBe(false);
  });
});

describe('guessing personal links', () => {
  it('slows a client that keeps presenting unknown links (429), and never a valid link', async () => {
    const [valid] = await invite(1, 'guess-victim-');
    const { headers, statuses, limited } = await withinOneWindow(60, async (n) => {
      const headers = { 'cf-connecting-ip': `203.0.113.${7 + n}` };
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const guess = `${String(i).padStart(2, '0')}${'g'.repeat(30)}`;
        statuses.push((await call(i % 2 ? `/api/s/${guess}` : `/s/${guess}`, { headers })).status);
      }
      return { headers, statuses, limited: await call(`/api/s/${'h'.repeat(32)}`, { headers }) };
    });
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another address is not affected, and a real link still works from the same one.
    expect((await call(`/api/s/${'h'.repeat(32)}`, { headers: { 'cf-connecting-ip': '198.51.100.1' } })).status).toBe(404);
    expect((await call(`/api/s/${valid}`, { headers })).status).toBe(200);
  });
});
