/**
 * Cloudflare Access as the coordinators' identity, where a deployment puts the workspace
 * behind Access (ACCESS_TEAM_DOMAIN + ACCESS_AUD). Access adds a signed JWT to every request
 * (`Cf-Access-Jwt-Assertion`); the Worker checks it itself — signature (RS256, the team's
 * published keys), issuer, audience, expiry — so a request that reached the Worker around
 * Access (e.g. on workers.dev) is refused: fail closed.
 *
 * The JWT checks are Hono's (`verifyWithJwks`). Not its `jwk` middleware: that one reads a
 * `Bearer` Authorization header and answers its own 401, while Access sends the bare token in
 * its own header and each caller here refuses in its own way (problem+json, a sign-in page).
 */
import { decode, verifyWithJwks } from 'hono/jwt';

/** A key of the team's JWKS. */
type HonoJsonWebKey = JsonWebKey & { kid?: string };

export const ACCESS_HEADER = 'cf-access-jwt-assertion';

export interface AccessCheck {
  /** `https://<team>.cloudflareaccess.com` */
  issuer: string;
  audience: string;
  keys: readonly HonoJsonWebKey[];
}

/** The e-mail of a valid Access token, or null for anything else (never throws). */
export async function verifyAccessJwt(token: string, check: AccessCheck): Promise<string | null> {
  if (token.length > 8192) return null;
  try {
    const payload = await verifyWithJwks(token, {
      keys: [...check.keys],
      allowedAlgorithms: ['RS256'],
      verification: { iss: check.issuer, aud: check.audience },
    });
    // Hono checks `exp` when present; Access always sets it, so a token without one is not Access's.
    if (typeof payload.exp !== 'number') return null;
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
const cache = new Map<string, { keys: HonoJsonWebKey[]; fetched: number }>();
const FRESH_MS = 3_600_000;
const REFETCH_AFTER_MS = 60_000;

async function fetchKeys(teamDomain: string): Promise<HonoJsonWebKey[]> {
  try {
    const res = await fetch(`https://${teamDomain}/cdn-cgi/access/certs`);
    if (!res.ok) return [];
    const body = (await res.json()) as { keys?: unknown };
    return Array.isArray(body.keys) ? (body.keys as HonoJsonWebKey[]) : [];
  } catch {
    return [];
  }
}

async function accessKeys(teamDomain: string, kid: string | undefined): Promise<HonoJsonWebKey[]> {
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
  let kid: string | undefined;
  try {
    kid = decode(header).header.kid;
  } catch {
    return null;
  }
  return verifyAccessJwt(header, { issuer: `https://${team}`, audience: env.ACCESS_AUD, keys: await accessKeys(team, kid) });
}
