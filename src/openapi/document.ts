/**
 * Builds the OpenAPI 3.1 document from the app's routes: each operation is the contract its
 * route declares (src/openapi/contract.ts), with the request and response schemas themselves.
 *
 * Built ahead of time, not by the Worker: test/openapi.global-setup.ts writes it, with its
 * reference page, to public/api/ (PUBLISHED), which the static-asset layer serves in front of
 * the Worker, and `npm test` fails when the committed files are not what the routes give. So
 * neither this builder nor @valibot/to-json-schema is in what `npm run deploy` ships (~7 KiB
 * gzip, issue 15), and no request spends CPU converting schemas.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { RouterRoute } from 'hono/types';
import type { GenericSchema } from 'valibot';
import { ProblemResponseSchema } from '../http/problem.ts';
import { documentedShape } from '../lib/schemas.ts';
import { type Docs, documentedRoutes, type RouteDoc } from './contract.ts';

type Json = Record<string, unknown>;

/**
 * The input side of a schema (what a client sends): conversion stops before transforms, and
 * checks JSON Schema cannot express (cross-field rules) are left to the 422 answer. Response
 * schemas are converted alike (they have no transforms to stop at).
 */
export function jsonSchema(schema: GenericSchema): Json {
  const { $schema: _, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    errorMode: 'ignore',
    // A value checked loosely here and precisely later is documented as what it must be (lib/schemas.ts).
    overrideSchema: ({ valibotSchema }) => {
      const shape = documentedShape(valibotSchema);
      return shape ? jsonSchema(shape) : undefined;
    },
  }) as Json;
  return rest;
}

/** Every error's body (4xx and 5xx), from the schema of src/http/problem.ts. */
const PROBLEM: Json = jsonSchema(ProblemResponseSchema);

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(route: RouteDoc): Json[] {
  const params: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'id' ? { type: 'integer', minimum: 1 } : { type: 'string', pattern: '^[A-Za-z0-9_-]{22,64}$' },
    description: name === 'id' ? 'Numeric id; ids of another organisation answer 404.' : 'The secret token of the link.',
  }));
  // Every coordinator write passes the idempotency middleware (src/app.tsx); others say so in their contract.
  if (route.idempotent ?? (route.auth === 'coordinator' && route.method !== 'get')) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      description:
        'Optional. A replay with the same key and body gets the first answer back (Idempotent-Replayed: true) where that answer holds no personal data or secret, and otherwise runs again (such routes are idempotent by themselves); the same key with another body answers 422; keys are kept a day (a participant’s until the end of the UTC day).',
    });
  }
  if (route.query) {
    const query = jsonSchema(route.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

/** `GET /api/series/{id}/sessions` → `getApiSeriesByIdSessions`: stable names for generated clients. */
export function operationId(route: Pick<RouteDoc, 'method' | 'path'>): string {
  const words = route.path
    .replace(/\{(\w+)\}/g, 'by-$1')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return route.method + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

function operation(route: RouteDoc): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const type = r.type ?? 'application/json';
    responses[status] =
      status === '204'
        ? { description: r.description }
        : Number(status) >= 400
          ? problemResponse(r.description)
          : {
              description: r.description,
              content: {
                [type]: r.schema ? { schema: jsonSchema(r.schema) } : {},
                // One media type per entry, so a generated client gets the JSON type; the text formats are strings.
                ...Object.fromEntries((r.also ?? []).map((other) => [other, { schema: { type: 'string' } }])),
              },
            };
  }
  // The errors every route of a kind can give (src/http/body.ts, idempotency.ts, link-guessing.ts).
  if (route.body || route.bodyTypes) {
    responses['400'] ??= problemResponse('Malformed JSON or invalid UTF-8');
    responses['413'] ??= problemResponse('Body too large');
    responses['415'] ??= problemResponse(
      route.bodyTypes ? 'Content-Type is not one of the listed media types' : 'Content-Type is not application/json',
    );
    responses['422'] = problemResponse('Invalid fields (each named in `errors`)');
  }
  if (route.auth === 'coordinator') responses['401'] = problemResponse('Missing or unknown API key');
  if (route.path.includes('{')) responses['404'] = problemResponse('No such resource (or not of your organisation)');
  if (route.idempotent ?? (route.auth === 'coordinator' && route.method !== 'get')) {
    responses['409'] ??= problemResponse('The first request with this Idempotency-Key is still running (Retry-After)');
  }
  if (route.auth === 'link') responses['429'] ??= problemResponse('Too many unknown links from this address (Retry-After)');
  responses.default = problemResponse('Any other error; a 503 says that nothing was changed and carries Retry-After');
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.auth === 'coordinator' ? [{ apiKey: [] }] : [],
    ...(parameters(route).length ? { parameters: parameters(route) } : {}),
    ...(route.body || route.bodyTypes
      ? {
          requestBody: {
            required: true,
            content: {
              ...(route.body ? { 'application/json': { schema: jsonSchema(route.body) } } : {}),
              // Files sent as they are (an address book in any encoding): bytes, not JSON.
              ...Object.fromEntries((route.bodyTypes ?? []).map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
            },
          },
        }
      : {}),
    responses,
  };
}

/** What each tag groups, for the reference page and generated clients. */
const TAGS: Record<string, string> = {
  meta: 'The service itself: health, this document and its reference page.',
  series: 'Series of thematic concertations: the unit a minimum group size and participation belong to.',
  themes: "A series' themes, which options of survey questions can refer to.",
  sessions: 'The sessions of a series, each with its pre and post surveys.',
  surveys: 'Surveys: questions, opening and closing.',
  invitations: 'Personal links and the open link of a survey.',
  participants: 'What a participant does with a personal link: read the survey and answer it.',
  results: 'Results and the session brief, through the disclosure gate.',
  export: "The series' data as one document, for archiving or a move.",
  webhooks: 'Webhook endpoints and their deliveries.',
  calendar: 'Calendar feeds of the sessions.',
  workspace: "The coordinator workspace's own JSON calls.",
  contacts: "A series' directory of contacts, invitations from it and who attended a session.",
  team: 'The coordinators of your organisation.',
};

/** The contract's own two URLs: static files (public/api/), so documented here rather than on a route of the app. */
export const PUBLISHED = {
  '/api/openapi.json': 'public/api/openapi.json',
  '/api/docs': 'public/api/docs.html',
} as const;

const PUBLISHED_CONTRACTS: Record<keyof typeof PUBLISHED, Docs> = {
  '/api/openapi.json': {
    summary: 'This OpenAPI 3.1 document',
    tag: 'meta',
    auth: 'public',
    responses: { 200: { description: 'The document' } },
  },
  '/api/docs': {
    summary: 'The API reference (HTML, generated from this document)',
    tag: 'meta',
    auth: 'public',
    responses: { 200: { description: 'An HTML page', type: 'text/html' } },
  },
};

/**
 * Every documented operation: the app's routes, with the contract's own two files placed
 * where their router was mounted (after the public routes, before the coordinator API).
 */
export function documentRoutes(appRoutes: readonly RouterRoute[]): RouteDoc[] {
  const list = documentedRoutes(appRoutes);
  const published = Object.entries(PUBLISHED_CONTRACTS).map(([path, spec]): RouteDoc => ({ ...spec, method: 'get', path }));
  const at = list.findIndex((r) => r.auth === 'coordinator');
  list.splice(at < 0 ? list.length : at, 0, ...published);
  return list;
}

export function openApiDocument(appRoutes: readonly RouterRoute[]): Json {
  const list = documentRoutes(appRoutes);
  const paths: Record<string, Json> = {};
  for (const route of list) {
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relais API',
      version: '1',
      description:
        "Survey backend of the concertations thématiques of Brussels' social-health networks. Coordinator routes take `Authorization: Bearer <key>` and see only their organisation; errors are `application/problem+json`.",
    },
    servers: [{ url: '/' }],
    tags: [...new Set(list.map((r) => r.tag))].map((name) => ({ name, ...(TAGS[name] ? { description: TAGS[name] } : {}) })),
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A coordinator API key (`rlk_…`).' } },
    },
  };
}
