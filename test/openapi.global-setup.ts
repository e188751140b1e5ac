/**
 * Checks the OpenAPI document in Node, where the tools can read their bundled files (inside
 * workerd they cannot reach the disk):
 * - @seriousme/openapi-schema-validator: the document is valid OpenAPI 3.1;
 * - @redocly/openapi-core's `recommended` ruleset: an independent linter (built-in rules only,
 *   no remote ruleset, nothing fetched) must find no error.
 * It also generates the typed client's paths (openapi-typescript) and compares them with the
 * committed test/client/relais-api.d.ts, which test/client.test.ts type-checks and runs:
 * `UPDATE_CLIENT=1 npx vitest run test/openapi.test.ts` rewrites it after a contract change.
 * The document is served as a static file, not built by the Worker: this setup renders it and
 * its reference page and compares them with the committed public/api/openapi.json and
 * public/api/docs.html (src/openapi/document.ts, PUBLISHED); the same `UPDATE_CLIENT=1` run
 * rewrites them. The document, the page and the verdicts are handed to test/openapi.test.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { TestProject } from 'vitest/node';
import { catalogueJson } from '../scripts/i18n.ts';
import { app } from '../src/app.tsx';
import { installCatalogues } from '../src/i18n/catalogue.ts';
import { openApiDocument, PUBLISHED } from '../src/openapi/document.ts';
import { referencePage } from '../src/openapi/reference-page.tsx';

/** Lint problems as `severity rule at pointer: message`, errors and warnings apart. */
async function lint(document: object) {
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config: await createConfig({ extends: ['recommended'] }),
  });
  const describe = (p: (typeof problems)[number]) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`;
  return {
    errors: problems.filter((p) => p.severity === 'error').map(describe),
    warnings: problems.filter((p) => p.severity === 'warn').map(describe),
  };
}

const CLIENT = `${import.meta.dirname}/client/relais-api.d.ts`;

/** Whether the committed client types are what the document generates now (rewritten on request). */
async function clientIsFresh(document: object): Promise<boolean> {
  const header = '// Generated from GET /api/openapi.json by openapi-typescript (test/openapi.global-setup.ts). Do not edit.\n';
  const fresh = header + astToString(await openapiTS(document as OpenAPI3));
  if (process.env.UPDATE_CLIENT) await writeFile(CLIENT, fresh);
  const committed = await readFile(CLIENT, 'utf8').catch(() => '');
  return committed === fresh;
}

const ROOT = `${import.meta.dirname}/..`;

/** Whether the committed file is `fresh` (rewritten on request, like the client). */
async function publishedIsFresh(file: string, fresh: string): Promise<boolean> {
  if (process.env.UPDATE_CLIENT) await writeFile(`${ROOT}/${file}`, fresh);
  return (await readFile(`${ROOT}/${file}`, 'utf8').catch(() => '')) === fresh;
}

export default async function setup(project: TestProject) {
  // The reference page's layout speaks the catalogues' words, which the Worker reads through
  // ASSETS; here they are built from their sources, as `npm run assets` writes them.
  installCatalogues(await catalogueJson());
  const document = openApiDocument(app.routes);
  // Exactly the bytes the Worker used to answer (c.json): compact, no final newline.
  const json = JSON.stringify(document);
  const page = await referencePage(document);
  const result = await new Validator().validate(document);
  // A deliberately broken copy must fail, or a validator that accepts anything would pass.
  const broken = await new Validator().validate({ ...document, info: {} });
  const lintResult = await lint(document);
  // The linter too must see a broken copy (an operation answering no response at all).
  const brokenLint = await lint({ ...document, paths: { '/x': { get: { operationId: 'x', responses: {} } } } });
  project.provide('openapi', {
    document: json,
    page,
    publishedFresh: {
      [PUBLISHED['/api/openapi.json']]: await publishedIsFresh(PUBLISHED['/api/openapi.json'], json),
      [PUBLISHED['/api/docs']]: await publishedIsFresh(PUBLISHED['/api/docs'], page),
    },
    headersFile: await readFile(`${ROOT}/public/_headers`, 'utf8'),
    wranglerToml: await readFile(`${ROOT}/wrangler.toml`, 'utf8'),
    valid: result.valid,
    errors: JSON.stringify(result.errors ?? null),
    brokenValid: broken.valid,
    lintErrors: lintResult.errors,
    lintWarnings: lintResult.warnings,
    brokenLintErrors: brokenLint.errors.length,
    clientFresh: await clientIsFresh(document),
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    openapi: {
      document: string;
      /** The reference page (public/api/docs.html) rendered from `document`. */
      page: string;
      /** Committed file under public/api/ → whether it is what the routes give now. */
      publishedFresh: Record<string, boolean>;
      /** public/_headers and wrangler.toml, which say how the static files are served. */
      headersFile: string;
      wranglerToml: string;
      valid: boolean;
      errors: string;
      brokenValid: boolean;
      lintErrors: string[];
      lintWarnings: string[];
      brokenLintErrors: number;
      clientFresh: boolean;
    };
  }
}
