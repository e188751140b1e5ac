/**
 * Personal links kept sealed: AES-GCM under a key derived from SESSION_SECRET, so reminders
 * carry the link of the invitation, while D1 alone (a backup, an export) cannot open them.
 */
const encoder = new TextEncoder();

async function sealingKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('relais/personal-link/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** The invitation id is bound as associated data: a sealed link moved to another row fails. */
export async function sealToken(secret: string, invitationId: number, token: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(String(invitationId)) },
    await sealingKey(secret),
    encoder.encode(token),
  );
  return `${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

export async function openSealedToken(secret: string, invitationId: number, sealed: string | null): Promise<string | null> {
  if (!sealed) return null;
  const [iv, data] = sealed.split('.');
  if (!iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: unb64(iv), additionalData: encoder.encode(String(invitationId)) },
      await sealingKey(secret),
      unb64(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
