/**
 * Personal links kept sealed: AES-GCM under a key derived from SESSION_SECRET, so reminders
 * carry the link of the invitation, while D1 alone (a backup, an export) cannot open them.
 */
import { Problem } from '../http/problem.ts';
import { randomSecret, seal, sealingKey, sha256Hex, unseal } from '../lib/crypto.ts';

const INFO = 'relais/personal-link/v1';

/**
 * The link-sealing key, derived once per isolate (again if the secret changes): inviting 500
 * people seals 500 links and opens as many, and an HKDF derivation per link cost as much CPU
 * as the sealing itself.
 */
let linkKey: { secret: string; key: Promise<CryptoKey> } | null = null;
function linkSealingKey(secret: string): Promise<CryptoKey> {
  if (linkKey?.secret !== secret) {
    const key = sealingKey(secret, INFO);
    linkKey = { secret, key };
    // A failed derivation is not kept: the next call tries again.
    key.catch(() => {
      if (linkKey?.key === key) linkKey = null;
    });
  }
  return linkKey.key;
}

/** The invitation id is bound as associated data: a sealed link moved to another row fails. */
export async function sealToken(secret: string, invitationId: number, token: string): Promise<string> {
  return seal(await linkSealingKey(secret), String(invitationId), token);
}

export async function openSealedToken(secret: string, invitationId: number, sealed: string | null): Promise<string | null> {
  if (!sealed) return null;
  return unseal(await linkSealingKey(secret), String(invitationId), sealed);
}

/** The secret that seals personal links; a deployment without it refuses to issue any (503). */
export function sealingSecret(env: { SESSION_SECRET?: string }): string {
  if (!env.SESSION_SECRET) {
    throw new Problem(503, 'session-secret-missing', 'Sealing not configured', {
      detail: 'Personal links need the SESSION_SECRET secret (wrangler secret put SESSION_SECRET). Nothing was issued.',
    });
  }
  return env.SESSION_SECRET;
}

/**
 * A new personal link for an invitation: the token (to hand out once), its hash (which
 * opens the survey) and its seal (so that later sends reuse this same link).
 */
export async function issueLink(secret: string, invitationId: number) {
  const token = randomSecret(24);
  return { id: invitationId, token, token_hash: await sha256Hex(token), link_sealed: await sealToken(secret, invitationId, token) };
}

/** The live token of an invitation: its seal opened and matching the stored hash, else null. */
export async function liveToken(secret: string, row: { id: number; link_sealed: string | null; token_hash: string }) {
  const opened = await openSealedToken(secret, row.id, row.link_sealed);
  return opened && (await sha256Hex(opened)) === row.token_hash ? opened : null;
}
