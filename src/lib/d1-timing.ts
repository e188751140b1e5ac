/**
 * Dev-only instrumentation for `npm run bench`: with the variable RELAIS_TIMING = "1" (never
 * set in wrangler.toml), each request's D1 binding is wrapped to count statements, D1 calls
 * (a batch is one call), the largest number of bound parameters of one statement and the rows
 * D1 reports having read, and the response carries them in a `Server-Timing` header with the
 * handler's wall time, the time with at least one D1 call in flight, and the rest ("js":
 * JavaScript and non-D1 waits).
 *
 * Local workerd lets Date.now()/performance.now() advance during JavaScript; deployed Workers
 * freeze them between I/O, so there these durations would read as 0 outside D1. Work handed
 * to waitUntil after the response (webhooks) is not counted.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { forgetAll } from '../responses/known-surveys.ts';

class Probe {
  statements = 0;
  calls = 0;
  maxParams = 0;
  /** meta.rows_read of every result that carries it (.first() and .raw() return none). */
  rowsRead = 0;
  d1Ms = 0;
  private inFlight = 0;
  private since = 0;
  readonly inner = new WeakMap<object, D1PreparedStatement>();

  async track<T>(statements: number, work: () => Promise<T>): Promise<T> {
    this.calls++;
    this.statements += statements;
    if (this.inFlight++ === 0) this.since = performance.now();
    try {
      const result = await work();
      for (const r of Array.isArray(result) ? result : [result]) {
        const read = (r as { meta?: { rows_read?: unknown } } | null)?.meta?.rows_read;
        if (typeof read === 'number') this.rowsRead += read;
      }
      return result;
    } finally {
      if (--this.inFlight === 0) this.d1Ms += performance.now() - this.since;
    }
  }

  statement(inner: D1PreparedStatement): D1PreparedStatement {
    const wrapped = new Proxy(inner, {
      get: (target, prop) => {
        if (prop === 'bind') {
          return (...values: unknown[]) => {
            this.maxParams = Math.max(this.maxParams, values.length);
            return this.statement(target.bind(...values));
          };
        }
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          const method = target[prop] as (...args: unknown[]) => Promise<unknown>;
          return (...args: unknown[]) => this.track(1, () => method.apply(target, args));
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    this.inner.set(wrapped, inner);
    return wrapped;
  }

  database(db: D1Database): D1Database {
    return new Proxy(db, {
      get: (target, prop) => {
        if (prop === 'prepare') return (sql: string) => this.statement(target.prepare(sql));
        if (prop === 'batch') {
          return (statements: D1PreparedStatement[]) =>
            this.track(statements.length, () => target.batch(statements.map((s) => this.inner.get(s) ?? s)));
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

const ms = (n: number) => n.toFixed(2);

/** With RELAIS_TIMING = "1" only: the request is served as by a cold isolate (npm run bench). */
export const COLD_ISOLATE_HEADER = 'x-relais-cold-isolate';

export const d1Timing = createMiddleware<AppEnv>(async (c, next) => {
  if ((c.env as { RELAIS_TIMING?: string } | undefined)?.RELAIS_TIMING !== '1') return next();
  // The bench's cold-isolate line: the surveys and links this isolate holds are forgotten first,
  // so the request takes the path of an isolate that has read nothing yet (two D1 calls).
  if (c.req.header(COLD_ISOLATE_HEADER) === '1') forgetAll();
  const probe = new Probe();
  c.env = { ...c.env, DB: probe.database(c.env.DB) };
  const start = performance.now();
  await next();
  const total = performance.now() - start;
  const timing = [
    `total;dur=${ms(total)}`,
    `d1;dur=${ms(probe.d1Ms)}`,
    `js;dur=${ms(Math.max(0, total - probe.d1Ms))}`,
    `d1-statements;desc="${probe.statements}"`,
    `d1-calls;desc="${probe.calls}"`,
    `d1-max-params;desc="${probe.maxParams}"`,
    `d1-rows-read;desc="${probe.rowsRead}"`,
  ].join(', ');
  try {
    c.res.headers.append('Server-Timing', timing);
  } catch {
    // Immutable headers (a fetched response): copy it once.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.append('Server-Timing', timing);
  }
});
