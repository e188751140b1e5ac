/** Response headers that every HTML page carries; personal-link pages add privacy ones. */
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/** Hono does not export the type of its CSP option; this is it. */
type ContentSecurityPolicyOptions = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/**
 * No inline script or style anywhere: every page's CSS and JS are files under public/. The
 * directives as Hono's secure-headers takes them; a page that needs more (the open link's
 * Turnstile widget) widens a copy with `pagePolicy`.
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

/** The header as browsers receive it (tests compare with it). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${sources.join(' ')}`)
  .join('; ');

/** Hono's secure-headers with only the headers a page adds (the transport ones are on every response, below). */
const only = {
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xContentTypeOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/** A page's policy: `directives` replaces the default CSP (the open link's Turnstile page). */
export const pagePolicy = (directives: ContentSecurityPolicyOptions = CSP_DIRECTIVES) =>
  secureHeaders({
    ...only,
    contentSecurityPolicy: directives,
    xContentTypeOptions: true,
    // A personal-link page has set a stricter policy already (personalLinkHeaders); keep it.
    referrerPolicy: 'same-origin',
    overwrite: false,
  });

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

/**
 * Hono's secure-headers, reduced to what every response may carry without overriding a page's
 * own choices (its CSP and Referrer-Policy are set by pageHeaders and personalLinkHeaders).
 */
const transport = (hsts: boolean) =>
  secureHeaders({
    ...only,
    strictTransportSecurity: hsts ? HSTS : false,
    xContentTypeOptions: true,
    xFrameOptions: 'DENY',
    overwrite: false,
  });
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
