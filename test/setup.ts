import { applyD1Migrations, env } from 'cloudflare:test';
import { loadCatalogues } from '../src/i18n/catalogue.ts';

// Setup files run before each test file; applying is idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// The message catalogues, read through the ASSETS binding as the Worker does (src/index.ts):
// tests that render a page or an e-mail without a request need them too.
await loadCatalogues(env.ASSETS);
