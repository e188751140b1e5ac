/**
 * Browser sessions of coordinators: a random id in an HttpOnly cookie, signed with the
 * SESSION_SECRET Worker secret (Hono's signed cookies: a forged cookie is refused before D1 is
 * read), stored as a hash with its CSRF synchroniser token. Without the secret, cookie sign-in
 * is refused.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv, Coordinator } from '../env.ts';
import { Problem } from '../http/problem.ts';
import { hmacHex, randomSecret, sameText, sha256Hex } from '../lib/crypto.ts';
import { deleteWebSession, insertWebSession, webSession } from './coordinators.queries.ts';

export const SESSION_COOKIE = 'relais_session';
const LIFETIME_HOURS = 12;

/** Secure everywhere except a plain-HTTP localhost, where browsers would drop the cookie. */
function secureCookie(url: string): boolean {
  const u = new URL(url);
  return !(u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
}

export function sessionSecret(secret: string | undefined): string {
  if (!secret || secret.length < 16) {
    throw new Problem(503, 'sign-in-not-configured', 'Sign-in not configured', {
      detail: 'Browser sign-in needs the SESSION_SECRET secret (wrangler secret put SESSION_SECRET).',
    });
  }
  return secret;
}

/**
 * The cookie is signed under a key of its own, derived from SESSION_SECRET, so that no other
 * HMAC Relais computes with that secret (form tokens, sealed links) can ever pass for a cookie.
 */
const cookieKey = (secret: string) => hmacHex(secret, 'relais session cookie/v2');

async function cookieId(c: Context<AppEnv>): Promise<string | null> {
  if (!c.env.SESSION_SECRET) return null;
  const id = await getSignedCookie(c, await cookieKey(c.env.SESSION_SECRET), SESSION_COOKIE);
  return typeof id === 'string' && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : null;
}

/** A new session's secrets: the id goes into the cookie, its hash and CSRF token into D1. */
export async function newWebSession() {
  const id = randomSecret(32);
  const expires = new Date(Date.now() + LIFETIME_HOURS * 3_600_000);
  return { id, idHash: await sha256Hex(id), csrfToken: randomSecret(32), expires, expiresAt: expires.toISOString() };
}

/** Hands the browser the signed cookie of a session stored already. */
export async function setSessionCookie(c: Context<AppEnv>, session: { id: string; expires: Date }) {
  const secret = sessionSecret(c.env.SESSION_SECRET);
  await setSignedCookie(c, SESSION_COOKIE, session.id, await cookieKey(secret), {
    httpOnly: true,
    secure: secureCookie(c.req.url),
    sameSite: 'Lax',
    path: '/',
    expires: session.expires,
  });
}

export async function startWebSession(c: Context<AppEnv>, coordinator: Coordinator) {
  sessionSecret(c.env.SESSION_SECRET);
  const session = await newWebSession();
  await insertWebSession(c.env.DB, session.idHash, coordinator.id, session.csrfToken, session.expiresAt).run();
  await setSessionCookie(c, session);
}

/** The signed-in coordinator of this request's cookie, with the session's CSRF token. */
export async function currentWebSession(c: Context<AppEnv>) {
  const id = await cookieId(c);
  if (!id) return null;
  return webSession(c.env.DB, await sha256Hex(id));
}

export async function endWebSession(c: Context<AppEnv>) {
  const id = await cookieId(c);
  if (id) await deleteWebSession(c.env.DB, await sha256Hex(id)).run();
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c.req.url) });
}

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const csrfRefused = () =>
  new Problem(403, 'csrf', 'Forbidden', {
    detail: 'This change needs the form token of your signed-in session. Reload the page and try again.',
    errors: [{ field: CSRF_FIELD, message: 'missing or wrong token' }],
  });

/**
 * CSRF before a session exists (the sign-in forms): a random nonce in a cookie of our own
 * origin, and in the form its HMAC under SESSION_SECRET. A page elsewhere can neither read
 * the cookie nor compute the HMAC, so it cannot post a sign-in in the victim's browser
 * (login CSRF: signing the victim into an account the attacker reads). `__Host-` keeps a
 * sibling subdomain from planting its own cookie; plain-HTTP localhost cannot have it.
 */
const PRE_SESSION_COOKIE = 'relais_pre';
const preSessionCookie = (url: string) => (secureCookie(url) ? `__Host-${PRE_SESSION_COOKIE}` : PRE_SESSION_COOKIE);

function preSessionNonce(c: Context<AppEnv>): string | null {
  const value = getCookie(c, preSessionCookie(c.req.url));
  return value && /^[A-Za-z0-9_-]{22,64}$/.test(value) ? value : null;
}

/** The form token of this browser's pre-session nonce, setting the nonce when it has none. */
export async function preSessionToken(c: Context<AppEnv>): Promise<string> {
  if (!c.env.SESSION_SECRET) return '';
  let nonce = preSessionNonce(c);
  if (!nonce) {
    nonce = randomSecret(24);
    setCookie(c, preSessionCookie(c.req.url), nonce, {
      httpOnly: true,
      secure: secureCookie(c.req.url),
      sameSite: 'Strict',
      path: '/',
      maxAge: 86_400,
    });
  }
  return hmacHex(c.env.SESSION_SECRET, `pre-session:${nonce}`);
}

export async function preSessionTokenValid(c: Context<AppEnv>, token: string): Promise<boolean> {
  const nonce = preSessionNonce(c);
  if (!nonce || !c.env.SESSION_SECRET) return false;
  return sameText(token, await hmacHex(c.env.SESSION_SECRET, `pre-session:${nonce}`));
}

/**
 * A request another site made the browser send. `Sec-Fetch-Site`, which no page can forge,
 * decides where the browser sends it; only where it is missing (an old browser) does `Origin`
 * decide. Not the reverse: under `Referrer-Policy: no-referrer` (the link's confirmation page)
 * a browser sends `Origin: null` even for a form posted to its own origin. A request with
 * neither (curl, a script) is left to the form token.
 */
export function crossSiteRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== new URL(c.req.url).origin;
}
