/**
 * Cloudflare Access as the coordinators' identity, where a deployment puts the workspace
 * behind Access (ACCESS_TEAM_DOMAIN + ACCESS_AUD). Access adds a signed JWT to every request
 * (`Cf-Access-Jwt-Assertion`); the Worker checks it itself — signature (RS256, the team's
 * published keys), issuer, audience, expiry — so a request that reached the Worker around
 * Access (e.g. on workers.dev) is refused: fail closed.
 */
export const ACCESS_HEADER = 'cf-access-jwt-assertion';

interface AccessJwk extends JsonWebKey {
  kid?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (ch) => ch.charCodeAt(0));
}

function json(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value = JSON.parse(decoder.decode(base64urlBytes(part)));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface AccessCheck {
  /** `https://<team>.cloudflareaccess.com` */
  issuer: string;
  audience: string;
  keys: readonly AccessJwk[];
  now?: Date;
}

/** The e-mail of a valid Access token, or null for anything else (never throws). */
export async function verifyAccessJwt(token: string, check: AccessCheck): Promise<string | null> {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) return null;
  const [h, p, s] = parts as [string, string, string];
  const header = json(h);
  const payload = json(p);
  if (!header || !payload || header.alg !== 'RS256') return null;
  const jwk = check.keys.find((k) => k.kid === header.kid && k.kty === 'RSA');
  if (!jwk) return null;
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64urlBytes(s), encoder.encode(`${h}.${p}`)))) return null;
  } catch {
    return null;
  }
  const now = Math.floor((check.now ?? new Date()).getTime() / 1000);
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.iss !== check.issuer || !aud.includes(check.audience)) return null;
  if (typeof payload.exp !== 'number' || payload.exp <= now) return null;
  if (typeof payload.nbf === 'number' && payload.nbf > now + 60) return null;
  return typeof payload.email === 'string' && payload.email.includes('@') ? payload.email.toLowerCase() : null;
}

/** The team's signing keys, cached per isolate for an hour (Access rotates them slowly). */
const cache = new Map<string, { keys: AccessJwk[]; until: number }>();

export function primeAccessKeys(teamDomain: string, keys: AccessJwk[], ttlMs = 3_600_000) {
  cache.set(teamDomain, { keys, until: Date.now() + ttlMs });
}

export async function accessKeys(teamDomain: string): Promise<AccessJwk[]> {
  const hit = cache.get(teamDomain);
  if (hit && hit.until > Date.now()) return hit.keys;
  const res = await fetch(`https://${teamDomain}/cdn-cgi/access/certs`);
  if (!res.ok) return [];
  const body = (await res.json()) as { keys?: AccessJwk[] };
  const keys = Array.isArray(body.keys) ? body.keys : [];
  primeAccessKeys(teamDomain, keys);
  return keys;
}

export interface AccessSettings {
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
}

export const accessConfigured = (env: AccessSettings) => Boolean(env.ACCESS_TEAM_DOMAIN || env.ACCESS_AUD);

/** The Access identity of a request; null when the token is missing or not valid. */
export async function accessIdentity(env: AccessSettings, header: string | undefined): Promise<string | null> {
  // Half a configuration is a mistake: refuse rather than guess.
  if (!env.ACCESS_TEAM_DOMAIN || !env.ACCESS_AUD || !header) return null;
  const team = env.ACCESS_TEAM_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return verifyAccessJwt(header, { issuer: `https://${team}`, audience: env.ACCESS_AUD, keys: await accessKeys(team) });
}
