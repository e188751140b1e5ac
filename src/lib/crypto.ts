/** Secrets and their hashes, on WebCrypto so the same code runs in the Worker, tests and scripts. */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A URL-safe secret of `bytes` random bytes (24 bytes = 192 bits for links, 32 for API keys). */
export function randomSecret(bytes = 24): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** `bytes` random bytes in hex: the shape of a SHA-256 hash, of nothing anybody knows. */
export function randomHex(bytes = 32): string {
  return hex(crypto.getRandomValues(new Uint8Array(bytes)).buffer);
}

/** Tokens and keys carry ≥ 128 random bits, so a plain SHA-256 is a sufficient stored form. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/**
 * Whether two secrets (tokens, MACs) are equal, in time independent of where they differ, so a
 * caller leaks no prefix: the platform's own constant-time comparison, the only one in Relais.
 */
export function sameText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  // workerd's own (Node's typings, which check the scripts, do not know it).
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean };
  return x.byteLength === y.byteLength && subtle.timingSafeEqual(x, y);
}

/** Personal links look like `/s/<token>`; anything else is rejected before touching D1. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

const b64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/**
 * An AES-GCM key derived by HKDF-SHA-256 from a secret (a Worker secret, or a personal link's
 * token: both carry enough entropy that no salt is needed); `info` separates the uses.
 */
export function sealingKey(secret: string, info: string): Promise<CryptoKey> {
  return hkdfKey(secret, info, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
}

/** A key for `usages` derived by HKDF-SHA-256 from `secret` with `info` (no salt: see sealingKey). */
async function hkdfKey(
  secret: string,
  info: string,
  algorithm: Parameters<SubtleCrypto['deriveKey']>[2],
  usages: Parameters<SubtleCrypto['deriveKey']>[4],
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
    base,
    algorithm,
    false,
    usages,
  );
}

/**
 * An HMAC-SHA-256 (hex) of `message` under a key derived by HKDF-SHA-256 from `secret` with
 * `info`, like sealingKey's: a keyed tag beside a sealed value from the same secret, with its
 * own key (another `info`), so neither tells anything about the other.
 */
export async function derivedHmacHex(secret: string, info: string, message: string): Promise<string> {
  const key = await hkdfKey(secret, info, { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/** `iv.ciphertext` in base64; `bound` is associated data: a sealed value moved to another row does not open. */
export async function seal(key: CryptoKey, bound: string, plain: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(bound) }, key, encoder.encode(plain));
  return `${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

/** The plain text, or null when the value is absent, malformed, or sealed under another key or row. */
export async function unseal(key: CryptoKey, bound: string, sealed: string | null | undefined): Promise<string | null> {
  if (!sealed) return null;
  const [iv, data] = sealed.split('.');
  if (!iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(iv), additionalData: encoder.encode(bound) }, key, unb64(data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
