/**
 * One-click sending: a single request starts a send job for every invitation (or reminder),
 * the cron's minute tick sends the rest as the platform would call it, nothing goes twice
 * (double clicks, repeated ticks, a click after the end), and the progress figures are right.
 */
import { describe, expect, it } from 'vitest';
import { SENDING_CRON, scheduled } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
import { CHUNK } from '../src/sending/sending.ts';
import { callJson, env, openSurveyFor } from './helpers.ts';
import { Browser, workspaceCoordinator } from './workspace/browser.ts';
import { mailbox } from './workspace/mail.ts';

interface Job {
  id: number;
  kind: string;
  total: number;
  sent: number;
  failed: number;
  remaining: number;
  finished_at: string | null;
}

/** The minute trigger, as Cloudflare calls it. */
const minuteTick = (bindings: Partial<Env>) =>
  scheduled({ scheduledTime: Date.now(), cron: SENDING_CRON, noRetry() {} } as ScheduledController, { ...env, ...bindings });

async function surveyWithContacts(org: string, count: number) {
  const { key, email } = await workspaceCoordinator(org);
  const { surveyId } = await openSurveyFor(key, { title: org, kind: 'pre' });
  const mail = mailbox();
  const browser = new Browser(mail.bindings);
  await browser.signIn(email);
  await browser.get(`/app/surveys/${surveyId}/participants`);
  const contacts = Array.from({ length: count }, (_, i) => `person${i + 1}@example.org`).join('\n');
  expect((await browser.post(`/app/surveys/${surveyId}/participants`, { contacts })).status).toBe(303);
  await browser.get(`/app/surveys/${surveyId}/participants`);
  return { key, surveyId, mail, browser };
}

const jobIdOf = (res: Response) => Number(/\/app\/send-jobs\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);

describe('one-click sending', () => {
  it('sends 120 invitations from one click: the first chunk at once, the cron the rest, none twice', async () => {
    const { key, surveyId, mail, browser } = await surveyWithContacts('Envoi Cent Vingt', 120);

    const click = await browser.post(`/app/surveys/${surveyId}/send`);
    expect(click.status).toBe(303);
    const jobId = jobIdOf(click);
    expect(jobId).toBeGreaterThan(0);
    let job = await callJson<Job>(`/api/send-jobs/${jobId}`, { key });
    expect(job).toMatchObject({ kind: 'invitation', total: 120, sent: CHUNK, failed: 0, remaining: 120 - CHUNK, finished_at: null });
    expect(mail.sent).toHaveLength(CHUNK);

    // The progress page says so, and refreshes itself (no JavaScript needed) while the job runs.
    const page = await browser.get(`/app/send-jobs/${jobId}?lang=en`);
    expect(page.html).toContain(`${CHUNK} of 120 sent`);
    expect(page.res.headers.get('refresh')).toBe('10');

    // A double click (the tab closed and opened again, a retry) finds the same job and sends no one twice.
    const again = await browser.post(`/app/surveys/${surveyId}/send`);
    expect(jobIdOf(again)).toBe(jobId);

    // The platform's minute ticks do the rest; a tick after the end does nothing.
    for (let i = 0; i < 10 && !job.finished_at; i++) {
      await minuteTick(mail.bindings);
      job = await callJson<Job>(`/api/send-jobs/${jobId}`, { key });
    }
    expect(job).toMatchObject({ total: 120, sent: 120, failed: 0, remaining: 0 });
    expect(job.finished_at).not.toBeNull();
    await minuteTick(mail.bindings);

    const recipients = mail.sent.map(mail.to);
    expect(recipients).toHaveLength(120);
    expect(new Set(recipients).size).toBe(120);
    const outbox = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE survey_id = ? AND slot = 'invitation'")
      .bind(surveyId)
      .first<{ n: number }>();
    expect(outbox?.n).toBe(120);

    const done = await browser.get(`/app/send-jobs/${jobId}?lang=en`);
    expect(done.html).toContain('120 of 120 sent');
    expect(done.res.headers.get('refresh')).toBeNull();

    // A click after the end sends nothing: everyone has had their invitation.
    const late = await browser.post(`/app/surveys/${surveyId}/send`);
    const lateJob = await callJson<Job>(`/api/send-jobs/${jobIdOf(late)}`, { key });
    expect(lateJob).toMatchObject({ total: 0, sent: 0 });
    expect(mail.sent).toHaveLength(120);
  });

  it('through the API: 202 with the job, then reminders once to who has not answered', async () => {
    const { key, surveyId, mail } = await surveyWithContacts('Envoi API', 30);
    // Without an e-mail binding (the test env), messages are recorded in the outbox: counted alike.
    const started = await callJson<Job>(`/api/surveys/${surveyId}/invitations/send`, { method: 'POST', key, expect: 202 });
    expect(started).toMatchObject({ kind: 'invitation', total: 30, sent: CHUNK, remaining: 30 - CHUNK });
    const second = await callJson<Job>(`/api/surveys/${surveyId}/invitations/send`, { method: 'POST', key, expect: 200 });
    expect(second.id).toBe(started.id);
    expect(second).toMatchObject({ total: 30, sent: 30, remaining: 0 });

    // Three answered: a reminder goes to the other 27, once, however often the button is pressed.
    await env.DB.prepare(
      'UPDATE invitations SET answered = 1 WHERE survey_id = ? AND id IN (SELECT id FROM invitations WHERE survey_id = ? ORDER BY id LIMIT 3)',
    )
      .bind(surveyId, surveyId)
      .run();
    const reminder = await callJson<Job>(`/api/surveys/${surveyId}/reminders/send`, { method: 'POST', key, expect: 202 });
    expect(reminder).toMatchObject({ kind: 'reminder', total: 27, sent: CHUNK });
    for (let i = 0; i < 5; i++) await minuteTick(mail.bindings);
    const finished = await callJson<Job>(`/api/send-jobs/${reminder.id}`, { key });
    expect(finished).toMatchObject({ total: 27, sent: 27, remaining: 0 });
    const slots = await env.DB.prepare(
      "SELECT count(*) AS n, count(DISTINCT invitation_id) AS people FROM outbox WHERE survey_id = ? AND slot LIKE 'reminder:manual:%'",
    )
      .bind(surveyId)
      .first<{ n: number; people: number }>();
    expect(slots).toEqual({ n: 27, people: 27 });
  });

  it('another organisation cannot read a job', async () => {
    const { key, surveyId } = await surveyWithContacts('Envoi Propriétaire', 2);
    const job = await callJson<Job>(`/api/surveys/${surveyId}/invitations/send`, { method: 'POST', key });
    const other = await workspaceCoordinator('Envoi Étranger');
    await callJson(`/api/send-jobs/${job.id}`, { key: other.key, expect: 404 });
  });
});
