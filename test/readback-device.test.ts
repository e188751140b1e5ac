/**
 * An anonymous survey shows answers back only on the device that gave them: the link AND the
 * cookie its submission set (src/responses/readback-device.ts). The coordinator holds every
 * personal link (the API's answer at invitation, the workspace's links CSV), so a read-back
 * bound to the link alone would be a read-back to them. Played with two cookie jars: the
 * participant's browser and the coordinator's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';
import { mailbox } from './workspace/mail.ts';

const SECRET = 'Ma cheffe ne doit pas le savoir RB-DEVICE-41';
const ELSEWHERE = 'You have already answered from another device or browser.';

let coordinator: { key: string; email: string };
let run = 0;

async function anonymousSurvey(anonymous = true): Promise<number> {
  run++;
  return (await openSurveyFor(coordinator.key, { title: `Appareil ${run}`, anonymous, startsAt: '2026-03-01T12:00:00Z' })).surveyId;
}

/** The link the API answers when inviting: the coordinator keeps it. */
async function invite(surveyId: number, email: string): Promise<string> {
  const [invitation] = await inviteThroughApi(coordinator.key, surveyId, [{ email, language: 'en' }]);
  return invitation?.token ?? '';
}

/** A participant's browser (or JSON client keeping cookies), answering through the JSON API. */
async function putFrom(browser: Browser, token: string, answers: Record<string, unknown>) {
  const res = await browser.request(`/api/s/${token}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { unchanged: boolean; answers: Record<string, unknown> };
}

const viewFrom = async (browser: Browser, token: string) => {
  const res = await browser.request(`/api/s/${token}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { answers: Record<string, unknown> | null; updated_at: string | null };
};

/** What the coordinator's copy of the link shows: JSON, the page and the confirmation page, without the participant's cookie. */
async function expectNothingFor(token: string) {
  const view = await callJson<{ answers: unknown; updated_at: unknown }>(`/api/s/${token}`);
  expect(view.answers, 'the coordinator’s copy of the link reads the answers back (JSON)').toBeNull();
  expect(view.updated_at).toBeNull();
  const page = await (await call(`/s/${token}?lang=en`)).text();
  expect(page, 'the coordinator’s copy of the link reads the answers back (page)').not.toContain('RB-DEVICE-41');
  expect(page).toContain(ELSEWHERE);
  const done = await call(`/s/${token}/done`);
  expect(done.status, 'the confirmation page opens for the coordinator’s copy').toBe(303);
  expect(await done.text()).not.toContain('RB-DEVICE-41');
}

beforeAll(async () => {
  coordinator = await workspaceCoordinator('Bassin Appareil');
});

describe('anonymous read-back is bound to the link and the device that answered', () => {
  it('the link the API answered at invitation reads nothing back; the participant’s own browser does', async () => {
    const surveyId = await anonymousSurvey();
    const token = await invite(surveyId, 'ines@example.org');
    const ines = new Browser();
    const saved = await putFrom(ines, token, { usefulness: 2, remarks: SECRET });
    expect(saved.answers).toEqual({ usefulness: 2, remarks: SECRET });

    await expectNothingFor(token);

    // Her browser (the cookie the PUT set) still reads them back, in JSON and on the page.
    expect((await viewFrom(ines, token)).answers).toEqual({ usefulness: 2, remarks: SECRET });
    const page = await (await ines.request(`/s/${token}`)).text();
    expect(page).toContain(SECRET);
    expect(page).not.toContain(ELSEWHERE);
    const done = await ines.request(`/s/${token}/done`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(SECRET);

    // An identical retry from her browser is still recognised and writes nothing.
    // Rows only: D1's result meta carries the query's duration.
    const before = (await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ?').bind(surveyId).all()).results;
    expect((await putFrom(ines, token, { usefulness: 2, remarks: SECRET })).unchanged).toBe(true);
    expect((await env.DB.prepare('SELECT * FROM anonymous_ballots WHERE survey_id = ?').bind(surveyId).all()).results).toEqual(before);
  });

  it('the cookie is HttpOnly, Secure, SameSite=Lax, named after the link; two links on one browser do not collide', async () => {
    const surveyId = await anonymousSurvey();
    const a = await invite(surveyId, 'jo@example.org');
    const b = await invite(surveyId, 'kim@example.org');
    const res = await call(`/api/s/${a}`, { method: 'PUT', json: { answers: { usefulness: 3 } } });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('rb_')) ?? '';
    expect(cookie).toMatch(/^rb_[0-9a-f]{16}=[A-Za-z0-9_-]{32};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    expect(cookie).not.toContain(a);

    const shared = new Browser();
    await putFrom(shared, a, { usefulness: 4, remarks: 'lien A' });
    await putFrom(shared, b, { usefulness: 1, remarks: 'lien B' });
    expect([...shared.cookies.keys()].filter((k) => k.startsWith('rb_'))).toHaveLength(2);
    expect((await viewFrom(shared, a)).answers).toEqual({ usefulness: 4, remarks: 'lien A' });
    expect((await viewFrom(shared, b)).answers).toEqual({ usefulness: 1, remarks: 'lien B' });
  });

  it('works with JavaScript off: the form sets the cookie, the confirmation shows what was recorded, the coordinator’s copy nothing', async () => {
    const surveyId = await anonymousSurvey();
    const token = await invite(surveyId, 'lea@example.org');
    const lea = new Browser();
    const form = await lea.request(`/s/${token}`);
    const html = await form.text();
    expect(html).not.toContain(ELSEWHERE);
    const survey = /name="survey" value="(\d+)"/.exec(html)?.[1] ?? '';
    const posted = await lea.post(`/s/${token}`, { survey, lang: 'en', 'q.usefulness': '5', 'q.remarks': SECRET }, { csrf: false });
    expect(posted.status).toBe(303);
    const done = await lea.request(posted.headers.get('location') ?? '');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(SECRET);
    expect(await (await lea.request(`/s/${token}`)).text()).toContain(SECRET);

    await expectNothingFor(token);
  });

  it('the personal links CSV of the workspace gives the coordinator no link that reads an answer back', async () => {
    const surveyId = await anonymousSurvey();
    const mail = mailbox();
    const workspace = new Browser(mail.bindings);
    await workspace.signIn(coordinator.email);
    await workspace.get(`/app/surveys/${surveyId}/participants`);
    await workspace.post(`/app/surveys/${surveyId}/participants`, { contacts: 'email,name\nmia@example.org,Mia' });
    await workspace.get(`/app/surveys/${surveyId}/participants`);
    await workspace.post(`/app/surveys/${surveyId}/send`);
    const sent = mail.linkOf(mail.sent.find((m) => mail.to(m) === 'mia@example.org'));
    expect(sent).not.toBe('');
    const mia = new Browser();
    await putFrom(mia, sent, { usefulness: 1, remarks: SECRET });

    await workspace.get(`/app/surveys/${surveyId}/participants`);
    const csv = await (await workspace.post(`/app/surveys/${surveyId}/links.csv`)).text();
    const line = csv.split('\r\n').find((l) => l.startsWith('mia@example.org'));
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(line ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    // Even from the coordinator's own browser (its workspace cookies), nothing comes back.
    const view = await workspace.request(`/api/s/${token}`);
    expect(await view.text()).not.toContain('RB-DEVICE-41');
    await expectNothingFor(token);
    expect((await viewFrom(mia, sent)).answers).toEqual({ usefulness: 1, remarks: SECRET });
  });

  it('a second device is told the person already answered elsewhere, sees an empty form, and may replace the answers', async () => {
    const surveyId = await anonymousSurvey();
    const token = await invite(surveyId, 'noa@example.org');
    const fresh = await (await call(`/s/${token}`)).text();
    expect(fresh, 'the notice shows only once a ballot exists').not.toContain(ELSEWHERE);

    const phone = new Browser();
    await putFrom(phone, token, { usefulness: 2, remarks: SECRET });
    const laptop = new Browser();
    const page = await (await laptop.request(`/s/${token}`)).text();
    expect(page).toContain(ELSEWHERE);
    expect(page).not.toContain('RB-DEVICE-41');
    for (const lang of ['fr', 'nl']) {
      const other = await (await laptop.request(`/s/${token}?lang=${lang}`)).text();
      expect(other).toMatch(
        lang === 'fr' ? /Vous avez déjà répondu depuis un autre appareil/ : /U hebt al geantwoord vanaf een ander apparaat/,
      );
    }

    await putFrom(laptop, token, { usefulness: 5, remarks: 'remplacé' });
    expect((await viewFrom(laptop, token)).answers).toEqual({ usefulness: 5, remarks: 'remplacé' });
    // One person, one ballot: the phone's answers were replaced, and the phone now reads nothing.
    expect((await viewFrom(phone, token)).answers).toBeNull();
    expect(await (await phone.request(`/s/${token}`)).text()).toContain(ELSEWHERE);
    const ballots = await env.DB.prepare('SELECT count(*) AS n FROM anonymous_ballots WHERE survey_id = ?').bind(surveyId).first();
    expect(ballots).toEqual({ n: 1 });
  });

  it('a named survey is unchanged: its link reads its answers back without any cookie', async () => {
    const surveyId = await anonymousSurvey(false);
    const token = await invite(surveyId, 'oli@example.org');
    const res = await call(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 4, remarks: 'nommé' } } });
    expect(res.headers.getSetCookie().filter((l) => l.startsWith('rb_'))).toEqual([]);
    expect((await callJson<{ answers: unknown }>(`/api/s/${token}`)).answers).toEqual({ usefulness: 4, remarks: 'nommé' });
    expect(await (await call(`/s/${token}`)).text()).not.toContain(ELSEWHERE);
  });
});

describe('a guess of an anonymous answer through the coordinator’s copy of the link', () => {
  // The coordinator holds the link: if the same answers from another device were answered
  // "unchanged" (and nothing written), submitting a guess would confirm it. A right and a wrong
  // guess must look alike: both stored as a change, both answered the same way.
  it('gets the same answer whether it is right or wrong, and a right guess is stored like any change', async () => {
    const surveyId = await anonymousSurvey();
    const token = await invite(surveyId, 'guess@example.org');
    const participant = new Browser();
    await putFrom(participant, token, { usefulness: 3 });
    const pending = async () =>
      (await env.DB.prepare('SELECT pending FROM anonymous_ballots WHERE survey_id = ?').bind(surveyId).first<{ pending: string }>())
        ?.pending;
    const held = await pending();

    const right = await putFrom(new Browser(), token, { usefulness: 3 });
    expect(right.unchanged, 'a right guess is confirmed as unchanged').toBe(false);
    expect(await pending(), 'a right guess writes like any change').not.toBe(held);
    const wrong = await putFrom(new Browser(), token, { usefulness: 4 });
    expect(Object.keys(wrong).sort()).toEqual(Object.keys(right).sort());
    expect(wrong.unchanged).toBe(false);
  });
});
