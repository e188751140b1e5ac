/**
 * A survey's aggregates from its counters read once each (src/results/results.queries.ts):
 * every row of answer_tallies (or answer_totals) and of question_tallies for the survey, then
 * the sums that one statement per figure used to make in SQL, here in one pass each. Each
 * statement that scanned the survey's counter rows again (options, rankings, ratings,
 * breakdowns) cost D1 the whole range plus its sort: 3,915 rows read a results request in the
 * bench, against ~550 now. The outputs are the rows those statements gave, in their GROUP BY
 * order (test/counters.test.ts holds them equal to the statements, kept there as reference).
 * Plain TypeScript: no D1 here.
 */
import type { RawAggregates } from '../domain/disclosure.ts';
import type { ThemeTallyRow } from './results.queries.ts';

/** A row of answer_tallies (or answer_totals, grp ''), sentinels as stored: '' / 0 / 0 / -1. */
export interface CounterRow {
  question_id: string;
  grp: string;
  option_id: string;
  theme_id: number;
  rank: number;
  number: number;
  n: number;
}

/** A row of question_tallies. */
export interface QuestionCounterRow {
  question_id: string;
  grp: string;
  n: number;
}

/** SQLite's BINARY order (UTF-8 bytes, i.e. code points), which GROUP BY and ORDER BY used. */
export function binary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

type Key = (string | number)[];
const compareKeys = (a: Key, b: Key) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : binary(String(x), String(y));
    if (c) return c;
  }
  return 0;
};

/** Sums rows into groups by key, then gives the groups in key order (GROUP BY's order). */
function grouped<R, A>(rows: Iterable<R>, key: (r: R) => Key | null, start: (r: R) => A, add: (acc: A, r: R) => void): A[] {
  const groups = new Map<string, { key: Key; acc: A }>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const id = JSON.stringify(k);
    let g = groups.get(id);
    if (!g) {
      g = { key: k, acc: start(r) };
      groups.set(id, g);
    }
    add(g.acc, r);
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key)).map((g) => g.acc);
}

const orNull = <T>(value: T, absent: T) => (value === absent ? null : value);

/**
 * Everything but participation, timeline and texts. `ranking` lists the ranking questions with
 * their K; `profile` the profile question when a breakdown is wanted (the rows then carry groups).
 */
export function aggregatesFromCounters(
  answers: CounterRow[],
  questions: QuestionCounterRow[],
  ranking: { q: string; k: number }[],
  profile: string | null,
): Omit<RawAggregates, 'participation' | 'timeline' | 'texts'> {
  const k = new Map(ranking.map((r) => [r.q, r.k]));
  const respondents = grouped(
    questions,
    (r) => [r.question_id],
    (r) => ({ question_id: r.question_id, n: 0 }),
    (a, r) => {
      a.n += r.n;
    },
  );
  const options = grouped(
    answers,
    (r) => (r.option_id !== '' && r.rank === 0 ? [r.question_id, r.option_id] : null),
    (r) => ({ question_id: r.question_id, option_id: r.option_id, count: 0 }),
    (a, r) => {
      a.count += r.n;
    },
  );
  const rankings = grouped(
    answers,
    (r) => (r.rank > 0 && k.has(r.question_id) ? [r.question_id, r.option_id] : null),
    (r) => ({ question_id: r.question_id, option_id: r.option_id, borda: 0, ranked: 0, first: 0, position_sum: 0 }),
    (a, r) => {
      a.borda += r.n * ((k.get(r.question_id) ?? 0) + 1 - r.rank);
      a.ranked += r.n;
      a.first += r.rank === 1 ? r.n : 0;
      a.position_sum += r.n * r.rank;
    },
  );
  const ratings = grouped(
    answers,
    (r) => (r.number >= 0 ? [r.question_id, r.number] : null),
    (r) => ({ question_id: r.question_id, value: r.number, count: 0 }),
    (a, r) => {
      a.count += r.n;
    },
  );
  if (!profile) return { respondents, options, rankings, ratings, breakdownCells: [], breakdownGroups: [], profileGroups: [] };
  const breakdownCells = grouped(
    answers,
    (r) => (r.question_id !== profile ? [r.question_id, r.option_id, r.number, r.grp] : null),
    (r) => ({
      question_id: r.question_id,
      option_id: orNull(r.option_id, ''),
      value: orNull(r.number, -1),
      grp: orNull(r.grp, ''),
      count: 0,
      borda: k.has(r.question_id) ? 0 : null,
    }),
    (a, r) => {
      a.count += r.n;
      const kq = k.get(r.question_id);
      if (kq !== undefined && a.borda !== null) a.borda += r.n * (kq + 1 - r.rank);
    },
  );
  const breakdownGroups = grouped(
    questions,
    (r) => (r.question_id !== profile ? [r.question_id, r.grp] : null),
    (r) => ({ question_id: r.question_id, grp: orNull(r.grp, ''), n: 0 }),
    (a, r) => {
      a.n += r.n;
    },
  );
  const profileGroups = grouped(
    questions,
    (r) => (r.question_id === profile ? [r.grp] : null),
    (r) => ({ grp: orNull(r.grp, ''), n: 0 }),
    (a, r) => {
      a.n += r.n;
    },
  );
  return { respondents, options, rankings, ratings, breakdownCells, breakdownGroups, profileGroups };
}

/** The most frequent texts of each question, read apart, in the order results show them: by question, then text. */
export function textsInOrder(rows: RawAggregates['texts']): RawAggregates['texts'] {
  return [...rows].sort((a, b) => binary(a.question_id, b.question_id) || binary(a.text, b.text));
}

/** A ranking counter row of a theme question (THEME_ROWS): the theme answered, its rank, how many. */
export interface ThemeCounterRow {
  survey_id: number;
  theme_id: number;
  rank: number;
  n: number;
}

/**
 * The theme history of a series from its ranking counters (what THEME_TALLIES, THEME_BALLOTS and
 * THEME_RANKS gave, each scanning them again). A merged theme counts for its target (one level,
 * as the series stores it); a survey whose answers hold two themes that now count as one cannot
 * be counted from the counters (one respondent may have ranked both): it is listed in `exact`,
 * for THEME_TALLIES_EXACT to count per respondent, and left out of `tallies`.
 */
export function themeHistoryFromCounters(
  rows: ThemeCounterRow[],
  list: { s: number; k: number }[],
  themes: { id: number; merged_into_id: number | null }[],
) {
  const k = new Map(list.map((l) => [l.s, l.k]));
  const target = new Map(themes.map((t) => [t.id, t.merged_into_id ?? t.id]));
  const answered = new Map<string, Set<number>>();
  for (const r of rows) {
    const to = target.get(r.theme_id);
    if (to === undefined) continue;
    const key = `${r.survey_id}:${to}`;
    const set = answered.get(key) ?? new Set<number>();
    set.add(r.theme_id);
    answered.set(key, set);
  }
  const exact = new Set<number>();
  for (const [key, set] of answered) if (set.size > 1) exact.add(Number(key.split(':')[0]));
  const tallies = grouped(
    rows,
    (r) => {
      const to = target.get(r.theme_id);
      return to === undefined || exact.has(r.survey_id) ? null : [r.survey_id, to];
    },
    (r) => ({ survey_id: r.survey_id, theme_id: target.get(r.theme_id) ?? r.theme_id, borda: 0, ranked: 0, first: 0, position_sum: 0 }),
    (a, r) => {
      a.borda += r.n * ((k.get(r.survey_id) ?? 0) + 1 - r.rank);
      a.ranked += r.n;
      a.first += r.rank === 1 ? r.n : 0;
      a.position_sum += r.n * r.rank;
    },
  );
  const ballots = grouped(
    rows,
    (r) => (r.rank === 1 ? [r.survey_id] : null),
    (r) => ({ survey_id: r.survey_id, n: 0 }),
    (a, r) => {
      a.n += r.n;
    },
  );
  const ranks = grouped(
    rows,
    (r) => [r.survey_id, r.rank],
    (r) => ({ survey_id: r.survey_id, rank: r.rank, n: 0 }),
    (a, r) => {
      a.n += r.n;
    },
  );
  return { tallies: tallies as ThemeTallyRow[], ballots, ranks, exact: [...exact].sort((a, b) => a - b) };
}
