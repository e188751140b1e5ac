import { describe, expect, it } from 'vitest';
import { change, changes, currentTheme } from '../../src/domain/trend.ts';

describe('theme trend between two priority rankings', () => {
  it('calls a better place up, a worse one down, the same steady, and an absent theme new', () => {
    expect(change(1, 3)).toBe('up');
    expect(change(4, 2)).toBe('down');
    expect(change(2, 2)).toBe('steady');
    expect(change(1, undefined)).toBe('new');
  });

  it('compares the last round with the one before it only', () => {
    const rounds = [
      {
        session: 1,
        places: new Map([
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
      },
      {
        session: 2,
        places: new Map([
          [1, 3],
          [2, 1],
          [3, 2],
        ]),
      },
      {
        session: 3,
        places: new Map([
          [1, 1],
          [2, 1],
          [3, 3],
          [4, 2],
        ]),
      },
    ];
    expect(Object.fromEntries(changes(rounds))).toEqual({ 1: 'up', 2: 'steady', 3: 'down', 4: 'new' });
  });

  it('makes every theme new when there is no earlier ranking', () => {
    expect(Object.fromEntries(changes([{ session: 1, places: new Map([[7, 1]]) }]))).toEqual({ 7: 'new' });
  });

  it('lets a merged theme carry its history: its earlier place counts as the target’s', () => {
    // Theme 15 was merged into 2 before round 2; SQL folds 15 into 2 in every round.
    const merged = new Map([[15, 2]]);
    expect(currentTheme(15, merged)).toBe(2);
    expect(currentTheme(2, merged)).toBe(2);
    const round1 = new Map<number, number>();
    for (const [theme, place] of [
      [1, 1],
      [15, 2],
    ] as const) {
      const target = currentTheme(theme, merged);
      round1.set(target, Math.min(place, round1.get(target) ?? place));
    }
    const result = changes([
      { session: 1, places: round1 },
      {
        session: 2,
        places: new Map([
          [2, 1],
          [1, 2],
        ]),
      },
    ]);
    expect(result.get(2)).toBe('up');
    expect(result.has(15)).toBe(false);
  });
});

describe('a trend only where there is something to compare', () => {
  const round = (session: number, places: [number, number][], ranked: number[]) => ({
    session,
    places: new Map(places),
    ranked: new Set(ranked),
  });

  it('gives no trend to a theme nobody ranked in either round, though its shared last place improved', () => {
    // Theme 3 (Borda 0 both times) was 3rd of 3, then shared the last place 2nd of 3 when theme 2 also got no ballot.
    const result = changes([
      round(
        1,
        [
          [1, 1],
          [2, 2],
          [3, 3],
        ],
        [1, 2],
      ),
      round(
        2,
        [
          [1, 1],
          [2, 2],
          [3, 2],
        ],
        [1],
      ),
    ]);
    expect(result.get(3)).toBe('none');
    expect(result.get(2)).toBe('down');
    expect(result.get(1)).toBe('steady');
  });

  it('calls a theme ranked for the first time new, and one ranked again after a round without ballots up', () => {
    const result = changes([
      round(
        1,
        [
          [1, 1],
          [2, 2],
          [3, 3],
        ],
        [1, 2],
      ),
      round(
        2,
        [
          [1, 1],
          [2, 2],
          [3, 2],
        ],
        [1],
      ),
      round(
        3,
        [
          [3, 1],
          [2, 2],
          [1, 3],
          [4, 4],
        ],
        [3, 2, 1],
      ),
    ]);
    expect(result.get(3)).toBe('new');
    expect(result.get(2)).toBe('up');
    expect(result.get(1)).toBe('down');
    expect(result.get(4)).toBe('none');
  });
});
