/**
 * Side channels a curious coordinator can read besides the results: the audit log and the
 * outbox. A participant opening, answering and changing an anonymous survey must leave no
 * trace in either (no entry, no time, no message), and neither ever carries an answer.
 * (The idempotency store: test/idempotency-privacy.test.ts; the open link's answers:
 * test/open-link.test.ts, "a visitor trying to learn who is invited".)
 */
import { describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

const REMARK = 'REMARQUE-CANAL-LATERAL-9d41';

describe('a participant answering an anonymous survey', () => {
  it('adds nothing to the audit log or the outbox, and neither holds an answer', async () => {
    const key = await createCoordinator('Bassin Canaux');
    const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Canaux' }, expect: 201 });
    const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2099-06-01T12:00:00Z' },
      expect: 201,
    });
    const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'post', anonymous: true },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
      method: 'POST',
      key,
      json: { participants: [{ email: 'canal@example.org' }, { email: 'autre@example.org' }] },
      expect: 201,
    });
    const token = tokenOf(invitations[0]?.url ?? '');
    const before = await Promise.all([
      callJson<{ entries: unknown[] }>('/api/audit', { key }),
      callJson<{ messages: unknown[] }>('/api/outbox', { key }),
    ]);

    expect((await call(`/s/${token}`)).status).toBe(200);
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 2, remarks: REMARK } } });
    await callJson(`/api/s/${token}`, { method: 'PUT', json: { answers: { usefulness: 4, remarks: `${REMARK} (bis)` } } });

    const after = await Promise.all([
      callJson<{ entries: unknown[] }>('/api/audit', { key }),
      callJson<{ messages: unknown[] }>('/api/outbox', { key }),
    ]);
    expect(after).toEqual(before);
    const everything = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM audit_log WHERE detail LIKE ?1 OR target LIKE ?1)
            + (SELECT count(*) FROM outbox WHERE body_text LIKE ?1 OR subject LIKE ?1) AS n`,
    )
      .bind(`%${REMARK}%`)
      .first<{ n: number }>();
    expect(everything?.n).toBe(0);
  });
});
