/** Load with autocannon (in this Node process) against a Worker on loopback. */
import { createRequire } from 'node:module';

interface RawRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
}
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration?: number;
    amount?: number;
    timeout: number;
    headers?: Record<string, string>;
    requests: { method: string; setupRequest: (req: RawRequest) => RawRequest }[];
  },
  done: (err: Error | null, result: AutocannonResult) => void,
) => unknown;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface Load {
  /** Completed requests. */
  requests: number;
  seconds: number;
  rps: number;
  median_ms: number;
  p99_ms: number;
  mean_ms: number;
  max_ms: number;
  errors: number;
  non2xx: number;
  connections: number;
}

export interface LoadSpec {
  base: string;
  method: 'GET' | 'PUT' | 'POST';
  connections: number;
  /** Seconds, or a fixed number of requests (for slow requests). */
  seconds?: number;
  amount?: number;
  headers?: Record<string, string>;
  /** Path and body of the n-th request. */
  next: (n: number) => { path: string; body?: string };
  /** A redirect is the expected answer (an HTML form's 303). */
  redirects?: boolean;
}

export function load(spec: LoadSpec): Promise<Load> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.base,
        connections: spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds ?? 10 }),
        timeout: 120,
        headers: { 'content-type': 'application/json', ...spec.headers },
        requests: [
          {
            method: spec.method,
            setupRequest: (req) => {
              const r = spec.next(n++);
              return { ...req, method: spec.method, path: r.path, ...(r.body === undefined ? {} : { body: r.body }) };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const requests = result['2xx'] + result.non2xx;
        const ok = result['2xx'] + (spec.redirects ? result['3xx'] : 0);
        resolve({
          requests,
          seconds: result.duration,
          rps: requests / result.duration,
          median_ms: result.latency.p50,
          p99_ms: result.latency.p99,
          mean_ms: result.latency.average,
          max_ms: result.latency.max,
          errors: result.errors + result.timeouts,
          non2xx: requests - ok,
          connections: spec.connections,
        });
      },
    );
  });
}

export interface ServerTiming {
  total_ms: number;
  d1_ms: number;
  js_ms: number;
  statements: number;
  calls: number;
  max_params: number;
  /** Rows D1 reported having read (meta.rows_read of the results that carry it). */
  rows_read: number;
}

/** Reads the Server-Timing header of src/lib/d1-timing.ts. */
export function serverTiming(header: string | null): ServerTiming | null {
  if (!header) return null;
  const metric = (name: string) => new RegExp(`(?:^|,\\s*)${name};(?:dur=([\\d.]+)|desc="(\\d+)")`).exec(header);
  const num = (name: string) => {
    const m = metric(name);
    return Number(m?.[1] ?? m?.[2] ?? Number.NaN);
  };
  return {
    total_ms: num('total'),
    d1_ms: num('d1'),
    js_ms: num('js'),
    statements: num('d1-statements'),
    calls: num('d1-calls'),
    max_params: num('d1-max-params'),
    rows_read: num('d1-rows-read'),
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : Number.NaN;
};
