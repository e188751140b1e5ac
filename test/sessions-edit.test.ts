/**
 * Sessions that change: PATCH and cancel through the API and the workspace, the date rules
 * with a 422 naming the field, local times that never happen or happen twice in Brussels, the
 * invitees of open surveys told by e-mail with a calendar entry that replaces theirs, and the
 * feed and the personal link's session.ics showing the change.
 */
import { describe, expect, it } from 'vitest';
import { SENDING_CRON, scheduled } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
import { call, callJson, env, inviteThroughApi, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';
import { mailbox, type Sent } from './workspace/mail.ts';

interface Session {
  id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
  sequence: number;
  cancelled_at: string | null;
}

interface Problem {
  errors: { field: string; message: string }[];
}

const minuteTick = (bindings: Partial<Env>) =>
  scheduled({ scheduledTime: Date.now(), cron: SENDING_CRON, noRetry() {} } as ScheduledController, { ...env, ...bindings });

/** A series with sessions #1 (pre-survey open, two people invited and e-mailed) and #2. */
async function seriesWithInvitees(org: string) {
  const { key, email } = await workspaceCoordinator(org);
  const { seriesId, sessionId, surveyId } = await openSurveyFor(key, { title: org, kind: 'pre', startsAt: '2098-03-10T12:00:00Z' });
  const second = await callJson<Session>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 2, starts_at: '2098-06-10T12:00:00Z' },
    expect: 201,
  });
  const people = await inviteThroughApi(key, surveyId, [
    { email: 'ana@example.org', name: 'Ana', language: 'fr' },
    { email: 'bert@example.org', language: 'nl' },
  ]);
  const mail = mailbox();
  // Invitations e-mailed (recorded): only people who were invited are told of changes.
  await callJson(`/api/surveys/${surveyId}/invitations/send`, { method: 'POST', key });
  return { key, email, seriesId, sessionId, secondId: second.id, surveyId, people, mail };
}

const attachmentOf = (m: Sent | undefined) =>
  ((m as unknown as { attachments?: { filename: string; type: string; content: string }[] })?.attachments ?? [])[0];

describe('changing a session through the API', () => {
  it('changes date, end, place and notes; raises SEQUENCE; tells invitees with METHOD:REQUEST; feeds follow', async () => {
    const { key, seriesId, sessionId, people, mail } = await seriesWithInvitees('Séance Modifiée');
    const changed = await callJson<Session>(`/api/sessions/${sessionId}`, {
      method: 'PATCH',
      key,
      json: {
        starts_at: '2098-03-11T13:00:00+01:00',
        ends_at: '2098-03-11T16:00:00+01:00',
        place: 'Maison des associations, salle 2',
        notes: 'Lunch réseau dès 12h30',
      },
    });
    expect(changed).toMatchObject({
      starts_at: '2098-03-11T12:00:00.000Z',
      ends_at: '2098-03-11T15:00:00.000Z',
      place: 'Maison des associations, salle 2',
      notes: 'Lunch réseau dès 12h30',
      sequence: 1,
      cancelled_at: null,
    });
    // Only what is given changes; null empties.
    const again = await callJson<Session>(`/api/sessions/${sessionId}`, { method: 'PATCH', key, json: { notes: null } });
    expect(again).toMatchObject({ place: 'Maison des associations, salle 2', notes: null, sequence: 2 });

    // The invitees are told by the send job (first the tick sends; only the newest notice goes).
    await minuteTick(mail.bindings);
    expect(mail.sent.map(mail.to).sort()).toEqual(['ana@example.org', 'bert@example.org']);
    const ana = mail.sent.find((m) => mail.to(m) === 'ana@example.org');
    expect(ana?.subject).toContain('Changement');
    expect(ana?.text).toContain('Maison des associations, salle 2');
    const ics = attachmentOf(ana);
    expect(ics?.type).toContain('method=REQUEST');
    expect(ics?.content).toContain('METHOD:REQUEST');
    expect(ics?.content).toContain(`UID:session-${sessionId}@relais`);
    expect(ics?.content).toContain('SEQUENCE:2');
    expect(ics?.content).toContain('DTSTART:20980311T120000Z');
    expect(ics?.content).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:ana@example.org');
    expect(mail.sent.find((m) => mail.to(m) === 'bert@example.org')?.subject).toContain('Wijziging');
    await minuteTick(mail.bindings);
    expect(mail.sent).toHaveLength(2);

    // The coordinator's feed and the person's session.ics show the change, same UID, new SEQUENCE.
    const feed = await (await call(`/api/series/${seriesId}/calendar.ics`, { key })).text();
    expect(feed).toContain(`UID:session-${sessionId}@relais`);
    expect(feed).toContain('SEQUENCE:2');
    expect(feed).toContain('LOCATION:Maison des associations\\, salle 2');
    const personal = await (await call(`/s/${people[0]?.token}/session.ics`)).text();
    expect(personal).toContain('DTSTART:20980311T120000Z');
    expect(personal).toContain('SEQUENCE:2');
  });

  it('cancels: STATUS:CANCELLED, METHOD:CANCEL to invitees, once; then refuses changes', async () => {
    const { key, seriesId, sessionId, people, mail } = await seriesWithInvitees('Séance Annulée');
    const cancelled = await callJson<Session>(`/api/sessions/${sessionId}/cancel`, { method: 'POST', key });
    expect(cancelled.cancelled_at).not.toBeNull();
    expect(cancelled.sequence).toBe(1);
    // Again: nothing changes.
    expect((await callJson<Session>(`/api/sessions/${sessionId}/cancel`, { method: 'POST', key })).sequence).toBe(1);
    await minuteTick(mail.bindings);
    expect(mail.sent).toHaveLength(2);
    const ics = attachmentOf(mail.sent[0]);
    expect(ics?.type).toContain('method=CANCEL');
    expect(ics?.content).toContain('METHOD:CANCEL');
    expect(ics?.content).toContain('STATUS:CANCELLED');
    expect(ics?.content).toContain('SEQUENCE:1');
    const feed = await (await call(`/api/series/${seriesId}/calendar.ics`, { key })).text();
    expect(feed).toContain('STATUS:CANCELLED');
    expect(await (await call(`/s/${people[1]?.token}/session.ics`)).text()).toContain('STATUS:CANCELLED');
    const refused = await call(`/api/sessions/${sessionId}`, { method: 'PATCH', key, json: { place: 'Ailleurs' } });
    expect(refused.status).toBe(409);
    const audit = await callJson<{ entries: { action: string; target: string }[] }>('/api/audit', { key });
    expect(audit.entries.filter((e) => e.action === 'session.cancel')).toEqual([
      expect.objectContaining({ target: `session:${sessionId}` }),
    ]);
  });

  it('refuses bad dates with a 422 naming the field', async () => {
    const { key, seriesId, sessionId, secondId } = await seriesWithInvitees('Séance Dates');
    const problem = async (path: string, method: string, json: unknown) => {
      const res = await call(path, { method, key, json });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return ((await res.json()) as Problem).errors.map((e) => e.field);
    };
    // #2 before #1, #1 after #2, a new #3 before #2.
    expect(await problem(`/api/sessions/${secondId}`, 'PATCH', { starts_at: '2098-01-01T12:00:00Z' })).toEqual(['starts_at']);
    expect(await problem(`/api/sessions/${sessionId}`, 'PATCH', { starts_at: '2098-07-01T12:00:00Z' })).toEqual(['starts_at']);
    expect(await problem(`/api/series/${seriesId}/sessions`, 'POST', { number: 3, starts_at: '2098-05-01T12:00:00Z' })).toEqual([
      'starts_at',
    ]);
    // The end before the start, given or kept.
    expect(await problem(`/api/sessions/${sessionId}`, 'PATCH', { ends_at: '2098-03-10T11:00:00Z' })).toEqual(['ends_at']);
    expect(await problem(`/api/sessions/${sessionId}`, 'PATCH', {})).toEqual(['body']);
    // A closing date in the past, on create and update.
    expect(await problem(`/api/sessions/${secondId}/surveys`, 'POST', { kind: 'pre', closes_at: '2020-01-01T00:00:00Z' })).toEqual([
      'closes_at',
    ]);
    // Nothing was changed by the refusals.
    const session = await callJson<Session>(`/api/sessions/${sessionId}`, { key });
    expect(session.sequence).toBe(0);
  });
});

describe('changing a session in the workspace', () => {
  async function signedIn(org: string) {
    const setup = await seriesWithInvitees(org);
    const browser = new Browser(setup.mail.bindings);
    await browser.signIn(setup.email);
    await browser.get(`/app/sessions/${setup.sessionId}?lang=en`);
    return { ...setup, browser };
  }

  it('edits through the form, in Brussels time', async () => {
    const { key, sessionId, browser } = await signedIn('Atelier Formulaire');
    const res = await browser.post(`/app/sessions/${sessionId}/edit`, {
      date: '2098-03-12',
      start: '09:30',
      end: '12:00',
      place: 'CPAS, salle du conseil',
      notes: 'Lunch réseau dès 12h30',
    });
    expect(res.status).toBe(303);
    const session = await callJson<Session>(`/api/sessions/${sessionId}`, { key });
    expect(session).toMatchObject({
      starts_at: '2098-03-12T08:30:00.000Z',
      ends_at: '2098-03-12T11:00:00.000Z',
      place: 'CPAS, salle du conseil',
      notes: 'Lunch réseau dès 12h30',
    });
    const page = await browser.get(`/app/sessions/${sessionId}`);
    expect(page.html).toContain('Lunch réseau dès 12h30');
  });

  it('refuses 02:30 on the spring-forward night and asks which 02:30 on the fall-back night', async () => {
    const { key, sessionId, browser } = await signedIn('Atelier Heure');
    // 2098-03-30 is the last Sunday of March 2098; 2098-10-26 the last Sunday of October.
    const spring = await browser.post(`/app/sessions/${sessionId}/edit`, { date: '2098-03-30', start: '02:30' });
    expect(spring.status).toBe(422);
    const springHtml = await spring.text();
    expect(springHtml).toContain('href="#start"');
    expect(springHtml).toContain('does not exist that night');

    // A change later in the series' order would conflict with #2, so move #2 first.
    const second = await callJson<{ sessions: Session[] }>(
      `/api/series/${(await callJson<{ series_id: number }>(`/api/sessions/${sessionId}`, { key })).series_id}/sessions`,
      { key },
    );
    const two = second.sessions.find((s) => s.number === 2);
    await callJson(`/api/sessions/${two?.id}`, { method: 'PATCH', key, json: { starts_at: '2098-12-01T12:00:00Z' } });

    const fall = await browser.post(`/app/sessions/${sessionId}/edit`, { date: '2098-10-26', start: '02:30' });
    expect(fall.status).toBe(422);
    const fallHtml = await fall.text();
    expect(fallHtml).toContain('happens twice that night');
    expect(fallHtml).toContain('name="fold" value="earlier"');
    expect(fallHtml).toContain('name="fold" value="later"');
    expect((await callJson<Session>(`/api/sessions/${sessionId}`, { key })).sequence).toBe(0);

    const chosen = await browser.post(`/app/sessions/${sessionId}/edit`, { date: '2098-10-26', start: '02:30', fold: 'later' });
    expect(chosen.status).toBe(303);
    expect((await callJson<Session>(`/api/sessions/${sessionId}`, { key })).starts_at).toBe('2098-10-26T01:30:00.000Z');
  });

  it('refuses a session dated after the next one, naming the start', async () => {
    const { sessionId, browser } = await signedIn('Atelier Ordre');
    const res = await browser.post(`/app/sessions/${sessionId}/edit`, { date: '2098-07-01', start: '10:00' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#start"');
    expect(html).toContain('session #2');
  });

  it('refuses a closing date in the past', async () => {
    const { surveyId, sessionId, browser } = await signedIn('Atelier Clôture');
    const res = await browser.post(`/app/surveys/${surveyId}/closes`, { [`closes-${surveyId}`]: '2020-01-01' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`href="#closes-${surveyId}"`);
    expect((await browser.get(`/app/sessions/${sessionId}`)).res.status).toBe(200);
  });

  it('cancels after a confirmation page', async () => {
    const { key, sessionId, browser } = await signedIn('Atelier Annulation');
    const confirm = await browser.get(`/app/sessions/${sessionId}/cancel`);
    expect(confirm.html).toContain('Cancel this session?');
    expect((await browser.post(`/app/sessions/${sessionId}/cancel`)).status).toBe(303);
    expect((await callJson<Session>(`/api/sessions/${sessionId}`, { key })).cancelled_at).not.toBeNull();
    const page = await browser.get(`/app/sessions/${sessionId}`);
    expect(page.html).toContain('cancelled');
    expect(page.html).not.toContain(`action="/app/sessions/${sessionId}/edit"`);
  });
});
