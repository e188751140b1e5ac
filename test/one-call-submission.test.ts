/**
 * A submission that names its survey (`survey_id`, the form's hidden `survey`) is stored in
 * one D1 call when the Worker holds the survey's questions, and behaves exactly like the
 * two-call path in every other respect: same rows, same counters, same retries, same refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { validateAnswers } from '../src/domain/answers.ts';
import type { Definition } from '../src/domain/definition.ts';
import { replaceResponse } from '../src/responses/responses.queries.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

interface Question {
  id: string;
  type: string;
  options?: { id: string }[];
  min?: number;
  max?: number;
}

let key: string;
let surveyId: number;
let otherSurveyId: number;
let questions: Question[];

async function invite(survey: number, count: number, prefix: string): Promise<string[]> {
  const participants = Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@example.org` }));
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey}/invitations`, {
    method: 'POST',
    key,
    json: { participants },
    expect: 201,
  });
  return invitations.map((i) => tokenOf(i.url));
}

/** A request with the dev instrumentation on: its Server-Timing header counts D1 calls. */
async function timed(path: string, init: RequestInit): Promise<{ res: Response; calls: number; statements: number }> {
  const res = await app.request(`https://relais.test${path}`, init, { ...env, RELAIS_TIMING: '1' });
  const header = res.headers.get('Server-Timing') ?? '';
  const figure = (name: string) => Number(new RegExp(`${name};desc="(\\d+)"`).exec(header)?.[1] ?? Number.NaN);
  return { res, calls: figure('d1-calls'), statements: figure('d1-statements') };
}

const putJson = (token: string, body: unknown) =>
  timed(`/api/s/${token}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Answers covering every question type of the post-survey template, varied by `n`. */
function answersFor(n: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const ids = q.options?.map((o) => o.id) ?? [];
    if (q.type === 'single') answers[q.id] = ids[n % ids.length];
    else if (q.type === 'multiple') answers[q.id] = [ids[n % ids.length]];
    else if (q.type === 'ranking') answers[q.id] = [ids[n % ids.length], ids[(n + 1) % ids.length]];
    else if (q.type === 'rating') answers[q.id] = (q.min ?? 1) + (n % ((q.max ?? 5) - (q.min ?? 1) + 1));
    else if (q.type === 'text') answers[q.id] = `Remarque ${n}`;
  }
  return answers;
}

async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored response behind a link: its answer rows (sorted), language, times, and the invitation's flag. */
async function stored(token: string) {
  const hash = await tokenHash(token);
  const response = await env.DB.prepare(
    `SELECT r.id, r.language, r.created_at, r.updated_at, r.definition_version, i.answered, r.invitation_id
       FROM invitations i LEFT JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id
      WHERE i.token_hash = ?`,
  )
    .bind(hash)
    .first<{ id: number | null; language: string; created_at: string; updated_at: string; answered: number; invitation_id: number }>();
  const { results: rows } = await env.DB.prepare(
    `SELECT question_id, option_id, theme_id, rank, number, text, grp FROM answers WHERE response_id = ?
      ORDER BY question_id, option_id, rank, number, text`,
  )
    .bind(response?.id ?? 0)
    .all();
  return { response, rows };
}

/** The counters of migrations/0008 and 0009 must equal a recount of the answers after any writes. */
async function countersMatchAnswers(survey: number) {
  const [tallied, counted] = await env.DB.batch<{ n: number }>([
    env.DB.prepare('SELECT coalesce(sum(n), 0) AS n FROM answer_tallies WHERE survey_id = ?').bind(survey),
    env.DB.prepare('SELECT count(*) AS n FROM answers WHERE survey_id = ? AND text IS NULL').bind(survey),
  ]);
  expect(tallied?.results[0]?.n).toBe(counted?.results[0]?.n);
  const [respondents, recount] = await env.DB.batch<{ question_id: string; n: number }>([
    env.DB.prepare(
      'SELECT question_id, sum(n) AS n FROM question_tallies WHERE survey_id = ? GROUP BY question_id ORDER BY question_id',
    ).bind(survey),
    env.DB.prepare(
      'SELECT question_id, count(DISTINCT response_id) AS n FROM answers WHERE survey_id = ? GROUP BY question_id ORDER BY question_id',
    ).bind(survey),
  ]);
  expect(respondents?.results).toEqual(recount?.results);
}

beforeAll(async () => {
  key = await createCoordinator('Bassin Nord');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Un appel' }, expect: 201 });
  for (const fr of ['A', 'B', 'C'])
    await callJson(`/api/series/${series.id}/themes`, { method: 'POST', key, json: { label: { fr } }, expect: 201 });
  const surveys: number[] = [];
  for (const number of [1, 2]) {
    const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number, starts_at: `2026-0${number}-01T12:00:00Z` },
      expect: 201,
    });
    const survey = await callJson<{ id: number; questions: Question[] }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'post' },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    surveys.push(survey.id);
  }
  [surveyId = 0, otherSurveyId = 0] = surveys;
  questions = (await callJson<{ questions: Question[] }>(`/api/surveys/${surveyId}`, { key })).questions;
  // A participant opens their link: from then on this isolate holds the survey's questions.
  const [first] = await invite(surveyId, 1, 'first-');
  await callJson(`/api/s/${first}`);
  const [other] = await invite(otherSurveyId, 1, 'other-');
  await callJson(`/api/s/${other}`);
});

describe('one D1 call when the survey is named', () => {
  it('stores the same rows as the two-call path, in one call instead of two', async () => {
    const [named, unnamed] = await invite(surveyId, 2, 'same-');
    if (!named || !unnamed) throw new Error('no links');
    const one = await putJson(named, { answers: answersFor(3), survey_id: surveyId });
    const two = await putJson(unnamed, { answers: answersFor(3) });
    expect(one.res.status).toBe(200);
    expect(two.res.status).toBe(200);
    expect(one.calls).toBe(1);
    expect(two.calls).toBe(2);
    const [a, b] = [await one.res.json<Record<string, unknown>>(), await two.res.json<Record<string, unknown>>()];
    expect(a).toMatchObject({ survey_id: surveyId, unchanged: false, language: 'fr' });
    expect({ ...a, updated_at: null }).toEqual({ ...b, updated_at: null });
    const [x, y] = [await stored(named), await stored(unnamed)];
    expect(x.rows.length).toBeGreaterThan(5);
    expect(x.rows).toEqual(y.rows);
    expect(x.response?.answered).toBe(1);
    await countersMatchAnswers(surveyId);
  });

  it('an identical retry writes nothing and says so; a change replaces every row', async () => {
    const [token] = await invite(surveyId, 1, 'retry-');
    if (!token) throw new Error('no link');
    const first = await (await putJson(token, { answers: answersFor(1), survey_id: surveyId })).res.json<{ updated_at: string }>();
    const before = await stored(token);
    const retry = await putJson(token, { answers: answersFor(1), survey_id: surveyId });
    // The guarded batch writes nothing, then the link is read to tell a retry from a refusal.
    expect(retry.calls).toBe(2);
    expect(await retry.res.json()).toMatchObject({ unchanged: true, updated_at: first.updated_at });
    expect(await stored(token)).toEqual(before);

    const changed = await putJson(token, { answers: answersFor(2), survey_id: surveyId });
    expect(await changed.res.json()).toMatchObject({ unchanged: false });
    const after = await stored(token);
    expect(after.response?.id).toBe(before.response?.id);
    expect(after.response?.created_at).toBe(before.response?.created_at);
    expect(after.rows).not.toEqual(before.rows);
    expect(after.rows.length).toBe(before.rows.length);
    await countersMatchAnswers(surveyId);
  });

  it('keeps the language answered in, and a change of language alone is stored', async () => {
    const [token] = await invite(surveyId, 1, 'lang-');
    if (!token) throw new Error('no link');
    await putJson(token, { answers: answersFor(4), language: 'nl', survey_id: surveyId });
    const dutch = await stored(token);
    const again = await putJson(token, { answers: answersFor(4), survey_id: surveyId });
    expect(await again.res.json()).toMatchObject({ language: 'nl', unchanged: true });
    const english = await putJson(token, { answers: answersFor(4), language: 'en', survey_id: surveyId });
    expect(await english.res.json()).toMatchObject({ language: 'en', unchanged: false });
    const { response, rows } = await stored(token);
    expect(response?.language).toBe('en');
    expect(rows).toEqual(dutch.rows);
    await countersMatchAnswers(surveyId);
  });

  it('the HTML form carries its survey and is stored in one call', async () => {
    const [token] = await invite(surveyId, 1, 'form-');
    if (!token) throw new Error('no link');
    const page = await (await call(`/s/${token}`)).text();
    expect(page).toContain(`name="survey" value="${surveyId}"`);
    // The form's fields for the same answers as the JSON of answersFor(10).
    const form = new URLSearchParams({ lang: 'nl', survey: String(surveyId) });
    for (const [id, value] of Object.entries(answersFor(10))) {
      const q = questions.find((x) => x.id === id);
      if (q?.type === 'ranking') {
        for (const [i, option] of (value as string[]).entries()) form.append(`q.${id}.${option}`, String(i + 1));
      } else for (const v of [value].flat()) form.append(`q.${id}`, String(v));
    }
    const posted = await timed(`/s/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.res.status).toBe(303);
    expect(posted.res.headers.get('location')).toBe(`/s/${token}/done?lang=nl`);
    expect(posted.calls).toBe(1);
    const { rows, response } = await stored(token);
    expect(response?.language).toBe('nl');
    // The same rows as the JSON API stores for the same answers.
    const [twin] = await invite(surveyId, 1, 'form-twin-');
    if (!twin) throw new Error('no link');
    expect((await putJson(twin, { answers: answersFor(10) })).res.status).toBe(200);
    expect(rows).toEqual((await stored(twin)).rows);
  });
});

describe('a first submission without a DELETE', () => {
  it('writes a new response in three statements; an edit of a link answered through another isolate costs one more call', async () => {
    const [fresh, elsewhere, reference] = await invite(surveyId, 3, 'first-stmts-');
    if (!fresh || !elsewhere || !reference) throw new Error('no links');
    const first = await putJson(fresh, { answers: answersFor(4), survey_id: surveyId });
    expect(first.res.status).toBe(200);
    expect([first.calls, first.statements]).toEqual([1, 3]);
    // Answered behind this isolate's back: the link's response is written straight to D1.
    const invitation = await env.DB.prepare('SELECT id FROM invitations WHERE token_hash = ?')
      .bind(await tokenHash(elsewhere))
      .first<{ id: number }>();
    const checked = validateAnswers({ questions } as unknown as Definition, answersFor(1));
    if (!checked.ok || !invitation) throw new Error('no answers');
    await replaceResponse(env.DB, {
      surveyId,
      invitationId: invitation.id,
      respondentKey: `i:${invitation.id}`,
      language: 'fr',
      answersHash: 'written-elsewhere',
      definitionVersion: 1,
      rows: checked.rows,
      grp: '',
    });
    const edit = await putJson(elsewhere, { answers: answersFor(6), survey_id: surveyId });
    expect(edit.res.status).toBe(200);
    expect(edit.calls).toBe(2);
    // The same rows as a first submission of these answers: the old ones are gone.
    await putJson(reference, { answers: answersFor(6), survey_id: surveyId });
    expect((await stored(elsewhere)).rows).toEqual((await stored(reference)).rows);
    // Known answered now: the next edit is one call again.
    const again = await putJson(elsewhere, { answers: answersFor(7), survey_id: surveyId });
    expect([again.calls, again.statements]).toEqual([1, 4]);
    await countersMatchAnswers(surveyId);
  });
});

describe('one D1 call without survey_id, for a link this isolate has read', () => {
  it('stores a submission that does not name its survey in one call once its link was opened here', async () => {
    const [token] = await invite(surveyId, 1, 'opened-');
    if (!token) throw new Error('no link');
    await callJson(`/api/s/${token}`);
    const res = await putJson(token, { answers: answersFor(2) });
    expect(res.res.status).toBe(200);
    expect(res.calls).toBe(1);
    expect(await res.res.json()).toMatchObject({ survey_id: surveyId, unchanged: false });
    await countersMatchAnswers(surveyId);
  });

  it('takes the usual path for a link never read here while several surveys held ask the same questions', async () => {
    const [token] = await invite(otherSurveyId, 1, 'unread-');
    if (!token) throw new Error('no link');
    const res = await putJson(token, { answers: answersFor(3) });
    expect(res.res.status).toBe(200);
    expect(res.calls).toBe(2);
    expect(await res.res.json()).toMatchObject({ survey_id: otherSurveyId, unchanged: false });
    // The other survey is the tests' below: the person leaves it as they came (answers, counters).
    await env.DB.prepare(`DELETE FROM invitations WHERE survey_id = ? AND email LIKE 'unread-%'`).bind(otherSurveyId).run();
  });
});

describe('anything else takes the two-call path, with its answer', () => {
  it('a survey id that is not the link’s: stored on the link’s own survey', async () => {
    const [token] = await invite(surveyId, 1, 'wrong-');
    if (!token) throw new Error('no link');
    const res = await putJson(token, { answers: answersFor(5), survey_id: otherSurveyId });
    expect(res.res.status).toBe(200);
    expect(await res.res.json()).toMatchObject({ survey_id: surveyId, unchanged: false });
    const other = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?')
      .bind(otherSurveyId)
      .first<{ n: number }>();
    expect(other?.n).toBe(0);
    expect((await stored(token)).rows.length).toBeGreaterThan(5);
  });

  it('a survey id never read by this isolate, or not a survey at all', async () => {
    const [token] = await invite(surveyId, 1, 'unknown-');
    if (!token) throw new Error('no link');
    const res = await putJson(token, { answers: answersFor(6), survey_id: 987654 });
    expect(res.res.status).toBe(200);
    expect(res.calls).toBe(2);
    expect(await res.res.json()).toMatchObject({ survey_id: surveyId });
  });

  it('answers that do not fit: 422 naming the field, nothing stored', async () => {
    const [token] = await invite(surveyId, 1, 'bad-');
    if (!token) throw new Error('no link');
    const res = await putJson(token, { answers: { ...answersFor(1), nonsense: 'x' }, survey_id: surveyId });
    expect(res.res.status).toBe(422);
    const problem = await res.res.json<{ errors: { field: string }[] }>();
    expect(problem.errors.map((e) => e.field)).toContain('answers'); // never the key sent (issue 19)
    expect((await stored(token)).response?.id).toBeNull();
  });

  it('unknown link: 404', async () => {
    const res = await putJson('A'.repeat(32), { answers: answersFor(1), survey_id: surveyId });
    expect(res.res.status).toBe(404);
  });

  it('questions changed since they were read: validated against the new ones', async () => {
    const [token] = await invite(surveyId, 1, 'changed-');
    if (!token) throw new Error('no link');
    // As an edit by the coordinator leaves it: one question fewer, the version bumped.
    const dropped = questions.find((q) => q.type === 'text');
    if (!dropped) throw new Error('no text question');
    await env.DB.prepare(
      `UPDATE surveys SET definition = json_set(definition, '$.questions',
         (SELECT json_group_array(json(value)) FROM json_each(definition, '$.questions') WHERE value ->> 'id' IS NOT ?2)),
         definition_version = definition_version + 1 WHERE id = ?1`,
    )
      .bind(surveyId, dropped.id)
      .run();
    const res = await putJson(token, { answers: answersFor(7), survey_id: surveyId });
    expect(res.res.status).toBe(422);
    // The dropped question's id is now a key the survey does not know: named by its parent (issue 19).
    expect((await res.res.json<{ errors: { field: string }[] }>()).errors.map((e) => e.field)).toEqual(['answers']);
    expect((await stored(token)).response?.id).toBeNull();
    // The two-call path read the new questions: the next submission takes one call again.
    const { [dropped.id]: _, ...fitting } = answersFor(7);
    const ok = await putJson(token, { answers: fitting, survey_id: surveyId });
    expect(ok.res.status).toBe(200);
    expect(ok.calls).toBe(1);
    expect((await stored(token)).rows.some((r) => r.question_id === dropped.id)).toBe(false);
    questions = questions.filter((q) => q.id !== dropped.id);
  });

  it('a closed survey: 410, nothing written', async () => {
    const [token] = await invite(surveyId, 1, 'closed-');
    if (!token) throw new Error('no link');
    await callJson(`/api/surveys/${surveyId}/close`, { method: 'POST', key });
    const res = await putJson(token, { answers: answersFor(8), survey_id: surveyId });
    expect(res.res.status).toBe(410);
    expect((await stored(token)).response?.id).toBeNull();
    await countersMatchAnswers(surveyId);
  });

  it('an anonymous survey: stored under its secret key, never the invitation', async () => {
    await env.DB.prepare('UPDATE surveys SET anonymous = 1 WHERE id = ?').bind(otherSurveyId).run();
    const [token] = await invite(otherSurveyId, 1, 'anon-');
    if (!token) throw new Error('no link');
    await callJson(`/api/s/${token}`);
    const res = await putJson(token, { answers: answersFor(9), survey_id: otherSurveyId });
    expect(res.res.status).toBe(200);
    // Held as a sealed ballot until enough people answered (src/responses/ballots.ts); no response row names the invitation.
    const row = await env.DB.prepare('SELECT respondent_key, pending FROM anonymous_ballots WHERE survey_id = ?')
      .bind(otherSurveyId)
      .first<{ respondent_key: string; pending: string | null }>();
    expect(row?.respondent_key).toMatch(/^a:[0-9a-f]{64}$/);
    expect(row?.pending).not.toBeNull();
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ? AND invitation_id IS NOT NULL')
        .bind(otherSurveyId)
        .first('n'),
    ).toBe(0);
    // A retry from the client that answered (it keeps the cookie the PUT set, as a browser does)
    // writes nothing; the same answers from a client without it are stored again, still one ballot.
    const cookie = (res.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const retry = await timed(`/api/s/${token}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ answers: answersFor(9), survey_id: otherSurveyId }),
    });
    expect(await retry.res.json()).toMatchObject({ unchanged: true });
    const elsewhere = await putJson(token, { answers: answersFor(9), survey_id: otherSurveyId });
    expect(await elsewhere.res.json()).toMatchObject({ unchanged: false });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM anonymous_ballots WHERE survey_id = ?').bind(otherSurveyId).first('n')).toBe(1);
  });
});
