/**
 * The outbox of webhook events (src/webhooks/outbox.queries.ts): an event is written in the
 * same D1 batch as the write that causes it, so a write whose answer is lost still sends its
 * event, exactly once, and a write rolled back by a fault sends none.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { scheduled } from '../src/cron/scheduled.ts';
import type { Env } from '../src/env.ts';
import { submitAnswers } from '../src/responses/participation.ts';
import { responseSubmitted } from '../src/webhooks/events.ts';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const run = crypto.randomUUID();
const HOOK = `/ok/${run}/outbox`;

let key: string;
let seriesId: number;
let surveyId: number;
let sessionNumber: number;

async function received(): Promise<Received[]> {
  const res = await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(HOOK)}`);
  return (await res.json()) as Received[];
}

/** The `response.submitted` bodies the endpoint received for one invitation. */
async function submittedFor(invitationId: number) {
  return (await received())
    .filter((r) => r.headers['relais-event'] === 'response.submitted')
    .map((r) => JSON.parse(r.body) as { occurred_at: string; data: { invitation_id: number; replaced?: boolean } })
    .filter((b) => b.data.invitation_id === invitationId);
}

async function invite(prefix: string): Promise<{ id: number; token: string }> {
  const { invitations } = await callJson<{ invitations: { id: number; url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: `${prefix}-${run}@example.org` }] },
    expect: 201,
  });
  const [first] = invitations;
  if (!first) throw new Error('no invitation');
  return { id: first.id, token: tokenOf(first.url) };
}

/** The hourly cron, a few minutes ahead: it sends what is pending. */
const cronTick = (minutesAhead = 2) =>
  scheduled({ scheduledTime: Date.now() + minutesAhead * 60_000, cron: '7 * * * *', noRetry() {} }, env);

/**
 * D1 commits the batch, then its answer never reaches the Worker (the connection drops, the
 * Worker is evicted): the `failing`-th batch only, the others go through.
 */
function answerLostAfterCommit(failing = 1): Env {
  let calls = 0;
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          if (++calls !== failing) return results;
          throw new Error('the answer of D1 was lost');
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...env, DB: db };
}

const PATHS = [
  ['two D1 calls (no survey_id)', false],
  ['one D1 call (survey_id)', true],
] as const;

beforeAll(async () => {
  key = await createCoordinator('Bassin Outbox');
  seriesId = (await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Outbox' }, expect: 201 })).id;
  sessionNumber = 1;
  const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: sessionNumber, starts_at: '2026-02-01T12:00:00Z' },
    expect: 201,
  });
  surveyId = (
    await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, { method: 'POST', key, json: { kind: 'post' }, expect: 201 })
  ).id;
  await callJson(`/api/series/${seriesId}/webhooks`, {
    method: 'POST',
    key,
    json: { url: `https://receiver.test${HOOK}`, events: ['response.submitted'] },
    expect: 201,
  });
  await callJson(`/api/surveys/${surveyId}/open`, { method: 'POST', key });
});

describe('a submission whose answer is lost after it committed', () => {
  it.each(PATHS)('still sends response.submitted, exactly once, after the client retries: %s', async (_, named) => {
    const who = await invite(`lost-${named ? 'named' : 'plain'}`);
    // The link was read once (the form): the Worker then holds the survey's questions.
    await callJson(`/api/s/${who.token}`);
    const answers = { usefulness: 4, remarks: 'Réseau plus lisible' };
    const body = { answers, ...(named ? { survey_id: surveyId } : {}) };
    // The action runs, its result is dropped (the Worker never learns that D1 committed).
    await submitAnswers(answerLostAfterCommit(), who.token, body).catch(() => undefined);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE invitation_id = ?').bind(who.id).first<{ n: number }>();
    expect(stored?.n).toBe(1);
    // The participant's client retries the same answers: nothing new is written.
    const retry = await callJson<{ unchanged: boolean }>(`/api/s/${who.token}`, { method: 'PUT', json: body });
    expect(retry.unchanged).toBe(true);
    // The committed write holds its event: the cron sends it, once, however often it runs.
    await cronTick();
    await cronTick(70);
    const events = await submittedFor(who.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ survey_id: surveyId, anonymous: false, invitation_id: who.id, replaced: false });
  });

  it.each(PATHS)('an acknowledged submission sends its event once; a retry of it sends none: %s', async (_, named) => {
    const who = await invite(`acked-${named ? 'named' : 'plain'}`);
    await callJson(`/api/s/${who.token}`);
    const body = { answers: { usefulness: 3 }, ...(named ? { survey_id: surveyId } : {}) };
    const ctx = createExecutionContext();
    const res = await app.request(
      `https://relais.test/api/s/${who.token}`,
      { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    // Sent at once (waitUntil), before any cron.
    expect(await submittedFor(who.id)).toHaveLength(1);
    expect((await callJson<{ unchanged: boolean }>(`/api/s/${who.token}`, { method: 'PUT', json: body })).unchanged).toBe(true);
    await cronTick();
    expect(await submittedFor(who.id)).toHaveLength(1);
    // A changed answer is a new event, a replacement.
    await callJson(`/api/s/${who.token}`, { method: 'PUT', json: { ...body, answers: { usefulness: 5 } } });
    const events = await submittedFor(who.id);
    expect(events.map((e) => (e.data as { replaced?: boolean }).replaced)).toEqual([false, true]);
  });
});

describe('the event payload built in SQL', () => {
  it('is the one src/webhooks/events.ts describes, with the counts of the transaction that wrote', async () => {
    const who = await invite('shape');
    await callJson(`/api/s/${who.token}`, { method: 'PUT', json: { answers: { usefulness: 2 }, survey_id: surveyId } });
    const [event] = await submittedFor(who.id);
    if (!event) throw new Error('no event');
    const counts = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM responses WHERE survey_id = ?1) AS responses, (SELECT count(*) FROM invitations WHERE survey_id = ?1) AS invitations`,
    )
      .bind(surveyId)
      .first<{ responses: number; invitations: number }>();
    expect(event).toEqual(
      responseSubmitted(
        {
          seriesId,
          surveyId,
          kind: 'post',
          sessionNumber,
          anonymous: false,
          invitationId: who.id,
          replaced: false,
          responses: counts?.responses ?? -1,
          invitations: counts?.invitations ?? -1,
        },
        new Date(event.occurred_at),
      ),
    );
  });
});

describe('a D1 fault in the middle of a submission', () => {
  it.each(PATHS)('leaves neither the write nor its event: %s', async (_, named) => {
    const who = await invite(`fault-${named ? 'named' : 'plain'}`);
    await callJson(`/api/s/${who.token}`);
    const deliveries = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM webhook_deliveries WHERE series_id = ?').bind(seriesId).first<{ n: number }>())?.n;
    const before = await deliveries();
    // The answers' insert comes after the event's statement in both batches: make it fail there.
    await env.DB.prepare(
      "CREATE TRIGGER outbox_failure BEFORE INSERT ON answers WHEN NEW.text = 'FAIL' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    ).run();
    try {
      const res = await call(`/api/s/${who.token}`, {
        method: 'PUT',
        json: { answers: { usefulness: 1, remarks: 'FAIL' }, ...(named ? { survey_id: surveyId } : {}) },
      });
      expect(res.status).toBe(503);
    } finally {
      await env.DB.prepare('DROP TRIGGER outbox_failure').run();
    }
    expect(await deliveries()).toBe(before);
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE invitation_id = ?').bind(who.id).first<{ n: number }>();
    expect(stored?.n).toBe(0);
    await cronTick();
    expect(await submittedFor(who.id)).toHaveLength(0);
  });
});

describe('an anonymous release whose answer is lost after it committed', () => {
  it('still sends responses.released, exactly once', async () => {
    const path = `/ok/${run}/released`;
    await callJson(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: `https://receiver.test${path}`, events: ['responses.released'] },
      expect: 201,
    });
    const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 2, starts_at: '2026-03-01T12:00:00Z' },
      expect: 201,
    });
    const anonymous = (
      await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
        method: 'POST',
        key,
        json: { kind: 'pre', anonymous: true },
        expect: 201,
      })
    ).id;
    await callJson(`/api/surveys/${anonymous}/open`, { method: 'POST', key });
    const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${anonymous}/invitations`, {
      method: 'POST',
      key,
      json: { participants: ['a', 'b', 'c'].map((p) => ({ email: `${p}-${run}@example.org` })) },
      expect: 201,
    });
    const [t1, t2, t3] = invitations.map((i) => tokenOf(i.url)) as [string, string, string];
    const body = { answers: { expectations: ['create-links'] } };
    await callJson(`/api/s/${t1}`, { method: 'PUT', json: body });
    await callJson(`/api/s/${t2}`, { method: 'PUT', json: body });
    // The third ballot reaches the minimum: its release (the request's second batch) commits, and its answer is lost.
    await submitAnswers(answerLostAfterCommit(2), t3, body).catch(() => undefined);
    expect((await callJson<{ responses: number; held_back: number }>(`/api/surveys/${anonymous}`, { key })).responses).toBe(3);
    await cronTick();
    await cronTick(70);
    const got = await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(path)}`);
    const bodies = ((await got.json()) as Received[]).map((r) => JSON.parse(r.body) as { data: { released: number; responses: number } });
    expect(bodies.map((b) => [b.data.released, b.data.responses])).toEqual([[3, 3]]);
  });
});
