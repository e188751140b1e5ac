/**
 * Webhooks, hardened (issue 19): endpoints only on public https hosts, checked at creation and
 * before every delivery; signing secrets sealed at rest, shown once, legacy ones sealed by the cron.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { retryDueDeliveries, webhooksTick } from '../src/webhooks/delivery.ts';
import { verifySignature } from '../src/webhooks/signature.ts';
import { isPublicHost, webhookTargetRefusal } from '../src/webhooks/target.ts';
import { call, callJson, createCoordinator, env } from './helpers.ts';

const run = crypto.randomUUID();

async function received(prefix: string): Promise<{ headers: Record<string, string>; body: string }[]> {
  return (await (await fetch(`https://receiver.test/__received?prefix=${encodeURIComponent(prefix)}`)).json()) as never;
}

let key: string;
let seriesId: number;

beforeAll(async () => {
  key = await createCoordinator('Bassin Cibles');
  seriesId = (await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Cibles' }, expect: 201 })).id;
});

/** The probe's examples, then every other spelling of a place a delivery must not reach. */
const REFUSED = [
  'https://localhost',
  'https://169.254.169.254',
  'https://[::1]',
  'https://10.0.0.1',
  'https://localhost./hook',
  'https://api.localhost/hook',
  'https://LOCALHOST:8443/hook',
  'https://127.0.0.1/hook',
  'https://127.1/hook',
  'https://2130706433/hook',
  'https://0x7f.1/hook',
  'https://0x7f000001/hook',
  'https://017700000001/hook',
  'https://0177.0.0.1/hook',
  'https://0/hook',
  'https://0.0.0.0/hook',
  'https://[::]/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[::ffff:7f00:1]/hook',
  'https://[::ffff:169.254.169.254]/hook',
  'https://[::ffff:10.1.2.3]/hook',
  'https://[64:ff9b::a9fe:a9fe]/hook',
  'https://[2002:7f00:1::]/hook',
  'https://[fe80::1]/hook',
  'https://[fc00::1]/hook',
  'https://[fd12:3456::1]/hook',
  'https://[ff02::1]/hook',
  'https://172.16.0.1/hook',
  'https://172.31.255.255/hook',
  'https://192.168.1.10/hook',
  'https://100.64.0.1/hook',
  'https://100.100.100.200/hook',
  'https://224.0.0.1/hook',
  'https://255.255.255.255/hook',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://metadata/hook',
  'https://instance-data.ec2.internal/hook',
  'https://printer.local/hook',
  'https://intranet/hook',
  'https://user:pass@example.org/hook',
  'http://example.org/hook',
  'ftp://example.org/hook',
  'not a url',
];

const ACCEPTED = [
  'https://crm.example.org/relais',
  'https://example.org:8443/hook?x=1',
  'https://8.8.8.8/hook',
  'https://172.32.0.1/hook',
  'https://100.128.0.1/hook',
  'https://[2001:4860:4860::8888]/hook',
  'https://receiver.test/ok/x',
];

describe('webhook targets (domain)', () => {
  it('refuses loopback, private, link-local, CGNAT, unique-local, multicast, internal and metadata names in every spelling', () => {
    for (const url of REFUSED) expect(webhookTargetRefusal(url), url).not.toBeNull();
  });

  it('accepts public hosts', () => {
    for (const url of ACCEPTED) expect(webhookTargetRefusal(url), url).toBeNull();
    expect(isPublicHost('relais.brussels')).toBe(true);
  });
});

describe('webhook targets (API)', () => {
  // Before the fix these four answered 201 and a delivery went to loopback at once.
  it("refuses the probe's targets with 422 naming url, and stores nothing", async () => {
    for (const url of REFUSED) {
      const res = await call(`/api/series/${seriesId}/webhooks`, { method: 'POST', key, json: { url } });
      expect(res.status, url).toBe(422);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors.map((e) => e.field)).toEqual(['url']);
      expect(JSON.stringify(body)).not.toContain(url.replace(/^\w+:\/\//, ''));
    }
    const listed = await callJson<{ webhooks: unknown[] }>(`/api/series/${seriesId}/webhooks`, { key });
    expect(listed.webhooks).toEqual([]);
  });

  it('refuses, before sending, a delivery to an endpoint stored before the rule (failed with a clear error)', async () => {
    const hook = await env.DB.prepare(
      `INSERT INTO webhooks (series_id, url, events, secret) VALUES (?, 'https://169.254.169.254/latest/meta-data/', '["survey.opened"]', 'whsec_legacy') RETURNING id`,
    )
      .bind(seriesId)
      .first<{ id: number }>();
    const now = new Date();
    await env.DB.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at) VALUES (?, ?, 'survey.opened', '{}', ?)`,
    )
      .bind(hook?.id, seriesId, now.toISOString())
      .run();
    await retryDueDeliveries(env, now);
    const { deliveries } = await callJson<{
      deliveries: { webhook_id: number; status: string; last_error: string | null; attempts: number }[];
    }>(`/api/series/${seriesId}/webhooks/deliveries`, { key });
    const d = deliveries.find((x) => x.webhook_id === hook?.id);
    expect(d?.status).toBe('failed');
    expect(d?.last_error).toMatch(/^refused: .*public host/);
    expect(await received('/latest/meta-data')).toEqual([]);
    await env.DB.prepare('DELETE FROM webhooks WHERE id = ?').bind(hook?.id).run();
  });
});

describe('webhook secrets at rest', () => {
  it('stores the signing secret sealed (never in plaintext), shows it once, and still signs with it', async () => {
    const hook = await callJson<{ id: number; secret: string }>(`/api/series/${seriesId}/webhooks`, {
      method: 'POST',
      key,
      json: { url: `https://receiver.test/ok/${run}/sealed`, events: ['survey.opened'] },
      expect: 201,
    });
    const row = await env.DB.prepare('SELECT * FROM webhooks WHERE id = ?').bind(hook.id).first<Record<string, unknown>>();
    // Before the fix the row's `secret` column held the secret as is.
    expect(JSON.stringify(row)).not.toContain(hook.secret);
    expect(JSON.stringify(row)).not.toContain(hook.secret.slice(6, 30));
    expect(row?.secret_sealed).toMatch(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);

    const session = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1, starts_at: '2026-03-10T13:00:00+01:00' },
      expect: 201,
    });
    const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
      method: 'POST',
      key,
      json: { kind: 'pre' },
      expect: 201,
    });
    await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
    const [delivery] = await received(`/ok/${run}/sealed`);
    expect(delivery).toBeDefined();
    expect(await verifySignature(hook.secret, delivery?.headers['relais-signature'], delivery?.body ?? '', new Date())).toBe(true);
  });

  it('seals a plaintext secret stored before sealing at the next cron tick, and keeps signing with it', async () => {
    const legacy = 'whsec_legacy_plaintext_secret_0123456789abcdef';
    const hook = await env.DB.prepare(
      `INSERT INTO webhooks (series_id, url, events, secret) VALUES (?, ?, '["survey.closed"]', ?) RETURNING id`,
    )
      .bind(seriesId, `https://receiver.test/ok/${run}/legacy`, legacy)
      .first<{ id: number }>();
    await webhooksTick(env);
    const row = await env.DB.prepare('SELECT secret, secret_sealed FROM webhooks WHERE id = ?')
      .bind(hook?.id)
      .first<{ secret: string; secret_sealed: string | null }>();
    expect(row?.secret).toBe('');
    expect(row?.secret_sealed).not.toBeNull();
    expect(row?.secret_sealed).not.toContain(legacy);

    const now = new Date();
    await env.DB.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at) VALUES (?, ?, 'survey.closed', '{"event":"survey.closed"}', ?)`,
    )
      .bind(hook?.id, seriesId, now.toISOString())
      .run();
    await retryDueDeliveries(env, now);
    const [delivery] = await received(`/ok/${run}/legacy`);
    expect(await verifySignature(legacy, delivery?.headers['relais-signature'], delivery?.body ?? '', now)).toBe(true);
  });

  it('a sealed secret copied onto another endpoint does not open there: the delivery is not sent unsigned', async () => {
    const source = await env.DB.prepare(`SELECT secret_sealed FROM webhooks WHERE url = ?`)
      .bind(`https://receiver.test/ok/${run}/sealed`)
      .first<{ secret_sealed: string }>();
    const moved = await env.DB.prepare(
      `INSERT INTO webhooks (series_id, url, events, secret, secret_sealed) VALUES (?, ?, '["survey.closed"]', '', ?) RETURNING id`,
    )
      .bind(seriesId, `https://receiver.test/ok/${run}/moved`, source?.secret_sealed)
      .first<{ id: number }>();
    const now = new Date();
    await env.DB.prepare(
      `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at) VALUES (?, ?, 'survey.closed', '{}', ?)`,
    )
      .bind(moved?.id, seriesId, now.toISOString())
      .run();
    await retryDueDeliveries(env, now);
    expect(await received(`/ok/${run}/moved`)).toEqual([]);
  });
});
