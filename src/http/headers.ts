/** Response headers that every HTML page carries; personal-link pages add privacy ones. */
import { createMiddleware } from 'hono/factory';

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
