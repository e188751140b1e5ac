/**
 * A personal link is never revoked by a side effect (issue 14): a link handed out by the API
 * keeps working whatever door later sends, resends, exports or re-requests it, and every one
 * of them carries that same link; only the coordinator's explicit "new link" replaces it.
 * Links leave Relais with the configured PUBLIC_URL only, never the request's Host header.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { app } from '../src/app.tsx';
import { runTick } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor, tokenOf } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';
import { mailbox } from './workspace/mail.ts';

let key: string;
let email: string;
let n = 0;

/** An open survey and one person invited through the API, with the link the API answered. */
async function invitedThroughApi(extra: string[] = []) {
  n++;
  const { surveyId } = await openSurveyFor(key, { title: `Liens ${n}` });
  const person = `ana-${n}@example.org`;
  const invitations = await inviteThroughApi(key, surveyId, [{ email: person }, ...extra.map((e) => ({ email: e }))]);
  const mine = invitations.find((i) => i.email === person);
  if (!mine) throw new Error('not invited');
  return { surveyId, invitationId: mine.id, person, url: mine.url, token: mine.token, invitations };
}

const opens = async (token: string) => (await call(`/api/s/${token}`)).status;

async function signedIn(bindings: Partial<Env> = {}, origin?: string) {
  const browser = new Browser(bindings, origin);
  await browser.signIn(email);
  return browser;
}

beforeAll(async () => {
  const who = await workspaceCoordinator('Liens Vivants');
  key = who.key;
  email = who.email;
});

describe('a link handed out by the API stays the person’s link', () => {
  it('sending from the workspace mails that same link, which keeps working', async () => {
    const { surveyId, token, person } = await invitedThroughApi();
    const mail = mailbox();
    const browser = await signedIn(mail.bindings);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    expect((await browser.post(`/app/surveys/${surveyId}/send`)).status).toBe(303);
    const message = mail.sent.find((m) => mail.to(m) === person);
    expect(mail.linkOf(message)).toBe(token);
    expect(await opens(token)).toBe(200);
  });

  it('sending through the workspace API mails that same link, which keeps working', async () => {
    const { surveyId, token } = await invitedThroughApi();
    await callJson(`/api/surveys/${surveyId}/invitations/send`, { method: 'POST', key });
    expect(await opens(token)).toBe(200);
  });

  it('resending (page and API) mails that same link', async () => {
    const { surveyId, invitationId, token, person } = await invitedThroughApi();
    const mail = mailbox();
    const browser = await signedIn(mail.bindings);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    expect((await browser.post(`/app/invitations/${invitationId}/resend`)).status).toBe(303);
    expect(mail.linkOf(mail.sent.find((m) => mail.to(m) === person))).toBe(token);
    await callJson(`/api/invitations/${invitationId}/resend`, { method: 'POST', key });
    expect(await opens(token)).toBe(200);
  });

  it('the links CSV holds that same link', async () => {
    const { surveyId, token, url, person } = await invitedThroughApi();
    const browser = await signedIn();
    await browser.get(`/app/surveys/${surveyId}/participants`);
    const csv = await (await browser.post(`/app/surveys/${surveyId}/links.csv`)).text();
    expect(csv.split('\r\n').find((l) => l.startsWith(person))).toContain(url);
    expect(await opens(token)).toBe(200);
  });

  it('typing the person’s address into the open link mails that same link', async () => {
    const { surveyId, token, person } = await invitedThroughApi();
    const { slug } = await callJson<{ slug: string }>(`/api/surveys/${surveyId}/open-link`, {
      method: 'PUT',
      key,
      json: { enabled: true },
    });
    const mail = mailbox();
    const res = await app.request(
      `https://relais.test/o/${slug}?lang=fr`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '198.51.100.77' },
        body: new URLSearchParams({ email: person, name: '', organisation: '', language: 'fr' }).toString(),
        redirect: 'manual',
      },
      { ...env, ...mail.bindings },
    );
    expect(res.status).toBe(303);
    expect(mail.linkOf(mail.sent.find((m) => mail.to(m) === person))).toBe(token);
    expect(await opens(token)).toBe(200);
  });

  it('only the explicit "new link" (workspace button) replaces it, and the old one then stops', async () => {
    const { surveyId, invitationId, token, person } = await invitedThroughApi();
    const browser = await signedIn();
    const page = await browser.get(`/app/surveys/${surveyId}/participants`);
    // Offered once the person has a link they may have received.
    await callJson(`/api/invitations/${invitationId}/resend`, { method: 'POST', key });
    expect((await browser.get(`/app/surveys/${surveyId}/participants`)).html).toContain(`/app/invitations/${invitationId}/new-link`);
    expect(page.res.status).toBe(200);
    const res = await browser.post(`/app/invitations/${invitationId}/new-link`);
    expect(res.status).toBe(303);
    const { html } = await browser.get(res.headers.get('location') ?? '');
    expect(html).toContain('l’ancien n’ouvre plus l’enquête');
    expect(await opens(token)).toBe(404);
    const csv = await (await browser.post(`/app/surveys/${surveyId}/links.csv`)).text();
    const fresh = tokenOf(
      /https:\/\/relais\.test\/s\/[A-Za-z0-9_-]+/.exec(csv.split('\r\n').find((l) => l.startsWith(person)) ?? '')?.[0] ?? '',
    );
    expect(fresh).not.toBe(token);
    expect(await opens(fresh)).toBe(200);
  });

  it('Send skips people who already answered', async () => {
    const { surveyId, token, invitations } = await invitedThroughApi(['bo@example.org']);
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 3 } } });
    const mail = mailbox();
    const browser = await signedIn(mail.bindings);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    await browser.post(`/app/surveys/${surveyId}/send`);
    expect(mail.sent.map(mail.to)).toEqual(['bo@example.org']);
    expect(invitations).toHaveLength(2);
  });
});

describe('links use the configured public URL only', () => {
  it('a forged Host header never reaches a link: PUBLIC_URL is used', async () => {
    const { surveyId } = await invitedThroughApi();
    const res = await app.request(
      `https://evil.example/api/surveys/${surveyId}/invitations`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', host: 'evil.example' },
        body: JSON.stringify({ participants: [{ email: 'forged@example.org' }] }),
      },
      env,
    );
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).toContain('https://relais.test/s/');
    expect(text).not.toContain('evil.example');
  });

  it('without PUBLIC_URL, every door that sends a link refuses loudly and sends nothing', async () => {
    const { surveyId, invitationId } = await invitedThroughApi();
    const bare = { ...env, PUBLIC_URL: '' };
    const api = (path: string, json: unknown = {}) =>
      app.request(
        `https://evil.example${path}`,
        { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(json) },
        bare,
      );
    for (const [path, json] of [
      [`/api/surveys/${surveyId}/invitations`, { participants: [{ email: 'x@example.org' }] }],
      [`/api/surveys/${surveyId}/invitations/send`, {}],
      [`/api/invitations/${invitationId}/resend`, {}],
      [`/api/invitations/${invitationId}/new-link`, {}],
    ] as const) {
      const res = await api(path, json);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await res.text();
      expect(body).toContain('PUBLIC_URL');
      expect(body).not.toContain('evil.example');
    }
    const outbox = await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE survey_id = ?').bind(surveyId).first<{ n: number }>();
    expect(outbox?.n).toBe(0);

    const browser = await signedIn({ PUBLIC_URL: '' }, 'https://evil.example');
    await browser.get(`/app/surveys/${surveyId}/participants`);
    const page = await browser.post(`/app/surveys/${surveyId}/send`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('PUBLIC_URL');
    const csv = await browser.post(`/app/surveys/${surveyId}/links.csv`);
    expect(csv.status).toBe(503);
    expect(await csv.text()).not.toContain('evil.example');
  });

  it('the cron says why reminders are not sent, instead of skipping them silently', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.join(' '));
    });
    try {
      await runTick({ ...env, PUBLIC_URL: '' });
    } finally {
      spy.mockRestore();
    }
    expect(logged.some((line) => line.includes('reminders not sent') && line.includes('PUBLIC_URL'))).toBe(true);
  });

  it('a sign-in link is never built from a forged Host header', async () => {
    const mail = mailbox();
    // A coordinator of their own: sign-in links are rationed per account.
    const { email: who } = await workspaceCoordinator('Liens Hôte Forgé');
    const forged = new Browser({ PUBLIC_URL: '' }, 'https://evil.example');
    const { res, html } = await forged.requestSignInLink(who, mail);
    expect(res.status).toBe(503);
    expect(html).toContain('PUBLIC_URL');
    expect(mail.sent).toHaveLength(0);
    // With it set, the link names the configured host whatever the request said.
    const ok = await new Browser({}, 'https://evil.example').requestSignInLink(who, mail);
    expect(ok.res.status).toBe(200);
    expect(mail.sent.at(-1)?.text).toContain('https://relais.test/app/sign-in/');
    expect(mail.sent.at(-1)?.text).not.toContain('evil.example');
  });

  it('GET /api/health says so', async () => {
    expect(await (await app.request('https://relais.test/api/health', {}, env)).json()).toEqual({ ok: true });
    const res = await app.request('https://relais.test/api/health', {}, { ...env, PUBLIC_URL: '' });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; problems: { field: string }[] };
    expect(body.ok).toBe(false);
    expect(body.problems.map((p) => p.field)).toEqual(['PUBLIC_URL']);
  });
});
