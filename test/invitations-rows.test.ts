/**
 * Inviting and sending read D1 rows in proportion to the people concerned, not to its square:
 * the statements that store the links issued and the sending's outcomes take their rows as one
 * JSON list, and once read each row's value by a subquery over the whole list (500 people:
 * 256,502 rows read and ~190 ms of D1 time for one invitation request, when one took 500). Rows read are what D1
 * reports (meta.rows_read, RELAIS_TIMING's Server-Timing), so the figures hold on a loaded machine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { benchSurvey } from '../bench/seed.ts';
import { app } from '../src/app.tsx';
import { finishOutbox } from '../src/email/outbox.queries.ts';
import { INVITE_LIMIT } from '../src/invitations/invitations.schemas.ts';
import { benchApi, createCoordinator, env } from './helpers.ts';

let key = '';
let surveyId = 0;

async function invite(people: number, prefix: string) {
  const participants = Array.from({ length: people }, (_, i) => ({ email: `${prefix}-${i}@example.org` }));
  const res = await app.request(
    `https://relais.test/api/surveys/${surveyId}/invitations`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ participants }),
    },
    { ...env, RELAIS_TIMING: '1' },
  );
  expect(res.status).toBe(201);
  const body = (await res.json()) as { invitations: { id: number; url: string }[] };
  const rows = Number(/d1-rows-read;desc="(\d+)"/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { rows, invitations: body.invitations };
}

describe('rows read by inviting and by recording a sending, per person', () => {
  beforeAll(async () => {
    key = await createCoordinator('Invitation rows');
    surveyId = (
      await benchSurvey(
        benchApi(() => key),
        'Invitation rows',
      )
    ).id;
  });

  it('inviting three times as many people reads about three times as many rows', async () => {
    const small = await invite(INVITE_LIMIT / 4, 'small');
    const large = await invite(INVITE_LIMIT, 'large');
    expect(large.invitations).toHaveLength(INVITE_LIMIT);
    expect(large.invitations.every((i) => /\/s\/[\w-]{22,}$/.test(i.url))).toBe(true);
    // Each person's row, its directory entry and its counters: a few rows each.
    expect(large.rows).toBeLessThanOrEqual(20 * INVITE_LIMIT);
    expect(large.rows).toBeLessThan(5 * small.rows);
  });

  it('refuses more people than one request may seal links for, naming the field', async () => {
    const res = await app.request(
      `https://relais.test/api/surveys/${surveyId}/invitations`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ participants: Array.from({ length: INVITE_LIMIT + 1 }, (_, i) => ({ email: `over-${i}@example.org` })) }),
      },
      env,
    );
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain('participants');
  });

  it('recording the outcome of sending to 300 people reads a few rows each', async () => {
    const invitations = [];
    for (const part of [1, 2, 3]) invitations.push(...(await invite(INVITE_LIMIT, `sent-${part}`)).invitations);
    const outcomes = invitations.map((i, n) => ({
      id: 1_000_000 + n,
      invitation_id: i.id,
      status: n % 10 === 0 ? ('failed' as const) : ('sent' as const),
      error: null,
    }));
    const [, marked] = await env.DB.batch(finishOutbox(env.DB, outcomes, true));
    expect(marked?.meta.changes).toBe(300);
    expect(marked?.meta.rows_read).toBeLessThanOrEqual(10 * 300);
    // The first outcome of a person counts (as before): a failure shows as bounced, the rest as sent.
    const states = await env.DB.prepare(
      `SELECT sum(bounced_at IS NOT NULL) AS bounced, sum(sent_at IS NOT NULL) AS sent FROM invitations WHERE id IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify(invitations.map((i) => i.id)))
      .first<{ bounced: number; sent: number }>();
    expect(states).toEqual({ bounced: 30, sent: 270 });
  });
});
