/**
 * How much the participants of a ranking round agree, from the counters alone (cost does not
 * grow with responses).
 *
 * The figure is Kendall's coefficient of concordance W adapted to top-k ballots: each ballot
 * scores the options as the brief's Borda count does (K − p + 1 for position p, 0 for an option
 * it does not rank), and
 *
 *     W = Σᵢ (Bᵢ − B̄)²  ÷  Σⱼ (Aⱼ − B̄)²
 *
 * where Bᵢ is option i's Borda total and Aⱼ the totals the options would have if every ballot,
 * keeping its length, had ranked the same options in the same order (Aⱼ = (K − j + 1) · cⱼ,
 * cⱼ = ballots with a j-th position; 0 for the options past K). By the rearrangement
 * inequality that is the largest spread these ballots could produce, so W = 1 when all ballots
 * agree and W falls towards 0 as they pull apart; with full rankings and no ties it is
 * Kendall's W on Borda scores (an affine image of ranks). Unlike the "unranked get the mean of
 * the remaining ranks" variant, it needs no per-ballot length per option, which the counters
 * do not hold.
 *
 * Pairwise majorities need to know, ballot by ballot, which of two options came first: the
 * counters hold each option's marginal counts only. What they do allow is bounds: A is above B
 * on at least max(first_A, ranked_A − ranked_B) ballots, and above B on at most
 * min(ranked_A, n − (B above A) − ballots ranking neither). When the bounds decide every pair
 * for the Borda winner, the brief says whether it is also the pairwise-majority (Condorcet)
 * winner; when they do not, it says the question is left open rather than reading every ballot.
 */

export interface AgreementItem {
  id: string;
  /** Borda total (K − p + 1 per ballot ranking it at p). */
  borda: number;
  /** Ballots that ranked it. */
  ranked: number;
  /** Ballots that ranked it first. */
  first: number;
}

export type AgreementLevel = 'weak' | 'moderate' | 'strong';
export type CondorcetCheck = 'confirmed' | 'not_winner' | 'undetermined';

export interface Agreement {
  /** Concordance in [0, 1], rounded to 2 decimals; null when there is nothing to agree on. */
  w: number | null;
  level: AgreementLevel | null;
  /** Ballots and options the figure is computed over. */
  n: number;
  m: number;
  k: number;
  /** The Borda winner's id (null on a tie for first place or no ballots). */
  borda_winner: string | null;
  condorcet: CondorcetCheck;
  method: string;
}

/** Readings of W as commonly used for Kendall's W (Schmidt 1997: 0.3 moderate, 0.5 strong). */
export function agreementLevel(w: number): AgreementLevel {
  return w >= 0.5 ? 'strong' : w >= 0.3 ? 'moderate' : 'weak';
}

export const AGREEMENT_METHOD =
  "Kendall's W adapted to top-K ballots: W = Σ (Borda total − mean)² ÷ the same sum had every ballot, keeping its length, ranked the same options in the same order; 1 = all ballots agree, near 0 = no shared order; weak < 0.3 ≤ moderate < 0.5 ≤ strong. Computed from the per-rank counters. Pairwise majority (Condorcet) for the Borda winner: decided from bounds on the counters (A above B on at least max(first choices of A, ranked A − ranked B) ballots), otherwise left undetermined, since the exact pairwise counts need each ballot";

/**
 * @param items every option offered in the round (unranked ones with zeros)
 * @param perRank cⱼ: ballots with a j-th position, j = 1..K (index 0 = position 1)
 */
export function agreement(items: readonly AgreementItem[], n: number, k: number, perRank: readonly number[]): Agreement {
  const m = items.length;
  const base = { n, m, k, method: AGREEMENT_METHOD };
  if (n < 2 || m < 2) return { ...base, w: null, level: null, borda_winner: null, condorcet: 'undetermined' };
  const total = items.reduce((s, i) => s + i.borda, 0);
  const mean = total / m;
  const spread = items.reduce((s, i) => s + (i.borda - mean) ** 2, 0);
  // Options past K get no points, and a position past m cannot be filled (cⱼ = 0 there).
  const aligned = Array.from({ length: m }, (_, j) => (j < k ? (k - j) * (perRank[j] ?? 0) : 0));
  const maximum = aligned.reduce((s, a) => s + (a - mean) ** 2, 0);
  const w = maximum > 0 ? Math.min(1, Math.max(0, spread / maximum)) : null;
  const rounded = w === null ? null : Math.round(w * 100) / 100;
  const winner = bordaWinner(items);
  return {
    ...base,
    w: rounded,
    level: rounded === null ? null : agreementLevel(rounded),
    borda_winner: winner?.id ?? null,
    condorcet: winner ? condorcet(winner, items, n) : 'undetermined',
  };
}

function bordaWinner(items: readonly AgreementItem[]): AgreementItem | undefined {
  const sorted = [...items].sort((a, b) => b.borda - a.borda || b.first - a.first);
  const [top, second] = sorted;
  if (!top || top.borda === 0) return undefined;
  if (second && second.borda === top.borda && second.first === top.first) return undefined;
  return top;
}

/** Ballots on which a is certainly above b, and at most above b. */
function above(a: AgreementItem, b: AgreementItem, n: number): { least: number; most: number } {
  const neither = Math.max(0, n - a.ranked - b.ranked);
  const least = Math.max(a.first, a.ranked - b.ranked, 0);
  const bLeast = Math.max(b.first, b.ranked - a.ranked, 0);
  return { least, most: Math.min(a.ranked, n - bLeast - neither) };
}

function condorcet(winner: AgreementItem, items: readonly AgreementItem[], n: number): CondorcetCheck {
  let open = false;
  for (const other of items) {
    if (other === winner) continue;
    const ab = above(winner, other, n);
    const ba = above(other, winner, n);
    if (ba.least >= ab.most) return 'not_winner';
    if (ab.least <= ba.most) open = true;
  }
  return open ? 'undetermined' : 'confirmed';
}
