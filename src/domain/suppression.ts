/**
 * The disclosure gate's cell-level helper (src/domain/disclosure.ts applies it after recoding
 * the profile groups; nothing else should call it). Small-cell suppression: a figure counting fewer respondents than the series' minimum group
 * size is not shown, and where a published total would let a reader work a hidden cell out
 * again, a complementary cell is hidden too.
 */

/** Below the minimum, a survey's results are withheld except its participation count. */
export function withheld(respondents: number, minGroupSize: number): boolean {
  return respondents < minGroupSize;
}

/** A cell is sensitive when it counts someone, but fewer than the minimum. */
export const sensitive = (count: number, minGroupSize: number) => count > 0 && count < minGroupSize;

export interface TableOptions {
  /** Each row's total is published (e.g. the option's overall count): protect along rows. */
  rows: boolean;
  /** Each column's total is published and the cells add up to it (single choice): protect along columns. */
  columns: boolean;
  /** Columns whose whole group is too small are hidden entirely. */
  hiddenColumns?: readonly boolean[];
}

/**
 * Which cells of a table of counts to hide. Primary: every sensitive cell, and every cell of
 * a hidden column. Complementary: along each line whose total is published, a lone hidden
 * cell would be total − visible cells, so the smallest other counting cell is hidden as well;
 * repeated until no line has exactly one hidden cell.
 */
export function suppressTable(cells: readonly (readonly number[])[], minGroupSize: number, options: TableOptions): boolean[][] {
  const hidden = cells.map((row) => row.map((count, c) => !!options.hiddenColumns?.[c] || sensitive(count, minGroupSize)));
  const width = cells[0]?.length ?? 0;
  const lines: [number, number][][] = [];
  if (options.rows) for (let r = 0; r < cells.length; r++) lines.push(Array.from({ length: width }, (_, c) => [r, c]));
  if (options.columns) for (let c = 0; c < width; c++) lines.push(cells.map((_, r) => [r, c]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hiddenCells = line.filter(([r, c]) => hidden[r]?.[c]);
      if (hiddenCells.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => !hidden[r]?.[c])
        .sort(([ra, ca], [rb, cb]) => {
          const a = cells[ra]?.[ca] ?? 0;
          const b = cells[rb]?.[cb] ?? 0;
          // A zero cell protects nothing when the reader knows it is zero; prefer counting cells.
          return (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0) || a - b;
        });
      const pick = candidates[0];
      const row = pick ? hidden[pick[0]] : undefined;
      if (pick && row) {
        row[pick[1]] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** Group sizes that add up to a published total: the same rule on one line. */
export function suppressGroups(counts: readonly number[], minGroupSize: number): boolean[] {
  return suppressTable([counts], minGroupSize, { rows: true, columns: false })[0] ?? [];
}
