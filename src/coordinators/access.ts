/**
 * Cloudflare Access as the coordinators' identity, where a deployment puts the workspace
 * behind Access (ACCESS_TEAM_DOMAIN + ACCESS_AUD). Access adds a signed JWT to every request
 * (`Cf-Access-Jwt-Assertion`); the Worker checks it itself — signature (RS256, the team's
 * published keys), issuer, audience, expiry — so a request that reached the Worker around
 * Access (e.g. on workers.dev) is refused: fail closed.
 *
 * The checks are written out here (RS256 with WebCrypto, ~40 lines) rather than Hono's
 * `verifyWithJwks`, whose every algorithm and error class weighed ~2 KiB gzip of the deploy
 * (issue 15); they are the same: one `kid`-named key of the team, `alg` RS256 (header and key),
 * `typ` JWT if present, no `crit`, the signature, then `exp` (required), `nbf`, `iat`, the
 * issuer and the audience (a string or one of a list).
 */

/** A key of the team's JWKS. */
type Jwk = JsonWebKey & { kid?: string };

export const ACCESS_HEADER = 'cf-access-jwt-assertion';

export interface AccessCheck {
  /** `https://<team>.cloudflareaccess.com` */
  issuer: string;
  audience: string;
  keys: readonly Jwk[];
}

type Json = Record<string, unknown>;

const base64url = (part: string) => Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

/** The header and payload of a compact JWS, or null if it is not one. */
function decodeJwt(token: string): { header: Json; payload: Json; signed: string; signature: Uint8Array } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return null;
  const [h = '', p = '', s = ''] = parts;
  const header: unknown = JSON.parse(new TextDecoder().decode(base64url(h)));
  const payload: unknown = JSON.parse(new TextDecoder().decode(base64url(p)));
  if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return null;
  return { header: header as Json, payload: payload as Json, signed: `${h}.${p}`, signature: base64url(s) };
}

/** Absent, or a finite number for which `ok` holds. */
const claimTime = (value: unknown, ok: (t: number) => boolean) =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value) && ok(value));

/** The e-mail of a valid Access token, or null for anything else (never throws). */
export async function verifyAccessJwt(token: string, check: AccessCheck): Promise<string | null> {
  if (token.length > 8192) return null;
  try {
    const jwt = decodeJwt(token);
    if (!jwt) return null;
    const { header, payload } = jwt;
    if (header.alg !== 'RS256' || typeof header.kid !== 'string' || 'crit' in header) return null;
    if (header.typ !== undefined && String(header.typ).toUpperCase() !== 'JWT') return null;
    const jwk = check.keys.find((k) => k.kid === header.kid);
    if (jwk?.kty !== 'RSA' || (jwk.alg !== undefined && jwk.alg !== 'RS256')) return null;
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: jwk.n, e: jwk.e },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, jwt.signature, new TextEncoder().encode(jwt.signed)))) return null;
    const now = Math.floor(Date.now() / 1000);
    // Access always sets `exp`, so a token without one is not Access's.
    if (typeof payload.exp !== 'number' || !claimTime(payload.exp, (t) => t > now)) return null;
    if (!claimTime(payload.nbf, (t) => t <= now) || !claimTime(payload.iat, (t) => t <= now)) return null;
    if (payload.iss !== check.issuer) return null;
    if (!(Array.isArray(payload.aud) ? payload.aud : [payload.aud]).includes(check.audience)) return null;
    return typeof payload.email === 'string' && payload.email.includes('@') ? payload.email.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The team's signing keys (`https://<team>/cdn-cgi/access/certs`), cached per isolate for an
 * hour: Access rotates them slowly. A token naming a key the cache does not hold fetches them
 * again (at most once a minute), so a rotation is picked up at once.
 */
const cache = new Map<string, { keys: Jwk[]; fetched: number }>();
const FRESH_MS = 3_600_000;
const REFETCH_AFTER_MS = 60_000;

async function fetchKeys(teamDomain: string): Promise<Jwk[]> {
  try {
    const res = await fetch(`https://${teamDomain}/cdn-cgi/access/certs`);
    if (!res.ok) return [];
    const body = (await res.json()) as { keys?: unknown };
    return Array.isArray(body.keys) ? (body.keys as Jwk[]) : [];
  } catch {
    return [];
  }
}

async function accessKeys(teamDomain: string, kid: string | undefined): Promise<Jwk[]> {
  const hit = cache.get(teamDomain);
  const age = hit ? Date.now() - hit.fetched : Number.POSITIVE_INFINITY;
  const known = hit?.keys.some((k) => k.kid === kid);
  if (hit && age < FRESH_MS && (known || age < REFETCH_AFTER_MS)) return hit.keys;
  const keys = await fetchKeys(teamDomain);
  // An outage keeps the keys we had rather than refusing everyone.
  if (keys.length || !hit) cache.set(teamDomain, { keys, fetched: Date.now() });
  return keys.length ? keys : (hit?.keys ?? []);
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
  let kid: unknown;
  try {
    kid = decodeJwt(header)?.header.kid;
  } catch {
    return null;
  }
  if (typeof kid !== 'string') return null;
  return verifyAccessJwt(header, { issuer: `https://${team}`, audience: env.ACCESS_AUD, keys: await accessKeys(team, kid) });
}
