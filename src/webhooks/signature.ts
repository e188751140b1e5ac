/**
 * Webhook signatures: `Relais-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The timestamp is inside the MAC so a captured delivery cannot be replayed later than the
 * receiver's tolerance; `v1` leaves room for a second scheme during a key or hash change.
 */
import { hmacHex, randomSecret, sameText } from '../lib/crypto.ts';

export const SIGNATURE_HEADER = 'Relais-Signature';
export const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomSecret(32)}`;
}

export async function signatureHeader(secret: string, body: string, now: Date): Promise<string> {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

/** What a receiver does; kept here so the README's example and the tests share one reading. */
export async function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): Promise<boolean> {
  if (!header) return false;
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [k, v] = item.split('=', 2);
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  return (parts.get('v1') ?? []).some((candidate) => sameText(candidate, expected));
}
