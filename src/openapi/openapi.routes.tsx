/** The contract, served: the OpenAPI document and its human-readable reference page. Public: they hold no data. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { pageHeaders } from '../http/headers.ts';
import { html } from '../pages/layout.tsx';
import { openApiDocument } from './document.ts';
import { ReferencePage } from './reference-page.tsx';

let cached: Record<string, unknown> | undefined;
/** Built once per isolate: converting every schema on each request would spend CPU for nothing. */
const document = () => {
  cached ??= openApiDocument();
  return cached;
};

export const openApiRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(document(), 200, { 'Cache-Control': 'public, max-age=300' }))
  .get('/docs', pageHeaders, async (c) =>
    c.html(await html(<ReferencePage doc={document()} />), 200, { 'Cache-Control': 'public, max-age=300' }),
  );
