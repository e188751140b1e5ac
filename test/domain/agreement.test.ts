import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgreementItem, agreement } from '../../src/domain/agreement.ts';

/** What the counters hold, counted naively from ballots (each a list of option indexes, best first). */
function counters(m: number, k: number, ballots: number[][]) {
  const items: AgreementItem[] = Array.from({ length: m }, (_, i) => ({ id: `o${i}`, borda: 0, ranked: 0, first: 0 }));
  const perRank = Array.from({ length: k }, () => 0);
  for (const b of ballots)
    b.forEach((o, p) => {
      const item = items[o] as AgreementItem;
      item.borda += k - p;
      item.ranked += 1;
      if (p === 0) item.first += 1;
      perRank[p] = (perRank[p] ?? 0) + 1;
    });
  return agreement(items, ballots.length, k, perRank);
}

/** A top-k ballot over m options: k distinct indexes (1..k long). */
const ballot = (m: number, k: number) => fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: Math.min(k, m) });

describe('agreement of a ranking round (Kendall’s W for top-k ballots, from counters)', () => {
  it('is full when every ballot is the same, whatever its length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 1, max: m }))),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        ([m, k], n, seed) => {
          const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => ((a * 7919 + seed) % m) - ((b * 7919 + seed) % m));
          const b = order.slice(0, 1 + (seed % k));
          const a = counters(
            m,
            k,
            Array.from({ length: n }, () => b),
          );
          expect(a.w).toBe(1);
          expect(a.level).toBe('strong');
        },
      ),
    );
  });

  it('is weak when half the room ranks the other half’s unranked themes, in reverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 15 }), (k, half) => {
        const m = 2 * k;
        const mine = Array.from({ length: k }, (_, i) => i);
        const theirs = Array.from({ length: k }, (_, i) => m - 1 - i);
        const a = counters(m, k, [...Array(half).fill(mine), ...Array(half).fill(theirs)]);
        expect(a.w).not.toBeNull();
        expect(a.w ?? 1).toBeLessThan(0.3);
        expect(a.level).toBe('weak');
      }),
    );
  });

  it('stays between 0 and 1 and never confirms a Borda winner that loses a head-to-head majority', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 7 })
          .chain((m) =>
            fc
              .tuple(fc.constant(m), fc.integer({ min: 1, max: m }))
              .chain(([m, k]) => fc.tuple(fc.constant(m), fc.constant(k), fc.array(ballot(m, k), { minLength: 2, maxLength: 25 }))),
          ),
        ([m, k, ballots]) => {
          const a = counters(m, k, ballots);
          if (a.w !== null) {
            expect(a.w).toBeGreaterThanOrEqual(0);
            expect(a.w).toBeLessThanOrEqual(1);
          }
          if (a.borda_winner === null) return;
          const w = Number(a.borda_winner.slice(1));
          const pos = (b: number[], o: number) => (b.includes(o) ? b.indexOf(o) : Number.POSITIVE_INFINITY);
          const beatsAll = Array.from({ length: m }, (_, o) => o)
            .filter((o) => o !== w)
            .every((o) => {
              const wins = ballots.filter((b) => pos(b, w) < pos(b, o)).length;
              const losses = ballots.filter((b) => pos(b, o) < pos(b, w)).length;
              return wins > losses;
            });
          if (a.condorcet === 'confirmed') expect(beatsAll).toBe(true);
          if (a.condorcet === 'not_winner') expect(beatsAll).toBe(false);
        },
      ),
    );
  });

  it('says a clear favourite is the pairwise-majority winner when the counters decide it', () => {
    const a = counters(4, 2, [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
      [0, 1],
    ]);
    expect(a.borda_winner).toBe('o0');
    expect(a.condorcet).toBe('confirmed');
    expect(a).toMatchObject({ n: 5, m: 4, k: 2 });
    expect(a.method).toContain('Kendall');
  });

  it('gives no figure for fewer than two ballots', () => {
    expect(counters(3, 2, [[0, 1]]).w).toBeNull();
  });
});
