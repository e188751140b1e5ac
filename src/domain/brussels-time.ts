/**
 * Form dates and times are typed as a Brussels reader means them; the database keeps UTC.
 * The offset (CET/CEST) is read from Intl, so summer time needs no table of our own.
 */
function offsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** `2025-12-18` + `13:00` in Brussels → `2025-12-18T12:00:00.000Z`; null if not a real date. */
export function brusselsToUtc(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  // Two passes settle the offset even on the days the clocks change.
  let utc = naive - offsetMinutes(naive) * 60_000;
  utc = naive - offsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

/** The Brussels calendar date and time of an instant, for pre-filling forms. */
export function utcToBrussels(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetMinutes(ms) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * A local Brussels time as a coordinator types it, read strictly. On the spring-forward night
 * 02:00–02:59 never happens (`nonexistent`); on the fall-back night it happens twice
 * (`ambiguous`: `earlier` is the summer-time one, +02:00, `later` the winter-time one, +01:00).
 * The API takes ISO date-times with an offset, which are never ambiguous.
 */
export type LocalTime =
  | { kind: 'ok'; utc: string }
  | { kind: 'invalid' }
  | { kind: 'nonexistent' }
  | { kind: 'ambiguous'; earlier: string; later: string };

export function readBrusselsTime(date: string, time: string): LocalTime {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return { kind: 'invalid' };
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return { kind: 'invalid' };
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return { kind: 'invalid' };
  // Every instant whose Brussels wall clock reads this time: the candidates are the naive time
  // minus each offset Brussels uses (CET +1 h, CEST +2 h), kept when the offset then in force is that one.
  const matches = [120, 60]
    .map((offset) => naive - offset * 60_000)
    .filter((utc) => naive - offsetMinutes(utc) * 60_000 === utc)
    .map((utc) => new Date(utc).toISOString());
  if (matches.length === 0) return { kind: 'nonexistent' };
  if (matches.length === 2) return { kind: 'ambiguous', earlier: matches[0] as string, later: matches[1] as string };
  return { kind: 'ok', utc: matches[0] as string };
}
