/**
 * How a theme moved between two successive priority rankings of a series. Themes merged into
 * another are folded into their target before ranking (in SQL), so the target carries the
 * merged theme's history and this comparison sees one theme.
 */

export type Change = 'new' | 'up' | 'down' | 'steady';

/**
 * Compares places (1 = first): a smaller place is "up". A theme absent from the previous
 * ranking (not offered then) is "new".
 */
export function change(place: number, previousPlace: number | undefined): Change {
  if (previousPlace === undefined) return 'new';
  if (place < previousPlace) return 'up';
  if (place > previousPlace) return 'down';
  return 'steady';
}

export interface RoundPlaces {
  /** Session the ranking prepared (#M). */
  session: number;
  /** Theme id → place in that ranking. */
  places: ReadonlyMap<number, number>;
}

/** Each theme's change in the last round compared with the round before it. */
export function changes(rounds: readonly RoundPlaces[]): Map<number, Change> {
  const last = rounds.at(-1);
  const previous = rounds.at(-2);
  const result = new Map<number, Change>();
  if (!last) return result;
  for (const [theme, place] of last.places) result.set(theme, change(place, previous?.places.get(theme)));
  return result;
}

/** A theme's current id: merges are flattened to one hop, so one lookup is enough. */
export function currentTheme(id: number, mergedInto: ReadonlyMap<number, number>): number {
  return mergedInto.get(id) ?? id;
}
