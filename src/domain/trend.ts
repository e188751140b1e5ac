/**
 * How a theme moved between two successive priority rankings of a series. Themes merged into
 * another are folded into their target before ranking (in SQL), so the target carries the
 * merged theme's history and this comparison sees one theme.
 *
 * A trend needs something to compare: a theme nobody ranked now nor in the round before has
 * none ("none"), even though it holds a (shared, last) place in both — calling it "up" because
 * other themes fell below it would tell a meeting that interest grew where no one voted.
 * "new" means ranked for the first time in the series, which is not the same news as "up".
 */

export type Change = 'new' | 'up' | 'down' | 'steady' | 'none';

/** Compares the places (1 = first) of a theme ranked in both rounds: a smaller place is "up". */
export function change(place: number, previousPlace: number | undefined): Change {
  if (previousPlace === undefined) return 'new';
  if (place < previousPlace) return 'up';
  if (place > previousPlace) return 'down';
  return 'steady';
}

export interface RoundPlaces {
  /** Session the ranking prepared (#M). */
  session: number;
  /** Theme id → place in that ranking (themes offered but ranked by nobody share the last place). */
  places: ReadonlyMap<number, number>;
  /** Themes at least one ballot ranked; when absent, every placed theme counts as ranked. */
  ranked?: ReadonlySet<number>;
}

const rankedIn = (round: RoundPlaces, theme: number) => round.places.has(theme) && (round.ranked ? round.ranked.has(theme) : true);

/**
 * Each theme's change in the last round compared with the round before it:
 * - ranked by nobody now: "down" if it was ranked in the round before, else "none";
 * - ranked now and never before in the series: "new";
 * - ranked now, not in the round before but in an earlier one: "up" (it came back);
 * - ranked in both: its places compared.
 */
export function changes(rounds: readonly RoundPlaces[]): Map<number, Change> {
  const last = rounds.at(-1);
  const previous = rounds.at(-2);
  const result = new Map<number, Change>();
  if (!last) return result;
  const earlier = rounds.slice(0, -1);
  for (const [theme, place] of last.places) {
    const before = previous && rankedIn(previous, theme);
    if (!rankedIn(last, theme)) result.set(theme, before ? 'down' : 'none');
    else if (!earlier.some((r) => rankedIn(r, theme))) result.set(theme, 'new');
    else if (!before) result.set(theme, 'up');
    else result.set(theme, change(place, previous?.places.get(theme)));
  }
  return result;
}

/** A theme's current id: merges are flattened to one hop, so one lookup is enough. */
export function currentTheme(id: number, mergedInto: ReadonlyMap<number, number>): number {
  return mergedInto.get(id) ?? id;
}
