/**
 * Webhooks through the Worker, delivered over HTTP to a real local receiver (a second Worker,
 * test/webhook-receiver.mjs): registration, signatures, what anonymous payloads reveal,
 * retries with backoff and the delivery log.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { scheduled } from '../src/cron/scheduled.ts';
import { openSurvey } from '../src/surveys/surveys.queries.ts';
import { retryDueDeliveries } from '../src/webhooks/delivery.ts';
import { MAX_ATTEMPTS } from '../src/webhooks/schedule.ts';
import { verifySignature } from '../src/webhooks/signature.ts';
import { MAX_WEBHOOKS_PER_SERIES } from '../src/webhooks/webhooks.actions.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Delivery {
  id: number;
  webhook_id: number;
  event: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
}

const run = crypto.randomUUID();
const receiverUrl = (kind: 'ok' | 'fail' | 'flaky', name: string) => `https://receiver.test/${kind}/${run}/${name}`;

async function received(prefix: string): Promise<Received[]> {
  const res = await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(prefix)}`);
  return (await res.json()) as Received[];
}

/** Like `call`, but with an ExecutionContext: deliveries then go through waitUntil, as in production. */
async function callWithContext(path: string, key: string, method = 'POST', json?: unknown) {
  const ctx = createExecutionContext();
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(
    `https://relais.test${path}`,
    { method, headers, body: json === undefined ? undefined : JSON.stringify(json) },
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

let key: string;
let otherKey: string;
let seriesId: number;
let anonymousSurvey: number;
let namedSurvey: number;
let secret: string;
let hookId: number;

beforeAll(async () => {
  key = await createCoordinator('Bassin Webhooks');
  otherKey = await createCoordinator('Bassin Ailleurs');
  seriesId = (
    await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Liaison hôpital-ambulatoire' }, expect: 201 })
  ).id;
  await callJson(`/api/series/${seriesId}/themes`, {
    method: 'POST',
    key,
    json: { label: { fr: 'Secret professionnel partagé' } },
    expect: 201,
  });
  const s2 = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 2, starts_at: '2025-09-16T13:00:00+02:00' },
    expect: 201,
  });
  const s3 = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 3, starts_at: '2025-12-18T13:00:00+01:00' },
    expect: 201,
  });
  anonymousSurvey = (
    await callJson<{ id: number }>(`/api/sessions/${s3.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre', anonymous: true },
      expect: 201,
    })
  ).id;
  namedSurvey = (
    await callJson<{ id: number }>(`/api/sessions/${s2.id}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 })
  ).id;
});

describe('registering endpoints', () => {
  it('creates an endpoint and shows its secret once', async () => {
    const hook = await callJson<{ id: number; url: string; events: string[]; secret: string }>(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: receiverUrl('ok', 'main') },
      expect: 201,
    });
    expect(hook.events).toEqual([
      'response.submitted',
      'responses.released',
      'survey.opened',
      'survey.closed',
      'session.updated',
      'session.cancelled',
    ]);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    secret = hook.secret;
    hookId = hook.id;
    const listed = await callJson<{ webhooks: Record<string, unknown>[] }>(`/api/series/${seriesId}/webhooks`, { key });
    expect(listed.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('refuses a URL that is not https and an unknown event, naming the field', async () => {
    const plain = await call(`/api/series/${seriesId}/webhooks`, { method: 'POST', key, json: { url: 'http://example.org/hook' } });
    expect(plain.status).toBe(422);
    expect(((await plain.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('url');
    const event = await call(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: receiverUrl('ok', 'x'), events: ['response.deleted'] },
    });
    expect(event.status).toBe(422);
    expect(((await event.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('events.0');
  });

  it('keeps a series to a few endpoints (409 beyond, naming the field)', async () => {
    const other = (await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Autre série' }, expect: 201 })).id;
    for (let i = 0; i < MAX_WEBHOOKS_PER_SERIES; i++) {
      await callJson(`/api/series/${other}/webhooks`, { method: 'POST', key, json: { url: receiverUrl('ok', `many-${i}`) }, expect: 201 });
    }
    const res = await call(`/api/series/${other}/webhooks`, { method: 'POST', key, json: { url: receiverUrl('ok', 'one-too-many') } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('url');
  });

  it("another organisation's coordinator sees and touches nothing (404)", async () => {
    expect((await call(`/api/series/${seriesId}/webhooks`, { key: otherKey })).status).toBe(404);
    expect(
      (await call(`/api/series/${seriesId}/webhooks`, { method: 'POST', key: otherKey, json: { url: receiverUrl('ok', 'y') } })).status,
    ).toBe(404);
    expect((await call(`/api/series/${seriesId}/webhooks/deliveries`, { key: otherKey })).status).toBe(404);
    expect((await call(`/api/webhooks/${hookId}`, { method: 'DELETE', key: otherKey })).status).toBe(404);
  });
});

describe('deliveries', () => {
  it('sends survey.opened, signed, through waitUntil after the survey is open', async () => {
    const res = await callWithContext(`/api/surveys/${anonymousSurvey}/open`, key);
    expect(res.status).toBe(200);
    const [delivery] = await received(`/ok/${run}/main`);
    if (!delivery) throw new Error('nothing received');
    expect(delivery.method).toBe('POST');
    expect(delivery.headers['relais-event']).toBe('survey.opened');
    expect(delivery.headers['content-type']).toMatch(/^application\/json/);
    expect(await verifySignature(secret, delivery.headers['relais-signature'], delivery.body, new Date())).toBe(true);
    expect(await verifySignature(secret, delivery.headers['relais-signature'], delivery.body.replace('open', 'shut'), new Date())).toBe(
      false,
    );
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      event: 'survey.opened',
      series_id: seriesId,
      data: { survey_id: anonymousSurvey, status: 'open', session_number: 3 },
    });
  });

  it('opening an already open survey sends nothing again', async () => {
    await callWithContext(`/api/surveys/${anonymousSurvey}/open`, key);
    expect((await received(`/ok/${run}/main`)).filter((r) => r.headers['relais-event'] === 'survey.opened')).toHaveLength(1);
  });

  it('an anonymous survey sends no response.submitted; its release in a step sends responses.released, counts only', async () => {
    const emails = ['anne@cpas.example', 'bob@hopital.example', 'chloe@cpas.example'];
    const { invitations } = await callJson<{ invitations: { id: number; email: string; url: string }[] }>(
      `/api/surveys/${anonymousSurvey}/invitations`,
      { method: 'POST', key, json: { participants: emails.map((email) => ({ email })) }, expect: 201 },
    );
    const tokens = invitations.map((i) => tokenOf(i.url));
    // Each submission is held (src/responses/ballots.ts): a per-submission event would tell
    // when one person answered, and its count what they changed.
    for (const token of tokens) await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { expectations: ['create-links'] } } });
    const events = (await received(`/ok/${run}/main`)).map((r) => r.headers['relais-event']);
    expect(events.filter((e) => e === 'response.submitted')).toHaveLength(0);
    const released = (await received(`/ok/${run}/main`)).filter((r) => r.headers['relais-event'] === 'responses.released');
    expect(released).toHaveLength(1);
    const raw = released[0]?.body ?? '';
    const body = JSON.parse(raw);
    expect(body.data).toEqual({
      survey_id: anonymousSurvey,
      kind: 'pre',
      session_number: 3,
      anonymous: true,
      released: 3,
      responses: 3,
      invitations: 3,
    });
    for (const secretThing of [...tokens, ...emails, `"invitation_id"`]) expect(raw).not.toContain(secretThing);
  });

  it('a named survey’s response.submitted carries the invitation id, never the token', async () => {
    await callJson(`/api/surveys/${namedSurvey}/open`, { method: 'POST', key });
    const { invitations } = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${namedSurvey}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'carla@maison-medicale.example' }] },
      expect: 201,
    });
    const [carla] = invitations;
    if (!carla) throw new Error('no invitation');
    const token = tokenOf(carla.url);
    const survey = await callJson<{ questions: { id: string; type: string; min?: number }[] }>(`/api/surveys/${namedSurvey}`, { key });
    const rating = survey.questions.find((q) => q.type === 'rating');
    if (!rating) throw new Error('no rating question in the post-survey template');
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { [rating.id]: rating.min ?? 1 } } });
    const last = (await received(`/ok/${run}/main`)).filter((r) => r.headers['relais-event'] === 'response.submitted').at(-1);
    const body = JSON.parse(last?.body ?? '{}');
    expect(body.data).toMatchObject({ survey_id: namedSurvey, anonymous: false, invitation_id: carla.id, replaced: false, responses: 1 });
    expect(last?.body).not.toContain(token);
    // A change sent with the survey's id (the one-call path) is announced the same way, as a replacement.
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { [rating.id]: (rating.min ?? 1) + 1 }, survey_id: namedSurvey } });
    const replaced = (await received(`/ok/${run}/main`)).filter((r) => r.headers['relais-event'] === 'response.submitted').at(-1);
    expect(JSON.parse(replaced?.body ?? '{}').data).toMatchObject({
      survey_id: namedSurvey,
      invitation_id: carla.id,
      replaced: true,
      responses: 1,
    });
  });

  it('the delivery log shows each delivery as delivered', async () => {
    const { deliveries } = await callJson<{ deliveries: Delivery[] }>(`/api/series/${seriesId}/webhooks/deliveries`, { key });
    expect(deliveries.map((d) => [d.event, d.status, d.attempts, d.last_status])).toEqual([
      ['response.submitted', 'delivered', 1, 204],
      ['response.submitted', 'delivered', 1, 204],
      ['survey.opened', 'delivered', 1, 204],
      ['responses.released', 'delivered', 1, 204],
      ['survey.opened', 'delivered', 1, 204],
    ]);
  });
});

describe('retries', () => {
  let flakyId: number;
  let failingId: number;

  it('a failed delivery stays pending with the next attempt a minute later', async () => {
    flakyId = (
      await callJson<{ id: number }>(`/api/series/${seriesId}/webhooks`, {
        method: 'POST',
        key,
        json: { url: receiverUrl('flaky', 'a'), events: ['survey.closed'] },
        expect: 201,
      })
    ).id;
    failingId = (
      await callJson<{ id: number }>(`/api/series/${seriesId}/webhooks`, {
        method: 'POST',
        key,
        json: { url: receiverUrl('fail', 'b'), events: ['survey.closed'] },
        expect: 201,
      })
    ).id;
    const before = Date.now();
    await callWithContext(`/api/surveys/${namedSurvey}/close`, key);
    const { deliveries } = await callJson<{ deliveries: Delivery[] }>(`/api/series/${seriesId}/webhooks/deliveries`, { key });
    const closed = deliveries.filter((d) => d.event === 'survey.closed');
    expect(closed.map((d) => [d.webhook_id, d.status])).toEqual(
      expect.arrayContaining([
        [hookId, 'delivered'],
        [flakyId, 'pending'],
        [failingId, 'pending'],
      ]),
    );
    const flaky = closed.find((d) => d.webhook_id === flakyId);
    expect(flaky).toMatchObject({ attempts: 1, last_status: 503 });
    const next = Date.parse(flaky?.next_attempt_at ?? '');
    expect(next).toBeGreaterThanOrEqual(before + 60_000);
    expect(next).toBeLessThan(before + 10 * 60_000);
  });

  it('nothing is retried before it is due; when due, the retry sends the same signed bytes', async () => {
    expect(await retryDueDeliveries(env, new Date())).toBe(0);
    expect(await retryDueDeliveries(env, new Date(Date.now() + 2 * 60_000))).toBe(2);
    const attempts = await received(`/flaky/${run}/a`);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.body).toBe(attempts[0]?.body);
    expect(attempts[1]?.headers['relais-delivery']).toBe(attempts[0]?.headers['relais-delivery']);
    const { deliveries } = await callJson<{ deliveries: Delivery[] }>(`/api/series/${seriesId}/webhooks/deliveries`, { key });
    expect(deliveries.find((d) => d.webhook_id === flakyId)).toMatchObject({ status: 'delivered', attempts: 2, last_status: 204 });
    expect(deliveries.find((d) => d.webhook_id === failingId)).toMatchObject({ status: 'pending', attempts: 2 });
  });

  it('gives up after the last attempt and says so in the log', async () => {
    for (let i = 0; i < MAX_ATTEMPTS; i++) await retryDueDeliveries(env, new Date(Date.now() + (i + 1) * 2 * 24 * 3_600_000));
    const { deliveries } = await callJson<{ deliveries: Delivery[] }>(`/api/series/${seriesId}/webhooks/deliveries`, { key });
    expect(deliveries.find((d) => d.webhook_id === failingId)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      next_attempt_at: null,
    });
    expect(await received(`/fail/${run}/b`)).toHaveLength(MAX_ATTEMPTS);
  });

  it('the hourly cron retries what is due', async () => {
    const hook = await callJson<{ id: number }>(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: receiverUrl('flaky', 'cron'), events: ['survey.opened'] },
      expect: 201,
    });
    await callWithContext(`/api/surveys/${namedSurvey}/open`, key);
    const logOf = async () =>
      (await callJson<{ deliveries: Delivery[] }>(`/api/series/${seriesId}/webhooks/deliveries`, { key })).deliveries.find(
        (d) => d.webhook_id === hook.id,
      );
    expect(await logOf()).toMatchObject({ status: 'pending', attempts: 1 });
    await scheduled({ scheduledTime: Date.now() + 2 * 60_000, cron: '7 * * * *', noRetry() {} }, env);
    expect(await logOf()).toMatchObject({ status: 'delivered', attempts: 2 });
    await callWithContext(`/api/surveys/${namedSurvey}/close`, key);
  });

  it('the cron sends survey.closed, once, for a survey closed by its closing date', async () => {
    const hook = await callJson<{ secret: string }>(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: receiverUrl('ok', 'closures'), events: ['survey.closed'] },
      expect: 201,
    });
    const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 4, starts_at: '2026-03-10T13:00:00+01:00' },
      expect: 201,
    });
    const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre', closes_at: '2099-01-01T00:00:00Z' },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    // Its closing date passes (a date already past is refused when set, so time moves instead).
    await env.DB.prepare("UPDATE surveys SET closes_at = '2026-01-01T00:00:00Z' WHERE id = ?").bind(survey.id).run();
    const tick = { scheduledTime: Date.now() + 60_000, cron: '7 * * * *', noRetry() {} };
    await scheduled(tick, env);
    await scheduled({ ...tick, scheduledTime: tick.scheduledTime + 3_600_000 }, env);
    const closures = await received(`/ok/${run}/closures`);
    expect(closures.map((r) => JSON.parse(r.body).data.survey_id)).toEqual([survey.id]);
    const [closure] = closures;
    expect(JSON.parse(closure?.body ?? '{}')).toMatchObject({ event: 'survey.closed', data: { status: 'closed', session_number: 4 } });
    expect(
      await verifySignature(hook.secret, closure?.headers['relais-signature'], closure?.body ?? '', new Date(tick.scheduledTime)),
    ).toBe(true);
    // Closures made through the API went out at once: the cron does not send them a second time.
    const apiClosures = (await received(`/flaky/${run}/a`)).map((r) => r.body).filter((b) => JSON.parse(b).data.survey_id === namedSurvey);
    expect(apiClosures.length).toBeGreaterThan(0);
    expect(new Set(apiClosures).size).toBe(new Set(apiClosures.map((b) => JSON.parse(b).data.closed_at)).size);
  });

  it('the cron sends survey.opened, once, for a survey opened outside the API (the workspace)', async () => {
    // Make room (five endpoints a series): the always-failing one has served.
    expect((await call(`/api/webhooks/${failingId}`, { method: 'DELETE', key })).status).toBe(204);
    await callJson(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: receiverUrl('ok', 'openings'), events: ['survey.opened'] },
      expect: 201,
    });
    const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 5, starts_at: '2026-06-10T13:00:00+02:00' },
      expect: 201,
    });
    const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre' },
      expect: 201,
    });
    // What the workspace's "open" button does: the same query, without the API route.
    await openSurvey(env.DB, survey.id, null);
    const tick = { scheduledTime: Date.now() + 60_000, cron: '7 * * * *', noRetry() {} };
    await scheduled(tick, env);
    await scheduled({ ...tick, scheduledTime: tick.scheduledTime + 3_600_000 }, env);
    const openings = (await received(`/ok/${run}/openings`)).map((r) => JSON.parse(r.body));
    expect(openings.map((b) => [b.event, b.data.survey_id, b.data.status])).toEqual([['survey.opened', survey.id, 'open']]);
  });

  it('a deleted endpoint receives nothing more', async () => {
    expect((await call(`/api/webhooks/${hookId}`, { method: 'DELETE', key })).status).toBe(204);
    const count = (await received(`/ok/${run}/main`)).length;
    await callWithContext(`/api/surveys/${namedSurvey}/open`, key);
    expect(await received(`/ok/${run}/main`)).toHaveLength(count);
    expect((await call(`/api/webhooks/${hookId}`, { method: 'DELETE', key })).status).toBe(404);
  });
});
