/**
 * The contract: the OpenAPI document is valid OpenAPI 3.1 (checked by
 * @seriousme/openapi-schema-validator in test/openapi.global-setup.ts), it is what is served
 * (the committed static files public/api/, in front of the Worker), every API route of the app
 * declares its contract (from which the document is read, so the two cannot drift), and its
 * reference page is accessible HTML.
 */
import { Hono } from 'hono';
import { describe, expect, inject, it } from 'vitest';
import { app } from '../src/app.tsx';
import { CONTENT_SECURITY_POLICY } from '../src/http/headers.ts';
import { contract, documentedRoutes, openApiPath, routesWithoutContract } from '../src/openapi/contract.ts';
import { documentRoutes, jsonSchema, PUBLISHED } from '../src/openapi/document.ts';
import { CreateSessionSchema } from '../src/sessions/sessions.schemas.ts';
import { call, createCoordinator } from './helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk a JSON document
type Json = Record<string, any>;

const validated = inject('openapi');
const routes = documentRoutes(app.routes);

/** The headers public/_headers gives a static file at `path` (every matching rule, in order, as Cloudflare merges them). */
function staticHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of validated.headersFile.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      applies = pattern.test(path);
    } else if (applies) {
      const [name = '', ...value] = line.trim().split(':');
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value.join(':').trim()}` : value.join(':').trim();
    }
  }
  return headers;
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (and the validator does reject a broken one)', () => {
    expect(validated.errors).toBe('null');
    expect(validated.valid).toBe(true);
    expect(validated.brokenValid).toBe(false);
  });

  it('passes an independent linter (Redocly, recommended ruleset) with no error', () => {
    expect(validated.lintErrors).toEqual([]);
    // The linter does run: a copy with an operation that answers nothing has errors.
    expect(validated.brokenLintErrors).toBeGreaterThan(0);
    // Warnings left on purpose are listed in README ("Linting the document"), one per kind.
    expect(validated.lintWarnings.map((w) => w.split(' ')[0])).toEqual(['info-license', ...Array(3).fill('operation-4xx-response')]);
  });

  it('the committed client types (test/client/relais-api.d.ts) are what the document generates', () => {
    // After a contract change: UPDATE_CLIENT=1 npx vitest run test/openapi.test.ts, then commit.
    expect(validated.clientFresh).toBe(true);
  });

  it('is served, without a key, exactly as validated: the committed static files are what the routes give', () => {
    // After a contract change (or a stylesheet's new name): UPDATE_CLIENT=1 npx vitest run test/openapi.test.ts, then commit.
    expect(validated.publishedFresh).toEqual({ 'public/api/openapi.json': true, 'public/api/docs.html': true });
    expect(Object.keys(PUBLISHED)).toEqual(['/api/openapi.json', '/api/docs']);
    expect((JSON.parse(validated.document) as Json).openapi).toBe('3.1.0');
    // Static files under public/ are answered before the Worker (an .html file at its name without the extension).
    const assets = /\[assets\]\n((?:[^[\n].*\n|\n)*)/.exec(validated.wranglerToml)?.[1] ?? '';
    expect(assets).toMatch(/^directory = "public"$/m);
    // run_worker_first: false, or a list of patterns ("!" excludes) none of which sends these paths to the Worker.
    const workerFirst = /^run_worker_first = (.*)$/m.exec(assets)?.[1] ?? 'false';
    const patterns = workerFirst === 'false' ? [] : (JSON.parse(workerFirst) as string[]);
    const glob = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    const toWorker = (path: string) =>
      patterns.some((p) => !p.startsWith('!') && glob(p).test(path)) &&
      !patterns.some((p) => p.startsWith('!') && glob(p.slice(1)).test(path));
    for (const path of Object.keys(PUBLISHED)) expect(toWorker(path), path).toBe(false);
    // Being prebuilt, the document's text and response schemas are left out of the Worker
    // (src/openapi/contract.ts); these tests, built with them, read them all (documentedRoutes throws otherwise).
    expect(validated.wranglerToml).toMatch(/^define = \{ RELAIS_DOCS = "false" \}$/m);
    expect(routes.every((r) => r.summary && Object.keys(r.responses).length > 0)).toBe(true);
    // The Worker has no route of its own there that could answer something else.
    expect(app.routes.filter((r) => r.path in PUBLISHED)).toEqual([]);
    // Public, so cacheable a while (as the Worker answered it), with the headers of every page.
    for (const path of Object.keys(PUBLISHED)) {
      expect(staticHeaders(path)).toMatchObject({
        'cache-control': 'public, max-age=300',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      });
    }
  });

  it('every API route of the app declares its contract, and the document has each one', () => {
    expect(routesWithoutContract(app.routes)).toEqual([]);
    const doc = JSON.parse(validated.document) as Json;
    const operations = Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(operations).toContain('get /api/docs');
    expect(operations.length).toBeGreaterThan(40);
  });

  it('no code the Worker runs reads a docs-only value (undefined there: built with RELAIS_DOCS false)', () => {
    const docsOnly = inject('docsOnly');
    expect(docsOnly.declared).toBeGreaterThan(40);
    expect(docsOnly.violations).toEqual([]);
    // The check does look: a handler that parses with a docs-only schema is caught, and only it.
    expect(docsOnly.planted).toEqual(['src/x/x.routes.ts:5 Y']);
  });

  it('would notice a route added without a contract, and documents one added with it', () => {
    const extra = new Hono()
      .route('/', app)
      .post('/api/series/:id/archive', (c) => c.body(null, 204))
      .get(
        '/api/series/:id/summary',
        contract({ docs: { summary: 'A summary', tag: 'series', auth: 'coordinator', responses: { 200: { description: 'It' } } } }),
        (c) => c.json({}),
      );
    expect(routesWithoutContract(extra.routes)).toEqual(['POST /api/series/{id}/archive']);
    expect(documentedRoutes(extra.routes)).toContainEqual(expect.objectContaining({ method: 'get', path: '/api/series/{id}/summary' }));
    expect(openApiPath('/calendar/:file{[A-Za-z0-9_-]+\\.ics}')).toBe('/calendar/{file}');
  });

  it('describes request bodies with the very schemas that validate them', async () => {
    const doc = JSON.parse(validated.document) as Json;
    const body = doc.paths['/api/series/{id}/sessions'].post.requestBody.content['application/json'].schema;
    expect(body).toEqual(jsonSchema(CreateSessionSchema));
    expect(body).toMatchObject({
      required: ['number', 'starts_at'],
      additionalProperties: false,
      properties: { number: { type: 'integer', maximum: 1000 } },
    });
    // A body the schema refuses is refused by the route, naming the same field.
    const key = await createCoordinator('Bassin Contrat');
    const series = (await (await call('/api/series', { method: 'POST', key, json: { title: 'Contrat' } })).json()) as { id: number };
    const res = await call(`/api/series/${series.id}/sessions`, {
      method: 'POST',
      key,
      json: { number: 1001, starts_at: '2025-12-18T13:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Json).errors[0].field).toBe('number');
  });

  it('marks coordinator routes as needing the API key and participant routes as not', () => {
    const doc = JSON.parse(validated.document) as Json;
    expect(doc.paths['/api/series'].get.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/api/s/{token}'].put.security).toEqual([]);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/series'].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(doc.paths['/api/series'].get.parameters).toBeUndefined();
    expect(doc.paths['/api/s/{token}'].put.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
  });
});

describe('GET /api/docs', () => {
  it('renders every operation on one self-contained page, without script or inline style', () => {
    expect(staticHeaders('/api/docs')['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const page = validated.page;
    expect(page).toMatch(/^<!doctype html>/);
    for (const r of routes) expect(page).toContain(`${r.method.toUpperCase()} ${r.path}`);
    expect(page).not.toMatch(/<script|style=/i);
    // Self-hosted: every stylesheet, script or link stays on this origin (no CDN).
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    // Inline code in descriptions is marked up, not shown as Markdown backticks.
    expect(page).toContain('<code>{series: [...]}</code>');
    expect(page).not.toContain('`');
    expect(page).toContain('<html lang="en">');
    // Request bodies are spelled out: field names, required marks, bounds.
    expect(page).toMatch(/<code>starts_at<\/code> <strong>\(required\)<\/strong>/);
    expect(page).toContain('at most 500 items');
  });
});
