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
