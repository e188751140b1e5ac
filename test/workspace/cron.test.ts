/** The hourly cron: reminders relative to the meeting, never twice; closing; retention purge. */
import { describe, expect, it } from 'vitest';
import { MESSAGES_PER_TICK, QUERY_BUDGET, runTick, WEBHOOK_LOG_DAYS } from '../../src/cron/scheduled.ts';
import type { Env } from '../../src/env.ts';
import { sendingTick } from '../../src/sending/sending.ts';
import { call, callJson, env } from '../helpers.ts';
import { Browser, workspaceCoordinator } from './browser.ts';
import { mailbox } from './mail.ts';

const DAY = 86_400_000;

/** A survey of a session starting at `startsAt`, opened, with invitations sent through the workspace. */
async function invitedSurvey(
  org: string,
  kind: 'pre' | 'post',
  startsAt: string,
  people: string[],
  mail: ReturnType<typeof mailbox>,
  closesAt?: string,
) {
  const { key, email } = await workspaceCoordinator(org);
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: org }, expect: 201 });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: startsAt },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind, ...(closesAt ? { closes_at: closesAt } : {}) },
    expect: 201,
  });
  await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
  const browser = new Browser(mail.bindings);
  await browser.signIn(email);
  await browser.get(`/app/surveys/${survey.id}/participants`);
  await browser.post(`/app/surveys/${survey.id}/participants`, { contacts: people.join('\n') });
  await browser.get(`/app/surveys/${survey.id}/participants`);
  await browser.post(`/app/surveys/${survey.id}/send`);
  // One click sends them all: the first chunk at once, the minute ticks the rest.
  for (let i = 0; i < 5; i++) await sendingTick({ ...env, ...mail.bindings });
  // Invitations went out well before the reminder slots.
  await env.DB.prepare("UPDATE invitations SET sent_at = '2000-01-01T00:00:00.000Z' WHERE survey_id = ?").bind(survey.id).run();
  return { key, seriesId: series.id, surveyId: survey.id, browser };
}

const tickEnv = (mail: ReturnType<typeof mailbox>): Env => ({ ...env, ...mail.bindings });

describe('reminders', () => {
  it('reminds non-respondents 7 days before the meeting, once, even when the tick runs again', async () => {
    const mail = mailbox();
    const startsAt = '2031-03-20T12:00:00.000Z';
    const { surveyId } = await invitedSurvey('Cron Pre', 'pre', startsAt, ['r1@example.org', 'r2@example.org', 'r3@example.org'], mail);
    // r1 has answered: no reminder for them.
    await env.DB.prepare("UPDATE invitations SET answered = 1 WHERE email = 'r1@example.org' AND survey_id = ?").bind(surveyId).run();
    const invitationsSent = mail.sent.length;

    const now = new Date(Date.parse(startsAt) - 7 * DAY + 3_600_000);
    const first = await runTick(tickEnv(mail), now);
    const reminders = mail.sent.slice(invitationsSent);
    expect(reminders.map(mail.to).sort()).toEqual(['r2@example.org', 'r3@example.org']);
    expect(reminders[0]?.subject).toMatch(/^Rappel/);
    expect(first.reminded).toBe(2);
    expect(first.queries).toBeLessThanOrEqual(50);

    // The same tick again, and the next hour: nothing more.
    expect((await runTick(tickEnv(mail), now)).reminded).toBe(0);
    await runTick(tickEnv(mail), new Date(now.getTime() + 3_600_000));
    expect(mail.sent.length).toBe(invitationsSent + 2);

    // The reminder carries the invitation's own link, which still opens the survey.
    const invitationLink = mail.linkOf(mail.sent.find((m) => mail.to(m) === 'r2@example.org'));
    expect(mail.linkOf(reminders.find((m) => mail.to(m) === 'r2@example.org'))).toBe(invitationLink);

    // 2 days before: the second (and last) slot.
    await runTick(tickEnv(mail), new Date(Date.parse(startsAt) - 2 * DAY + 60_000));
    expect(mail.sent.length).toBe(invitationsSent + 4);
    const slots = await env.DB.prepare('SELECT slot, count(*) AS n FROM outbox WHERE survey_id = ? GROUP BY slot ORDER BY slot')
      .bind(surveyId)
      .all();
    expect(slots.results).toEqual([
      { slot: 'invitation', n: 3 },
      { slot: 'reminder:pre-2d', n: 2 },
      { slot: 'reminder:pre-7d', n: 2 },
    ]);
  });

  it('sends nothing twice when two ticks race on the same slot', async () => {
    const mail = mailbox();
    const startsAt = '2032-05-10T12:00:00.000Z';
    await invitedSurvey('Cron Race', 'post', startsAt, ['p1@example.org', 'p2@example.org'], mail);
    const before = mail.sent.length;
    const now = new Date(Date.parse(startsAt) + 2 * DAY + 60_000);
    await Promise.all([runTick(tickEnv(mail), now), runTick(tickEnv(mail), now)]);
    expect(mail.sent.length - before).toBe(2);
  });

  it('records reminders without delivering them when no binding is configured', async () => {
    const mail = mailbox();
    const startsAt = '2033-05-10T12:00:00.000Z';
    const { surveyId } = await invitedSurvey('Cron No Binding', 'post', startsAt, ['nb@example.org'], mail);
    const report = await runTick({ ...env, EMAIL: undefined }, new Date(Date.parse(startsAt) + 2 * DAY + 60_000));
    expect(report.reminded).toBe(1);
    const row = await env.DB.prepare("SELECT status FROM outbox WHERE survey_id = ? AND slot LIKE 'reminder:%'").bind(surveyId).first();
    expect(row).toEqual({ status: 'recorded' });
  });
});

describe('closing and retention', () => {
  it('closes surveys past their closing date and logs it', async () => {
    const mail = mailbox();
    const { surveyId } = await invitedSurvey(
      'Cron Close',
      'pre',
      '2034-01-10T12:00:00.000Z',
      ['c@example.org'],
      mail,
      '2034-01-09T22:59:00.000Z',
    );
    await runTick(tickEnv(mail), new Date('2034-01-09T23:00:00.000Z'));
    const survey = await env.DB.prepare('SELECT status FROM surveys WHERE id = ?').bind(surveyId).first();
    expect(survey).toEqual({ status: 'closed' });
    const log = await env.DB.prepare("SELECT actor FROM audit_log WHERE action = 'survey.auto-close' AND target = ?")
      .bind(`survey:${surveyId}`)
      .first();
    expect(log).toEqual({ actor: null });
  });

  it('purges contact data the chosen number of days after the last session, keeping answered flags', async () => {
    const mail = mailbox();
    const startsAt = '2020-06-01T10:00:00.000Z';
    const { seriesId, surveyId, browser } = await invitedSurvey(
      'Cron Retention',
      'post',
      startsAt,
      ['keep.me@example.org', 'x@example.org'],
      mail,
    );
    await env.DB.prepare("UPDATE invitations SET answered = 1 WHERE email = 'x@example.org'").run();
    await browser.get(`/app/series/${seriesId}`);
    expect((await browser.post(`/app/series/${seriesId}/retention`, { days: '30' })).status).toBe(303);

    // 29 days after: nothing yet.
    await runTick(tickEnv(mail), new Date(Date.parse(startsAt) + 29 * DAY));
    let rows = await env.DB.prepare('SELECT email, name, answered FROM invitations WHERE survey_id = ? ORDER BY id').bind(surveyId).all();
    expect(rows.results.map((r) => r.email)).toEqual(['keep.me@example.org', 'x@example.org']);

    const report = await runTick(tickEnv(mail), new Date(Date.parse(startsAt) + 31 * DAY));
    expect(report.purgedSeries).toBe(1);
    rows = await env.DB.prepare('SELECT email, name, answered, link_sealed FROM invitations WHERE survey_id = ? ORDER BY id')
      .bind(surveyId)
      .all();
    for (const r of rows.results) {
      expect(r.email).toMatch(/@purged\.invalid$/);
      expect(r.name).toBeNull();
      expect(r.link_sealed).toBeNull();
    }
    expect(rows.results.map((r) => r.answered)).toEqual([0, 1]);
    const outbox = await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE survey_id = ?').bind(surveyId).first();
    expect(outbox).toEqual({ n: 0 });
    // A second run finds nothing left to purge.
    expect((await runTick(tickEnv(mail), new Date(Date.parse(startsAt) + 32 * DAY))).purgedSeries).toBe(0);
  });
});

describe('housekeeping', () => {
  it('removes expired idempotency keys and settled webhook deliveries past the log period, nothing else', async () => {
    const { key } = await workspaceCoordinator('Cron Housekeeping');
    const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Ménage' }, expect: 201 });
    const hook = await callJson<{ id: number }>(`/api/series/${series.id}/webhooks`, {
      method: 'POST',
      key,
      json: { url: 'https://hooks.example.org/relais' },
      expect: 201,
    });
    const now = new Date('2035-03-01T12:00:00.000Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    await env.DB.batch([
      ...[
        ['old', ago(25 * 3_600_000)],
        ['fresh', ago(23 * 3_600_000)],
      ].map(([k, at]) =>
        env.DB.prepare(
          "INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) VALUES ('c:housekeeping', ?, 'h', 200, '{}', ?)",
        ).bind(k, at),
      ),
      ...[
        ['delivered', ago((WEBHOOK_LOG_DAYS + 1) * DAY)],
        ['failed', ago((WEBHOOK_LOG_DAYS + 1) * DAY)],
        ['pending', ago((WEBHOOK_LOG_DAYS + 1) * DAY)],
        ['delivered', ago((WEBHOOK_LOG_DAYS - 1) * DAY)],
      ].map(([status, at]) =>
        env.DB.prepare(
          "INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, status, created_at) VALUES (?, ?, 'response.submitted', '{}', ?, ?)",
        ).bind(hook.id, series.id, status, at),
      ),
    ]);
    await runTick(env, now);
    const keys = await env.DB.prepare("SELECT key FROM idempotency_keys WHERE scope = 'c:housekeeping'").all();
    expect(keys.results.map((r) => r.key)).toEqual(['fresh']);
    const { deliveries } = await callJson<{ deliveries: { status: string }[] }>(`/api/series/${series.id}/webhooks/deliveries`, { key });
    // Kept: the one still to be retried, and the recent one.
    expect(deliveries.map((d) => d.status).sort()).toEqual(['delivered', 'pending']);
  });

  it('removes expired sign-in links, used or not, and keeps valid ones', async () => {
    const { email } = await workspaceCoordinator('Cron Sign-in Links');
    const now = new Date('2035-03-01T12:00:00.000Z');
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    await env.DB.batch(
      [
        ['expired', at(-1), null],
        ['expired-used', at(-5), at(-10)],
        ['valid', at(10), null],
      ].map(([hash, expires, used]) =>
        env.DB.prepare(
          'INSERT INTO sign_in_links (token_hash, coordinator_id, expires_at, used_at) SELECT ?, id, ?, ? FROM coordinators WHERE email = ?',
        ).bind(hash, expires, used, email),
      ),
    );
    await runTick(env, now);
    const { results } = await env.DB.prepare(
      "SELECT token_hash FROM sign_in_links WHERE token_hash IN ('expired', 'expired-used', 'valid')",
    ).all();
    expect(results.map((r) => r.token_hash)).toEqual(['valid']);
  });
});

describe('links', () => {
  it('a reminder after a new link was issued carries the working (new) link', async () => {
    const mail = mailbox();
    const startsAt = '2035-03-20T12:00:00.000Z';
    const { key, surveyId } = await invitedSurvey('Cron Reissued', 'post', startsAt, ['re@example.org'], mail);
    // The coordinator gives the person a new link: the earlier one dies.
    const { invitations } = await callJson<{ invitations: { id: number }[] }>(`/api/surveys/${surveyId}/invitations`, { key });
    await callJson(`/api/invitations/${invitations[0]?.id}/new-link`, { method: 'POST', key, expect: 201 });
    await runTick(tickEnv(mail), new Date(Date.parse(startsAt) + 2 * DAY + 60_000));
    const reminder = mail.sent.at(-1);
    expect(reminder?.subject).toMatch(/^Rappel/);
    const res = await call(`/api/s/${mail.linkOf(reminder)}`);
    expect(res.status).toBe(200);
  });
});

describe('batching', () => {
  it('sends at most MESSAGES_PER_TICK reminders a tick; the next tick sends the rest', async () => {
    const mail = mailbox();
    const startsAt = '2036-03-20T12:00:00.000Z';
    const people = Array.from({ length: MESSAGES_PER_TICK + 5 }, (_, i) => `many${i}@example.org`);
    await invitedSurvey('Cron Batching', 'post', startsAt, people, mail);
    const at = Date.parse(startsAt) + 2 * DAY + 60_000;
    const first = await runTick(tickEnv(mail), new Date(at));
    expect(first.reminded).toBe(MESSAGES_PER_TICK);
    expect(first.queries).toBeLessThanOrEqual(QUERY_BUDGET);
    const second = await runTick(tickEnv(mail), new Date(at + 3_600_000));
    expect(second.reminded).toBe(5);
    expect((await runTick(tickEnv(mail), new Date(at + 7_200_000))).reminded).toBe(0);
  });
});
