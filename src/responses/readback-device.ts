/**
 * The device that answered an anonymous survey. The coordinator holds every personal link
 * (the API answers it at invitation, the workspace's links CSV lists it, links stay alive), so
 * a read-back bound to the link alone is a read-back to the coordinator. An anonymous
 * submission therefore also binds its read-back to a random device secret kept in an HttpOnly
 * cookie of the browser (or JSON client) that submitted: the link without that cookie opens an
 * empty form. Cookies only: it works with JavaScript off.
 *
 * The cookie's name is derived from the token (not the token itself, nor its stored hash), so
 * several links on one browser keep their own secrets and the name tells nothing about D1.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isLocalHost } from '../http/headers.ts';
import { hmacHex, randomSecret, TOKEN_PATTERN } from '../lib/crypto.ts';

/** 24 random bytes, base64url. */
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** Long enough to come back and change one's answers during a series' season. */
const MAX_AGE = 180 * 86_400;

async function cookieName(token: string): Promise<string> {
  return `rb_${(await hmacHex(token, 'relais readback device cookie/v1')).slice(0, 16)}`;
}

/** The device secret this request carries for this link, if any (a malformed value counts as none). */
export async function deviceOf(c: Context, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const value = getCookie(c, await cookieName(token));
  return value && DEVICE_PATTERN.test(value) ? value : null;
}

export const newDevice = (): string => randomSecret(24);

/** Secure everywhere except a plain-HTTP localhost, where browsers would drop the cookie. */
export async function rememberDevice(c: Context, token: string, device: string): Promise<void> {
  const url = new URL(c.req.url);
  setCookie(c, await cookieName(token), device, {
    path: '/',
    httpOnly: true,
    secure: !(url.protocol === 'http:' && isLocalHost(url.hostname)),
    sameSite: 'Lax',
    maxAge: MAX_AGE,
  });
}
