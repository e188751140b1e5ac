/**
 * Attack 7 — side channels. What Relais keeps or answers beside the results: the idempotency
 * records of submissions (read from D1 by someone with a copy), a replayed Idempotency-Key
 * after a person was erased, the open link's answers to an invited address and a new one
 * (before and after its cap), its error messages, the audit log and the outbox.
 * Promise: none of them links an anonymous answer to a person, brings erased data back, or
 * tells who is invited.
 */
import { describe, expect, it } from 'vitest';
import { answer, call, callJson, env, invite, scenario, visit } from './attacker.ts';

const REMARK = 'SIDE-CHANNEL-REMARK je quitte le réseau en janvier';

describe('idempotency records of an anonymous submission', () => {
  it('keep no body and no scope that matches the invitation’s token hash', async () => {
    const s = await scenario('Side idempotency', { anonymous: true });
    const tokens = await invite(s, ['ana@example.org']);
    await answer(
      s,
      tokens['ana@example.org'] ?? '',
      { usefulness: 2, sector: 'gp', remarks: REMARK },
      { 'Idempotency-Key': 'ana-submit-1' },
    );

    const { results: invitations } = await env.DB.prepare('SELECT token_hash FROM invitations WHERE survey_id = ?')
      .bind(s.surveyId)
      .all<{ token_hash: string }>();
    const { results: records } = await env.DB.prepare('SELECT scope, key, body FROM idempotency_keys').all<{
      scope: string;
      key: string;
      body: string | null;
    }>();
    const linked = records.filter((r) => invitations.some((i) => r.scope.includes(i.token_hash)));
    expect(
      linked.map((r) => r.scope),
      'idempotency scopes equal to an invitation’s token hash',
    ).toEqual([]);
    const withAnswers = records.filter((r) => r.body?.includes('SIDE-CHANNEL-REMARK'));
    expect(
      withAnswers.map((r) => r.scope),
      'idempotency records holding the anonymous answers',
    ).toEqual([]);
    const submission = records.filter((r) => r.key === 'ana-submit-1');
    for (const r of submission) expect(r.body, 'body of an anonymous submission’s idempotency record').toBeNull();
  });
});

describe('erasing a person, then replaying an earlier request', () => {
  it('a replayed Idempotency-Key of their data export returns none of the erased data', async () => {
    const s = await scenario('Side erase replay', { anonymous: false });
    const tokens = await invite(s, ['ana@example.org']);
    await answer(s, tokens['ana@example.org'] ?? '', { usefulness: 2, sector: 'gp', remarks: REMARK });
    const exportRequest = { method: 'POST', key: s.key, json: { email: 'ana@example.org' }, headers: { 'Idempotency-Key': 'export-ana' } };
    const first = await call('/api/participants/export', exportRequest);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('SIDE-CHANNEL-REMARK');

    await callJson('/api/participants/erase', { method: 'POST', key: s.key, json: { email: 'ana@example.org' } });
    const replayed = await call('/api/participants/export', exportRequest);
    const text = await replayed.text();
    expect(text, 'the erased person’s answers come back by replay').not.toContain('SIDE-CHANNEL-REMARK');
    if (replayed.status === 200) {
      const body = JSON.parse(text) as { invitations: unknown[]; answers: unknown[] };
      expect(body.invitations, 'the erased person’s invitations come back by replay').toEqual([]);
      expect(body.answers).toEqual([]);
    }
  });
});

/**
 * What a visitor sees, without what differs on every request anyway (CSRF values, nonces) and
 * without the address they typed, which a form with errors rightly shows back to them.
 */
async function seen(res: Response, email: string) {
  const body = (await res.text())
    .replaceAll(email, '<typed address>')
    .replace(/(name="_csrf"[^>]*value=")[^"]*/g, '$1')
    .replace(/nonce="[^"]*"/g, 'nonce=""');
  return { status: res.status, location: res.headers.get('location'), body };
}

let ip = 20;
const freshIp = () => `203.0.113.${ip++}`;

async function openLinkSurvey(name: string, cap: number) {
  const s = await scenario(name, { anonymous: true });
  await invite(s, ['invited@example.org']);
  const link = await callJson<{ slug: string }>(`/api/surveys/${s.surveyId}/open-link`, {
    method: 'PUT',
    key: s.key,
    json: { enabled: true, cap },
  });
  const join = (email: string, extra: Record<string, string> = {}) =>
    visit(`/o/${link.slug}?lang=fr`, {
      form: { email, name: '', organisation: '', language: 'fr', ...extra },
      ip: freshIp(),
    }).then((res) => seen(res, email));
  return { s, join };
}

describe('the open link, asked for an invited address and a new one', () => {
  it('answers the same page before and after the cap (status, redirect and body)', async () => {
    const { join } = await openLinkSurvey('Side open link cap', 2);
    const invitedBefore = await join('invited@example.org');
    const newBefore = await join('newcomer-1@example.org');
    expect(newBefore, 'before the cap: a new address vs an invited one').toEqual(invitedBefore);
    // The cap is reached.
    await join('newcomer-2@example.org');
    const invitedAfter = await join('invited@example.org');
    const newAfter = await join('newcomer-3@example.org');
    expect(newAfter, 'after the cap: a new address vs an invited one').toEqual(invitedAfter);
    expect(invitedAfter, 'an invited address, before vs after the cap').toEqual(invitedBefore);
  });

  it('gives the same error for a bad form, invited or not', async () => {
    const { join } = await openLinkSurvey('Side open link errors', 1);
    await join('newcomer-1@example.org');
    for (const extra of [{ language: 'de' }, { name: 'x'.repeat(500) }] as Record<string, string>[]) {
      const invited = await join('invited@example.org', extra);
      const fresh = await join('newcomer-9@example.org', extra);
      expect(fresh, `error for ${Object.keys(extra)[0]}: invited vs new`).toEqual(invited);
    }
  });
});

describe('the audit log and the outbox (guard)', () => {
  it('record nothing when an anonymous participant answers', async () => {
    const s = await scenario('Side audit outbox', { anonymous: true });
    const tokens = await invite(s, ['ana@example.org']);
    const audit = async () => (await callJson<{ entries: unknown[] }>('/api/audit', { key: s.key })).entries;
    const outbox = async () => (await callJson<{ messages: unknown[] }>(`/api/outbox?survey=${s.surveyId}`, { key: s.key })).messages;
    const [auditBefore, outboxBefore] = [await audit(), await outbox()];
    await answer(s, tokens['ana@example.org'] ?? '', { usefulness: 2, sector: 'gp', remarks: REMARK });
    expect(await audit()).toEqual(auditBefore);
    expect(await outbox()).toEqual(outboxBefore);
  });
});
