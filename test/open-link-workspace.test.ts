/** The open link from the coordinator's workspace: the page, its form, CSRF and scoping. */
import { beforeAll, describe, expect, it } from 'vitest';
import { callJson, createCoordinator, env } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

let email: string;
let surveyId: number;
let sessionId: number;
let theirSurvey: number;

async function surveyOf(key: string, title: string) {
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title }, expect: 201 });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 3, starts_at: '2025-12-18T13:00:00+01:00', place: 'Lieu à confirmer' },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'pre' },
    expect: 201,
  });
  return { sessionId: session.id, surveyId: survey.id };
}

beforeAll(async () => {
  const me = await workspaceCoordinator('Bassin Sud-Est (open link workspace)');
  email = me.email;
  ({ sessionId, surveyId } = await surveyOf(me.key, 'Liaison hôpital-ambulatoire'));
  theirSurvey = (await surveyOf(await createCoordinator('Bassin Nord (open link workspace)'), 'Autre concertation')).surveyId;
});

describe('the open link in the workspace', () => {
  it('is reached from the session page, switched on with a cap, and shows its public URL', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    const session = await browser.get(`/app/sessions/${sessionId}?lang=fr`);
    expect(session.html).toContain(`href="/app/surveys/${surveyId}/open-link"`);
    expect(session.html).toContain('Lien ouvert (agenda, newsletter)');

    let page = await browser.get(`/app/surveys/${surveyId}/open-link`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Pas encore de lien ouvert');
    const res = await browser.post(`/app/surveys/${surveyId}/open-link`, { enabled: '1', cap: ' 25 ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/app/surveys/${surveyId}/open-link?notice=saved`);
    const row = await env.DB.prepare('SELECT slug, enabled, cap FROM open_links WHERE survey_id = ?')
      .bind(surveyId)
      .first<{ slug: string; enabled: number; cap: number }>();
    expect(row).toMatchObject({ enabled: 1, cap: 25 });
    page = await browser.get(`/app/surveys/${surveyId}/open-link`);
    expect(page.html).toContain(`href="https://relais.test/o/${row?.slug}"`);
    expect(page.html).toContain('value="25"');
    expect(page.html).toContain('checked');

    // Unchecked and emptied: switched off, no cap, same slug.
    expect((await browser.post(`/app/surveys/${surveyId}/open-link`, { cap: '' })).status).toBe(303);
    const after = await env.DB.prepare('SELECT slug, enabled, cap FROM open_links WHERE survey_id = ?').bind(surveyId).first();
    expect(after).toEqual({ slug: row?.slug, enabled: 0, cap: null });
  });

  it('re-renders a bad cap with a 422 and an error summary, changing nothing', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${surveyId}/open-link?lang=en`);
    const before = await env.DB.prepare('SELECT enabled, cap FROM open_links WHERE survey_id = ?').bind(surveyId).first();
    for (const cap of ['abc', '0', '-3', '2.5', '100000']) {
      const res = await browser.post(`/app/surveys/${surveyId}/open-link`, { enabled: '1', cap });
      expect(res.status, cap).toBe(422);
      const html = await res.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain('href="#cap"');
      expect(html).toContain('aria-invalid="true"');
    }
    expect(await env.DB.prepare('SELECT enabled, cap FROM open_links WHERE survey_id = ?').bind(surveyId).first()).toEqual(before);
  });

  it('refuses a form without its CSRF token, another organisation’s survey, and visitors not signed in', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    const forged = await browser.post(`/app/surveys/${surveyId}/open-link`, { enabled: '1', _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect((await browser.get(`/app/surveys/${theirSurvey}/open-link`)).res.status).toBe(404);
    expect((await browser.post(`/app/surveys/${theirSurvey}/open-link`, { enabled: '1' })).status).toBe(404);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM open_links WHERE survey_id = ?').bind(theirSurvey).first()).toEqual({ n: 0 });
    const stranger = await new Browser().request(`/app/surveys/${surveyId}/open-link`);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toContain('/app/sign-in');
  });
});
