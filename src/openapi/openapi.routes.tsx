/** The contract, served: the OpenAPI document and its human-readable reference page. Public: they hold no data. */
import { Hono } from 'hono';
import type { RouterRoute } from 'hono/types';
import type { AppEnv } from '../env.ts';
import { pageHeaders } from '../http/headers.ts';
import { html } from '../pages/layout.tsx';
import { contract } from './contract.ts';
import { openApiDocument } from './document.ts';
import { ReferencePage } from './reference-page.tsx';

/**
 * `appRoutes` gives the whole app's routes at request time (the app is not built yet when
 * this router is): the document describes the routes as they are mounted.
 */
export function openApiRoutes(appRoutes: () => readonly RouterRoute[]) {
  let cached: Record<string, unknown> | undefined;
  /** Built once per isolate: converting every schema on each request would spend CPU for nothing. */
  const document = () => {
    cached ??= openApiDocument(appRoutes());
    return cached;
  };
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      contract({ summary: 'This OpenAPI 3.1 document', tag: 'meta', auth: 'public', responses: { 200: { description: 'The document' } } }),
      (c) => c.json(document(), 200, { 'Cache-Control': 'public, max-age=300' }),
    )
    .get(
      '/docs',
      contract({
        summary: 'The API reference (HTML, generated from this document)',
        tag: 'meta',
        auth: 'public',
        responses: { 200: { description: 'An HTML page', type: 'text/html' } },
      }),
      pageHeaders,
      async (c) => c.html(await html(<ReferencePage doc={document()} />), 200, { 'Cache-Control': 'public, max-age=300' }),
    );
}
