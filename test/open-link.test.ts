/**
 * The open link end to end, inside workerd with the real D1, rate-limit bindings and outbox:
 * a coordinator switches it on, a visitor joins from /o/<slug>, receives a personal link by
 * e-mail and answers. Mocked: the e-mail provider (the send_email binding) and Turnstile's
 * Siteverify, which answers as Cloudflare documents for its test secret keys.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app } from '../src/app.tsx';
import type { Env } from '../src/env.ts';
import { SITEVERIFY_URL } from '../src/open-link/turnstile.ts';
import { call, callJson, createCoordinator, env, withinOneWindow } from './helpers.ts';
import { mailbox } from './workspace/mail.ts';

/** Cloudflare's test keys: https://developers.cloudflare.com/turnstile/troubleshooting/testing/ */
const SITE_KEY_PASSES = '1x00000000000000000000AA';
const SECRET_PASSES = '1x0000000000000000000000000000000AA';
const SECRET_FAILS = '2x0000000000000000000000000000000AA';
const DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

interface OpenLinkJson {
  url: string | null;
  slug: string | null;
  enabled: boolean;
  cap: number | null;
  joined: number;
  places_left: number | null;
}

let key: string;
let otherKey: string;
const surveys: Record<'main' | 'capped' | 'draft' | 'closed' | 'off' | 'limits' | 'oracle', number> = {
  main: 0,
  capped: 0,
  draft: 0,
  closed: 0,
  off: 0,
  limits: 0,
  oracle: 0,
};
const slugs: Partial<Record<keyof typeof surveys, string>> = {};
const mail = mailbox();
const siteverify: URLSearchParams[] = [];

/** A browser with JavaScript off: plain GETs and url-encoded posts, redirects not followed. */
function visit(
  path: string,
  options: { form?: Record<string, string>; ip?: string; bindings?: Partial<Env>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'cf-connecting-ip': options.ip ?? '192.0.2.1', ...options.headers };
  if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  return app.request(
    `https://relais.test${path}`,
    {
      method: options.form ? 'POST' : 'GET',
      headers,
      body: options.form ? new URLSearchParams(options.form).toString() : null,
      redirect: 'manual',
    },
    { ...env, ...mail.bindings, ...options.bindings },
  );
}

const join = (slug: string, fields: Record<string, string>, options: Parameters<typeof visit>[1] = {}) =>
  visit(`/o/${slug}?lang=${fields.language ?? 'fr'}`, { ...options, form: { name: '', organisation: '', language: 'fr', ...fields } });

let ipCounter = 10;
/** Each visitor from their own address, so the per-IP limit only bites where a test wants it. */
const freshIp = () => `198.51.100.${ipCounter++}`;

async function invitationsOf(surveyId: number, email: string) {
  const { results } = await env.DB.prepare('SELECT * FROM invitations WHERE survey_id = ? AND email = ?')
    .bind(surveyId, email)
    .all<{ id: number; source: string; name: string | null; organisation_name: string | null; language: string }>();
  return results;
}

async function putOpenLink(surveyId: number, json: unknown, as = key) {
  return callJson<OpenLinkJson>(`/api/surveys/${surveyId}/open-link`, { method: 'PUT', key: as, json });
}

/** Answers every required question with its first acceptable value. */
function answersFor(questions: { id: string; type: string; required?: boolean; options?: { id: string }[]; min?: number }[]) {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (!q.required) continue;
    const first = q.options?.[0]?.id ?? '';
    if (q.type === 'single') answers[q.id] = first;
    else if (q.type === 'multiple') answers[q.id] = (q.options ?? []).slice(0, Math.max(1, q.min ?? 1)).map((o) => o.id);
    else if (q.type === 'ranking') answers[q.id] = [first];
    else if (q.type === 'rating') answers[q.id] = q.min ?? 1;
    else answers[q.id] = 'Mieux connaître les réalités hospitalières.';
  }
  return answers;
}

beforeAll(async () => {
  const realFetch = globalThis.fetch;
  // Only Siteverify is answered here; every other outbound request goes where it would.
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== SITEVERIFY_URL) return realFetch(input, init);
    const body = new URLSearchParams(String(init?.body ?? ''));
    siteverify.push(body);
    const success = body.get('secret') === SECRET_PASSES;
    return Response.json({ success, 'error-codes': success ? [] : ['invalid-input-response'] });
  });

  key = await createCoordinator('Bassin Sud-Est (open link)');
  otherKey = await createCoordinator('Bassin Nord-Ouest (open link)');
  const series = await callJson<{ id: number }>('/api/series', {
    method: 'POST',
    key,
    json: { title: 'Liaison hôpital-ambulatoire', bassin: 'Sud-Est', language: 'fr' },
    expect: 201,
  });
  for (const fr of ['Secret professionnel partagé', 'Transmission de l’information']) {
    await callJson(`/api/series/${series.id}/themes`, { method: 'POST', key, json: { label: { fr } }, expect: 201 });
  }
  const names = Object.keys(surveys) as (keyof typeof surveys)[];
  for (const [i, name] of names.entries()) {
    const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: i + 1, starts_at: '2025-12-18T13:00:00+01:00', place: 'Avenue des Cerisiers 241' },
      expect: 201,
    });
    surveys[name] = (
      await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, { method: 'POST', key, json: { kind: 'pre' }, expect: 201 })
    ).id;
    if (name !== 'draft') await callJson(`/api/surveys/${surveys[name]}/open`, { method: 'POST', key });
    const cap = name === 'capped' ? { cap: 1 } : name === 'oracle' ? { cap: 2 } : {};
    const link = await putOpenLink(surveys[name], { enabled: true, ...cap });
    slugs[name] = link.slug ?? '';
  }
  await callJson(`/api/surveys/${surveys.closed}/close`, { method: 'POST', key });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('the coordinator switches the open link', () => {
  it('reads a survey without one as switched off, without a URL', async () => {
    const session = await env.DB.prepare('SELECT session_id FROM surveys WHERE id = ?').bind(surveys.main).first<{ session_id: number }>();
    const post = await callJson<{ id: number }>(`/api/sessions/${session?.session_id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'post' },
      expect: 201,
    });
    expect(await callJson(`/api/surveys/${post.id}/open-link`, { key })).toEqual({
      url: null,
      slug: null,
      enabled: false,
      cap: null,
      joined: 0,
      places_left: null,
    });
  });

  it('gets a short public URL that stays the same when switched off and on', async () => {
    const first = await callJson<OpenLinkJson>(`/api/surveys/${surveys.main}/open-link`, { key });
    expect(first.url).toMatch(/^https:\/\/relais\.test\/o\/[0-9a-hjkmnp-tv-z]{12}$/);
    expect(first.url).toBe(`https://relais.test/o/${first.slug}`);
    expect(first.enabled).toBe(true);
    const off = await putOpenLink(surveys.main, { enabled: false });
    expect(off).toMatchObject({ slug: first.slug, enabled: false });
    const on = await putOpenLink(surveys.main, { enabled: true, cap: 50 });
    expect(on).toMatchObject({ slug: first.slug, enabled: true, cap: 50, places_left: 50 });
    // Omitting the cap keeps it; null removes it.
    expect(await putOpenLink(surveys.main, { enabled: true })).toMatchObject({ cap: 50 });
    expect(await putOpenLink(surveys.main, { enabled: true, cap: null })).toMatchObject({ cap: null, places_left: null });
    const slugsInUse = await env.DB.prepare('SELECT count(DISTINCT slug) AS n, count(*) AS rows FROM open_links').first<{
      n: number;
      rows: number;
    }>();
    expect(slugsInUse?.n).toBe(slugsInUse?.rows);
  });

  it('refuses bad settings with 4xx naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ enabled: 'yes' }, 'enabled'],
      [{}, 'enabled'],
      [{ enabled: true, cap: 0 }, 'cap'],
      [{ enabled: true, cap: 2.5 }, 'cap'],
      [{ enabled: true, cap: '10' }, 'cap'],
      [{ enabled: true, slug: 'mine' }, 'body'], // an unexpected key is named by its parent, never echoed (issue 19)
    ];
    for (const [json, field] of cases) {
      const res = await call(`/api/surveys/${surveys.main}/open-link`, { method: 'PUT', key, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const text = await call(`/api/surveys/${surveys.main}/open-link`, {
      method: 'PUT',
      key,
      body: 'enabled=true',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect((await call(`/api/surveys/abc/open-link`, { key })).status).toBe(404);
  });

  it('is scoped to the organisation: another one’s survey answers 404 and nothing changes', async () => {
    const read = await call(`/api/surveys/${surveys.main}/open-link`, { key: otherKey });
    expect(read.status).toBe(404);
    const write = await call(`/api/surveys/${surveys.main}/open-link`, { method: 'PUT', key: otherKey, json: { enabled: false } });
    expect(write.status).toBe(404);
    expect((await callJson<OpenLinkJson>(`/api/surveys/${surveys.main}/open-link`, { key })).enabled).toBe(true);
    expect((await call(`/api/surveys/${surveys.main}/open-link`)).status).toBe(401);
  });
});

describe('a visitor from the agenda', () => {
  it('sees the series, the session and a form in their language, with private headers', async () => {
    const res = await visit(`/o/${slugs.main}`, { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('challenges.cloudflare.com');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="nl">/);
    expect(html).toContain('Liaison hôpital-ambulatoire');
    expect(html).toContain('Sessie #1');
    expect(html).toContain('Avenue des Cerisiers 241');
    expect(html).toContain('donderdag 18 december 2025');
    for (const field of ['email', 'name', 'organisation', 'language']) expect(html).toContain(`name="${field}"`);
    expect(html).toContain('<label for="email">');
    expect(html).toContain('autocomplete="email"');
    expect(html).toContain(`action="/o/${slugs.main}?lang=nl"`);
    expect(html).not.toContain('<script');
    // The language switch, and a typed-from-paper slug in capitals opens the same page.
    for (const l of ['fr', 'nl', 'en']) expect(html).toContain(`href="/o/${slugs.main}?lang=${l}"`);
    const fr = await visit(`/o/${slugs.main?.toUpperCase()}?lang=fr`);
    expect(fr.status).toBe(200);
    expect(await fr.text()).toContain('Participer au questionnaire');
  });

  it('joins, receives a personal link by e-mail, opens the survey and answers', async () => {
    const email = 'amina.peeters@example.org';
    const res = await join(
      slugs.main ?? '',
      { email: ' Amina.Peeters@Example.org ', name: 'Amina Peeters', organisation: 'CPAS de Forest', language: 'en' },
      { ip: freshIp() },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/o/${slugs.main}/sent?lang=en`);

    const [invitation, ...more] = await invitationsOf(surveys.main, email);
    expect(more).toEqual([]);
    expect(invitation).toMatchObject({ source: 'open_link', name: 'Amina Peeters', organisation_name: 'CPAS de Forest', language: 'en' });

    // In the outbox with the link masked; in the mailbox with the real one.
    const { results: outbox } = await env.DB.prepare('SELECT slot, to_email, status, body_text FROM outbox WHERE invitation_id = ?')
      .bind(invitation?.id)
      .all<{ slot: string; to_email: string; status: string; body_text: string }>();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to_email: email, status: 'sent' });
    expect(outbox[0]?.slot).toMatch(/^open-link:/);
    expect(outbox[0]?.body_text).toContain('https://relais.test/s/••••••');
    const message = mail.sent.filter((m) => mail.to(m) === email);
    expect(message).toHaveLength(1);
    expect(message[0]?.subject).toContain('Liaison hôpital-ambulatoire');
    const token = mail.linkOf(message[0]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // The confirmation says only "check your mailbox".
    const sent = await visit(res.headers.get('location') ?? '');
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Check your mailbox');

    // The link opens the survey; answering works and is editable later with the same link.
    const page = await call(`/s/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="en"');
    const view = await callJson<{ survey: { questions: Parameters<typeof answersFor>[0] } }>(`/api/s/${token}`);
    const answers = answersFor(view.survey.questions);
    const saved = await callJson<{ unchanged?: boolean }>(`/api/s/${token}`, { method: 'PUT', json: { answers } });
    expect(saved.unchanged).not.toBe(true);
    expect((await callJson<{ answers: unknown }>(`/api/s/${token}`)).answers).toEqual(answers);

    // The coordinator sees where this respondent came from.
    const listed = await callJson<{ invitations: { email: string; source: string; organisation: string | null; answered: boolean }[] }>(
      `/api/surveys/${surveys.main}/invitations`,
      { key },
    );
    expect(listed.invitations.find((i) => i.email === email)).toMatchObject({
      source: 'open_link',
      organisation: 'CPAS de Forest',
      answered: true,
    });
    expect((await callJson<OpenLinkJson>(`/api/surveys/${surveys.main}/open-link`, { key })).joined).toBe(1);
  });

  it('gives an address already invited its own invitation again: same page, never a second respondent', async () => {
    // Invited by the coordinator first, under their name.
    const email = 'koen.janssens@example.org';
    await callJson(`/api/surveys/${surveys.main}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email, name: 'Koen Janssens', language: 'nl' }] },
      expect: 201,
    });
    const [before] = await invitationsOf(surveys.main, email);
    const newcomer = await join(slugs.main ?? '', { email: 'someone.new@example.org', language: 'nl' }, { ip: freshIp() });
    const known = await join(
      slugs.main ?? '',
      { email: 'KOEN.janssens@example.org', name: 'Not Koen', organisation: 'Elsewhere', language: 'fr' },
      { ip: freshIp() },
    );
    // Same status, same place, same page: the form does not tell who is invited.
    expect(known.status).toBe(303);
    expect(newcomer.status).toBe(303);
    expect(known.headers.get('location')?.replace('lang=fr', 'lang=nl')).toBe(newcomer.headers.get('location'));
    const pages = await Promise.all([visit(`/o/${slugs.main}/sent?lang=fr`), visit(`/o/${slugs.main}/sent?lang=fr`)]);
    expect(await pages[0].text()).toBe(await pages[1].text());

    const after = await invitationsOf(surveys.main, email);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before?.id,
      source: 'coordinator',
      name: 'Koen Janssens',
      organisation_name: null,
      language: 'nl',
    });
    const message = mail.sent.filter((m) => mail.to(m) === email);
    expect(message).toHaveLength(1);
    expect(message[0]?.text).toContain('Beste Koen Janssens');

    // Answering, then asking again: the same respondent, the same answers, no second message
    // within ten minutes (the outbox keeps one per window).
    const token = mail.linkOf(message[0]);
    const view = await callJson<{ survey: { questions: Parameters<typeof answersFor>[0] } }>(`/api/s/${token}`);
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: answersFor(view.survey.questions) } });
    const again = await join(slugs.main ?? '', { email, language: 'nl' }, { ip: freshIp() });
    expect(again.status).toBe(303);
    expect(mail.sent.filter((m) => mail.to(m) === email)).toHaveLength(1);
    expect(await invitationsOf(surveys.main, email)).toHaveLength(1);
    const responses = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE invitation_id = ?')
      .bind(before?.id)
      .first<{ n: number }>();
    expect(responses?.n).toBe(1);
    expect((await callJson<{ answers: unknown }>(`/api/s/${token}`)).answers).not.toBeNull();
  });

  it('re-renders bad input with a 422, an error summary naming each field, and creates nothing', async () => {
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE survey_id = ?').bind(surveys.main).first<{ n: number }>())?.n;
    const before = await count();
    const cases: [Record<string, string>, string[]][] = [
      [{ email: '' }, ['email']],
      [{ email: 'not-an-address' }, ['email']],
      [{ email: 'ok@example.org', name: 'n'.repeat(201) }, ['name']],
      [{ email: 'ok@example.org', organisation: 'o'.repeat(201) }, ['organisation']],
      [{ email: 'ok@example.org', language: 'de' }, ['language']],
      [{ email: '<b>x</b>', name: 'n'.repeat(300), language: 'xx' }, ['email', 'name', 'language']],
    ];
    for (const [fields, named] of cases) {
      const res = await join(slugs.main ?? '', fields, { ip: freshIp() });
      expect(res.status, JSON.stringify(fields)).toBe(422);
      const html = await res.text();
      expect(html).toContain('class="error-summary"');
      for (const field of named) {
        expect(html).toContain(`href="#${field}"`);
        expect(html).toContain(`aria-describedby="${field === 'email' ? 'email-help email-error' : `${field}-error`}"`);
      }
      expect(html).not.toContain('<b>x</b>');
    }
    const kept = await join(slugs.main ?? '', { email: 'typo@', name: 'Sofie Maes', language: 'en' }, { ip: freshIp() });
    const html = await kept.text();
    expect(html).toContain('value="Sofie Maes"');
    expect(html).toContain('Some fields need correcting');
    expect(html).toContain('<title>Some fields need correcting');
    const json = await visit(`/o/${slugs.main}`, { headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(200);
    const wrongType = await app.request(
      `https://relais.test/o/${slugs.main}`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@example.org"}' },
      env,
    );
    expect(wrongType.status).toBe(415);
    expect(await count()).toBe(before);
  });
});

describe('abuse', () => {
  it('limits one client address to 10 requests a minute (429 with Retry-After)', async () => {
    const { statuses, limited, late } = await withinOneWindow(60, async (n) => {
      const ip = `203.0.113.${77 + n}`;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await join(slugs.limits ?? '', { email: `ip-${n}-${i}@example.org` }, { ip })).status);
      const late = `ip-late-${n}@example.org`;
      return { statuses, late, limited: await join(slugs.limits ?? '', { email: late, language: 'nl' }, { ip }) };
    });
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.text()).toContain('Te veel aanvragen');
    expect(await invitationsOf(surveys.limits, late)).toEqual([]);
    // Another client is not affected.
    expect((await join(slugs.limits ?? '', { email: 'ip-other@example.org' }, { ip: freshIp() })).status).toBe(303);
  });

  it('limits one e-mail address to 3 requests a minute, from any client, with the same answer as any other', async () => {
    const { statuses, email } = await withinOneWindow(60, async (n) => {
      const email = n === 0 ? 'flooded@example.org' : `flooded-${n}@example.org`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await join(slugs.limits ?? '', { email }, { ip: freshIp() })).status);
      return { statuses, email };
    });
    // The fourth is not acted on, yet answered like the others: a 429 would tell a visitor
    // that someone else has been asking for this address.
    expect(statuses).toEqual([303, 303, 303, 303]);
    expect(await invitationsOf(surveys.limits, email)).toHaveLength(1);
    expect(mail.sent.filter((m) => mail.to(m) === email)).toHaveLength(1);
  });

  it('with Turnstile configured, shows the widget and widens the CSP for it on that page only', async () => {
    const bindings = { TURNSTILE_SITE_KEY: SITE_KEY_PASSES, TURNSTILE_SECRET_KEY: SECRET_PASSES };
    const res = await visit(`/o/${slugs.main}`, { bindings });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' https:\/\/challenges\.cloudflare\.com/);
    expect(csp).toMatch(/frame-src https:\/\/challenges\.cloudflare\.com/);
    const html = await res.text();
    expect(html).toContain(`data-sitekey="${SITE_KEY_PASSES}"`);
    expect(html).toContain('<script src="https://challenges.cloudflare.com/turnstile/v0/api.js"');
    expect(html).toContain('<noscript>');
    const sent = await visit(`/o/${slugs.main}/sent`, { bindings });
    expect(sent.headers.get('content-security-policy')).not.toContain('challenges.cloudflare.com');
  });

  it('creates nothing and sends nothing when Turnstile fails', async () => {
    const bindings = { TURNSTILE_SITE_KEY: SITE_KEY_PASSES, TURNSTILE_SECRET_KEY: SECRET_FAILS };
    const ip = freshIp();
    const calls = siteverify.length;
    const res = await join(slugs.main ?? '', { email: 'bot@example.org', 'cf-turnstile-response': DUMMY_TOKEN }, { ip, bindings });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#human-check"');
    expect(await invitationsOf(surveys.main, 'bot@example.org')).toEqual([]);
    expect(mail.sent.filter((m) => mail.to(m) === 'bot@example.org')).toEqual([]);
    // Siteverify was asked, with the secret, the token and the visitor's address.
    expect(siteverify.length).toBe(calls + 1);
    const asked = siteverify.at(-1);
    expect(asked?.get('secret')).toBe(SECRET_FAILS);
    expect(asked?.get('response')).toBe(DUMMY_TOKEN);
    expect(asked?.get('remoteip')).toBe(ip);
    // Without a token (JavaScript off), nothing is asked and nothing is created.
    const noToken = await join(
      slugs.main ?? '',
      { email: 'bot@example.org' },
      { ip: freshIp(), bindings: { ...bindings, TURNSTILE_SECRET_KEY: SECRET_PASSES } },
    );
    expect(noToken.status).toBe(403);
    expect(siteverify.length).toBe(calls + 1);
    expect(await invitationsOf(surveys.main, 'bot@example.org')).toEqual([]);
  });

  it('lets a visitor in when Turnstile passes', async () => {
    const bindings = { TURNSTILE_SITE_KEY: SITE_KEY_PASSES, TURNSTILE_SECRET_KEY: SECRET_PASSES };
    const res = await join(
      slugs.main ?? '',
      { email: 'human@example.org', 'cf-turnstile-response': DUMMY_TOKEN },
      { ip: freshIp(), bindings },
    );
    expect(res.status).toBe(303);
    expect(await invitationsOf(surveys.main, 'human@example.org')).toHaveLength(1);
  });

  it('stops newcomers at the cap, while people already invited still get their link', async () => {
    const slug = slugs.capped ?? '';
    await callJson(`/api/surveys/${surveys.capped}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'invited@example.org' }] },
      expect: 201,
    });
    expect((await join(slug, { email: 'first@example.org' }, { ip: freshIp() })).status).toBe(303);
    // Past the cap a newcomer gets the same page as anyone, and "no places left" by e-mail.
    const full = await join(slug, { email: 'second@example.org', language: 'en' }, { ip: freshIp() });
    expect(full.status).toBe(303);
    expect(mail.sent.filter((m) => mail.to(m) === 'second@example.org').map((m) => m.subject)).toEqual([
      'Liaison hôpital-ambulatoire — no places left for session #2',
    ]);
    expect(await invitationsOf(surveys.capped, 'second@example.org')).toEqual([]);
    for (const email of ['first@example.org', 'invited@example.org']) {
      expect((await join(slug, { email }, { ip: freshIp() })).status).toBe(303);
    }
    expect(mail.sent.filter((m) => mail.to(m) === 'invited@example.org')).toHaveLength(1);
    expect(await callJson<OpenLinkJson>(`/api/surveys/${surveys.capped}/open-link`, { key })).toMatchObject({
      cap: 1,
      joined: 1,
      places_left: 0,
    });
    const page = await visit(`/o/${slug}?lang=fr`);
    expect(page.status).toBe(200);
    // The form states the rule, never how many places are left.
    const text = await page.text();
    expect(text).toContain('Les places proposées par ce lien sont limitées');
    expect(text).not.toContain('Il reste');
    // Raising the cap lets the next one in.
    await putOpenLink(surveys.capped, { enabled: true, cap: 2 });
    expect((await join(slug, { email: 'second@example.org' }, { ip: freshIp() })).status).toBe(303);
    expect(await invitationsOf(surveys.capped, 'second@example.org')).toHaveLength(1);
  });
});

describe('a visitor trying to learn who is invited', () => {
  /** Everything the visitor's browser gets back, so two answers can be compared whole. */
  async function answerOf(res: Response) {
    const headers = [...res.headers].filter(([name]) => name !== 'date');
    return { status: res.status, headers, body: await res.text() };
  }
  const ask = (email: string) => join(slugs.oracle ?? '', { email, language: 'en' }, { ip: freshIp() });
  const page = async () => (await visit(`/o/${slugs.oracle}?lang=en`)).text();
  const mailTo = (email: string) => mail.sent.filter((m) => mail.to(m) === email);

  it('gets the same answer for a new and an invited address, before and after the cap; only the e-mails differ', async () => {
    await callJson(`/api/surveys/${surveys.oracle}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'known-before@example.org' }, { email: 'known-after@example.org' }] },
      expect: 201,
    });
    const formBefore = await page();
    const newBefore = await answerOf(await ask('new-before@example.org'));
    // The public page does not move when a newcomer takes a place: no count to compare.
    expect(await page()).toBe(formBefore);
    const knownBefore = await answerOf(await ask('known-before@example.org'));
    // Someone takes the last place.
    expect((await ask('filler@example.org')).status).toBe(303);
    const newAfter = await answerOf(await ask('new-after@example.org'));
    const knownAfter = await answerOf(await ask('known-after@example.org'));
    // One address asked for too often within a minute (any client): the same answer again.
    for (let i = 0; i < 3; i++) await ask('asked-often@example.org');
    const limited = await answerOf(await ask('asked-often@example.org'));

    expect(newBefore.status).toBe(303);
    for (const other of [knownBefore, newAfter, knownAfter, limited]) expect(other).toEqual(newBefore);
    expect(await page()).toBe(formBefore);
    const sent = await visit(`/o/${slugs.oracle}/sent?lang=en`);
    expect(sent.status).toBe(200);

    // The e-mails differ: a link for everyone with a place or an invitation…
    for (const email of ['new-before@example.org', 'known-before@example.org', 'known-after@example.org']) {
      const [message, ...more] = mailTo(email);
      expect(more, email).toEqual([]);
      expect(mail.linkOf(message), email).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
    // …and "no places left", without a link, for the newcomer past the cap.
    const [refusal, ...more] = mailTo('new-after@example.org');
    expect(more).toEqual([]);
    expect(refusal?.subject).toContain('no places left');
    expect(refusal?.text).toContain('All places offered through the open link');
    expect(refusal?.text).not.toContain('/s/');
    expect(await invitationsOf(surveys.oracle, 'new-after@example.org')).toEqual([]);
    expect(mailTo('asked-often@example.org')).toHaveLength(1);

    // The outbox keeps the refusal for the coordinator, once per address in ten minutes.
    expect((await ask('new-after@example.org')).status).toBe(303);
    expect(mailTo('new-after@example.org')).toHaveLength(1);
    const { results: outbox } = await env.DB.prepare(
      'SELECT invitation_id, slot, status, subject FROM outbox WHERE survey_id = ? AND to_email = ?',
    )
      .bind(surveys.oracle, 'new-after@example.org')
      .all<{ invitation_id: number | null; slot: string; status: string; subject: string }>();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ invitation_id: null, status: 'sent' });
    expect(outbox[0]?.slot).toMatch(/^open-link-full:/);
  });

  it('says the rule on the form when places are limited, and the same thing once they are all taken', async () => {
    const html = await page();
    expect(html).toContain('Places through this link are limited');
    expect(html).not.toMatch(/places? left/);
  });
});

describe('links that cannot be joined', () => {
  it('a switched-off link answers 404 in the visitor’s language, and takes nobody', async () => {
    await putOpenLink(surveys.off, { enabled: false });
    const page = await visit(`/o/${slugs.off}?lang=nl`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Deze link is uitgeschakeld');
    const post = await join(slugs.off ?? '', { email: 'late@example.org', language: 'nl' }, { ip: freshIp() });
    expect(post.status).toBe(404);
    expect(await invitationsOf(surveys.off, 'late@example.org')).toEqual([]);
    await putOpenLink(surveys.off, { enabled: true });
    expect((await visit(`/o/${slugs.off}`)).status).toBe(200);
  });

  it('a draft survey answers 409 and a closed one 410', async () => {
    const draft = await visit(`/o/${slugs.draft}?lang=en`);
    expect(draft.status).toBe(409);
    expect(await draft.text()).toContain('not open yet');
    const closed = await visit(`/o/${slugs.closed}`, { headers: { 'accept-language': 'fr-BE' } });
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('Ce questionnaire est clôturé');
    const post = await join(slugs.closed ?? '', { email: 'after@example.org' }, { ip: freshIp() });
    expect(post.status).toBe(410);
    expect(await invitationsOf(surveys.closed, 'after@example.org')).toEqual([]);
  });

  it('an unknown or malformed slug answers 404 without touching anything', async () => {
    for (const path of ['/o/zzzzzzzzzzzz', '/o/short', '/o/%3Cscript%3E', `/o/${'a'.repeat(200)}`]) {
      const res = await visit(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });
});
