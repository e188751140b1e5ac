/** Response headers that every HTML page carries; personal-link pages add privacy ones. */
import { createMiddleware } from 'hono/factory';

/** A Content-Security-Policy as directives (camelCase) and their sources. */
type ContentSecurityPolicyOptions = Record<string, readonly string[]>;

/**
 * No inline script or style anywhere: every page's CSS and JS are files under public/. A page
 * that needs more (the open link's Turnstile widget) widens a copy with `pagePolicy`.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies ContentSecurityPolicyOptions;

const policy = (directives: ContentSecurityPolicyOptions) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; ');

/** The header as browsers receive it (tests compare with it). */
export const CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES);

/**
 * Sets `headers` on the answer once the handler has given it, except those it already carries:
 * the innermost choice wins (a personal-link page's stricter Referrer-Policy, the Turnstile
 * page's wider CSP). What Hono's secure-headers did with `overwrite: false`, in a few lines
 * rather than its ~1 KiB gzip of options never used (issue 15).
 */
const headersAfter = (headers: readonly (readonly [string, string])[]) =>
  createMiddleware(async (c, next) => {
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });

/** A page's policy: `directives` replaces the default CSP (the open link's Turnstile page). */
export const pagePolicy = (directives: ContentSecurityPolicyOptions = CSP_DIRECTIVES) =>
  headersAfter([
    // A personal-link page has set a stricter policy already (personalLinkHeaders); keep it.
    ['Referrer-Policy', 'same-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Content-Security-Policy', policy(directives)],
  ]);

export const pageHeaders = pagePolicy();

/** A personal link is a secret: it must not leak through Referer, caches or search engines. */
export const personalLinkHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
});

/** Two years, subdomains included: Relais is only ever served over https. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** A developer's machine answers plain http; HSTS there would pin localhost to https in their browser. */
export const isLocalHost = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/** What every response may carry without overriding a page's own choices (pageHeaders, personalLinkHeaders). */
const transport = (hsts: boolean) =>
  headersAfter([
    ...(hsts ? [['Strict-Transport-Security', HSTS] as const] : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
  ]);
const remote = transport(true);
const local = transport(false);

/**
 * Whatever a coordinator or a participant is shown — the API with a key or a cookie, the
 * workspace, personal-link and open-link pages, their errors too — holds personal data or a
 * secret link and must not be kept by a browser's or a proxy's cache. Only the home page, the
 * health check and the calendar feed (the subscriber's app polls it) may be cached (the public
 * contract, /api/openapi.json and /api/docs, is static files with headers of public/_headers).
 */
const PUBLIC_CACHEABLE = new Set(['/', '/api/health']);
export const mustNotBeStored = (path: string) =>
  !PUBLIC_CACHEABLE.has(path) && !path.startsWith('/calendar/') && /^\/(api|app|s|o)(\/|$)/.test(path);

/** Registered first on the app, so it also sees the answers of onError and notFound. */
export const responseHeaders = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url);
  await (isLocalHost(url.hostname) ? local : remote)(c, next);
  if (mustNotBeStored(url.pathname)) c.header('Cache-Control', 'no-store');
});
