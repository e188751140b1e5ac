/**
 * Calendars: the RFC 5545 essentials of src/calendar/ics.ts, a series' feed for coordinators
 * and at a public, rotatable URL, and the same event (same UID) as the participant's .ics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar, sessionEvent } from '../src/calendar/ics.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed when reading. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('iCalendar essentials', () => {
  const session = { id: 41, number: 3, starts_at: '2025-12-18T12:00:00.000Z', ends_at: '2025-12-18T14:30:00.000Z', place: null };

  it('ends every line with CRLF and has no bare LF', () => {
    const ics = icsCalendar([sessionEvent(session, 'Liaison')]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, and unfolds back to the text', () => {
    const title =
      'Concertation thématique « Liaison hôpital–ambulatoire » : accueil aux urgences, secret professionnel partagé, inégalités numériques';
    const ics = icsCalendar([sessionEvent(session, title)]);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    expect(unfold(ics)).toContain(`SUMMARY:${title.replace(/,/g, '\\,')} #3`);
  });

  it('escapes backslash, semicolon, comma and newlines in text', () => {
    const ics = icsCalendar([{ ...sessionEvent({ ...session, place: 'Avenue des Cerisiers 241; WSL, salle 2\nEntrée C:\\B' }, 'S') }]);
    expect(unfold(ics)).toContain('LOCATION:Avenue des Cerisiers 241\\; WSL\\, salle 2\\nEntrée C:\\\\B');
  });

  it('writes DTSTART and DTEND in UTC, and a default two-hour end when none is set', () => {
    const ics = icsCalendar([
      sessionEvent({ ...session, starts_at: new Date('2025-09-16T13:00:00+02:00').toISOString(), ends_at: null }, 'S'),
    ]);
    expect(ics).toContain('\r\nDTSTART:20250916T110000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20250916T130000Z\r\n');
  });

  it('keeps the UID of a session stable whatever the time of generation or the title', () => {
    const a = icsCalendar([sessionEvent(session, 'A')], undefined, new Date('2025-01-01T00:00:00Z'));
    const b = icsCalendar([sessionEvent(session, 'B')], undefined, new Date('2025-06-01T00:00:00Z'));
    const uid = (ics: string) => /\r\nUID:(.+)\r\n/.exec(ics)?.[1];
    expect(uid(a)).toBe('session-41@relais');
    expect(uid(b)).toBe(uid(a));
  });
});

describe('the calendar feed of a series', () => {
  let key: string;
  let otherKey: string;
  let seriesId: number;
  const sessionIds: number[] = [];

  beforeAll(async () => {
    key = await createCoordinator('Bassin Calendrier');
    otherKey = await createCoordinator('Bassin Voisin');
    seriesId = (
      await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Liaison hôpital-ambulatoire' }, expect: 201 })
    ).id;
    for (const s of [
      { number: 1, starts_at: '2025-06-10T13:00:00+02:00' },
      { number: 2, starts_at: '2025-09-16T13:00:00+02:00', ends_at: '2025-09-16T16:00:00+02:00', place: 'Avenue des Cerisiers 241 – WSL' },
      { number: 3, starts_at: '2025-12-18T13:00:00+01:00', ends_at: '2025-12-18T15:30:00+01:00', place: 'Lieu à confirmer' },
    ]) {
      sessionIds.push(
        (await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, { method: 'POST', key, json: s, expect: 201 })).id,
      );
    }
  });

  it('gives the coordinator every session as one calendar', async () => {
    const res = await call(`/api/series/${seriesId}/calendar.ics`, { key });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = unfold(await res.text());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect([...ics.matchAll(/\r\nUID:(.+)\r\n/g)].map((m) => m[1])).toEqual(sessionIds.map((id) => `session-${id}@relais`));
    expect(ics).toContain('X-WR-CALNAME:Liaison hôpital-ambulatoire');
    expect(ics).toContain('SUMMARY:Liaison hôpital-ambulatoire #2');
    expect(ics).toContain('DTSTART:20250916T110000Z');
    expect(ics).toContain('LOCATION:Avenue des Cerisiers 241 – WSL');
  });

  it("refuses another organisation's coordinator and a missing key", async () => {
    expect((await call(`/api/series/${seriesId}/calendar.ics`, { key: otherKey })).status).toBe(404);
    expect((await call(`/api/series/${seriesId}/calendar-feed`, { method: 'POST', key: otherKey })).status).toBe(404);
    expect((await call(`/api/series/${seriesId}/calendar.ics`)).status).toBe(401);
  });

  it('publishes the feed at an unguessable URL that works without a key, and rotating it revokes the old URL', async () => {
    const first = await callJson<{ url: string }>(`/api/series/${seriesId}/calendar-feed`, { method: 'POST', key, expect: 201 });
    expect(first.url).toMatch(/^https:\/\/relais\.test\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const path = new URL(first.url).pathname;
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await res.text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);

    const second = await callJson<{ url: string }>(`/api/series/${seriesId}/calendar-feed`, { method: 'POST', key, expect: 201 });
    expect(second.url).not.toBe(first.url);
    expect((await call(path)).status).toBe(404);
    expect((await call(new URL(second.url).pathname)).status).toBe(200);
    expect((await call('/calendar/not-a-real-token-at-all-000000.ics')).status).toBe(404);
  });

  it('never keeps the secret feed URL for an Idempotency-Key replay: the replay makes a new one', async () => {
    const headers = { 'idempotency-key': 'feed-once' };
    const first = await callJson<{ url: string }>(`/api/series/${seriesId}/calendar-feed`, { method: 'POST', key, headers, expect: 201 });
    const replay = await callJson<{ url: string }>(`/api/series/${seriesId}/calendar-feed`, { method: 'POST', key, headers, expect: 201 });
    expect(replay.url).not.toBe(first.url);
    const token = new URL(first.url).pathname.slice('/calendar/'.length, -'.ics'.length);
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE body LIKE '%' || ? || '%'")
      .bind(token)
      .first<{ n: number }>();
    expect(kept?.n).toBe(0);
  });

  it('gives a participant the same event, with the same UID, as the feed', async () => {
    const survey = await callJson<{ id: number }>(`/api/sessions/${sessionIds[2]}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre' },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'dora@cpas.example' }] },
      expect: 201,
    });
    const single = unfold(await (await call(`/s/${tokenOf(invitations[0]?.url ?? '')}/session.ics`)).text());
    const feed = unfold(await (await call(`/api/series/${seriesId}/calendar.ics`, { key })).text());
    const event = (ics: string, uid: string) =>
      ics
        .split('BEGIN:VEVENT')
        .find((e) => e.includes(`UID:${uid}`))
        ?.replace(/DTSTAMP:\w+/, '');
    const uid = `session-${sessionIds[2]}@relais`;
    expect(event(single, uid)).toBeDefined();
    expect(event(single, uid)).toBe(event(feed, uid));
  });
});
