import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with the real wrangler.toml bindings and a local D1 to which the
// real migrations are applied (test/setup.ts). Storage is isolated per test file.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  // Address-book files as their bytes (base64): Windows-1252 and UTF-16 must reach the tests
  // undecoded, which a module import would not do.
  const contactsDir = path.join(import.meta.dirname, 'test/fixtures/contacts');
  const contactFixtures = Object.fromEntries(
    readdirSync(contactsDir)
      .filter((f) => !f.endsWith('.mjs'))
      .map((f) => [f, readFileSync(path.join(contactsDir, f)).toString('base64')]),
  );
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            RESPONDENT_KEY: 'test-respondent-key-not-a-production-secret',
            SESSION_SECRET: 'test-session-secret-not-a-production-secret',
            PUBLIC_URL: 'https://relais.test',
            CONTACT_FIXTURES: contactFixtures,
          },
          // Webhook deliveries (the Worker's outbound fetches) reach a real local receiver.
          outboundService: 'webhook-receiver',
          workers: [
            { name: 'webhook-receiver', modules: true, scriptPath: './test/webhook-receiver.mjs', compatibilityDate: '2026-11-01' },
          ],
        },
      }),
    ],
    // wrangler.toml builds the Worker without the route contracts' docs (RELAIS_DOCS,
    // src/openapi/contract.ts), and the plugin above sets that define on the tests' global too:
    // the tests read the docs (documentedRoutes, the response schemas), so their code keeps them.
    define: { RELAIS_DOCS: 'true' },
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      // Generous limits for a loaded machine (files start a workerd each; beforeAll hooks make
      // dozens of requests): a test that hangs still fails, a slow machine does not. Tests do
      // not otherwise depend on time (injected clocks, windows checked: test/helpers.ts).
      testTimeout: 60_000,
      hookTimeout: 120_000,
      setupFiles: ['./test/setup.ts'],
      // Runs in Node: the OpenAPI validator reads its meta-schemas from disk.
      globalSetup: ['./test/openapi.global-setup.ts', './test/components-render.global-setup.ts', './test/docs-only.global-setup.ts'],
    },
  };
});
