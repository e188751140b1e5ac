/**
 * Borda ranking of aggregated tallies. SQL sums the points; this module only orders the
 * rows, marks ties and states the method, so that every figure can be defended in a meeting.
 */

/** One item's aggregate as SQL returns it: sums over the respondents who ranked it. */
export interface RankingTally {
  id: string;
  label: string;
  /** Σ (K + 1 − position) over the respondents who ranked the item. */
  borda: number;
  /** How many respondents ranked the item at all. */
  ranked: number;
  /** How many put it first. */
  first: number;
  /** Σ position over those who ranked it (for the mean position). */
  positionSum: number;
}

export interface RankedItem {
  /** 1-based place; tied items share the place of the first of them (1, 2, 2, 4). */
  place: number;
  tied: boolean;
  id: string;
  label: string;
  borda: number;
  /** Borda total divided by everyone who answered the question (n), unranked counting 0. */
  mean_borda: number;
  ranked: number;
  first: number;
  /** Among those who ranked it; null when nobody did. */
  mean_position: number | null;
}

export interface RankingMethod {
  name: 'borda';
  /** K: the most items a respondent may rank. */
  k: number;
  /** Respondents (ballots) that ranked at least one item. */
  n: number;
  points: string;
  order: string;
  ties: string;
}

export interface Ranking {
  method: RankingMethod;
  items: RankedItem[];
}

export const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function bordaMethod(k: number, n: number): RankingMethod {
  return {
    name: 'borda',
    k,
    n,
    points: `an item at position p (1-based) of a ranking gets K − p + 1 points (K = ${k}); unranked items get 0`,
    order: 'Borda total, then number of first choices, then label',
    ties: 'items with the same Borda total and the same number of first choices share a place',
  };
}

/** Orders tallies by Borda total, then first choices, then label; equal totals and firsts tie. */
export function rankTallies(tallies: readonly RankingTally[], k: number, n: number, locale = 'fr'): Ranking {
  const sorted = [...tallies].sort(
    (a, b) => b.borda - a.borda || b.first - a.first || a.label.localeCompare(b.label, locale) || a.id.localeCompare(b.id),
  );
  const same = (a: RankingTally | undefined, b: RankingTally | undefined) => !!a && !!b && a.borda === b.borda && a.first === b.first;
  let place = 0;
  const items = sorted.map((t, i) => {
    if (!same(t, sorted[i - 1])) place = i + 1;
    return {
      place,
      tied: same(t, sorted[i - 1]) || same(t, sorted[i + 1]),
      id: t.id,
      label: t.label,
      borda: t.borda,
      mean_borda: n > 0 ? round(t.borda / n) : 0,
      ranked: t.ranked,
      first: t.first,
      mean_position: t.ranked > 0 ? round(t.positionSum / t.ranked) : null,
    };
  });
  return { method: bordaMethod(k, n), items };
}

/** Adds tallies of the same item (several surveys feeding one ranking): sums stay sums. */
export function addTallies(groups: readonly (readonly RankingTally[])[]): RankingTally[] {
  const byId = new Map<string, RankingTally>();
  for (const tallies of groups) {
    for (const t of tallies) {
      const seen = byId.get(t.id);
      if (!seen) byId.set(t.id, { ...t });
      else {
        seen.borda += t.borda;
        seen.ranked += t.ranked;
        seen.first += t.first;
        seen.positionSum += t.positionSum;
      }
    }
  }
  return [...byId.values()];
}
