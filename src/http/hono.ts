/**
 * Hono with its TrieRouter only: every router of Relais is made here.
 *
 * The default preset (`hono`) is a SmartRouter that tries RegExpRouter first and falls back to
 * TrieRouter. Relais's routes are beyond RegExpRouter (`/api/series/import` beside
 * `/api/series/:id` throws its UnsupportedPathError), so every new isolate spent its first
 * request building that regular expression and throwing it away (median 1.7 ms CPU, 1.4–6 ms,
 * measured in Node on the app's 241 routes) before matching with TrieRouter, as every request
 * since did. Taking TrieRouter directly matches exactly as before, without that cost and without
 * RegExpRouter's and SmartRouter's code in the deploy (~2 KiB gzip, issue 15).
 */
import { HonoBase, type HonoOptions } from 'hono/hono-base';
import { TrieRouter } from 'hono/router/trie-router';
import type { BlankEnv, BlankSchema, Env, Schema } from 'hono/types';

export class Hono<E extends Env = BlankEnv, S extends Schema = BlankSchema, BasePath extends string = '/'> extends HonoBase<
  E,
  S,
  BasePath
> {
  constructor(options: HonoOptions<E> = {}) {
    super(options);
    this.router = options.router ?? new TrieRouter();
  }
}
