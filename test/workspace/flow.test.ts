/**
 * The "done when", in a browser-like client: sign in, set up session #3, import
 * contacts from a CSV, send invitations (visible in the outbox), see answers arrive, erase a
 * participant. Only the e-mail provider is mocked.
 */
import { describe, expect, it } from 'vitest';
import { call, env } from '../helpers.ts';
import { Browser, workspaceCoordinator } from './browser.ts';
import { mailbox } from './mail.ts';

const OUTLOOK_CSV = [
  '"First Name","Middle Name","Last Name","E-mail Address","E-mail 2 Address","Language"',
  '"Amina","","Peeters","amina.peeters@example.org","","Français"',
  '"Koen","","Janssens","koen.janssens@example.org","","Nederlands"',
  '"Sofie","","Maes","sofie.maes@example.org","","English"',
].join('\r\n');

describe('a coordinator who has never seen the API', () => {
  it('signs in, sets up session #3, imports contacts, invites, sees answers arrive and erases a participant', async () => {
    const { email } = await workspaceCoordinator('Bassin Sud-Est (flow)');
    const mail = mailbox();
    const browser = new Browser(mail.bindings);
    await browser.signIn(email);

    // A series and its catalogue.
    let res = await browser.post('/app/series', { title: 'Liaison hôpital-ambulatoire', bassin: 'Sud-Est', language: 'fr' });
    expect(res.status).toBe(303);
    const seriesPath = res.headers.get('location')?.split('?')[0] ?? '';
    expect(seriesPath).toMatch(/^\/app\/series\/\d+$/);
    for (const label_fr of ['Secret professionnel partagé', 'Transmission de l’information']) {
      expect((await browser.post(`${seriesPath}/themes`, { label_fr })).status).toBe(303);
    }

    // Session #3: 18/12/2025, 13h–15h30 in Brussels.
    await browser.get(seriesPath);
    res = await browser.post(`${seriesPath}/sessions`, {
      number: '3',
      date: '2025-12-18',
      start: '13:00',
      end: '15:30',
      place: 'Lieu à confirmer',
    });
    expect(res.status).toBe(303);
    const sessionPath = res.headers.get('location')?.split('?')[0] ?? '';
    const session = await env.DB.prepare('SELECT starts_at, ends_at FROM sessions WHERE id = ?')
      .bind(Number(sessionPath.split('/').pop()))
      .first();
    expect(session).toEqual({ starts_at: '2025-12-18T12:00:00.000Z', ends_at: '2025-12-18T14:30:00.000Z' });

    // Its pre-survey from the template, opened.
    let page = await browser.get(sessionPath);
    expect(page.html).toContain('Séance #3');
    res = await browser.post(`${sessionPath}/surveys`, { kind: 'pre', closes: '2099-12-17' });
    expect(res.status).toBe(303);
    const survey = await env.DB.prepare('SELECT su.id FROM surveys su WHERE su.session_id = ?')
      .bind(Number(sessionPath.split('/').pop()))
      .first<{ id: number }>();
    const surveyId = survey?.id ?? 0;
    await browser.get(sessionPath);
    expect((await browser.post(`/app/surveys/${surveyId}/open`)).status).toBe(303);
    page = await browser.get(sessionPath);
    expect(page.html).toContain('ouvert');
    expect(page.html).toContain('0 sur 0 invité·es');

    // Contacts uploaded as an Outlook export.
    await browser.get(`/app/surveys/${surveyId}/participants`);
    const form = new FormData();
    form.set('contacts', '');
    form.set('file', new File([OUTLOOK_CSV], 'contacts.csv', { type: 'text/csv' }));
    res = await browser.postMultipart(`/app/surveys/${surveyId}/participants`, form);
    expect(res.status).toBe(303);
    page = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(page.html).toContain('Koen Janssens');
    expect(page.html.match(/pas envoyée/g)?.length).toBe(3);

    // Invitations go out through the binding and stay in the outbox, link masked.
    res = await browser.post(`/app/surveys/${surveyId}/send`);
    expect(res.status).toBe(303);
    expect(mail.sent.map(mail.to).sort()).toEqual(['amina.peeters@example.org', 'koen.janssens@example.org', 'sofie.maes@example.org']);
    const koen = mail.sent.find((m) => mail.to(m) === 'koen.janssens@example.org');
    expect(koen?.subject).toContain('sessie #3');
    expect(koen?.text).toContain('donderdag 18 december 2025');
    expect(koen?.text).toContain('Lieu à confirmer');
    page = await browser.get('/app/outbox');
    expect(page.html).toContain('koen.janssens@example.org');
    const outbox = await env.DB.prepare('SELECT body_text FROM outbox WHERE to_email = ?')
      .bind('koen.janssens@example.org')
      .first<{ body_text: string }>();
    expect(outbox?.body_text).not.toContain(mail.linkOf(koen));
    page = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(page.html.match(/>envoyée</g)?.length).toBe(3);

    // Koen answers with the link from his e-mail; the coordinator sees it arrive.
    const token = mail.linkOf(koen);
    const put = await call(`/api/s/${token}`, {
      method: 'PUT',
      json: { answers: { expectations: ['create-links'], 'theme-proposal': 'Santé  mentale' } },
    });
    expect(put.status).toBe(200);
    page = await browser.get(sessionPath);
    expect(page.html).toContain('1 sur 3 invité·es');
    page = await browser.get(`/app/surveys/${surveyId}/participants`);
    expect(page.html).toContain('a répondu');
    // His proposal is not listed on the series page while he is the only one who answered (fewer
    // than the minimum group size, 3: the participants page says who answered).
    page = await browser.get(seriesPath);
    expect(page.html).not.toContain('Santé  mentale');

    // Koen asks to be erased: invitations, answers and messages go.
    await browser.get('/app/privacy');
    res = await browser.post('/app/privacy/erase', { 'erase-email': 'Koen.Janssens@example.org' });
    expect(res.status).toBe(303);
    const left = await env.DB.batch([
      env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE email = ?').bind('koen.janssens@example.org'),
      env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').bind(surveyId),
      env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE to_email = ?').bind('koen.janssens@example.org'),
      env.DB.prepare('SELECT count(*) AS n FROM answers WHERE survey_id = ?').bind(surveyId),
    ]);
    expect(left.map((r) => (r.results[0] as { n: number }).n)).toEqual([0, 0, 0, 0]);
    expect((await call(`/api/s/${token}`)).status).toBe(404);
    page = await browser.get('/app/audit');
    expect(page.html).toContain('participant.erase');
    expect(page.html).not.toContain('koen.janssens@example.org');
  });

  it('switches language with ?lang= and keeps it', async () => {
    const { email } = await workspaceCoordinator('Language Org');
    const browser = new Browser();
    await browser.signIn(email);
    const nl = await browser.get('/app/series?lang=nl');
    expect(nl.html).toContain('<html lang="nl"');
    expect(nl.html).toContain('Thematische overleggen');
    const again = await browser.get('/app/privacy');
    expect(again.html).toContain('Gegevensbescherming');
    const en = await browser.get('/app/privacy?lang=en');
    expect(en.html).toContain('Data protection');
  });

  it('re-renders a bad session form with a 422 naming the fields', async () => {
    const { email } = await workspaceCoordinator('Form Errors Org');
    const browser = new Browser();
    await browser.signIn(email);
    const res = await browser.post('/app/series', { title: 'S', language: 'fr' });
    const seriesPath = res.headers.get('location')?.split('?')[0] ?? '';
    await browser.get(seriesPath);
    const bad = await browser.post(`${seriesPath}/sessions`, { number: 'x', date: '2025-13-45', start: '25:00' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#number"');
    expect(html).toContain('href="#date"');
    const csp = bad.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script>|style="/);
  });

  it('records invitations without delivering them when no e-mail binding is configured, and exports the links', async () => {
    const { email } = await workspaceCoordinator('No Mail Org');
    const browser = new Browser({ EMAIL: undefined });
    await browser.signIn(email);
    let res = await browser.post('/app/series', { title: 'S', language: 'fr' });
    const seriesPath = res.headers.get('location')?.split('?')[0] ?? '';
    await browser.get(seriesPath);
    res = await browser.post(`${seriesPath}/sessions`, { number: '1', date: '2099-01-10', start: '13:00' });
    const sessionPath = res.headers.get('location')?.split('?')[0] ?? '';
    await browser.get(sessionPath);
    await browser.post(`${sessionPath}/surveys`, { kind: 'post' });
    const surveyId = (
      await env.DB.prepare('SELECT id FROM surveys WHERE session_id = ?')
        .bind(Number(sessionPath.split('/').pop()))
        .first<{ id: number }>()
    )?.id;
    await browser.get(sessionPath);
    await browser.post(`/app/surveys/${surveyId}/open`);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    res = await browser.post(`/app/surveys/${surveyId}/participants`, { contacts: 'a@example.org; Ann A; nl\nBob B; b@example.org; fr' });
    expect(res.status).toBe(303);
    await browser.get(`/app/surveys/${surveyId}/participants`);
    await browser.post(`/app/surveys/${surveyId}/send`);
    const statuses = await env.DB.prepare('SELECT status FROM outbox WHERE survey_id = ?').bind(surveyId).all<{ status: string }>();
    expect(statuses.results.map((r) => r.status)).toEqual(['recorded', 'recorded']);
    // ?sep=, as an English spreadsheet reads it (the workspace is in French: `;` otherwise).
    const csv = await browser.post(`/app/surveys/${surveyId}/links.csv?sep=,`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('email,name,language,link');
    const annLink =
      lines
        .find((l) => l.startsWith('a@example.org'))
        ?.split(',')
        .pop() ?? '';
    // The exported link is the one the invitation holds: it opens the survey.
    expect((await call(`/api/s/${annLink.split('/s/')[1]}`)).status).toBe(200);
  });
});

describe('a refused address', () => {
  it('shows as bounced with the failure in the outbox, until a resend succeeds', async () => {
    const { email, key } = await workspaceCoordinator('Bounce Org');
    const series = await call('/api/series', { method: 'POST', key, json: { title: 'B' } }).then(
      (r) => r.json() as Promise<{ id: number }>,
    );
    const session = await call(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
    }).then((r) => r.json() as Promise<{ id: number }>);
    const survey = await call(`/api/sessions/${session.id}/surveys`, { method: 'POST', key, json: { kind: 'pre' } }).then(
      (r) => r.json() as Promise<{ id: number }>,
    );
    await call(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    const failing = mailbox({ failFor: 'gone@example.org' });
    const browser = new Browser(failing.bindings);
    await browser.signIn(email);
    await browser.get(`/app/surveys/${survey.id}/participants`);
    await browser.post(`/app/surveys/${survey.id}/participants`, { contacts: 'gone@example.org\nhere@example.org' });
    await browser.get(`/app/surveys/${survey.id}/participants`);
    await browser.post(`/app/surveys/${survey.id}/send`);
    expect(failing.sent.map(failing.to)).toEqual(['here@example.org']);
    let page = await browser.get(`/app/surveys/${survey.id}/participants`);
    expect(page.html).toContain('state-bounced');
    const outbox = await env.DB.prepare("SELECT status, error FROM outbox WHERE to_email = 'gone@example.org'").first();
    expect(outbox).toEqual({ status: 'failed', error: 'mailbox unavailable' });

    const working = mailbox();
    const again = new Browser(working.bindings);
    await again.signIn(email);
    await again.get(`/app/surveys/${survey.id}/participants`);
    const invitation = await env.DB.prepare("SELECT id FROM invitations WHERE email = 'gone@example.org'").first<{ id: number }>();
    expect((await again.post(`/app/invitations/${invitation?.id}/resend`)).status).toBe(303);
    expect(working.sent.map(working.to)).toEqual(['gone@example.org']);
    page = await again.get(`/app/surveys/${survey.id}/participants`);
    expect(page.html).not.toContain('state-bounced');
  });
});

describe('notices after a form', () => {
  it('keep the anchor after the query, so the notice shows and the page scrolls to the section', async () => {
    const { email } = await workspaceCoordinator('Notice Org');
    const browser = new Browser();
    await browser.signIn(email);
    const res = await browser.post('/app/series', { title: 'N', language: 'fr' });
    const seriesPath = res.headers.get('location')?.split('?')[0] ?? '';
    await browser.get(seriesPath);
    const added = await browser.post(`${seriesPath}/themes`, { label_fr: 'Thème' });
    expect(added.headers.get('location')).toBe(`${seriesPath}?notice=saved#catalogue`);
    expect((await browser.get(added.headers.get('location') ?? '')).html).toContain('role="status"');
  });
});

describe('the closing date', () => {
  it('can be changed on the session page, and a bad date is a 422', async () => {
    const { email, key } = await workspaceCoordinator('Closing Org');
    const series = await call('/api/series', { method: 'POST', key, json: { title: 'C' } }).then(
      (r) => r.json() as Promise<{ id: number }>,
    );
    const session = await call(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
    }).then((r) => r.json() as Promise<{ id: number }>);
    const survey = await call(`/api/sessions/${session.id}/surveys`, { method: 'POST', key, json: { kind: 'pre' } }).then(
      (r) => r.json() as Promise<{ id: number }>,
    );
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/sessions/${session.id}`);
    expect((await browser.post(`/app/surveys/${survey.id}/closes`, { [`closes-${survey.id}`]: '2098-12-31' })).status).toBe(303);
    const row = await env.DB.prepare('SELECT closes_at FROM surveys WHERE id = ?').bind(survey.id).first();
    expect(row).toEqual({ closes_at: '2098-12-31T22:59:00.000Z' });
    const bad = await browser.post(`/app/surveys/${survey.id}/closes`, { [`closes-${survey.id}`]: '2098-02-30' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(`href="#closes-${survey.id}"`);
    expect((await browser.post(`/app/surveys/${survey.id}/closes`, { [`closes-${survey.id}`]: '' })).status).toBe(303);
    expect(await env.DB.prepare('SELECT closes_at FROM surveys WHERE id = ?').bind(survey.id).first()).toEqual({ closes_at: null });
  });
});
