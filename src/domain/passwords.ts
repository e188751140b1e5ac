/**
 * Coordinator passwords: PBKDF2-SHA256 on WebCrypto, so the Worker, the CLI and the tests
 * hash alike. The Workers runtime refuses more than 100 000 iterations, hence that cost;
 * the stored string names its parameters so a later cost can coexist with older hashes.
 */
const encoder = new TextEncoder();
export const PBKDF2_ITERATIONS = 100_000;
const PREFIX = 'pbkdf2-sha256';

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Long enough to resist guessing once slowed; no composition rules (they do not help). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${PREFIX}$${iterations}$${toBase64url(salt)}$${toBase64url(await derive(password, salt, iterations))}`;
}

/** Constant-time for equal lengths: a mismatch position must not show in the timing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return false;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
  try {
    const expected = fromBase64url(parts[3] ?? '');
    return sameBytes(await derive(password, fromBase64url(parts[2] ?? ''), iterations), expected);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the e-mail is unknown, so that an unknown address costs the
 * same time as a wrong password and does not reveal who has an account.
 */
export const DUMMY_HASH = `${PREFIX}$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
