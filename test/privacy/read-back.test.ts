/**
 * Attack 1 — read-back. A curious coordinator re-invites a person who answered an anonymous
 * survey (POST /api/surveys/:id/invitations with the same address gives that person a fresh
 * link) and opens the new link: the API and the page must show none of the earlier answers.
 * Closing and re-opening the survey must not help either.
 * Promise: in an anonymous survey nobody but the participant learns what they answered: no link
 * the coordinator holds (a new one, the one the API answered, the links CSV's) reads it back.
 */
import { describe, expect, it } from 'vitest';
import { mailbox } from '../workspace/mail.ts';
import { answer, call, callJson, crowd, filledFields, invite, scenario, signedIn, visit } from './attacker.ts';

const REMARK = 'Mon chef de service bloque tout, je ne reviendrai pas — READBACK-7d1c';
const PROPOSAL = 'Burn-out des assistantes sociales READBACK-PROPOSAL';
const ANA = {
  usefulness: 1,
  actions: ['working-group', 'practice-exchange'],
  sector: 'gp' as const,
  remarks: REMARK,
  proposal: PROPOSAL,
};

async function anaAnswered(name: string) {
  const s = await scenario(name, { anonymous: true });
  await crowd(s, 'others', 3, () => ({ usefulness: 4, sector: 'hospital' }));
  const first = await invite(s, ['ana@example.org']);
  await answer(s, first['ana@example.org'] ?? '', ANA);
  return { s, originalToken: first['ana@example.org'] ?? '' };
}

async function expectNothingReadBack(token: string) {
  const view = await callJson<{ answers: Record<string, unknown> | null; updated_at: string | null }>(`/api/s/${token}`);
  const answers = view.answers ?? {};
  expect(Object.keys(answers), 'GET /api/s/:token of a link the coordinator holds gives back earlier answers').toEqual([]);
  expect(view.updated_at, 'that link tells when the person answered').toBeNull();

  const page = await visit(`/s/${token}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html, 'the survey page of that link shows the earlier remark').not.toContain('READBACK-7d1c');
  expect(html, 'the survey page of that link shows the earlier proposal').not.toContain('READBACK-PROPOSAL');
  expect(filledFields(html), 'the survey page of that link has earlier answers filled in').toEqual([]);
}

describe('anonymous read-back through a new link', () => {
  it('re-inviting an address that answered gives a link that reads back none of the earlier answers (API and page)', async () => {
    const { s } = await anaAnswered('Read-back re-invite');
    // Whether inviting again answers a fresh link or the person's live one, the coordinator
    // holds what it answers: that link must not show what Ana said.
    const again = await invite(s, ['ana@example.org']);
    await expectNothingReadBack(again['ana@example.org'] ?? '');
  });

  it('the link the API answered when inviting (kept by the coordinator) reads back nothing once the person answered', async () => {
    // Beyond "a new link reads nothing": the coordinator who invites through the API is shown
    // every person's link, so a read-back bound to that link alone is a read-back to them.
    const { originalToken } = await anaAnswered('Read-back original link');
    await expectNothingReadBack(originalToken);
  });

  it('closing then re-opening the survey does not let a new link read the earlier answers', async () => {
    const { s } = await anaAnswered('Read-back reopen');
    await callJson(`/api/surveys/${s.surveyId}/close`, { method: 'POST', key: s.key });
    const reopened = await call(`/api/surveys/${s.surveyId}/open`, { method: 'POST', key: s.key });
    // Re-opening may be refused outright; if it is allowed, a new link must still read nothing.
    if (reopened.status !== 200) {
      expect(reopened.status).toBeGreaterThanOrEqual(400);
      expect(reopened.status).toBeLessThan(500);
      return;
    }
    const again = await invite(s, ['ana@example.org']);
    await expectNothingReadBack(again['ana@example.org'] ?? '');
  });

  it('the confirmation page of a new link does not echo the earlier answers either', async () => {
    const { s } = await anaAnswered('Read-back done page');
    const again = await invite(s, ['ana@example.org']);
    const page = await visit(`/s/${again['ana@example.org']}/done`);
    const html = await page.text();
    expect(html).not.toContain('READBACK-7d1c');
    expect(html).not.toContain('READBACK-PROPOSAL');
  });
});

describe('anonymous read-back through the workspace', () => {
  it('the personal links CSV (for a mail merge) gives no link that reads back an answer already given', async () => {
    const s = await scenario('Read-back links CSV', { anonymous: true });
    const mail = mailbox();
    const browser = await signedIn(s, mail.bindings);
    await browser.get(`/app/surveys/${s.surveyId}/participants`);
    await browser.post(`/app/surveys/${s.surveyId}/participants`, { contacts: 'email,name\nana@example.org,Ana\nben@example.org,Ben' });
    await browser.get(`/app/surveys/${s.surveyId}/participants`);
    await browser.post(`/app/surveys/${s.surveyId}/send`);
    const sent = mail.linkOf(mail.sent.find((m) => mail.to(m) === 'ana@example.org'));
    await answer(s, sent, { usefulness: 2, actions: ['working-group'], proposal: 'READBACK-CSV-PROPOSAL' });

    // The coordinator exports the links for a mail merge, and opens Ana's.
    await browser.get(`/app/surveys/${s.surveyId}/participants`);
    const csv = await (await browser.post(`/app/surveys/${s.surveyId}/links.csv`)).text();
    const line = csv.split('\r\n').find((l) => l.startsWith('ana@example.org'));
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(line ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    const view = await callJson<{ answers: Record<string, unknown> | null }>(`/api/s/${token}`);
    expect(JSON.stringify(view), 'the link from the CSV reads Ana’s proposal back').not.toContain('READBACK-CSV-PROPOSAL');
    expect(Object.keys(view.answers ?? {}), 'the link from the CSV reads Ana’s answers back').toEqual([]);
  });
});
