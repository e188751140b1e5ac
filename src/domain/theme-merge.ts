/**
 * The one rule for merging themes, whichever door asks (API, workspace, series import): a
 * theme merges only into another, active theme of the same series. Answers given to the
 * merged theme then count for the target, so the target must be one participants still see.
 */
export type MergeRefusal = 'not-in-series' | 'itself' | 'not-active';

export function mergeRefusal(
  theme: { id: number; series_id: number },
  target: { id: number; series_id: number; status: 'active' | 'archived' } | null | undefined,
): MergeRefusal | null {
  if (!target || target.series_id !== theme.series_id) return 'not-in-series';
  if (target.id === theme.id) return 'itself';
  if (target.status !== 'active') return 'not-active';
  return null;
}

export const MERGE_REFUSAL_TEXT: Record<MergeRefusal, string> = {
  'not-in-series': 'no such theme in this series',
  itself: 'a theme cannot be merged into itself',
  'not-active': 'the target theme must be active',
};
