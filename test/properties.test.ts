/**
 * Property tests over every route of the app (taken from the router itself, so a route added
 * later is covered without touching this file): random and adversarial bodies, content types,
 * headers and path ids. Whatever comes in: never a 5xx, errors are problem+json naming the
 * field, nothing is stored, no input comes back unescaped, no secret leaks.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.tsx';
import { call, callJson, createCoordinator, env, tokenOf } from './helpers.ts';

const MARKER = '<script>relais-xss</script>';
let key: string;
let token: string;
const ids: Record<string, number> = {};

const CORE_TABLES = ['organisations', 'coordinators', 'series', 'sessions', 'themes', 'surveys', 'invitations', 'responses', 'answers'];
const stored = async () =>
  (await env.DB.prepare(`SELECT ${CORE_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`).first<{ n: number }>())?.n;

beforeAll(async () => {
  key = await createCoordinator('Bassin Propriétés');
  const series = await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Propriétés' }, expect: 201 });
  const theme = await callJson<{ id: number }>(`/api/series/${series.id}/themes`, {
    method: 'POST',
    key,
    json: { label: { fr: 'T' } },
    expect: 201,
  });
  const session = await callJson<{ id: number }>(`/api/series/${series.id}/sessions`, {
    method: 'POST',
    key,
    json: { number: 1, starts_at: '2026-01-01T10:00:00Z' },
    expect: 201,
  });
  const survey = await callJson<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    method: 'POST',
    key,
    json: { kind: 'post' },
    expect: 201,
  });
  await callJson(`/api/surveys/${survey.id}/open`, { method: 'POST', key });
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${survey.id}/invitations`, {
    method: 'POST',
    key,
    json: { participants: [{ email: 'prop@example.org' }] },
    expect: 201,
  });
  token = tokenOf(invitations[0]?.url ?? '');
  Object.assign(ids, { series: series.id, theme: theme.id, session: session.id, survey: survey.id });
});

/** Every concrete route (method + path pattern) the app answers. */
function routes() {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .filter((r) => {
      const k = `${r.method} ${r.path}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

const idArb = fc.oneof(fc.constantFrom('1', '0', '-1', 'abc', '99999999999999999999', '1e3', '%00', MARKER), fc.nat().map(String));
const bodyArb = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constant(''),
  fc.constant('{"answers":'),
  fc.constant(`{"title":"${MARKER}","participants":[{"email":"${MARKER}"}],"answers":{"${MARKER}":"${MARKER}"}}`),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()))).map((o) => JSON.stringify(o)),
  fc.string({ minLength: 300_000, maxLength: 300_001 }),
);
const typeArb = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
);
const bytesArb = fc.uint8Array({ minLength: 1, maxLength: 64 });

function fill(path: string, id: string, useReal: boolean) {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'token') return useReal ? token : id;
    if (!useReal) return encodeURIComponent(id);
    if (path.includes('/series/')) return String(ids.series);
    if (path.includes('/themes/')) return String(ids.theme);
    if (path.includes('/sessions/')) return String(ids.session);
    if (path.includes('/surveys/')) return String(ids.survey);
    return id;
  });
}

async function checkInvariants(method: string, path: string, res: Response, sent: string) {
  const label = `${method} ${path} → ${res.status}`;
  expect(res.status, label).toBeLessThan(500);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400 && path.startsWith('/api/')) {
    expect(type, label).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; errors?: { field: string }[] };
    expect(problem.status, label).toBe(res.status);
    if ([400, 413, 415, 422].includes(res.status)) expect(problem.errors?.[0]?.field, label).toMatch(/\S/);
  }
  if (res.status >= 400) {
    // Error bodies never carry the input back: not the markup, not the token or key.
    expect(text.includes(MARKER), label).toBe(false);
    expect(text.includes(key), label).toBe(false);
    if (sent.length > 12) expect(text.includes(sent.slice(0, 64)), label).toBe(false);
  }
  if (type.startsWith('text/html')) expect(text.includes(MARKER), label).toBe(false);
}

describe('every route, random input', () => {
  it('is known to the test (sanity: the router lists the API)', () => {
    const paths = routes().map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('PUT /api/s/:token');
    expect(paths).toContain('POST /api/series');
  });

  it('never answers 5xx, names fields in 4xx, stores nothing on refusal', async () => {
    // Every route is tried, and every failing route reported, not only the first.
    const failures: string[] = [];
    for (const route of routes()) {
      await fc
        .assert(
          fc.asyncProperty(
            idArb,
            bodyArb,
            typeArb,
            fc.boolean(),
            fc.boolean(),
            bytesArb,
            fc.boolean(),
            async (id, body, type, real, withKey, bytes, rawBytes) => {
              const path = fill(route.path, id, real);
              const before = await stored();
              const hasBody = !['GET', 'HEAD'].includes(route.method);
              const payload: BodyInit | undefined = hasBody ? (rawBytes ? new Uint8Array([0x7b, ...bytes, 0xff, 0x7d]) : body) : undefined;
              const res = await call(path, {
                method: route.method,
                ...(withKey ? { key } : {}),
                ...(payload !== undefined ? { body: payload } : {}),
                headers: { ...(type ? { 'content-type': type } : {}), 'x-forwarded-for': MARKER },
              });
              await checkInvariants(route.method, path, res, typeof payload === 'string' ? payload : '');
              if (res.status >= 400) expect(await stored(), `${route.method} ${path} stored something on ${res.status}`).toBe(before);
            },
          ),
          { numRuns: 12, seed: 20261122 },
        )
        .catch((error: Error) => failures.push(`${route.method} ${route.path}: ${error.message.split('\n').slice(0, 3).join(' | ')}`));
    }
    expect(failures).toEqual([]);
  }, 360_000); // 12 runs for each of ~90 routes: minutes on a loaded 2-core machine, not a measure of speed
});

describe('every JSON route, random keys and values (issue 19: errors named fields by the key sent)', () => {
  // Distinctive brackets, so a key or value found in an answer can only have come from the request.
  const tagged = (tag: string) => fc.string({ minLength: 1, maxLength: 12 }).map((s) => `⟦${tag}${s}⟧`);
  const keyArb = fc.oneof(tagged('k'), fc.constantFrom('⟦<script>alert(1)</script>⟧', '⟦<svg onload=alert(1)>⟧'));
  const valueArb = fc.oneof(
    tagged('v'),
    fc.integer().map((n) => `⟦${n}⟧`),
  );
  const randomObject = fc.dictionary(keyArb, valueArb, { minKeys: 1, maxKeys: 3 });

  it('never echoes a key or a value in an error body', async () => {
    const failures: string[] = [];
    const withBody = routes().filter((r) => r.path.startsWith('/api/') && !['GET', 'HEAD'].includes(r.method));
    for (const route of withBody) {
      await fc
        .assert(
          fc.asyncProperty(
            randomObject,
            randomObject,
            fc.constantFrom('top', 'answers', 'participants', 'label', 'questions'),
            async (extra, inner, where) => {
              const body: Record<string, unknown> =
                where === 'top'
                  ? { ...extra, kind: 'pre', title: 'T' }
                  : where === 'answers'
                    ? { answers: inner, ...extra }
                    : where === 'participants'
                      ? { participants: [{ email: 'p@example.org', ...inner }] }
                      : where === 'label'
                        ? { label: { fr: 'L', ...inner } }
                        : { kind: 'pre', questions: [{ id: 'q', type: 'text', text: { fr: 'Q' }, ...inner }] };
              const res = await call(fill(route.path, '1', true), { method: route.method, key, json: body });
              if (res.status < 400) return;
              const text = await res.text();
              for (const [k, value] of [...Object.entries(extra), ...Object.entries(inner)]) {
                expect(text.includes(k), `${route.method} ${route.path} echoed a key`).toBe(false);
                expect(text.includes(value), `${route.method} ${route.path} echoed a value`).toBe(false);
              }
            },
          ),
          { numRuns: 8, seed: 20261202 },
        )
        .catch((error: Error) => failures.push(`${route.method} ${route.path}: ${error.message.split('\n').slice(0, 4).join(' | ')}`));
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
