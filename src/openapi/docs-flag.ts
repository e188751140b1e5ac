/**
 * RELAIS_DOCS: whether the OpenAPI material (route contracts' docs, response schemas) is in the
 * code, a constant replaced where code is built: false in the deployed Worker (wrangler.toml
 * `define`), true in the tests (vitest.config.ts). See src/openapi/contract.ts.
 *
 * Every module that reads it at its top level imports this one (no imports of its own, so it
 * runs before them): where nothing defines it (Node: the document's generation in
 * test/openapi.global-setup.ts), it is set to true here. In a build that defines it, the test is
 * a constant and nothing is left.
 */
declare global {
  const RELAIS_DOCS: boolean;
}

if (typeof RELAIS_DOCS === 'undefined') (globalThis as { RELAIS_DOCS?: boolean }).RELAIS_DOCS = true;

export {};
