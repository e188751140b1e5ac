/**
 * A route's contract, declared once beside its handler:
 *
 *   .post('/series', contract({ body: CreateSeriesSchema, docs: RELAIS_DOCS && { summary, tag, auth, responses: {…} } }), async (c) => …)
 *
 * The middleware validates what the contract names (path id, query, JSON body) with the same
 * valibot schemas and the same problem+json errors as before (src/http/body.ts), hands the
 * handler `c.req.valid('json' | 'query')`, and carries the contract on itself, so that the
 * OpenAPI document (document.ts) is read off `app.routes`: a route and its documentation
 * cannot drift apart, and a route without a contract is found by walking the same list.
 *
 * What only the document reads (summaries, descriptions, tag, auth, response docs…) sits in
 * `docs: RELAIS_DOCS && {…}`, and each value only docs read (response schemas, their parts, docs
 * helpers) is declared `RELAIS_DOCS ? … : (undefined as never)`. RELAIS_DOCS is a build constant,
 * not a variable (src/openapi/docs-flag.ts): wrangler.toml defines it as false, so esbuild folds
 * each one where it stands, and all of it leaves the deployed Worker (149.6 → 139.1 KiB gzip,
 * `npm run size`); vitest.config.ts defines it as true, so the tests, and the document generated
 * ahead of time (test/openapi.global-setup.ts, public/api/), read the docs.
 * - A global constant at each site, not a `DOCS` imported from a module: esbuild inlines an
 *   imported constant only when it prints the bundle, after tree shaking, so what the literal
 *   named stayed behind.
 * - Response schemas wrapped one by one: esbuild (0.28) does not take valibot's
 *   `@__NO_SIDE_EFFECTS__` across modules, so an unused `v.object({…})` is kept (~4.7 KiB gzip).
 *   Undefined in the Worker, they must not be read by a handler: test/docs-only.global-setup.ts
 *   lists any such use (types, `satisfies`, and docs are fine).
 * - Chosen over docs in a module of their own keyed by method and path: the declaration stays
 *   one, beside its handler, whose `satisfies v.InferOutput<typeof …ResponseSchema>` names the
 *   schema the docs give.
 *
 * In-house rather than hono-openapi: the deploy is at the 150 KiB budget and hono-openapi adds
 * ~6 KiB gzip; its validator would also need our error hook, body reader (415/413/400, strict
 * UTF-8) and field naming re-plugged anyway.
 */

import './docs-flag.ts';
import { createMiddleware } from 'hono/factory';
import type { RouterRoute } from 'hono/types';
import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId, validate } from '../http/body.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** coordinator: API key (or the workspace's session cookie); link: the personal link's token; public: nothing. */
export type Auth = 'coordinator' | 'link' | 'public';

export interface ResponseDoc {
  description: string;
  /** Media type of the body; JSON when omitted. */
  type?: string;
  /** Other media types the same response can take (chosen by `?format=` or Accept); `schema` describes `type` only. */
  also?: string[];
  /** The body's valibot schema; test/openapi-responses.test.ts checks real answers against it. */
  schema?: v.GenericSchema;
}

/** What only the OpenAPI document (and the tests that read it) uses: absent from the deployed Worker. */
export interface Docs {
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  /**
   * Media types of a body sent as a file (bytes, e.g. an address book in any encoding), beside
   * or instead of a JSON `body`; the handler reads it (the middleware validates JSON only).
   */
  bodyTypes?: string[];
  /** Accepts `Idempotency-Key` (src/http/idempotency.ts); coordinator writes do unless set to false. */
  idempotent?: boolean;
  /** The OpenAPI template, only where the Hono path cannot say it (`/calendar/{token}.ics`). */
  path?: string;
  responses: Record<number, ResponseDoc>;
}

/** What the middleware validates, and (in tests and the document's generation) the route's docs. */
export interface Contract {
  /** Query parameters, as the object schema that validates them (errors name the parameter). */
  query?: v.GenericSchema;
  /** The JSON body's schema (errors name the field by the schema's path). */
  body?: v.GenericSchema;
  /** `RELAIS_DOCS && {…}`: false in the deployed Worker only. */
  docs: Docs | false;
}

/** A contract with the route it is attached to: what the document and the tests read. */
export interface RouteDoc extends Docs {
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  method: Method;
  /** OpenAPI template: `/api/series/{id}`. */
  path: string;
}

const CONTRACT = Symbol('contract');

type Nothing = Record<never, never>;
/** What the route's type says it takes (for `hc` clients) and what `c.req.valid()` gives the handler. */
type Validated<B, Q> = (B extends v.GenericSchema ? { json: v.InferInput<B> } : Nothing) &
  (Q extends v.GenericSchema ? { query: v.InferInput<Q> } : Nothing);
type ValidatedOut<B, Q> = (B extends v.GenericSchema ? { json: v.InferOutput<B> } : Nothing) &
  (Q extends v.GenericSchema ? { query: v.InferOutput<Q> } : Nothing);

export function contract<B extends v.GenericSchema | undefined = undefined, Q extends v.GenericSchema | undefined = undefined>(
  spec: Contract & { body?: B; query?: Q },
) {
  const middleware = createMiddleware<AppEnv, string, { in: Validated<B, Q>; out: ValidatedOut<B, Q> }>(async (c, next) => {
    // An id that cannot name a row is a 404 before anything about the body is said.
    if (c.req.param('id') !== undefined) pathId(c);
    if (spec.query) c.req.addValidatedData('query', validate(spec.query, c.req.query()) as Record<string, unknown>);
    if (spec.body) c.req.addValidatedData('json', (await jsonBody(c, spec.body)) as object);
    await next();
  });
  return Object.assign(middleware, { [CONTRACT]: spec });
}

/** `/api/series/:id` → `/api/series/{id}`; a constrained parameter `:file{…}` keeps its name only. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, '{$1}');
}

/**
 * The contract a handler carries. A sub-app with its own onError is mounted by Hono with each
 * handler wrapped, the original kept under `__COMPOSED_HANDLER` (hono/utils/constants).
 */
function contractOf(handler: unknown): Contract | undefined {
  if (typeof handler !== 'function') return undefined;
  const h = handler as { [CONTRACT]?: Contract; __COMPOSED_HANDLER?: unknown };
  return h[CONTRACT] ?? (h.__COMPOSED_HANDLER ? contractOf(h.__COMPOSED_HANDLER) : undefined);
}

/** Every route of the app that carries a contract, in the app's order: the document's source. */
export function documentedRoutes(routes: readonly RouterRoute[]): RouteDoc[] {
  const seen = new Set<string>();
  const docs: RouteDoc[] = [];
  for (const route of routes) {
    const spec = contractOf(route.handler);
    if (!spec) continue;
    const method = route.method.toLowerCase() as Method;
    if (!spec.docs) throw new Error(`${route.method} ${route.path}: contract built without its docs (RELAIS_DOCS=false)`);
    const path = spec.docs.path ?? openApiPath(route.path);
    if (seen.has(`${method} ${path}`)) continue;
    seen.add(`${method} ${path}`);
    const { docs: _, ...validation } = spec;
    docs.push({ ...spec.docs, ...validation, method, path });
  }
  return docs;
}

/**
 * `METHOD /path` of every API operation of the app with no contract on any of its handlers.
 * Pages (/s, /app) and middleware ('ALL') are not operations.
 */
export function routesWithoutContract(routes: readonly RouterRoute[]): string[] {
  const documented = new Set<string>();
  const operations = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
    const key = `${route.method} ${openApiPath(route.path)}`;
    operations.add(key);
    if (contractOf(route.handler)) documented.add(key);
  }
  return [...operations].filter((k) => !documented.has(k)).sort();
}
