/**
 * Personal links carry 192 random bits, so guessing one is hopeless; still, a client that
 * keeps presenting unknown links is slowed down: past the limit its misses answer 429.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { Problem, problemResponse } from '../http/problem.ts';
import { LinkProblem } from './participation.ts';

export const limitLinkGuessing = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const limiter = c.env.LINK_GUESS_LIMITER;
  if (!limiter || !(c.error instanceof LinkProblem) || c.error.reason !== 'not-found') return;
  const { success } = await limiter.limit({ key: c.req.header('cf-connecting-ip') ?? 'unknown' });
  if (success) return;
  const tooMany = new Problem(429, 'too-many-unknown-links', 'Too many unknown links', {
    detail: 'Too many unknown links from this address; wait a minute.',
    headers: { 'Retry-After': '60' },
  });
  if (c.req.path.startsWith('/api/')) {
    c.res = problemResponse(c, tooMany);
    return;
  }
  // Pages keep their explanation (link not found), with the status that tells clients to wait.
  c.res = new Response(c.res.body, { status: 429, headers: { ...Object.fromEntries(c.res.headers), 'Retry-After': '60' } });
});
