/**
 * The series' contacts (issue 16, 18): a directory per series built from its invitations,
 * address books imported into it with a preview, a survey invited from the directory or from
 * who was invited to / answered / attended another one in one action, a session's attendance,
 * all audited; links are never revoked by these doors, and the directory goes with the
 * person's erasure and the series' purge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/cron/scheduled.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from '../helpers.ts';
import { Browser, workspaceCoordinator } from '../workspace/browser.ts';
import { mailbox } from '../workspace/mail.ts';
import { fixture } from './fixtures.ts';

let key: string;
let email: string;
let otherKey: string;
let n = 0;

beforeAll(async () => {
  const who = await workspaceCoordinator('Contacts Bassin Nord-Ouest');
  key = who.key;
  email = who.email;
  otherKey = (await workspaceCoordinator('Contacts Autre Organisation')).key;
});

interface Contact {
  id: number;
  email: string;
  name: string | null;
  organisation: string | null;
  opted_out_at: string | null;
}
const directory = async (seriesId: number, as = key) =>
  (await callJson<{ contacts: Contact[] }>(`/api/series/${seriesId}/contacts`, { key: as })).contacts;

const importBook = (seriesId: number, bytes: Uint8Array, type: string, dryRun = false) =>
  call(`/api/series/${seriesId}/contacts/import${dryRun ? '?dry_run=1' : ''}`, {
    method: 'POST',
    key,
    body: bytes,
    headers: { 'content-type': type },
  });

const inviteFrom = (surveyId: number, json: unknown, as = key) =>
  call(`/api/surveys/${surveyId}/invitations/from`, { method: 'POST', key: as, json });

/** A series with a pre- and a post-survey on session #1, both open. */
async function seriesWithTwoSurveys() {
  n++;
  const pre = await openSurveyFor(key, { title: `Concertation ${n}`, kind: 'pre' });
  const post = await callJson<{ id: number }>(`/api/sessions/${pre.sessionId}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'post' },
    expect: 201,
  });
  await callJson(`/api/surveys/${post.id}/open`, { method: 'POST', key });
  return { seriesId: pre.seriesId, sessionId: pre.sessionId, preId: pre.surveyId, postId: post.id };
}

const auditActions = async (target: string) =>
  (await env.DB.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id').bind(target).all<{ action: string }>()).results.map(
    (r) => r.action,
  );

describe('the directory of a series', () => {
  it('lists everyone invited to any of its surveys, once per address, with their latest name', async () => {
    const { seriesId, preId, postId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [{ email: 'ana@example.org', name: 'Ana' }, { email: 'bo@example.org' }]);
    await inviteThroughApi(key, postId, [{ email: 'ANA@example.org', name: 'Ana Lima' }]);
    const people = await directory(seriesId);
    expect(people.map((p) => [p.email, p.name])).toEqual([
      ['ana@example.org', 'Ana Lima'],
      ['bo@example.org', null],
    ]);
    // Another organisation cannot read it.
    expect((await call(`/api/series/${seriesId}/contacts`, { key: otherKey })).status).toBe(404);
  });

  it('is built by migration 0019 from the invitations made before it', async () => {
    const { seriesId, preId, postId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [{ email: 'old@example.org', name: 'Ancien nom' }]);
    await inviteThroughApi(key, postId, [{ email: 'Old@example.org', name: 'Nouveau nom' }, { email: 'other@example.org' }]);
    // As before the migration: no directory at all (other tests' series are rebuilt too).
    await env.DB.prepare('DELETE FROM attendance').run();
    await env.DB.prepare('DELETE FROM contacts').run();
    // The migration's own backfill statement, as it ran on a database with these invitations.
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0019'));
    const backfill = migration?.queries.find(
      (q) => q.includes('INSERT INTO contacts') && q.includes('max(i.id)') && !q.includes('TRIGGER'),
    );
    expect(backfill).toBeDefined();
    await env.DB.prepare(backfill ?? '').run();
    const people = await directory(seriesId);
    expect(people.map((p) => [p.email.toLowerCase(), p.name])).toEqual([
      ['old@example.org', 'Nouveau nom'],
      ['other@example.org', null],
    ]);
  });
});

describe('importing an address book through the API', () => {
  it('previews with dry_run (nothing stored), then imports the good rows of an Outlook fr export in Windows-1252', async () => {
    const { seriesId } = await seriesWithTwoSurveys();
    const bytes = fixture('outlook-fr-windows-1252.csv');
    const preview = await importBook(seriesId, bytes, 'text/csv', true);
    expect(preview.status).toBe(200);
    const report = (await preview.json()) as { dry_run: boolean; encoding: string; contacts: number; imported: number; rows: unknown[] };
    expect(report).toMatchObject({ dry_run: true, encoding: 'windows-1252', contacts: 3, imported: 0 });
    expect(report.rows).toEqual([
      { row: 4, status: 'skipped', reason: 'phoneOnly', label: 'Marc Dupont' },
      { row: 5, status: 'skipped', reason: 'badAddress', label: 'Amina Peeters' },
    ]);
    expect(await directory(seriesId)).toEqual([]);

    const done = await importBook(seriesId, bytes, 'text/csv');
    expect(((await done.json()) as { imported: number }).imported).toBe(3);
    const people = await directory(seriesId);
    expect(people.map((p) => p.name)).toEqual(['Chloé Lefèvre', 'Dubœuf', 'Noël Lefèvre']);
    expect(people[0]?.organisation).toBe('Maison médicale du Nord');
    expect(await auditActions(`series:${seriesId}`)).toContain('contacts.import');
  });

  it('reads a vCard body and a UTF-16 "Unicode" export; refuses another media type and a file without addresses', async () => {
    const { seriesId } = await seriesWithTwoSurveys();
    expect((await importBook(seriesId, fixture('contacts.vcf'), 'text/vcard')).status).toBe(200);
    expect((await importBook(seriesId, fixture('outlook-nl-unicode-utf16le.txt'), 'text/plain')).status).toBe(200);
    expect((await directory(seriesId)).map((p) => p.email)).toContain('zoe.unal@example.org');
    expect((await importBook(seriesId, fixture('contacts.vcf'), 'image/png')).status).toBe(415);
    const none = await importBook(seriesId, new TextEncoder().encode('Name,Phone\nAnn,123\n'), 'text/csv');
    expect(none.status).toBe(422);
    expect(((await none.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body');
  });

  it('keeps a contact who opted out opted out when an address book lists them again', async () => {
    const { seriesId } = await seriesWithTwoSurveys();
    await importBook(seriesId, new TextEncoder().encode('email,name\nquiet@example.org,Quiet\n'), 'text/csv');
    await env.DB.prepare(
      "UPDATE contacts SET opted_out_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE series_id = ? AND email = 'quiet@example.org'",
    )
      .bind(seriesId)
      .run();
    await importBook(seriesId, new TextEncoder().encode('email,name\nquiet@example.org,Quiet Again\n'), 'text/csv');
    const [quiet] = await directory(seriesId);
    expect(quiet?.name).toBe('Quiet Again');
    expect(quiet?.opted_out_at).not.toBeNull();
  });
});

describe('inviting a survey from the series in one action', () => {
  it('from the directory: the Outlook contacts get their e-mail, which reads "Bonjour Dubœuf,"', async () => {
    const { seriesId, postId } = await seriesWithTwoSurveys();
    await importBook(seriesId, fixture('outlook-fr-windows-1252.csv'), 'text/csv');
    const res = await inviteFrom(postId, { source: 'directory' });
    expect(await res.json()).toEqual({ added: 3, already: 0 });
    const mail = mailbox();
    const browser = new Browser(mail.bindings);
    await browser.signIn(email);
    await browser.get(`/app/surveys/${postId}/participants`);
    await browser.post(`/app/surveys/${postId}/send`);
    const message = mail.sent.find((m) => mail.to(m) === 'jean.duboeuf@example.org');
    expect(message?.text.split('\n')[0]).toBe('Bonjour Dubœuf,');
    expect(message?.html).toContain('Bonjour Dubœuf,');
    expect(mail.sent.map((m) => m.text).join('\n')).not.toContain('\uFFFD');
    expect(await auditActions(`survey:${postId}`)).toContain('invitations.from');
  });

  it('from who answered another survey: only them; someone already invited keeps their live link', async () => {
    const { preId, postId } = await seriesWithTwoSurveys();
    const invited = await inviteThroughApi(key, preId, [
      { email: 'a@example.org' },
      { email: 'b@example.org' },
      { email: 'c@example.org' },
    ]);
    const [a, b] = invited;
    await callJson(`/api/s/${a?.token}`, { method: 'PUT', json: { answers: {} } }).catch(() => undefined);
    await env.DB.prepare('UPDATE invitations SET answered = 1 WHERE id IN (?, ?)')
      .bind(a?.id ?? 0, b?.id ?? 0)
      .run();
    // b is invited to the post-survey already, with a link handed out.
    const [bPost] = await inviteThroughApi(key, postId, [{ email: 'b@example.org' }]);
    expect(await (await inviteFrom(postId, { source: 'answered', survey_id: preId })).json()).toEqual({ added: 1, already: 1 });
    const list = await callJson<{ invitations: { email: string }[] }>(`/api/surveys/${postId}/invitations`, { key });
    expect(list.invitations.map((i) => i.email).sort()).toEqual(['a@example.org', 'b@example.org']);
    expect((await call(`/api/s/${bPost?.token}`)).status).toBe(200);
    // Everyone invited: c too.
    expect(await (await inviteFrom(postId, { source: 'invited', survey_id: preId })).json()).toEqual({ added: 1, already: 2 });
  });

  it('never invites someone who opted out of the series, whichever the source', async () => {
    const { seriesId, preId, postId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [{ email: 'yes@example.org' }, { email: 'no@example.org' }]);
    await env.DB.prepare(
      "UPDATE contacts SET opted_out_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE series_id = ? AND email = 'no@example.org'",
    )
      .bind(seriesId)
      .run();
    expect(await (await inviteFrom(postId, { source: 'invited', survey_id: preId })).json()).toEqual({ added: 1, already: 0 });
    expect(await (await inviteFrom(postId, { source: 'directory' })).json()).toEqual({ added: 0, already: 1 });
  });

  it('refuses a source outside the series or the organisation, naming the field', async () => {
    const first = await seriesWithTwoSurveys();
    const second = await seriesWithTwoSurveys();
    const res = await inviteFrom(first.postId, { source: 'answered', survey_id: second.preId });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('survey_id');
    const session = await inviteFrom(first.postId, { source: 'attended', session_id: second.sessionId });
    expect(((await session.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('session_id');
    expect((await inviteFrom(first.postId, { source: 'nobody' })).status).toBe(422);
    expect((await inviteFrom(first.postId, { source: 'directory' }, otherKey)).status).toBe(404);
  });
});

describe('attendance', () => {
  it('is set through the API (JSON or a CSV of e-mails), audited, and the post-survey goes to who attended', async () => {
    const { seriesId, sessionId, preId, postId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [{ email: 'came@example.org', name: 'Came' }, { email: 'away@example.org' }]);
    const put = await callJson<{ attended: number; attendees: { email: string }[] }>(`/api/sessions/${sessionId}/attendance`, {
      method: 'PUT',
      key,
      json: { emails: ['came@example.org'] },
    });
    expect(put.attended).toBe(1);
    // A sheet of e-mails replaces it; a newcomer on the sheet joins the directory.
    const sheet = await call(`/api/sessions/${sessionId}/attendance`, {
      method: 'PUT',
      key,
      body: 'came@example.org\nwalk-in@example.org\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(((await sheet.json()) as { attended: number }).attended).toBe(2);
    expect((await directory(seriesId)).map((p) => p.email)).toContain('walk-in@example.org');
    expect((await auditActions(`session:${sessionId}`)).filter((a) => a.startsWith('attendance'))).toEqual([
      'attendance.set',
      'attendance.set',
    ]);
    expect(await (await inviteFrom(postId, { source: 'attended', session_id: sessionId })).json()).toEqual({ added: 2, already: 0 });
    const list = await callJson<{ invitations: { email: string }[] }>(`/api/surveys/${postId}/invitations`, { key });
    expect(list.invitations.map((i) => i.email).sort()).toEqual(['came@example.org', 'walk-in@example.org']);
    expect((await call(`/api/sessions/${sessionId}/attendance`, { key: otherKey })).status).toBe(404);
  });

  it('is ticked in the workspace without JavaScript (a checkbox list), and a sheet adds to it', async () => {
    const { sessionId, preId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [
      { email: 'one@example.org', name: 'One' },
      { email: 'two@example.org', name: 'Two' },
    ]);
    const browser = new Browser();
    await browser.signIn(email);
    const { html } = await browser.get(`/app/sessions/${sessionId}/attendance`);
    const ids = [...html.matchAll(/name="contact" value="(\d+)"/g)].map((m) => m[1] ?? '');
    expect(ids).toHaveLength(2);
    const body = new URLSearchParams({ _csrf: browser.csrf, contact: ids[0] ?? '' });
    const saved = await browser.request(`/app/sessions/${sessionId}/attendance`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(saved.status).toBe(303);
    const after = await browser.get(saved.headers.get('location') ?? '');
    expect(after.html).toContain(`value="${ids[0]}" checked`);
    expect(after.html).toMatch(/role="status"[^>]*>[^<]*1/);
    await browser.post(`/app/sessions/${sessionId}/attendance/add`, { emails: 'two@example.org\nthree@example.org' });
    const attended = await callJson<{ attended: number }>(`/api/sessions/${sessionId}/attendance`, { key });
    expect(attended.attended).toBe(3);
  });
});

describe('import in the workspace: a preview, then the good rows', () => {
  it('shows one line per skipped row with its reason, and imports what the preview read', async () => {
    const { seriesId } = await seriesWithTwoSurveys();
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/series/${seriesId}/contacts`);
    const form = new FormData();
    form.set('file', new File([fixture('google-contacts.csv')], 'contacts.csv', { type: 'text/csv' }));
    const preview = await browser.postMultipart(`/app/series/${seriesId}/contacts/preview`, form);
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).toContain('3 contacts seront importés.');
    expect(html).toMatch(/Ligne 3 \(Sofie Maes\)[^<]*<strong>importée, à vérifier<\/strong>[^<]*plusieurs adresses/);
    expect(html).toMatch(/Ligne 4 \(Thomas Lambert\)[^<]*<strong>ignorée<\/strong>[^<]*un numéro de téléphone mais pas d’adresse e-mail/);
    expect(await directory(seriesId)).toEqual([]);
    const decoded = /name="text" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const text = decoded
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    const res = await browser.post(`/app/series/${seriesId}/contacts/import`, { confirm: '1', text });
    expect(res.status).toBe(303);
    expect((await directory(seriesId)).map((p) => p.email).sort()).toEqual([
      'elodie.vdb@example.org',
      'fatou.diallo@example.org',
      'sofie@example.org',
    ]);
  });

  it('a survey participants page imports a clean list at once and shows a preview for a file with skipped rows', async () => {
    const { postId } = await seriesWithTwoSurveys();
    const browser = new Browser();
    await browser.signIn(email);
    await browser.get(`/app/surveys/${postId}/participants`);
    const form = new FormData();
    form.set('file', new File([fixture('outlook-nl-unicode-utf16le.txt')], 'contacts.txt'));
    const html = await (await browser.postMultipart(`/app/surveys/${postId}/participants`, form)).text();
    expect(html).toContain('UTF-16LE');
    expect(html).toContain('Ligne 4 (Jan De Smet)');
    expect((await callJson<{ invitations: unknown[] }>(`/api/surveys/${postId}/invitations`, { key })).invitations).toHaveLength(0);
    const clean = await browser.post(`/app/surveys/${postId}/participants`, { contacts: 'x@example.org, X' });
    expect(clean.status).toBe(303);
  });
});

describe('the directory goes with the person and with the series', () => {
  it('erasing a person removes their directory entries and attendance', async () => {
    const { seriesId, sessionId, preId } = await seriesWithTwoSurveys();
    await inviteThroughApi(key, preId, [{ email: 'erase-me@example.org' }]);
    await callJson(`/api/sessions/${sessionId}/attendance`, { method: 'PUT', key, json: { emails: ['erase-me@example.org'] } });
    const exported = await callJson<{ contacts: { attended_sessions: number[] }[] }>('/api/participants/export', {
      method: 'POST',
      key,
      json: { email: 'erase-me@example.org' },
    });
    expect(exported.contacts[0]?.attended_sessions).toEqual([1]);
    await callJson('/api/participants/erase', { method: 'POST', key, json: { email: 'erase-me@example.org' } });
    expect(await directory(seriesId)).toEqual([]);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').bind(sessionId).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("the retention purge empties the series' directory and attendance", async () => {
    n++;
    const { seriesId, sessionId, surveyId } = await openSurveyFor(key, { title: `Ancienne ${n}`, startsAt: '2020-01-01T12:00:00Z' });
    await callJson(`/api/series/${seriesId}`, { method: 'PATCH', key, json: { retention_days: 30 } });
    await inviteThroughApi(key, surveyId, [{ email: 'past@example.org' }]);
    await callJson(`/api/sessions/${sessionId}/attendance`, { method: 'PUT', key, json: { emails: ['past@example.org'] } });
    await runTick(env, new Date());
    expect(await directory(seriesId)).toEqual([]);
  });
});
