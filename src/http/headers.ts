/** Response headers that every HTML page carries; personal-link pages add privacy ones. */
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/** No inline script or style anywhere: every page's CSS and JS are files under public/. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const pageHeaders = createMiddleware(async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  // A personal-link page has set a stricter policy already; keep it.
  if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'same-origin');
});

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

/**
 * Hono's secure-headers, reduced to what every response may carry without overriding a page's
 * own choices (its CSP and Referrer-Policy are set by pageHeaders and personalLinkHeaders).
 */
const transport = (hsts: boolean) =>
  secureHeaders({
    strictTransportSecurity: hsts ? HSTS : false,
    xContentTypeOptions: true,
    xFrameOptions: 'DENY',
    referrerPolicy: false,
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    overwrite: false,
  });
const remote = transport(true);
const local = transport(false);

/**
 * Whatever a coordinator or a participant is shown — the API with a key or a cookie, the
 * workspace, personal-link and open-link pages, their errors too — holds personal data or a
 * secret link and must not be kept by a browser's or a proxy's cache. Only the public contract
 * and the calendar feed (the subscriber's app polls it) may be cached.
 */
const PUBLIC_CACHEABLE = new Set(['/', '/api/health', '/api/openapi.json', '/api/docs']);
export const mustNotBeStored = (path: string) =>
  !PUBLIC_CACHEABLE.has(path) && !path.startsWith('/calendar/') && /^\/(api|app|s|o)(\/|$)/.test(path);

/** Registered first on the app, so it also sees the answers of onError and notFound. */
export const responseHeaders = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url);
  await (isLocalHost(url.hostname) ? local : remote)(c, next);
  if (mustNotBeStored(url.pathname)) c.header('Cache-Control', 'no-store');
});
