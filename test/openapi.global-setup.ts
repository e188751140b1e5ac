/**
 * Validates the OpenAPI document with @seriousme/openapi-schema-validator in Node, where the
 * validator can read its bundled meta-schemas (inside workerd it cannot reach the disk).
 * The document and the verdict are handed to test/openapi.test.ts, which also checks that the
 * Worker serves this very document.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { TestProject } from 'vitest/node';
import { app } from '../src/app.tsx';
import { openApiDocument } from '../src/openapi/document.ts';

export default async function setup(project: TestProject) {
  const document = openApiDocument(app.routes);
  const result = await new Validator().validate(document);
  // A deliberately broken copy must fail, or a validator that accepts anything would pass.
  const broken = await new Validator().validate({ ...document, info: {} });
  project.provide('openapi', {
    document: JSON.stringify(document),
    valid: result.valid,
    errors: JSON.stringify(result.errors ?? null),
    brokenValid: broken.valid,
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    openapi: { document: string; valid: boolean; errors: string; brokenValid: boolean };
  }
}
