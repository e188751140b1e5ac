/**
 * When a failed delivery is tried again: exponential backoff from one minute, capped at a day,
 * given up after MAX_ATTEMPTS (about two days in all). The hourly cron picks up what is due,
 * so in production the short delays round up to the next cron tick.
 */

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 24 * 60 * 60_000;

/** Delay after the `attempts`-th failed attempt (1 → 1 min, 2 → 4 min, 3 → 16 min …). */
export function backoffDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 4 ** Math.max(0, attempts - 1));
}

/** The next attempt after `attempts` failures, or null when the delivery has failed for good. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + backoffDelayMs(attempts));
}

/** A 2xx is a delivery; a redirect is not followed (the receiver must give its final URL). */
export function isDelivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
