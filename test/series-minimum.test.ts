/**
 * A curious coordinator tries to lower the series' minimum group size once answers exist, so
 * that every cell hidden so far shows at once: through the JSON API and through the
 * workspace's series settings. Once a survey of the series has a response, the minimum can
 * only go up, and every change is in the audit log (who, from → to).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

interface Series {
  id: number;
  min_group_size: number;
}

let key: string;
let email: string;

async function seriesWithSurvey(title: string, minGroupSize: number, anonymous = false) {
  const { seriesId, surveyId } = await openSurveyFor(key, { title, minGroupSize, anonymous, startsAt: '2099-03-01T12:00:00Z' });
  return { seriesId, surveyId };
}

async function answer(surveyId: number, who: string) {
  const [invitation] = await inviteThroughApi(key, surveyId, [{ email: who }]);
  const token = invitation?.token ?? '';
  await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 2 } } });
}

const minimumOf = async (id: number) =>
  (await env.DB.prepare('SELECT min_group_size AS n FROM series WHERE id = ?').bind(id).first<{ n: number }>())?.n;

async function auditOf(id: number) {
  const { results } = await env.DB.prepare(
    "SELECT actor, action, target, detail FROM audit_log WHERE target = ? AND action LIKE 'series.%' ORDER BY id",
  )
    .bind(`series:${id}`)
    .all<{ actor: string; action: string; target: string; detail: string | null }>();
  return results.filter((r) => r.action !== 'series.create');
}

beforeAll(async () => {
  ({ key, email } = await workspaceCoordinator('Bassin Minimum'));
});

describe('lowering the minimum through the API', () => {
  it('is refused once a survey of the series has a response: 422 naming min_group_size, nothing changes', async () => {
    const { seriesId, surveyId } = await seriesWithSurvey('Minimum API', 5);
    await answer(surveyId, 'one@example.org');
    const res = await call(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { min_group_size: 1 } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { detail: string; errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['min_group_size']);
    expect(problem.errors[0]?.message).toMatch(/only be raised/);
    expect(problem.detail).toMatch(/answered/);
    expect(await minimumOf(seriesId)).toBe(5);
    // Several fields at once: nothing of the request is applied, not even the title.
    const both = await call(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { title: 'Renamed', min_group_size: 4 } });
    expect(both.status).toBe(422);
    expect((await callJson<{ title: string }>(`/api/series/${seriesId}`, { key })).title).toBe('Minimum API');
    expect(await auditOf(seriesId)).toEqual([]);
  });

  it('lets it go up after answers, and logs who changed it from what to what', async () => {
    const { seriesId, surveyId } = await seriesWithSurvey('Minimum up', 3);
    await answer(surveyId, 'two@example.org');
    const raised = await callJson<Series>(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { min_group_size: 6 } });
    expect(raised.min_group_size).toBe(6);
    // The same value again is not lowering.
    expect((await call(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { min_group_size: 6 } })).status).toBe(200);
    const entries = await auditOf(seriesId);
    expect(entries[0]).toMatchObject({ actor: email, action: 'series.update', target: `series:${seriesId}` });
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ min_group_size: { from: 3, to: 6 } });
  });

  it('lets it go down while nobody has answered, and logs it', async () => {
    const { seriesId } = await seriesWithSurvey('Minimum before answers', 5);
    const lowered = await callJson<Series>(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { min_group_size: 2, title: 'New' } });
    expect(lowered.min_group_size).toBe(2);
    const [entry] = await auditOf(seriesId);
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      title: { from: 'Minimum before answers', to: 'New' },
      min_group_size: { from: 5, to: 2 },
    });
  });

  it('counts answers to an anonymous survey too, whose figures never describe fewer than 3 anyway', async () => {
    const { seriesId, surveyId } = await seriesWithSurvey('Minimum anonymous', 4, true);
    await answer(surveyId, 'anon@example.org');
    const res = await call(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { min_group_size: 3 } });
    expect(res.status).toBe(422);
    expect(await minimumOf(seriesId)).toBe(4);
  });

  it('another organisation’s series answers 404, never 422', async () => {
    const { seriesId, surveyId } = await seriesWithSurvey('Minimum scoped', 5);
    await answer(surveyId, 'scoped@example.org');
    const { key: otherKey } = await workspaceCoordinator('Bassin Ailleurs');
    const res = await call(`/api/series/${seriesId}`, { method: 'PATCH', key: otherKey, json: { min_group_size: 1 } });
    expect(res.status).toBe(404);
  });
});

describe('the workspace’s series settings', () => {
  it('show the rule, refuse lowering after answers with the reason, and log a raise', async () => {
    const { seriesId, surveyId } = await seriesWithSurvey('Minimum workspace', 4);
    await answer(surveyId, 'three@example.org');
    const browser = new Browser();
    await browser.signIn(email);
    const page = await browser.get(`/app/series/${seriesId}?lang=en`);
    expect(page.html).toContain('name="min_group_size"');
    expect(page.html).toContain('can only be raised');

    const lowered = await browser.post(`/app/series/${seriesId}/settings?lang=en`, { min_group_size: '1' });
    expect(lowered.status).toBe(422);
    const html = await lowered.text();
    expect(html).toContain('href="#min_group_size"');
    expect(html).toContain('can only be raised');
    expect(await minimumOf(seriesId)).toBe(4);
    expect(await auditOf(seriesId)).toEqual([]);

    const raised = await browser.post(`/app/series/${seriesId}/settings`, { min_group_size: '7' });
    expect(raised.status).toBe(303);
    expect(await minimumOf(seriesId)).toBe(7);
    const [entry] = await auditOf(seriesId);
    expect(entry).toMatchObject({ action: 'series.update', actor: email });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ min_group_size: { from: 4, to: 7 } });
    const fr = await browser.get(`/app/series/${seriesId}?lang=fr`);
    expect(fr.html).toContain('ne peut plus qu’être relevé');
    const nl = await browser.get(`/app/series/${seriesId}?lang=nl`);
    expect(nl.html).toContain('alleen nog verhoogd');
  });

  it('refuses a value that is not a whole number from 1 to 50, naming the field', async () => {
    const { seriesId } = await seriesWithSurvey('Minimum form', 3);
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/series/${seriesId}`);
    for (const value of ['0', '51', 'abc', '2.5', '']) {
      const res = await browser.post(`/app/series/${seriesId}/settings`, { min_group_size: value });
      expect(res.status, value).toBe(422);
      expect(await res.text()).toContain('href="#min_group_size"');
    }
    expect(await minimumOf(seriesId)).toBe(3);
  });
});
