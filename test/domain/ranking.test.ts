import { describe, expect, it } from 'vitest';
import { addTallies, type RankingTally, rankTallies } from '../../src/domain/ranking.ts';
import { ratingSummary } from '../../src/domain/statistics.ts';

const tally = (id: string, borda: number, ranked: number, first: number, positionSum: number): RankingTally => ({
  id,
  label: id,
  borda,
  ranked,
  first,
  positionSum,
});

describe('Borda ranking', () => {
  // Three ballots with K = 3, one of them top-2 and one top-1 (hand count):
  //   A > B > C   → A 3, B 2, C 1
  //   B > A       → B 3, A 2
  //   C           → C 3
  // A: 5 points, ranked by 2, first once, positions 1 + 2; B: 5, 2, 1, 2 + 1; C: 4, 2, 1, 3 + 1; D unranked.
  const tallies = [tally('C', 4, 2, 1, 4), tally('B', 5, 2, 1, 3), tally('A', 5, 2, 1, 3), tally('D', 0, 0, 0, 0)];

  it('orders by total, shows equal totals and first choices as a tie, and states the method', () => {
    const r = rankTallies(tallies, 3, 3);
    expect(r.items.map((i) => [i.id, i.place, i.tied])).toEqual([
      ['A', 1, true],
      ['B', 1, true],
      ['C', 3, false],
      ['D', 4, false],
    ]);
    expect(r.method).toMatchObject({ name: 'borda', k: 3, n: 3 });
    expect(r.method.points).toContain('K − p + 1');
  });

  it('gives mean Borda over everyone who answered and mean position over those who ranked it', () => {
    const [a, , c, d] = rankTallies(tallies, 3, 3).items;
    expect(a?.mean_borda).toBe(1.67);
    expect(a?.mean_position).toBe(1.5);
    expect(c?.mean_position).toBe(2);
    expect(d?.mean_borda).toBe(0);
    expect(d?.mean_position).toBeNull();
  });

  it('breaks an equal total by first choices, which is then not a tie', () => {
    // X: one ballot X first (3) + one ballot X third (1) = 4 with 1 first; Y: 2 + 2 = 4 with 0 first.
    const r = rankTallies([tally('Y', 4, 2, 0, 4), tally('X', 4, 2, 1, 4)], 3, 2);
    expect(r.items.map((i) => [i.id, i.place, i.tied])).toEqual([
      ['X', 1, false],
      ['Y', 2, false],
    ]);
  });

  it('ties three ways and resumes counting places after the tie (1, 1, 1, 4)', () => {
    const r = rankTallies([tally('a', 2, 1, 0, 2), tally('b', 2, 1, 0, 2), tally('c', 2, 1, 0, 2), tally('d', 1, 1, 0, 3)], 3, 3);
    expect(r.items.map((i) => i.place)).toEqual([1, 1, 1, 4]);
    expect(r.items.map((i) => i.tied)).toEqual([true, true, true, false]);
  });

  it('adds the tallies of several surveys item by item', () => {
    const sum = addTallies([[tally('A', 5, 2, 1, 3)], [tally('A', 3, 1, 1, 1), tally('B', 1, 1, 0, 3)]]);
    expect(sum).toEqual([tally('A', 8, 3, 2, 4), tally('B', 1, 1, 0, 3)]);
  });
});

describe('rating summary', () => {
  it('fills the whole scale and computes mean and median from the counts', () => {
    // Ratings 2, 4, 4, 5 → mean 3.75, median (4 + 4) / 2.
    const s = ratingSummary(
      [
        { value: 2, count: 1 },
        { value: 4, count: 2 },
        { value: 5, count: 1 },
      ],
      1,
      5,
    );
    expect(s).toEqual({
      n: 4,
      mean: 3.75,
      median: 4,
      distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 2 ? 1 : value === 4 ? 2 : value === 5 ? 1 : 0 })),
    });
  });

  it('takes the mean of the two middle values for an even n, and has no mean without answers', () => {
    expect(
      ratingSummary(
        [
          { value: 1, count: 1 },
          { value: 4, count: 1 },
        ],
        1,
        5,
      ).median,
    ).toBe(2.5);
    expect(ratingSummary([], 1, 5)).toMatchObject({ n: 0, mean: null, median: null });
  });
});
