/** The address-book files of test/fixtures/contacts, as their bytes (vitest.config.ts passes them base64). */
import { env } from '../helpers.ts';

export const fixture = (name: string) => Uint8Array.from(atob(env.CONTACT_FIXTURES[name] ?? ''), (c) => c.charCodeAt(0));
