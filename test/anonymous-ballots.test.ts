/**
 * Anonymous surveys hold each submission as a sealed ballot and release them in steps of at
 * least the effective minimum (src/responses/ballots.ts). Played as a curious coordinator
 * (API and pages) and as someone holding a copy of D1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../src/cron/scheduled.ts';
import type { PendingBallot } from '../src/responses/ballots.queries.ts';
import { releaseBallots, shuffle } from '../src/responses/ballots.ts';
import { call, callJson, createCoordinator, env, inviteThroughApi, openSurveyFor, tokenOf } from './helpers.ts';
import { Browser } from './workspace/browser.ts';

let key: string;
let run = 0;

interface Survey {
  id: number;
  seriesId: number;
}

/** A fresh series (with the minimum asked) with an open anonymous post-survey. */
async function anonymousSurvey(minimum = 3, closesAt?: string): Promise<Survey> {
  run++;
  const { surveyId, seriesId } = await openSurveyFor(key, {
    title: `Anonyme ${run}`,
    ...(minimum !== 3 ? { minGroupSize: minimum } : {}),
    anonymous: true,
    startsAt: '2026-03-01T12:00:00Z',
    ...(closesAt ? { closesAt } : {}),
  });
  return { id: surveyId, seriesId };
}

async function invite(survey: Survey, ...emails: string[]): Promise<string[]> {
  const invitations = await inviteThroughApi(
    key,
    survey.id,
    emails.map((email) => ({ email })),
  );
  return invitations.map((i) => i.token);
}

/**
 * Each link is used from its own client, which keeps cookies like a browser: an anonymous
 * survey shows answers back only to the device that gave them (test/readback-device.test.ts).
 */
const clients = new Map<string, Browser>();
const client = (token: string) => {
  const existing = clients.get(token);
  if (existing) return existing;
  const created = new Browser();
  clients.set(token, created);
  return created;
};

const put = async (token: string, answers: Record<string, unknown>) => {
  const res = await client(token).request(`/api/s/${token}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { unchanged: boolean; answers: Record<string, unknown> };
};

/** What a link shows back on the device that used it. */
const readBack = async (token: string) => (await (await client(token).request(`/api/s/${token}`)).json()) as { answers: unknown };
const openOn = async (path: string, token: string) => client(token).request(path);

/**
 * The results JSON as it describes answers. Who answered (invitation counts) changes at once
 * by design: reminders need it and the outbox shows it anyway; what is protected is WHAT was
 * answered, so everything else must stay byte-identical.
 */
const resultsText = async (survey: Survey) => {
  const res = await call(`/api/surveys/${survey.id}/results`, { key });
  expect(res.status).toBe(200);
  const { survey: _status, participation, ...rest } = (await res.json()) as { survey: unknown; participation: Record<string, unknown> };
  const { opened: _o, answered: _a, answer_rate: _r, ...counted } = participation;
  return JSON.stringify({ ...rest, participation: counted });
};

const surveyJson = (survey: Survey) => callJson<{ responses: number; held_back: number }>(`/api/surveys/${survey.id}`, { key });

const count = async (sql: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n ?? 0;

const responses = (survey: Survey) => count('SELECT count(*) AS n FROM responses WHERE survey_id = ?', survey.id);
const held = (survey: Survey) =>
  count('SELECT count(*) AS n FROM anonymous_ballots WHERE survey_id = ? AND pending IS NOT NULL', survey.id);

beforeAll(async () => {
  key = await createCoordinator('Bassin Anonyme');
});

describe('read-back: only the link that gave the answers shows them', () => {
  it('a link issued again for the same address opens an empty form; its answers replace the same ballot', async () => {
    const survey = await anonymousSurvey();
    const [first] = await invite(survey, 'alice@example.org');
    if (!first) throw new Error('no token');
    await put(first, { usefulness: 4, remarks: 'Ce que je pense vraiment de Bob' });
    // The link that answered still reads its answers back on its device, in JSON and on the page.
    expect((await readBack(first)).answers).toEqual({
      usefulness: 4,
      remarks: 'Ce que je pense vraiment de Bob',
    });
    expect(await (await openOn(`/s/${first}`, first)).text()).toContain('Ce que je pense vraiment de Bob');

    // The coordinator gives the person a new link (issue 14: the one explicit door; re-inviting
    // now answers the live link).
    const listed = await callJson<{ invitations: { id: number; email: string }[] }>(`/api/surveys/${survey.id}/invitations`, { key });
    const alice = listed.invitations.find((i) => i.email === 'alice@example.org')?.id;
    const fresh = await callJson<{ url: string }>(`/api/invitations/${alice}/new-link`, { method: 'POST', key, expect: 201 });
    const second = tokenOf(fresh.url);
    const view = await callJson<{ answers: unknown; updated_at: unknown }>(`/api/s/${second}`);
    expect(view.answers).toBeNull();
    expect(view.updated_at).toBeNull();
    const page = await (await call(`/s/${second}`)).text();
    expect(page).not.toContain('Ce que je pense vraiment');

    // Its submission replaces the same ballot (one person, one response) and is readable by it.
    await put(second, { usefulness: 2, remarks: 'Autre chose' });
    expect((await readBack(second)).answers).toEqual({ usefulness: 2, remarks: 'Autre chose' });
    const [bob, carol] = await invite(survey, 'bob@example.org', 'carol@example.org');
    await put(bob ?? '', { usefulness: 5 });
    await put(carol ?? '', { usefulness: 3 });
    expect(await responses(survey)).toBe(3);
    expect(await count("SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text LIKE 'Ce que je pense%'", survey.id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text = 'Autre chose'", survey.id)).toBe(1);
  });

  it('identical answers from a new link are recognised: nothing held again, but that link may now read them', async () => {
    const survey = await anonymousSurvey();
    const [first] = await invite(survey, 'dora@example.org');
    await put(first ?? '', { usefulness: 4 });
    const before = await env.DB.prepare('SELECT pending FROM anonymous_ballots WHERE survey_id = ?').bind(survey.id).first();
    const [second] = await invite(survey, 'dora@example.org');
    expect((await put(second ?? '', { usefulness: 4 })).unchanged).toBe(true);
    expect(await env.DB.prepare('SELECT pending FROM anonymous_ballots WHERE survey_id = ?').bind(survey.id).first()).toEqual(before);
    expect((await readBack(second ?? '')).answers).toEqual({ usefulness: 4 });
  });
});

describe('differencing: outputs change only in steps of at least the minimum', () => {
  it('results stay byte-identical after one and two submissions, change at the third; changes count too', async () => {
    const survey = await anonymousSurvey();
    const tokens = await invite(survey, 'p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org');
    const [p1, p2, p3, p4] = tokens as [string, string, string, string];
    const r0 = await resultsText(survey);
    await put(p1, { usefulness: 5, remarks: 'un' });
    expect(await resultsText(survey)).toBe(r0);
    await put(p2, { usefulness: 1 });
    expect(await resultsText(survey)).toBe(r0);
    expect(await surveyJson(survey)).toMatchObject({ responses: 0, held_back: 2 });
    await put(p3, { usefulness: 3 });
    const r3 = await resultsText(survey);
    expect(r3).not.toBe(r0);
    expect(await surveyJson(survey)).toMatchObject({ responses: 3, held_back: 0 });

    // A modification is held like a new answer; an identical retry writes nothing.
    await put(p1, { usefulness: 4, remarks: 'un, corrigé' });
    expect(await resultsText(survey)).toBe(r3);
    // Rows only: the result's meta carries the query's duration, which differs run to run.
    const ballots = (
      await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ? ORDER BY respondent_key').bind(survey.id).all()
    ).results;
    expect((await put(p1, { usefulness: 4, remarks: 'un, corrigé' })).unchanged).toBe(true);
    expect(
      (await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ? ORDER BY respondent_key').bind(survey.id).all()).results,
    ).toEqual(ballots);
    await put(p2, { usefulness: 2 });
    expect(await resultsText(survey)).toBe(r3);
    await put(p4, { usefulness: 1 });
    expect(await resultsText(survey)).not.toBe(r3);
    expect(await responses(survey)).toBe(4);
    expect(await count("SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text = 'un, corrigé'", survey.id)).toBe(1);
  });

  it('the confirmation page and the JSON answer still show what was recorded before any release', async () => {
    const survey = await anonymousSurvey();
    const [token] = await invite(survey, 'eve@example.org');
    const saved = await put(token ?? '', { usefulness: 2, remarks: 'Tenu à part' });
    expect(saved.answers).toEqual({ usefulness: 2, remarks: 'Tenu à part' });
    const done = await openOn(`/s/${token}/done`, token ?? '');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Tenu à part');
    expect(await responses(survey)).toBe(0);
  });
});

describe('closing', () => {
  it('releases held answers when nothing was released yet, however few', async () => {
    const survey = await anonymousSurvey();
    const [a, b] = await invite(survey, 'c1@example.org', 'c2@example.org');
    await put(a ?? '', { usefulness: 4 });
    await put(b ?? '', { usefulness: 2 });
    await callJson(`/api/surveys/${survey.id}/close`, { method: 'POST', key });
    expect(await surveyJson(survey)).toMatchObject({ responses: 2, held_back: 0 });
  });

  it('after a release, fewer than the minimum late answers stay held back and are reported as a count', async () => {
    const survey = await anonymousSurvey();
    const tokens = await invite(survey, 'd1@example.org', 'd2@example.org', 'd3@example.org', 'd4@example.org');
    for (const [i, token] of tokens.entries()) await put(token, { usefulness: (i % 5) + 1 });
    const released = await resultsText(survey);
    await callJson(`/api/surveys/${survey.id}/close`, { method: 'POST', key });
    expect(await surveyJson(survey)).toMatchObject({ responses: 3, held_back: 1 });
    expect(await resultsText(survey)).toBe(released);
  });

  it('the hourly cron closes a survey past its date and releases the same way', async () => {
    const survey = await anonymousSurvey(3, '2099-01-01T00:00:00Z');
    const [a, b] = await invite(survey, 'e1@example.org', 'e2@example.org');
    await put(a ?? '', { usefulness: 4 });
    await put(b ?? '', { usefulness: 5 });
    await env.DB.prepare("UPDATE surveys SET closes_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").bind(survey.id).run();
    const report = await runTick({ ...env, EMAIL: undefined }, new Date('2026-06-01T10:00:00.000Z'));
    expect(report.released).toBeGreaterThanOrEqual(2);
    expect(await responses(survey)).toBe(2);
    expect(await held(survey)).toBe(0);
  });
});

describe('webhooks', () => {
  it('an anonymous survey sends no response.submitted; each release sends responses.released with counts only', async () => {
    const survey = await anonymousSurvey();
    const prefix = `/ok/ballots-${crypto.randomUUID()}`;
    await callJson(`/api/series/${survey.seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: `https://receiver.test${prefix}/hook`, events: ['response.submitted', 'responses.released'] },
      expect: 201,
    });
    const emails = ['w1@example.org', 'w2@example.org', 'w3@example.org'];
    const tokens = await invite(survey, ...emails);
    for (const token of tokens) await put(token, { usefulness: 3 });
    const got = (await (await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(prefix)}`)).json()) as {
      headers: Record<string, string>;
      body: string;
    }[];
    expect(got.map((r) => r.headers['relais-event'])).toEqual(['responses.released']);
    const body = JSON.parse(got[0]?.body ?? '{}');
    expect(body.data).toEqual({
      survey_id: survey.id,
      kind: 'post',
      session_number: 1,
      anonymous: true,
      released: 3,
      responses: 3,
      invitations: 3,
    });
    expect(body.occurred_at).toMatch(/:\d\d\.000Z$/);
    for (const secret of [...tokens, ...emails]) expect(got[0]?.body).not.toContain(secret);
  });
});

describe('a copy of D1', () => {
  it('holds no plaintext answers in ballots, no invitation or time finer than the day on anonymous rows', async () => {
    const survey = await anonymousSurvey(5);
    const tokens = await invite(survey, 'x1@example.org', 'x2@example.org');
    await call(`/s/${tokens[0]}`);
    await put(tokens[0] ?? '', { usefulness: 4, remarks: 'MARQUEUR-EN-CLAIR' });
    await put(tokens[1] ?? '', { usefulness: 2 });
    const rows = await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ?').bind(survey.id).all();
    expect(rows.results).toHaveLength(2);
    const dump = JSON.stringify(rows.results);
    for (const plain of ['MARQUEUR', 'usefulness', 'remarks', '"4"', tokens[0] ?? '']) expect(dump).not.toContain(plain);
    const invitations = await env.DB.prepare('SELECT opened_at FROM invitations WHERE survey_id = ?').bind(survey.id).all<{
      opened_at: string;
    }>();
    for (const i of invitations.results) expect(i.opened_at).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    // Released: no invitation id, only the day.
    await callJson(`/api/surveys/${survey.id}/close`, { method: 'POST', key });
    const released = await env.DB.prepare('SELECT invitation_id, created_at, updated_at FROM responses WHERE survey_id = ?')
      .bind(survey.id)
      .all<{ invitation_id: number | null; created_at: string; updated_at: string }>();
    expect(released.results).toHaveLength(2);
    for (const r of released.results) {
      expect(r.invitation_id).toBeNull();
      expect(r.created_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('response ids and answer rows follow the release’s shuffled order, not the order of submission', async () => {
    const survey = await anonymousSurvey(50);
    const tokens = await invite(survey, ...Array.from({ length: 6 }, (_, i) => `o${i}@example.org`));
    for (const [i, token] of tokens.entries()) await put(token, { usefulness: 3, remarks: `soumission ${i}` });
    const { results: ballots } = await env.DB.prepare(
      'SELECT respondent_key, pending FROM anonymous_ballots WHERE survey_id = ? AND pending IS NOT NULL',
    )
      .bind(survey.id)
      .all<PendingBallot>();
    expect(ballots).toHaveLength(6);
    // A known random source: the release must write exactly the permutation it yields.
    const source = () => {
      let state = 7;
      return (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
    };
    const expected = shuffle(ballots, source()).map((b) => b.respondent_key);
    expect(await releaseBallots(env, { surveyId: survey.id, seriesId: survey.seriesId }, ballots, { random: source() })).toBe(6);
    const order = await env.DB.prepare('SELECT respondent_key FROM responses WHERE survey_id = ? ORDER BY id').bind(survey.id).all();
    expect(order.results.map((r) => r.respondent_key)).toEqual(expected);
    const answerOrder = await env.DB.prepare(
      'SELECT r.respondent_key FROM answers a JOIN responses r ON r.id = a.response_id WHERE a.survey_id = ? ORDER BY a.rowid',
    )
      .bind(survey.id)
      .all();
    expect([...new Set(answerOrder.results.map((r) => r.respondent_key))]).toEqual(expected);
    // Released twice (or concurrently): nothing more is written.
    expect(await releaseBallots(env, { surveyId: survey.id, seriesId: survey.seriesId }, ballots)).toBe(0);
    expect(await responses(survey)).toBe(6);
    // The Worker's own source is not the identity: over five shuffles of eight, one at least moves.
    const eight = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(Array.from({ length: 5 }, () => shuffle(eight).join()).some((o) => o !== eight.join())).toBe(true);
  });
});

describe('erasure', () => {
  it('removes a person’s held ballot, never an anonymous response already released', async () => {
    const survey = await anonymousSurvey();
    const tokens = await invite(survey, 'f1@example.org', 'f2@example.org', 'f3@example.org', 'f4@example.org');
    for (const [i, token] of tokens.entries()) await put(token, { usefulness: (i % 5) + 1 });
    expect(await responses(survey)).toBe(3);
    expect(await held(survey)).toBe(1);
    for (const email of ['f1@example.org', 'f4@example.org'])
      await callJson('/api/participants/erase', { method: 'POST', key, json: { email } });
    expect(await responses(survey)).toBe(3);
    expect(await held(survey)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM anonymous_ballots WHERE survey_id = ?', survey.id)).toBe(2);
    // Removing one invitation does the same.
    const { invitations } = await callJson<{ invitations: { id: number; email: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
      key,
    });
    const f2 = invitations.find((i) => i.email === 'f2@example.org');
    expect((await call(`/api/invitations/${f2?.id}`, { method: 'DELETE', key })).status).toBe(204);
    expect(await responses(survey)).toBe(3);
    expect(await count('SELECT count(*) AS n FROM anonymous_ballots WHERE survey_id = ?', survey.id)).toBe(1);
  });
});

describe('a D1 failure in the release', () => {
  it('loses nothing: the submission is stored, the ballots stay held, the cron releases them later', async () => {
    const survey = await anonymousSurvey();
    const tokens = await invite(survey, 'g1@example.org', 'g2@example.org', 'g3@example.org');
    await env.DB.prepare(
      "CREATE TRIGGER forced_release_failure BEFORE INSERT ON answers WHEN NEW.text = 'ÉCHEC' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    ).run();
    try {
      await put(tokens[0] ?? '', { usefulness: 1, remarks: 'ÉCHEC' });
      await put(tokens[1] ?? '', { usefulness: 2 });
      // The third submission reaches the minimum; its release fails, the submission does not.
      const res = await call(`/api/s/${tokens[2]}`, { method: 'PUT', json: { answers: { usefulness: 3 } } });
      expect(res.status).toBe(200);
      expect(await responses(survey)).toBe(0);
      expect(await count('SELECT count(*) AS n FROM answers WHERE survey_id = ?', survey.id)).toBe(0);
      expect(await held(survey)).toBe(3);
    } finally {
      await env.DB.prepare('DROP TRIGGER forced_release_failure').run();
    }
    await runTick({ ...env, EMAIL: undefined }, new Date());
    expect(await responses(survey)).toBe(3);
    expect(await held(survey)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text = 'ÉCHEC'", survey.id)).toBe(1);
  });
});
