/**
 * Mail that behaves: every participant e-mail carries List-Unsubscribe (https link, and mailto
 * when configured) with one-click List-Unsubscribe-Post (RFC 8058) and Reply-To the
 * coordinator; the one-click opt-out is recorded per series and honoured by every later send
 * (resend, invitations to another survey of the series, reminders); what the binding and the
 * platform's delivery events report is recorded per message.
 */
import { describe, expect, it } from 'vitest';
import { runTick } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
import worker from '../src/index.ts';
import { call, callJson, env } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';
import { mailbox, type Sent } from './workspace/mail.ts';

type Message = Sent & { headers?: Record<string, string>; replyTo?: string };
const DAY = 86_400_000;

/** A series with `surveys` open pre-surveys of one session; the coordinator signed in with `mail` as the binding. */
async function series(org: string, mail: ReturnType<typeof mailbox>, startsAt = '2099-05-01T12:00:00.000Z', surveys = 1) {
  const { key, email } = await workspaceCoordinator(org);
  const s = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: `Série ${org}` }, expect: 201 });
  const ids: number[] = [];
  for (let n = 1; n <= surveys; n++) {
    const session = await callJson<{ id: number }>(`/api/series/${s.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: n, starts_at: startsAt },
      expect: 201,
    });
    const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre' },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    ids.push(survey.id);
  }
  const browser = new Browser(mail.bindings);
  await browser.signIn(email);
  const invite = async (surveyId: number, people: string[]) => {
    await browser.get(`/app/surveys/${surveyId}/participants`);
    await browser.post(`/app/surveys/${surveyId}/participants`, { contacts: people.join('\n') });
    await browser.get(`/app/surveys/${surveyId}/participants`);
    await browser.post(`/app/surveys/${surveyId}/send`);
  };
  return { key, email, seriesId: s.id, surveyIds: ids, browser, invite };
}

const sentTo = (mail: ReturnType<typeof mailbox>, address: string) => mail.sent.filter((m) => mail.to(m) === address) as Message[];
const oneClickOf = (m: Message | undefined) =>
  /^<(https:\/\/relais\.test\/u\/[^>]+)>/.exec(m?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';

describe('headers of every participant e-mail', () => {
  it('offers one-click List-Unsubscribe (https, and mailto when configured) and replies to the coordinator', async () => {
    const mail = mailbox();
    const { email, surveyIds, invite } = await series('Mail Headers', {
      ...mail,
      bindings: { ...mail.bindings, EMAIL_UNSUBSCRIBE: 'stop@relais.test' },
    });
    await invite(surveyIds[0] ?? 0, ['ada@example.org']);
    const [message] = sentTo(mail, 'ada@example.org');
    expect(message?.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/relais\.test\/u\/\d+\.[0-9a-f]{32}\?lang=fr>, <mailto:stop@relais\.test\?subject=unsubscribe%20\d+\.[0-9a-f]{32}>$/,
    );
    expect(message?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(message?.replyTo).toBe(email);
    // The same link is in the message for readers whose client shows no unsubscribe button.
    expect(message?.text).toContain(oneClickOf(message));
    // The platform's id of the message is kept, to match its later delivery events.
    const row = await env.DB.prepare('SELECT provider_message_id FROM outbox WHERE to_email = ?')
      .bind('ada@example.org')
      .first<{ provider_message_id: string }>();
    expect(row?.provider_message_id).toMatch(/^m\d+$/);
  });

  it('leaves the mailto out without an address, and the one-click link when PUBLIC_URL is not https', async () => {
    const mail = mailbox();
    const { surveyIds, invite } = await series('Mail No Mailto', mail);
    await invite(surveyIds[0] ?? 0, ['bob@example.org']);
    const [message] = sentTo(mail, 'bob@example.org');
    expect(message?.headers?.['List-Unsubscribe']).toMatch(/^<https:\/\/relais\.test\/u\/[^>]+>$/);
    const local = mailbox();
    const other = await series('Mail Local', { ...local, bindings: { ...local.bindings, PUBLIC_URL: 'http://localhost:8787' } });
    await other.invite(other.surveyIds[0] ?? 0, ['cy@example.org']);
    expect(sentTo(local, 'cy@example.org')[0]?.headers).toEqual({});
  });
});

describe('the one-click opt-out', () => {
  it('is recorded by a mail client’s POST without cookie or CSRF token, and honoured by every later send of the series only', async () => {
    const mail = mailbox();
    const startsAt = '2031-06-20T12:00:00.000Z';
    const { browser, surveyIds, invite, key } = await series('Mail Opt Out', mail, startsAt, 2);
    const [first = 0, second = 0] = surveyIds;
    await invite(first, ['dee@example.org', 'eve@example.org']);
    const link = oneClickOf(sentTo(mail, 'dee@example.org')[0]);
    const path = new URL(link).pathname;

    // RFC 8058: a POST with List-Unsubscribe=One-Click, from the mail provider (no session).
    const res = await call(path, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Série Mail Opt Out');
    // Again: the same answer, nothing more.
    expect((await call(path, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    const stored = await env.DB.prepare('SELECT * FROM opt_outs').all<Record<string, unknown>>();
    expect(JSON.stringify(stored.results)).not.toContain('dee@example.org');

    const count = () => sentTo(mail, 'dee@example.org').length;
    const before = count();
    // Resending the link: nothing goes out.
    const dee = await env.DB.prepare('SELECT id FROM invitations WHERE email = ? AND survey_id = ?')
      .bind('dee@example.org', first)
      .first<{ id: number }>();
    await browser.get(`/app/surveys/${first}/participants`);
    await browser.post(`/app/invitations/${dee?.id}/resend`);
    expect(count()).toBe(before);
    // Invited to another survey of the series: skipped, and not counted as still to send.
    await invite(second, ['dee@example.org', 'eve@example.org']);
    expect(count()).toBe(before);
    expect(sentTo(mail, 'eve@example.org')).toHaveLength(2);
    const { html } = await browser.get(`/app/surveys/${second}/participants`);
    expect(html).not.toMatch(/name="send"|action="\/app\/surveys\/\d+\/send"/);
    // Another series of the organisation still writes to them.
    const s = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Autre série' }, expect: 201 });
    const session = await callJson<{ id: number }>(`/api/series/${s.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-01-01T12:00:00Z' },
      expect: 201,
    });
    const other = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre' },
      expect: 201,
    });
    await callJson(`/api/surveys/${other.id}/open`, { method: 'POST', key });
    await invite(other.id, ['dee@example.org']);
    expect(count()).toBe(before + 1);
    const beforeReminders = count();
    // Reminders (the cron) of the series skip them too (the cron's clock ends the browser session: last).
    await env.DB.prepare("UPDATE invitations SET sent_at = '2000-01-01T00:00:00.000Z' WHERE survey_id IN (?, ?)").bind(first, second).run();
    await runTick({ ...env, ...mail.bindings } as Env, new Date(Date.parse(startsAt) - 7 * DAY + 3_600_000));
    expect(count()).toBe(beforeReminders);
    expect(sentTo(mail, 'eve@example.org').length).toBeGreaterThan(2);
  });

  it('shows a confirmation page with a button on GET, in the message’s language, and records nothing until it is pressed', async () => {
    const mail = mailbox();
    const { surveyIds, invite, browser } = await series('Mail Confirm', mail);
    await invite(surveyIds[0] ?? 0, ['fay@example.org']);
    const path = new URL(oneClickOf(sentTo(mail, 'fay@example.org')[0])).pathname;
    const page = await call(`${path}?lang=nl`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toMatch(new RegExp(`<form method="post" action="${path.replace('.', '\\.')}\\?lang=nl"`));
    expect(html).toMatch(/<button type="submit">/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(
      (
        await env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE email = ? AND opted_out_at IS NOT NULL')
          .bind('fay@example.org')
          .first<{ n: number }>()
      )?.n,
    ).toBe(0);
    // Pressing the button (a plain form post, no JavaScript) records it.
    const done = await call(`${path}?lang=nl`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect(await done.text()).toContain('Gedaan');
    // The series' directory records the same consent: nobody invites her from it afterwards.
    const contact = await env.DB.prepare('SELECT opted_out_at FROM contacts WHERE email = ?')
      .bind('fay@example.org')
      .first<{ opted_out_at: string | null }>();
    expect(contact?.opted_out_at).not.toBeNull();
    const before = sentTo(mail, 'fay@example.org').length;
    const fay = await env.DB.prepare('SELECT id FROM invitations WHERE email = ?').bind('fay@example.org').first<{ id: number }>();
    await browser.get(`/app/surveys/${surveyIds[0]}/participants`);
    await browser.post(`/app/invitations/${fay?.id}/resend`);
    expect(sentTo(mail, 'fay@example.org')).toHaveLength(before);
  });

  it('refuses a token whose id or MAC was changed: nobody can opt someone else out', async () => {
    const mail = mailbox();
    const { surveyIds, invite } = await series('Mail Forged', mail);
    await invite(surveyIds[0] ?? 0, ['gus@example.org', 'hal@example.org']);
    const path = new URL(oneClickOf(sentTo(mail, 'gus@example.org')[0])).pathname;
    const [, id = '', macPart = ''] = /\/u\/(\d+)\.([0-9a-f]+)/.exec(path) ?? [];
    const hal = await env.DB.prepare('SELECT id FROM invitations WHERE email = ?').bind('hal@example.org').first<{ id: number }>();
    for (const forged of [`/u/${hal?.id}.${macPart}`, `/u/${id}.${'0'.repeat(32)}`, `/u/${id}`, '/u/x']) {
      const res = await call(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
      expect(res.status, forged).toBe(404);
    }
    const n = await env.DB.prepare('SELECT count(*) AS n FROM invitations WHERE opted_out_at IS NOT NULL AND email IN (?, ?)')
      .bind('gus@example.org', 'hal@example.org')
      .first<{ n: number }>();
    expect(n?.n).toBe(0);
  });
});

describe('what the platform reports', () => {
  it('records the binding’s refusal on the message and shows the person as bounced', async () => {
    const mail = mailbox({ failFor: 'ivy@example.org' });
    const { surveyIds, invite } = await series('Mail Refused', mail);
    await invite(surveyIds[0] ?? 0, ['ivy@example.org', 'jon@example.org']);
    const rows = await env.DB.prepare(
      'SELECT o.to_email, o.status, o.error, i.bounced_at FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE o.survey_id = ? ORDER BY o.to_email',
    )
      .bind(surveyIds[0])
      .all<{ to_email: string; status: string; error: string | null; bounced_at: string | null }>();
    expect(rows.results.map((r) => [r.to_email, r.status, r.error, r.bounced_at !== null])).toEqual([
      ['ivy@example.org', 'failed', 'mailbox unavailable', true],
      ['jon@example.org', 'sent', null, false],
    ]);
  });

  it('records bounces, failures and rejections from Email Sending’s events queue, and a complaint as an opt-out', async () => {
    const mail = mailbox();
    const { surveyIds, invite, browser } = await series('Mail Events', mail);
    const people = ['kim@example.org', 'lou@example.org', 'max@example.org', 'ned@example.org', 'oli@example.org'];
    await invite(surveyIds[0] ?? 0, people);
    const ids = await env.DB.prepare('SELECT to_email, provider_message_id FROM outbox WHERE survey_id = ?')
      .bind(surveyIds[0])
      .all<{ to_email: string; provider_message_id: string }>();
    const idOf = (address: string) => ids.results.find((r) => r.to_email === address)?.provider_message_id ?? '';
    const event = (kind: string, address: string, extra: Record<string, unknown> = {}) => ({
      type: `cf.email.sending.message.${kind}`,
      source: { type: 'email.sending', zoneId: 'z', domain: 'relais.test' },
      payload: { eventId: crypto.randomUUID(), messageId: idOf(address), recipient: address, terminal: true, ...extra },
      metadata: { accountId: 'a', eventSubscriptionId: 's', eventSchemaVersion: 1, eventTimestamp: new Date().toISOString() },
    });
    const bodies = [
      event('bounced', 'kim@example.org', {
        delivery: { status: 'bounced', smtpResponse: '550 5.1.1 User unknown' },
        bounce: { type: 'hard', reason: '550 5.1.1 User unknown' },
      }),
      event('failed', 'lou@example.org', { failure: { reason: 'delivery_failed' } }),
      event('rejected', 'max@example.org', { rejection: { reason: 'suppressed', detail: 'Recipient is suppressed' } }),
      event('complained', 'ned@example.org', { complaint: { type: 'abuse' } }),
      event('delivered', 'oli@example.org', { delivery: { status: 'delivered' } }),
      event('bounced', 'nobody@example.org'), // a message Relais did not send
      { type: 'something.else', payload: {} }, // not an Email Sending event
    ];
    // The queue as the runtime hands it over (only the platform is imitated here).
    let acked = false;
    const batch = {
      queue: 'relais-email-events',
      messages: bodies.map((body, i) => ({ id: String(i), timestamp: new Date(), attempts: 1, body, ack() {}, retry() {} })),
      ackAll: () => {
        acked = true;
      },
      retryAll() {},
    } as unknown as MessageBatch;
    await worker.queue(batch, { ...env, ...mail.bindings } as Env);
    expect(acked).toBe(true);

    const rows = await env.DB.prepare(
      'SELECT o.to_email, o.status, o.error, i.bounced_at, i.opted_out_at FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE o.survey_id = ? ORDER BY o.to_email',
    )
      .bind(surveyIds[0])
      .all<{ to_email: string; status: string; error: string | null; bounced_at: string | null; opted_out_at: string | null }>();
    expect(rows.results.map((r) => [r.to_email, r.status, r.error, r.bounced_at !== null, r.opted_out_at !== null])).toEqual([
      ['kim@example.org', 'failed', 'bounced: 550 5.1.1 User unknown', true, false],
      ['lou@example.org', 'failed', 'failed: delivery_failed', true, false],
      ['max@example.org', 'failed', 'rejected: Recipient is suppressed', true, false],
      ['ned@example.org', 'sent', null, false, true],
      ['oli@example.org', 'sent', null, false, false],
    ]);
    // The workspace shows the bounces.
    const { html } = await browser.get(`/app/surveys/${surveyIds[0]}/participants`);
    expect(html.match(/kim@example\.org[\s\S]*?<\/tr>/)?.[0]).toContain('rejetée');
  });
});
