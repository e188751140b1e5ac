import { describe, expect, it } from 'vitest';
import { suppressGroups, suppressTable, withheld } from '../../src/domain/suppression.ts';

describe('small-cell suppression (minimum group size 3)', () => {
  it('withholds a survey of 2 respondents, not one of 3', () => {
    expect(withheld(2, 3)).toBe(true);
    expect(withheld(3, 3)).toBe(false);
  });

  it('hides a cell of 2 and, because the row total is published, the smallest other counting cell', () => {
    // Row total 5 + 2 + 4 + 0 = 11 is published: hiding only the 2 would let a reader compute it.
    expect(suppressTable([[5, 2, 4, 0]], 3, { rows: true, columns: false })).toEqual([[false, true, true, false]]);
  });

  it('keeps zero cells and cells at the minimum visible', () => {
    expect(suppressTable([[3, 0, 7]], 3, { rows: true, columns: false })).toEqual([[false, false, false]]);
  });

  it('hides a zero cell as the complement only when no counting cell is left', () => {
    expect(suppressTable([[1, 0]], 3, { rows: true, columns: false })).toEqual([[true, true]]);
  });

  it('protects along columns too when the cells add up to a published column total (single choice)', () => {
    // Row 0 hides 2 and its complement 4 → column 1 now has one hidden cell (4), so a second one goes.
    const cells = [
      [5, 2, 4],
      [6, 7, 8],
    ];
    const hidden = suppressTable(cells, 3, { rows: true, columns: true });
    expect(hidden[0]).toEqual([false, true, true]);
    for (let c = 0; c < 3; c++) expect(hidden.filter((row) => row[c]).length).not.toBe(1);
    for (const row of hidden) expect(row.filter(Boolean).length).not.toBe(1);
  });

  it('hides every cell of a group too small to show', () => {
    const hidden = suppressTable(
      [
        [4, 5, 1],
        [4, 5, 0],
      ],
      3,
      { rows: true, columns: false, hiddenColumns: [false, false, true] },
    );
    expect(hidden.map((row) => row[2])).toEqual([true, true]);
    for (const row of hidden) expect(row.filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });

  it('hides a group of 2 and the next smallest group, since the group sizes add up to n', () => {
    expect(suppressGroups([5, 2, 0, 4, 6], 3)).toEqual([false, true, false, true, false]);
    expect(suppressGroups([5, 4, 0], 3)).toEqual([false, false, false]);
  });
});
