/**
 * Webhook signing secrets at rest: sealed (AES-GCM) under a key derived from SESSION_SECRET, a
 * Worker secret D1 never holds, so a database export or backup does not let anyone forge
 * Relais-Signature. The secret is shown once at creation and opened only to sign a delivery.
 */
import type { Env } from '../env.ts';
import { seal, sealingKey, unseal } from '../lib/crypto.ts';
import { legacySecrets, storeSealedSecrets } from './webhooks.queries.ts';

const PURPOSE = 'relais/webhook-secret/v1';

/**
 * Bound as associated data: a sealed secret copied onto another series' endpoint, or one
 * aimed elsewhere, does not open (endpoints' series and URL never change).
 */
const context = (seriesId: number, url: string) => `${seriesId}\n${url}`;

export async function sealWebhookSecret(sessionSecret: string, seriesId: number, url: string, secret: string): Promise<string> {
  return seal(await sealingKey(sessionSecret, PURPOSE), context(seriesId, url), secret);
}

export async function openWebhookSecret(sessionSecret: string, seriesId: number, url: string, sealed: string): Promise<string | null> {
  return unseal(await sealingKey(sessionSecret, PURPOSE), context(seriesId, url), sealed);
}

/** Endpoints sealed per cron tick; sealing is cheap, the bound keeps one UPDATE's JSON small. */
const LEGACY_PER_TICK = 100;

/**
 * Seals the secrets of endpoints created before sealing existed. A migration cannot call
 * WebCrypto, so migrations/0014 only adds the column and the first cron tick after a deploy
 * does this (one query when nothing is left). Until then a delivery signs with the plaintext.
 */
export async function sealLegacySecrets(env: Env): Promise<number> {
  if (!env.SESSION_SECRET) return 0;
  const rows = await legacySecrets(env.DB, LEGACY_PER_TICK);
  if (rows.length === 0) return 0;
  const key = env.SESSION_SECRET;
  const sealed = await Promise.all(
    rows.map(async (r) => ({ id: r.id, sealed: await sealWebhookSecret(key, r.series_id, r.url, r.secret) })),
  );
  await storeSealedSecrets(env.DB, sealed);
  return sealed.length;
}
