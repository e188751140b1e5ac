/** Summaries of a distribution that SQL has already counted (value → how many). */
import { round } from './ranking.ts';

export interface Bucket {
  value: number;
  count: number;
}

export interface RatingSummary {
  n: number;
  mean: number | null;
  median: number | null;
  distribution: Bucket[];
}

/** Fills every step of the scale (zero counts included) so charts show the whole scale. */
export function ratingSummary(buckets: readonly Bucket[], min: number, max: number): RatingSummary {
  const counts = new Map(buckets.map((b) => [b.value, b.count]));
  const distribution: Bucket[] = [];
  for (let v = min; v <= max; v++) distribution.push({ value: v, count: counts.get(v) ?? 0 });
  const n = distribution.reduce((s, b) => s + b.count, 0);
  if (n === 0) return { n, mean: null, median: null, distribution };
  const sum = distribution.reduce((s, b) => s + b.value * b.count, 0);
  return { n, mean: round(sum / n), median: median(distribution, n), distribution };
}

/** The middle value (mean of the two middle values when n is even). */
function median(sorted: readonly Bucket[], n: number): number {
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (seen >= k) return b.value;
    }
    return sorted.at(-1)?.value ?? 0;
  };
  return n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

export const share = (count: number, n: number) => (n > 0 ? round(count / n, 4) : 0);
