/**
 * The typed client an integrator gets from Hono's RPC types (`hc<AppType>`), used against the
 * app itself: paths, parameters, request bodies and answers are checked by the compiler.
 */
import { hc } from 'hono/client';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type AppType, app } from '../src/app.tsx';
import { callJson, createCoordinator, env } from './helpers.ts';

let key: string;
let seriesId: string;

const clientFor = (apiKey: string) =>
  hc<AppType>('https://relais.test', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init, env),
    headers: { authorization: `Bearer ${apiKey}` },
  });

beforeAll(async () => {
  key = await createCoordinator('Bassin Client');
  seriesId = String(
    (await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Liaison hôpital-ambulatoire' }, expect: 201 }))
      .id,
  );
  await callJson(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2025-06-10T13:00:00+02:00' },
    expect: 201,
  });
});

describe('hc<AppType>', () => {
  it('lists series with typed answers', async () => {
    const res = await clientFor(key).api.series.$get();
    expect(res.status).toBe(200);
    const body = await res.json();
    expectTypeOf(body.series).items.toHaveProperty('title').toEqualTypeOf<string>();
    expect(body.series.map((s) => s.title)).toEqual(['Liaison hôpital-ambulatoire']);
  });

  it('reads a series by id with its sessions', async () => {
    const res = await clientFor(key).api.series[':id'].$get({ param: { id: seriesId } });
    const body = await res.json();
    expect(body.sessions.map((s) => s.number)).toEqual([1]);
  });

  it('registers a webhook with a typed JSON body and reads the secret once', async () => {
    const res = await clientFor(key).api.series[':id'].webhooks.$post({
      param: { id: seriesId },
      json: { url: 'https://receiver.test/ok/client', events: ['survey.opened'] },
    });
    expect(res.status).toBe(201);
    const hook = await res.json();
    expectTypeOf(hook.secret).toEqualTypeOf<string>();
    expect(hook).toMatchObject({ url: 'https://receiver.test/ok/client', events: ['survey.opened'] });
    expect(hook.secret.startsWith('whsec_')).toBe(true);
  });

  it('exports a series as the typed export document and imports it back', async () => {
    const client = clientFor(key);
    const exported = await (await client.api.series[':id'].export.$get({ param: { id: seriesId } })).json();
    expectTypeOf(exported.format).toEqualTypeOf<'relais.series'>();
    expect(exported.sessions).toHaveLength(1);
    const res = await client.api.series.import.$post({ json: exported });
    expect(res.status).toBe(201);
    expect((await res.json()).sessions).toBe(1);
  });

  it('surfaces refusals as problem+json responses (the client does not throw)', async () => {
    const res = await clientFor('rlk_not-a-key').api.series.$get();
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
