/** Anonymity in every page and export; a participant's data exported and erased; the audit log. */
import { describe, expect, it } from 'vitest';
import { call, callJson, env, openSurveyFor } from '../helpers.ts';
import { Browser, workspaceCoordinator } from './browser.ts';
import { mailbox } from './mail.ts';

async function surveyWithAnswer(org: string, anonymous: boolean) {
  const { key, email } = await workspaceCoordinator(org);
  // One answer: a named survey's series takes a minimum group size of 1 so that its proposal is
  // listed (the disclosure gate lists no text of fewer respondents); an anonymous survey keeps 3.
  const { seriesId, sessionId, surveyId } = await openSurveyFor(key, {
    title: org,
    minGroupSize: anonymous ? 3 : 1,
    kind: 'pre',
    anonymous,
  });
  const mail = mailbox();
  const browser = new Browser(mail.bindings);
  await browser.signIn(email);
  await browser.get(`/app/surveys/${surveyId}/participants`);
  await browser.post(`/app/surveys/${surveyId}/participants`, { contacts: 'email,name\nana@example.org,Ana Secret\nben@example.org,Ben' });
  await browser.get(`/app/surveys/${surveyId}/participants`);
  await browser.post(`/app/surveys/${surveyId}/send`);
  const ana = mail.sent.find((m) => mail.to(m) === 'ana@example.org');
  const token = ana ? mail.linkOf(ana) : '';
  const remark = 'UNIQUE-REMARK-7f3a';
  const put = await call(`/api/s/${token}`, {
    method: 'PUT',
    json: { answers: { expectations: ['create-links'], 'theme-proposal': remark } },
  });
  expect(put.status).toBe(200);
  // An anonymous answer is held until enough people answered, or until closing when nothing
  // was released before (src/responses/ballots.ts): close, so that it is counted.
  if (anonymous) await callJson(`/api/surveys/${surveyId}/close`, { method: 'POST', key });
  return { browser, surveyId, sessionId, seriesId, remark, key };
}

describe('anonymous surveys', () => {
  it('never link an answer to a person in pages, exports or tables', async () => {
    const { browser, surveyId, sessionId, seriesId, remark } = await surveyWithAnswer('Anonymity Org', true);
    const response = await env.DB.prepare('SELECT invitation_id, respondent_key FROM responses WHERE survey_id = ?').bind(surveyId).first<{
      invitation_id: number | null;
      respondent_key: string;
    }>();
    expect(response?.invitation_id).toBeNull();
    expect(response?.respondent_key).toMatch(/^a:/);

    // The participants page says who answered, never what.
    const participants = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(participants.html).toContain('Ana Secret');
    expect(participants.html).not.toContain(remark);
    // The series page does not list the proposal of the one person who answered: the participants
    // page says who that is (the disclosure gate; it used to be listed).
    const series = await browser.get(`/app/series/${seriesId}`);
    expect(series.html).not.toContain(remark);
    expect(series.html).not.toContain('Ana Secret');
    expect(series.html).not.toContain('ana@example.org');
    // The session page counts.
    expect((await browser.get(`/app/sessions/${sessionId}`)).html).toContain('1 sur 2');
    // Her data export holds her invitation but not the anonymous answer.
    await browser.get('/app/privacy');
    const exported = await browser.post('/app/privacy/export', { email: 'ana@example.org' });
    const text = await exported.text();
    expect(JSON.parse(text).invitations).toHaveLength(1);
    expect(text).not.toContain(remark);
    // The outbox cannot be used to open her answers: the link is masked.
    const outbox = await env.DB.prepare('SELECT body_text FROM outbox WHERE to_email = ?')
      .bind('ana@example.org')
      .first<{ body_text: string }>();
    expect(outbox?.body_text).toMatch(/\/s\/••••••/);
  });

  it('keep the anonymous answer when the person is erased (it is nobody’s)', async () => {
    const { browser, surveyId } = await surveyWithAnswer('Anonymous Erase Org', true);
    await browser.get('/app/privacy');
    await browser.post('/app/privacy/erase', { 'erase-email': 'ana@example.org' });
    const counts = await env.DB.batch([
      env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE survey_id = ?').bind(surveyId),
      env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').bind(surveyId),
    ]);
    expect(counts.map((r) => (r.results[0] as { n: number }).n)).toEqual([1, 1]);
  });
});

describe('named surveys', () => {
  it('export the person’s answers as JSON, and the export is logged without the address', async () => {
    const { browser, remark } = await surveyWithAnswer('Export Org', false);
    await browser.get('/app/privacy');
    const res = await browser.post('/app/privacy/export', { email: 'ANA@example.org' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as { invitations: { email: string }[]; answers: { text: string | null }[]; messages: unknown[] };
    expect(data.invitations.map((i) => i.email)).toEqual(['ana@example.org']);
    expect(data.answers.some((a) => a.text === remark)).toBe(true);
    expect(data.messages).toHaveLength(1);
    const audit = await browser.get('/app/audit');
    expect(audit.html).toContain('participant.export');
    expect(audit.html).not.toContain('ana@example.org');
  });

  it('remove one person with their answers from the participants page', async () => {
    const { browser, surveyId } = await surveyWithAnswer('Remove Org', false);
    const invitation = await env.DB.prepare("SELECT id FROM invitations WHERE email = 'ana@example.org' AND survey_id = ?")
      .bind(surveyId)
      .first<{ id: number }>();
    await browser.get(`/app/surveys/${surveyId}/participants`);
    // Without the second step, nothing is removed: the button leads to the confirmation page.
    const asked = await browser.post(`/app/invitations/${invitation?.id}/remove`);
    expect(asked.headers.get('location')).toBe(`/app/invitations/${invitation?.id}/remove`);
    const confirm = await browser.get(`/app/invitations/${invitation?.id}/remove`);
    expect(confirm.html).toContain('ana@example.org');
    expect(confirm.html).toMatch(/<button type="submit" class="danger">/);
    expect((await browser.post(`/app/invitations/${invitation?.id}/remove`, { confirm: 'yes' })).status).toBe(303);
    const counts = await env.DB.batch([
      env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE survey_id = ?').bind(surveyId),
      env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').bind(surveyId),
      env.DB.prepare('SELECT count(*) AS n FROM answers WHERE survey_id = ?').bind(surveyId),
      env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE to_email = 'ana@example.org' AND survey_id = ?").bind(surveyId),
    ]);
    expect(counts.map((r) => (r.results[0] as { n: number }).n)).toEqual([1, 0, 0, 0]);
  });

  it('validate the erase form: a bad address re-renders with a 422', async () => {
    const { browser, surveyId } = await surveyWithAnswer('Erase Form Org', false);
    await browser.get('/app/privacy');
    const res = await browser.post('/app/privacy/erase', { 'erase-email': 'not an address' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#erase-email"');
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM invitations WHERE email = 'ana@example.org' AND survey_id = ?")
        .bind(surveyId)
        .first(),
    ).toEqual({
      n: 1,
    });
  });
});

describe('theme catalogue from the pages', () => {
  it('promotes a proposal into the catalogue, and it leaves the waiting list', async () => {
    const { browser, seriesId, remark } = await surveyWithAnswer('Promote Org', false);
    let page = await browser.get(`/app/series/${seriesId}`);
    const key = /name="key" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
    expect(key).toBe(remark.toLowerCase());
    expect((await browser.post(`/app/series/${seriesId}/proposals/promote`, { key, text: remark })).status).toBe(303);
    const theme = await env.DB.prepare('SELECT status FROM themes WHERE series_id = ? AND label_fr = ?').bind(seriesId, remark).first();
    expect(theme).toEqual({ status: 'active' });
    page = await browser.get(`/app/series/${seriesId}`);
    expect(page.html).not.toContain('name="key"');
  });

  it('renames in three languages, archives and merges themes', async () => {
    const { browser, seriesId } = await surveyWithAnswer('Catalogue Org', false);
    await browser.get(`/app/series/${seriesId}`);
    await browser.post(`/app/series/${seriesId}/themes`, { label_fr: 'Santé mentale' });
    await browser.post(`/app/series/${seriesId}/themes`, { label_fr: 'Sante mentale (doublon)' });
    const [a, b] = (await env.DB.prepare('SELECT id FROM themes WHERE series_id = ? ORDER BY id').bind(seriesId).all<{ id: number }>())
      .results;
    await browser.post(`/app/themes/${a?.id}/rename`, {
      [`label_fr-${a?.id}`]: 'Santé mentale',
      [`label_nl-${a?.id}`]: 'Geestelijke gezondheid',
      [`label_en-${a?.id}`]: 'Mental health',
    });
    await browser.post(`/app/themes/${b?.id}/merge`, { into: String(a?.id) });
    const rows = (
      await env.DB.prepare('SELECT label_nl, label_en, status, merged_into_id FROM themes WHERE series_id = ? ORDER BY id')
        .bind(seriesId)
        .all()
    ).results;
    expect(rows).toEqual([
      { label_nl: 'Geestelijke gezondheid', label_en: 'Mental health', status: 'active', merged_into_id: null },
      { label_nl: null, label_en: null, status: 'archived', merged_into_id: a?.id },
    ]);
    const self = await browser.post(`/app/themes/${a?.id}/merge`, { into: String(a?.id) });
    expect(self.status).toBe(422);
  });
});
