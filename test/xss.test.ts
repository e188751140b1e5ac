/**
 * A script payload in every text a user can write — series title, theme label, participant
 * name, free answers and theme proposals — comes out inert everywhere it is shown: pages,
 * e-mails, Markdown and CSV.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, env, tokenOf } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';

const X = '<script>alert("x")</script><img src=x onerror=alert(1)>';
/** The payload must never appear as markup: only escaped (HTML) or quoted (Markdown). */
const RAW = ['<script>alert', '<img src=x'];

let key: string;
let email: string;
let seriesId: number;
let sessionId: number;
let surveyId: number;
let token: string;

const expectInert = (text: string, where: string) => {
  for (const raw of RAW) expect(text.includes(raw), `${where} contains ${raw}`).toBe(false);
};

beforeAll(async () => {
  ({ key, email } = await workspaceCoordinator('Bassin XSS'));
  seriesId = (
    await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: `Série ${X}`, min_group_size: 1 }, expect: 201 })
  ).id;
  await callJson(`/api/series/${seriesId}/themes`, {
    method: 'POST',
    key,
    json: { label: { fr: `Thème ${X}`, nl: X, en: X } },
    expect: 201,
  });
  sessionId = (
    await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-03-01T12:00:00Z', place: `Lieu ${X}` },
      expect: 201,
    })
  ).id;
  surveyId = (
    await callJson<{ id: number }>(`/api/sessions/${sessionId}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 })
  ).id;
  await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'xss@example.org', name: `Nom ${X}` }] },
    expect: 201,
  });
  token = tokenOf(invitations[0]?.url ?? '');
  const survey = await callJson<{ questions: { id: string; options?: { id: string }[] }[] }>(`/api/surveys/${surveyId}`, { key });
  const theme = survey.questions.find((q) => q.id === 'themes')?.options?.[0]?.id ?? '';
  await callJson(`/api/s/${token}`, {
    method: 'PUT',
    json: { answers: { usefulness: 4, themes: [theme], 'theme-proposal': `Proposition ${X}`, remarks: `=HYPERLINK("http://evil") ${X}` } },
  });
});

describe('pages', () => {
  it('the survey page and its confirmation', async () => {
    expectInert(await (await call(`/s/${token}`)).text(), 'survey page');
    expectInert(await (await call(`/s/${token}/done`)).text(), 'confirmation page');
  });

  it('the results and brief pages', async () => {
    const results = await call(`/api/surveys/${surveyId}/results?format=html`, { key });
    expect(results.status).toBe(200);
    const html = await results.text();
    expectInert(html, 'results page');
    expect(html).toContain('Proposition &lt;script&gt;');
    expectInert(await (await call(`/api/sessions/${sessionId}/brief?format=html`, { key })).text(), 'brief page');
  });

  it('the workspace pages', async () => {
    const browser = new Browser();
    await browser.signIn(email);
    for (const path of ['/app/series', `/app/series/${seriesId}`, `/app/sessions/${sessionId}`, `/app/surveys/${surveyId}/participants`]) {
      const { res, html } = await browser.get(path);
      expect(res.status, path).toBe(200);
      expectInert(html, path);
    }
  });
});

describe('e-mails', () => {
  it('escape the name and titles in the HTML part', async () => {
    // Send skips who already answered (issue 14), so the message goes to someone who has not.
    await callJson(`/api/surveys/${surveyId}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'xss-later@example.org', name: `Nom ${X}` }] },
      expect: 201,
    });
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    await browser.post(`/app/surveys/${surveyId}/send`, {});
    const message = await env.DB.prepare('SELECT body_html, body_text FROM outbox WHERE survey_id = ?')
      .bind(surveyId)
      .first<{ body_html: string; body_text: string }>();
    expect(message?.body_text).toContain('Nom <script>');
    expectInert(message?.body_html ?? '<script>alert missing message', 'e-mail HTML');
    const { html } = await browser.get('/app/outbox');
    expectInert(html, 'outbox page');
  });
});

describe('downloads', () => {
  it('Markdown quotes the markup so that it renders as text', async () => {
    const md = await (await call(`/api/sessions/${sessionId}/brief?format=md`, { key })).text();
    // Proposals reach the brief only once moderated (issue 17), so participants' markup is
    // checked on their remark, which the brief quotes.
    expect(md).toContain('=HYPERLINK("http://evil") \\<script\\>');
    expect(md).not.toContain('Proposition');
    expect(md).not.toMatch(/[^\\]<script>/);
  });

  it('CSV neutralises formulas and keeps the markup as plain quoted text', async () => {
    const csv = await (await call(`/api/surveys/${surveyId}/results?format=csv`, { key })).text();
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
