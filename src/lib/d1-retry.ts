/**
 * D1 sometimes fails for reasons that say nothing about the request ("overloaded", "Network
 * connection lost", an object reset). Such errors are retried with backoff — but only around
 * operations that are idempotent (reads, and writes that replace a whole state), never around
 * an insert that could count twice.
 */

const TRANSIENT =
  /overloaded|network connection lost|connection (was )?reset|storage caused object to be reset|reset because its code was updated|internal error|timed? ?out/i;

export function isTransientD1Error(error: unknown): boolean {
  return error instanceof Error && TRANSIENT.test(error.message);
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation` again after transient failures: 50 ms, 100 ms, … with jitter. */
export async function retryTransient<T>(
  operation: () => Promise<T>,
  { attempts = 3, baseDelayMs = 50, sleep = wait }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isTransientD1Error(error)) throw error;
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
