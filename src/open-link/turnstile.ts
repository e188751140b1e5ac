/**
 * Cloudflare Turnstile, checked on the server: the widget's token alone proves nothing until
 * Siteverify confirms it. Deployments without TURNSTILE_SECRET_KEY (local runs) skip it.
 */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';
export const TURNSTILE_SCRIPT = `${TURNSTILE_ORIGIN}/turnstile/v0/api.js`;
export const SITEVERIFY_URL = `${TURNSTILE_ORIGIN}/turnstile/v0/siteverify`;

/** The form field the widget fills in. */
export const TURNSTILE_FIELD = 'cf-turnstile-response';

/** Cloudflare's documented upper bound for a token; anything longer is not one. */
const MAX_TOKEN_LENGTH = 2048;

export interface TurnstileCheck {
  secret: string;
  token: string;
  remoteIp?: string | undefined;
  fetcher?: typeof fetch;
}

/**
 * True only when Siteverify says so. An empty token, an unreachable Siteverify or an answer
 * that is not what it documents all count as "not verified": the form then simply asks again.
 */
export async function verifyTurnstile({ secret, token, remoteIp, fetcher = fetch }: TurnstileCheck): Promise<boolean> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return false;
  const body = new URLSearchParams({ secret, response: token });
  if (remoteIp) body.set('remoteip', remoteIp);
  try {
    const res = await fetcher(SITEVERIFY_URL, { method: 'POST', body });
    if (!res.ok) return false;
    const outcome = (await res.json()) as { success?: unknown };
    return outcome.success === true;
  } catch (error) {
    console.warn('turnstile siteverify unreachable', String((error as Error)?.message ?? error).slice(0, 200));
    return false;
  }
}
