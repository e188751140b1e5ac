/**
 * The contract: the OpenAPI document is valid OpenAPI 3.1 (checked by
 * @seriousme/openapi-schema-validator in test/openapi.global-setup.ts), it is what the Worker
 * serves, every API route of the app declares its contract (from which the document is read,
 * so the two cannot drift), and its reference page is accessible HTML.
 */
import { Hono } from 'hono';
import { describe, expect, inject, it } from 'vitest';
import { app } from '../src/app.tsx';
import { CONTENT_SECURITY_POLICY } from '../src/http/headers.ts';
import { contract, documentedRoutes, openApiPath, routesWithoutContract } from '../src/openapi/contract.ts';
import { jsonSchema } from '../src/openapi/document.ts';
import { CreateSessionSchema } from '../src/sessions/sessions.schemas.ts';
import { call, createCoordinator } from './helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk a JSON document
type Json = Record<string, any>;

const validated = inject('openapi');
const routes = documentedRoutes(app.routes);

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

  it('is served, without a key, exactly as validated', async () => {
    const res = await call('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const served = (await res.json()) as Json;
    expect(served.openapi).toBe('3.1.0');
    expect(JSON.stringify(served)).toBe(validated.document);
  });

  it('every API route of the app declares its contract, and the document has each one', () => {
    expect(routesWithoutContract(app.routes)).toEqual([]);
    const doc = JSON.parse(validated.document) as Json;
    const operations = Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(operations.length).toBeGreaterThan(40);
  });

  it('would notice a route added without a contract, and documents one added with it', () => {
    const extra = new Hono()
      .route('/', app)
      .post('/api/series/:id/archive', (c) => c.body(null, 204))
      .get(
        '/api/series/:id/summary',
        contract({ summary: 'A summary', tag: 'series', auth: 'coordinator', responses: { 200: { description: 'It' } } }),
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
  it('renders every operation on one self-contained page, without script or inline style', async () => {
    const res = await call('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const page = await res.text();
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
