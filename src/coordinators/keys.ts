/** Coordinator API keys: shown once, stored as a hash. Shared by the Worker, the CLI and tests. */
import { randomSecret, sha256Hex } from '../lib/crypto.ts';

export const API_KEY_PREFIX = 'rlk_';

export async function newApiKey(): Promise<{ key: string; hash: string }> {
  const key = `${API_KEY_PREFIX}${randomSecret(32)}`;
  return { key, hash: await sha256Hex(key) };
}
