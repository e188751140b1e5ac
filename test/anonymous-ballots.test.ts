/**
 * Anonymous surveys hold each submission as a sealed ballot and release them in steps of at
 * least the effective minimum (src/responses/ballots.ts). Played as a curious coordinator
 * (API and pages) and as someone holding a copy of D1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
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

/**
 * Issue 15: an anonymous submission that releases nothing takes two D1 calls — the link's
 * context, then one batch — with the ballot not read first: the batch's write tells a retry by
 * the answers' MAC and the read-back's tag (migrations/0025), which only the link's token and
 * the device that gave the answers produce. Counted with the bench's instrumentation
 * (RELAIS_TIMING's Server-Timing, src/lib/d1-timing.ts), as test/rows-read.test.ts does.
 */
describe('two D1 calls: the ballot’s write tells a retry', () => {
  const timing = { RELAIS_TIMING: '1' } as Partial<Env>;
  const callsOf = (res: Response) => Number(/d1-calls;desc="(\d+)"/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);

  /** A PUT from `device` (a browser keeping its cookies), with its D1 calls. */
  async function putFrom(device: Browser, token: string, answers: Record<string, unknown>, language?: string) {
    const res = await device.request(
      `/api/s/${token}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers, ...(language ? { language } : {}) }),
      },
      timing,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { unchanged: boolean; language: string; updated_at: string };
    return { ...body, calls: callsOf(res) };
  }

  /** Everything a submission may write: the survey's ballots and invitations, rows only (meta carries durations). */
  const state = async (survey: Survey) => ({
    ballots: (await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ? ORDER BY respondent_key').bind(survey.id).all())
      .results,
    invitations: (
      await env.DB.prepare('SELECT id, answered, opened_at FROM invitations WHERE survey_id = ? ORDER BY id').bind(survey.id).all()
    ).results,
    responses: await responses(survey),
  });
  const ballotOf = async (survey: Survey) =>
    env.DB.prepare('SELECT pending, readback, readback_tag, language FROM anonymous_ballots WHERE survey_id = ?')
      .bind(survey.id)
      .first<{ pending: string | null; readback: string | null; readback_tag: string | null; language: string }>();

  it('first answers, a change and the HTML form take two calls; a retry from the same device writes nothing and counts no step', async () => {
    const survey = await anonymousSurvey();
    const [p1, p2, p3] = (await invite(survey, 't1@example.org', 't2@example.org', 't3@example.org')) as [string, string, string];
    const phone = new Browser();
    const first = await putFrom(phone, p1, { usefulness: 4, remarks: 'premier' }, 'fr');
    expect(first).toMatchObject({ unchanged: false, calls: 2 });

    const before = await state(survey);
    const retry = await putFrom(phone, p1, { usefulness: 4, remarks: 'premier' }, 'fr');
    expect(retry).toMatchObject({ unchanged: true, calls: 2, updated_at: first.updated_at });
    expect(await state(survey), 'a retry from the device that gave the answers writes').toEqual(before);

    const changed = await putFrom(phone, p1, { usefulness: 2, remarks: 'premier, changé' }, 'fr');
    expect(changed).toMatchObject({ unchanged: false, calls: 2 });
    expect((await ballotOf(survey))?.pending).not.toBe((before.ballots[0] as { pending: string }).pending);

    // The form (JavaScript off) names its language: two calls as well.
    const laptop = new Browser();
    const html = await (await laptop.request(`/s/${p2}`)).text();
    const surveyField = /name="survey" value="(\d+)"/.exec(html)?.[1] ?? '';
    const body = new URLSearchParams({ survey: surveyField, lang: 'fr', 'q.usefulness': '5' });
    const posted = await laptop.request(
      `/s/${p2}`,
      { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      timing,
    );
    expect(posted.status).toBe(303);
    expect(callsOf(posted)).toBe(2);
    expect(await held(survey)).toBe(2);

    // The third reaches the minimum: released in the same request, as before.
    expect((await putFrom(new Browser(), p3, { usefulness: 1 }, 'fr')).calls).toBe(3);
    expect(await surveyJson(survey)).toMatchObject({ responses: 3, held_back: 0 });
    const released = await resultsText(survey);

    // A retry after the release holds nothing again: two real changes then stay under the minimum.
    const late = await putFrom(phone, p1, { usefulness: 2, remarks: 'premier, changé' }, 'fr');
    expect(late).toMatchObject({ unchanged: true, calls: 2 });
    expect(await held(survey), 'a retry counts towards the next step').toBe(0);
    await putFrom(laptop, p2, { usefulness: 3 });
    await putFrom(new Browser(), p3, { usefulness: 2 });
    expect(await surveyJson(survey)).toMatchObject({ responses: 3, held_back: 2 });
    expect(await resultsText(survey)).toBe(released);
  });

  it('the same answers from another device are stored again like any change; the first device’s retry then writes too', async () => {
    const survey = await anonymousSurvey();
    const [token] = (await invite(survey, 'u1@example.org')) as [string];
    const phone = new Browser();
    await putFrom(phone, token, { usefulness: 3 }, 'fr');
    const held1 = await ballotOf(survey);

    const other = await putFrom(new Browser(), token, { usefulness: 3 }, 'fr');
    expect(other).toMatchObject({ unchanged: false, calls: 2 });
    const held2 = await ballotOf(survey);
    expect(held2?.pending, 'the same answers from another device are not stored again').not.toBe(held1?.pending);
    expect(held2?.readback_tag).not.toBe(held1?.readback_tag);

    // The phone can no longer read them back: its submission is no retry any more.
    const again = await putFrom(phone, token, { usefulness: 3 }, 'fr');
    expect(again).toMatchObject({ unchanged: false, calls: 2 });
    expect((await ballotOf(survey))?.pending).not.toBe(held2?.pending);
  });

  it('a device secret from another link cannot make a submission look like a retry', async () => {
    const survey = await anonymousSurvey(5);
    const [ana, bob] = (await invite(survey, 'v1@example.org', 'v2@example.org')) as [string, string];
    const anaPhone = new Browser();
    await putFrom(anaPhone, ana, { usefulness: 5, remarks: 'Ana' });
    // The coordinator answers through a link they can use (here Bob's, whose browser they hold),
    // then presents that device's secret with Ana's link and a guess of Ana's answers.
    const bobPhone = new Browser();
    await putFrom(bobPhone, bob, { usefulness: 5, remarks: 'Ana' });
    // Identical answers of two people: their tags are unrelated (a copy of D1 links nothing).
    const tags = (await env.DB.prepare('SELECT readback_tag FROM anonymous_ballots WHERE survey_id = ?').bind(survey.id).all()).results;
    expect(new Set(tags.map((t) => t.readback_tag)).size).toBe(2);
    const [anaCookie] = [...anaPhone.cookies.keys()].filter((k) => k.startsWith('rb_'));
    const [bobCookie] = [...bobPhone.cookies.keys()].filter((k) => k.startsWith('rb_'));
    const attacker = new Browser();
    attacker.cookies.set(anaCookie ?? '', bobPhone.cookies.get(bobCookie ?? '') ?? '');
    const before = await state(survey);
    const guess = await putFrom(attacker, ana, { usefulness: 5, remarks: 'Ana' });
    expect(guess.unchanged, 'a right guess is confirmed through another link’s device secret').toBe(false);
    expect(await state(survey)).not.toEqual(before);
    // The device that wrote last is the one whose retry is one: the attacker's now, no longer Ana's.
    expect((await putFrom(attacker, ana, { usefulness: 5, remarks: 'Ana' })).unchanged).toBe(true);
    expect((await putFrom(anaPhone, ana, { usefulness: 5, remarks: 'Ana' })).unchanged).toBe(false);
  });

  it('a ballot written before its tags existed: a retry is still told by its read-back, other devices store again', async () => {
    const survey = await anonymousSurvey();
    const [token] = (await invite(survey, 'w1@example.org')) as [string];
    const phone = new Browser();
    const first = await putFrom(phone, token, { usefulness: 4 });
    // As migration 0025 leaves every earlier ballot.
    await env.DB.prepare('UPDATE anonymous_ballots SET readback_tag = NULL WHERE survey_id = ?').bind(survey.id).run();

    const before = await state(survey);
    const retry = await putFrom(phone, token, { usefulness: 4 });
    expect(retry).toMatchObject({ unchanged: true, calls: 2, updated_at: first.updated_at });
    expect(await state(survey)).toEqual(before);

    // Another device with the same answers: one more call (the read-back settles it), stored.
    const laptop = new Browser();
    const other = await putFrom(laptop, token, { usefulness: 4 });
    expect(other).toMatchObject({ unchanged: false, calls: 3 });
    const tagged = await ballotOf(survey);
    expect(tagged?.readback_tag).toMatch(/^[0-9a-f]{64}$/);
    expect(tagged?.pending).not.toBe((before.ballots[0] as { pending: string }).pending);
    expect((await putFrom(laptop, token, { usefulness: 4 })).unchanged).toBe(true);

    // A change on an untagged ballot takes that call too (a right guess may not take fewer than a wrong one).
    await env.DB.prepare('UPDATE anonymous_ballots SET readback_tag = NULL WHERE survey_id = ?').bind(survey.id).run();
    expect(await putFrom(laptop, token, { usefulness: 1 })).toMatchObject({ unchanged: false, calls: 3 });
    expect(await putFrom(laptop, token, { usefulness: 1 })).toMatchObject({ unchanged: true, calls: 2 });
  });

  it('a submission naming no language keeps the language this device answered in; another device takes the invitation’s', async () => {
    const survey = await anonymousSurvey();
    const [token] = (await invite(survey, 'x1@example.org')) as [string];
    const invited = (await callJson<{ language: string }>(`/api/s/${token}`)).language;
    const other = invited === 'nl' ? 'en' : 'nl';
    const phone = new Browser();
    expect(await putFrom(phone, token, { usefulness: 2 }, other)).toMatchObject({ unchanged: false, calls: 2, language: other });
    // Its retry without a language is one, in its language.
    const before = await state(survey);
    expect(await putFrom(phone, token, { usefulness: 2 })).toMatchObject({ unchanged: true, language: other, calls: 2 });
    expect(await state(survey)).toEqual(before);
    // A change without a language keeps it too, settled from the read-back (one call more).
    expect(await putFrom(phone, token, { usefulness: 3 })).toMatchObject({ unchanged: false, language: other, calls: 3 });
    expect((await ballotOf(survey))?.language).toBe(other);

    // Another device, which cannot read them back, answers in the invitation's language.
    const laptop = new Browser();
    expect(await putFrom(laptop, token, { usefulness: 3 })).toMatchObject({ unchanged: false, language: invited, calls: 3 });
    expect((await ballotOf(survey))?.language).toBe(invited);
    // Naming the language, no call more.
    expect(await putFrom(laptop, token, { usefulness: 4 }, invited)).toMatchObject({ unchanged: false, language: invited, calls: 2 });

    // A first answer naming no language (as the bench's): the invitation's, two calls.
    const [second] = (await invite(survey, 'x2@example.org')) as [string];
    expect(await putFrom(new Browser(), second, { usefulness: 2 })).toMatchObject({ unchanged: false, calls: 2, language: invited });
  });

  it('the D1 calls of a submission through the link tell nothing of the ballot: not a right guess, not its language', async () => {
    const survey = await anonymousSurvey();
    const [token] = (await invite(survey, 'z1@example.org')) as [string];
    const invited = (await callJson<{ language: string }>(`/api/s/${token}`)).language;
    const other = invited === 'nl' ? 'en' : 'nl';
    const participant = new Browser();
    /** The participant's ballot (in `language`, tagged or as before migration 0025), then the coordinator's guess through the link. */
    const guess = async (answers: Record<string, unknown>, ballot: { language: string; untagged: boolean }, named?: string) => {
      await putFrom(participant, token, { usefulness: 3 }, ballot.language);
      if (ballot.untagged)
        await env.DB.prepare('UPDATE anonymous_ballots SET readback_tag = NULL WHERE survey_id = ?').bind(survey.id).run();
      const { unchanged, calls } = await putFrom(new Browser(), token, answers, named);
      return { unchanged, calls };
    };
    for (const untagged of [false, true]) {
      for (const named of [invited, undefined]) {
        const right = await guess({ usefulness: 3 }, { language: named ?? invited, untagged }, named);
        const wrong = await guess({ usefulness: 4 }, { language: named ?? invited, untagged }, named);
        expect(right, `a right guess (${untagged ? 'untagged' : 'tagged'}, language ${named ?? 'not named'})`).toEqual(wrong);
        expect(right.unchanged).toBe(false);
      }
      // A guess naming no language takes the same calls whatever the language the person answered in.
      const inInvited = await guess({ usefulness: 4 }, { language: invited, untagged });
      const inOther = await guess({ usefulness: 4 }, { language: other, untagged });
      expect(inOther, `the ballot's language (${untagged ? 'untagged' : 'tagged'})`).toEqual(inInvited);
    }
  });

  it('contacts purged: a read-back cleared takes its tag with it, so nothing answers "unchanged" to a device that reads nothing back', async () => {
    const survey = await anonymousSurvey();
    const [token] = (await invite(survey, 'y1@example.org')) as [string];
    const phone = new Browser();
    await putFrom(phone, token, { usefulness: 5 });
    const { purgeContactsStatements } = await import('../src/cron/cron.queries.ts');
    await env.DB.batch(purgeContactsStatements(env.DB, survey.seriesId, new Date().toISOString()));
    expect(await ballotOf(survey)).toMatchObject({ readback: null, readback_tag: null });
    expect((await putFrom(phone, token, { usefulness: 5 })).unchanged).toBe(false);
  });
});
