import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Env as RelaisEnv } from '../src/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends RelaisEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** test/fixtures/contacts/*, base64 (vitest.config.ts). */
      CONTACT_FIXTURES: Record<string, string>;
    }
  }
}
