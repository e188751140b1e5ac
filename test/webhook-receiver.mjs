/**
 * A real HTTP receiver for webhook tests, run by Miniflare as its own Worker; the tested
 * Worker's outbound fetches are routed here (vitest.config.ts, outboundService). It keeps
 * every request it received in memory and answers by path:
 *   /fail/…  → 503 always      /flaky/… → 503 the first time, then 204      anything else → 204
 *   GET /__received?prefix=/x  → the requests received under that path, as JSON.
 */
const received = [];
const seen = new Set();

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/__received') {
      const prefix = url.searchParams.get('prefix') ?? '/';
      return Response.json(received.filter((r) => r.path.startsWith(prefix)));
    }
    received.push({
      method: request.method,
      host: url.host,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    if (url.pathname.startsWith('/fail/')) return new Response('unavailable', { status: 503 });
    if (url.pathname.startsWith('/flaky/') && !seen.has(url.pathname)) {
      seen.add(url.pathname);
      return new Response('try later', { status: 503 });
    }
    return new Response(null, { status: 204 });
  },
};
