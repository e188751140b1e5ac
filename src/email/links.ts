/**
 * Personal links kept sealed: AES-GCM under a key derived from SESSION_SECRET, so reminders
 * carry the link of the invitation, while D1 alone (a backup, an export) cannot open them.
 */
import { seal, sealingKey, unseal } from '../lib/crypto.ts';

const INFO = 'relais/personal-link/v1';

/** The invitation id is bound as associated data: a sealed link moved to another row fails. */
export async function sealToken(secret: string, invitationId: number, token: string): Promise<string> {
  return seal(await sealingKey(secret, INFO), String(invitationId), token);
}

export async function openSealedToken(secret: string, invitationId: number, sealed: string | null): Promise<string | null> {
  if (!sealed) return null;
  return unseal(await sealingKey(secret, INFO), String(invitationId), sealed);
}
