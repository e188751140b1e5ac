/**
 * A route's contract, declared once beside its handler:
 *
 *   .post('/series', contract({ summary, tag, auth, body: CreateSeriesSchema, responses: {…} }), async (c) => …)
 *
 * The middleware validates what the contract names (path id, query, JSON body) with the same
 * valibot schemas and the same problem+json errors as before (src/http/body.ts), hands the
 * handler `c.req.valid('json' | 'query')`, and carries the contract on itself, so that the
 * OpenAPI document (document.ts) is read off `app.routes`: a route and its documentation
 * cannot drift apart, and a route without a contract is found by walking the same list.
 *
 * In-house rather than hono-openapi: the deploy is at the 150 KiB budget and hono-openapi adds
 * ~6 KiB gzip; its validator would also need our error hook, body reader (415/413/400, strict
 * UTF-8) and field naming re-plugged anyway.
 */

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

export interface Contract {
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  /** Query parameters, as the object schema that validates them (errors name the parameter). */
  query?: v.GenericSchema;
  /** The JSON body's schema (errors name the field by the schema's path). */
  body?: v.GenericSchema;
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

/** A contract with the route it is attached to: what the document and the tests read. */
export interface RouteDoc extends Contract {
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
    const path = spec.path ?? openApiPath(route.path);
    if (seen.has(`${method} ${path}`)) continue;
    seen.add(`${method} ${path}`);
    docs.push({ ...spec, method, path });
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
