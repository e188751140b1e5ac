/** The participant's pages, as a browser with JavaScript off uses them: plain GETs and form posts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator, tokenOf } from './helpers.ts';

let key: string;
let preId: number;
let postId: number;
let pre: string;
let post: string;
let themeIds: number[];

async function invite(surveyId: number, email: string, language: string) {
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email, language }] },
    expect: 201,
  });
  return tokenOf(invitations[0]?.url ?? '');
}

const form = (token: string, entries: [string, string][]) =>
  call(`/s/${token}`, {
    method: 'POST',
    body: new URLSearchParams(entries).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

beforeAll(async () => {
  key = await createCoordinator('Bassin Sud');
  const series = await callJson<{ id: number }>('/api/series', {
    method: 'POST',
    key,
    json: { title: 'Liaison <b>hôpital</b>' },
    expect: 201,
  });
  themeIds = [];
  for (const fr of ['Secret professionnel partagé', '<script>alert(1)</script>']) {
    themeIds.push(
      (
        await callJson<{ id: number }>(`/api/series/${series.id}/themes`, {
          method: 'POST',
          key,
          json: { label: { fr, nl: `${fr} (nl)` } },
          expect: 201,
        })
      ).id,
    );
  }
  const s2 = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 2, starts_at: '2025-09-16T13:00:00+02:00', ends_at: '2025-09-16T16:00:00+02:00', place: 'Avenue des Cerisiers 241' },
    expect: 201,
  });
  await callJson(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 3, starts_at: '2025-12-18T13:00:00+01:00', place: 'Lieu à confirmer' },
    expect: 201,
  });
  preId = (await callJson<{ id: number }>(`/api/sessions/${s2.id}/surveys`, { method: 'POST', key, json: { kind: 'pre' }, expect: 201 }))
    .id;
  postId = (await callJson<{ id: number }>(`/api/sessions/${s2.id}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 }))
    .id;
  await callJson(`/api/surveys/${preId}/open`, { method: 'POST', key });
  await callJson(`/api/surveys/${postId}/open`, { method: 'POST', key });
  pre = await invite(preId, 'anne@example.org', 'fr');
  post = await invite(postId, 'bart@example.org', 'nl');
});

describe('the survey page', () => {
  it('is a complete form in the invitation language, with private-link headers', async () => {
    const res = await call(`/s/${post}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="nl">/);
    expect(html).toContain('Vragenlijst achteraf');
    expect(html).toContain(`<form method="post" action="/s/${post}?lang=nl"`);
    // Ranking works without JavaScript: one <select> per option, named by question and option.
    expect(html).toContain(`name="q.themes.t${themeIds[0]}"`);
    expect(html).toContain('Secret professionnel partagé (nl)');
  });

  it('escapes what coordinators and participants typed', async () => {
    const html = await (await call(`/s/${pre}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>hôpital</b>');
  });

  it('switches language with ?lang=', async () => {
    const html = await (await call(`/s/${pre}?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Survey before the session');
    expect(html).toContain(`href="/s/${pre}?lang=fr"`);
  });
});

describe('answering without JavaScript', () => {
  it('re-shows the form with an error summary when an answer needs correcting, keeping what was typed', async () => {
    const res = await form(pre, [
      ['lang', 'fr'],
      [`q.themes.t${themeIds[0]}`, '1'],
      [`q.themes.t${themeIds[1]}`, '1'],
      ['q.theme-proposal', 'Santé mentale'],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Certaines réponses sont à corriger');
    expect(html).toContain('href="#q-themes"');
    expect(html).toContain('Deux choix ont le même rang');
    expect(html).toContain('Santé mentale</textarea>');
    const view = await callJson<{ answers: unknown }>(`/api/s/${pre}`);
    expect(view.answers).toBeNull();
  });

  it('names a missing required answer', async () => {
    const res = await form(pre, [['lang', 'fr']]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#q-expectations"');
    expect(html).toContain('Une réponse est obligatoire.');
    expect(html).toContain('aria-invalid="true"');
  });

  it('records the answers, redirects to a confirmation that says what was recorded', async () => {
    const res = await form(pre, [
      ['lang', 'fr'],
      ['q.expectations', 'create-links'],
      ['q.expectations', 'other-realities'],
      [`q.themes.t${themeIds[1]}`, '1'],
      [`q.themes.t${themeIds[0]}`, '2'],
      ['q.sector', 'gp'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${pre}/done?lang=fr`);
    const done = await call(`/s/${pre}/done?lang=fr`);
    const html = await done.text();
    expect(html).toContain('Merci, vos réponses sont enregistrées');
    expect(html).toContain('Ce lien reste valable pour modifier vos réponses');
    expect(html).toMatch(/<ol><li>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/li><li>Secret professionnel partagé<\/li><\/ol>/);
    expect(html).toContain('Médecine générale, maison médicale');
    // A pre-survey confirmation offers the session itself in a calendar.
    expect(html).toContain(`href="/s/${pre}/session.ics"`);
    expect(html).toContain('mardi 16 septembre 2025');
  });

  it('shows the earlier answers when the participant comes back, and lets them change one', async () => {
    const html = await (await call(`/s/${pre}`)).text();
    expect(html).toContain('Vous avez répondu le');
    expect(html).toMatch(/value="create-links" checked=""/);
    expect(html).toMatch(/value="gp" checked=""/);
    expect(html).toMatch(new RegExp(`name="q.themes.t${themeIds[1]}"[^>]*>.*?<option value="1" selected=""`, 's'));

    const res = await form(pre, [
      ['lang', 'fr'],
      ['q.expectations', 'share-news'],
      [`q.themes.t${themeIds[0]}`, '1'],
      ['q.sector', 'gp'],
    ]);
    expect(res.status).toBe(303);
    const view = await callJson<{ answers: Record<string, unknown> }>(`/api/s/${pre}`);
    expect(view.answers).toEqual({ expectations: ['share-news'], themes: [`t${themeIds[0]}`], sector: 'gp' });
  });

  it('offers the next session after a post-survey, as an .ics event', async () => {
    const res = await form(post, [
      ['lang', 'nl'],
      ['q.usefulness', '5'],
    ]);
    expect(res.status).toBe(303);
    const html = await (await call(`/s/${post}/done?lang=nl`)).text();
    expect(html).toContain('Volgende sessie — Sessie #3');
    expect(html).toContain('Lieu à confirmer');
    const ics = await call(`/s/${post}/session.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('DTSTART:20251218T120000Z');
    expect(text).toContain('SUMMARY:Liaison <b>hôpital</b> #3');
    expect(text).toContain('\r\n');
  });
});

describe('links that cannot take answers', () => {
  it('explains a closed survey in the participant language, with 410', async () => {
    await callJson(`/api/surveys/${postId}/close`, { method: 'POST', key });
    const res = await call(`/s/${post}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Deze vragenlijst is gesloten');
    expect(html).toContain('Uw antwoorden werden opgeslagen vóór de sluiting.');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('explains an unknown link with 404, in the browser language', async () => {
    const res = await call(`/s/${'Z'.repeat(32)}`, { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Link niet gevonden');
    expect(html).not.toContain('Z'.repeat(32));
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a form post that is not a form (415)', async () => {
    const res = await call(`/s/${pre}`, { method: 'POST', json: { answers: {} } });
    expect(res.status).toBe(415);
  });
});

describe('the home page', () => {
  it('points participants to their e-mail and coordinators to the workspace, in their language', async () => {
    const html = await (await call('/', { headers: { 'accept-language': 'nl-BE' } })).text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('href="/app/sign-in?lang=nl"');
    expect(html).toContain('uitnodigingsmail');
    expect(await (await call('/?lang=en')).text()).toContain('Coordinators: sign in to the workspace');
  });
});
