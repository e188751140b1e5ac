/**
 * The disclosure gate (src/domain/disclosure.ts) on tables counted here from respondents:
 * examples of its policy, and properties over random tables and minimums — no published
 * group or profile count of 1..m−1, recoded groups of at least m, never one lone hidden cell
 * on a line whose total is published, and the profile question's published counts equal to
 * the breakdown's groups.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../src/domain/definition.ts';
import {
  effectiveMinimum,
  gateExport,
  gatePairing,
  gateSurvey,
  OTHER_GROUPS,
  type RawAggregates,
  recode,
} from '../../src/domain/disclosure.ts';

interface Respondent {
  /** The stored profile group: an option, 'a,b' for several, '' for not stated. */
  grp: string;
  /** Answer to `q` (an option id), or null when skipped. */
  q: string | null;
  /** Answer to the rating `r`, or null. */
  r: number | null;
}

const label = (fr: string) => ({ fr });
const PROFILE = ['p0', 'p1', 'p2', 'p3', 'p4'];
const ANSWERS = ['o0', 'o1', 'o2'];

function definition(profile: 'single' | 'multiple', profileOptions: number, qType: 'single' | 'multiple'): Definition {
  return {
    questions: [
      {
        id: 'sector',
        type: profile,
        text: label('Secteur'),
        required: false,
        profile: true,
        options: PROFILE.slice(0, profileOptions).map((id) => ({ id, label: label(id) })),
      },
      { id: 'q', type: qType, text: label('Q'), required: false, profile: false, options: ANSWERS.map((id) => ({ id, label: label(id) })) },
      { id: 'r', type: 'rating', text: label('R'), required: false, min: 1, max: 5 },
    ],
  } as Definition;
}

/** What results.queries.ts would return for these respondents (counted naively). */
function aggregates(people: Respondent[]): RawAggregates {
  const count = <K>(keys: K[]) => {
    const m = new Map<string, { key: K; n: number }>();
    for (const k of keys) {
      const id = JSON.stringify(k);
      const seen = m.get(id);
      if (seen) seen.n += 1;
      else m.set(id, { key: k, n: 1 });
    }
    return [...m.values()];
  };
  const stated = people.filter((p) => p.grp);
  const answeredQ = people.filter((p) => p.q !== null);
  const answeredR = people.filter((p) => p.r !== null);
  const qOptions = (p: Respondent) => (p.q ? p.q.split(',') : []);
  return {
    participation: { invited: people.length, opened: people.length, answered: people.length, responses: people.length },
    timeline: [],
    respondents: [
      ...(stated.length ? [{ question_id: 'sector', n: stated.length }] : []),
      ...(answeredQ.length ? [{ question_id: 'q', n: answeredQ.length }] : []),
      ...(answeredR.length ? [{ question_id: 'r', n: answeredR.length }] : []),
    ],
    options: [
      ...count(stated.flatMap((p) => p.grp.split(','))).map((c) => ({ question_id: 'sector', option_id: c.key, count: c.n })),
      ...count(answeredQ.flatMap(qOptions)).map((c) => ({ question_id: 'q', option_id: c.key, count: c.n })),
    ],
    rankings: [],
    ratings: count(answeredR.map((p) => p.r ?? 0)).map((c) => ({ question_id: 'r', value: c.key, count: c.n })),
    texts: [],
    breakdownCells: [
      ...count(answeredQ.flatMap((p) => qOptions(p).map((o) => [o, p.grp] as const))).map((c) => ({
        question_id: 'q',
        option_id: c.key[0],
        value: null,
        grp: c.key[1] || null,
        count: c.n,
        borda: null,
      })),
      ...count(answeredR.map((p) => [p.r ?? 0, p.grp] as const)).map((c) => ({
        question_id: 'r',
        option_id: null,
        value: c.key[0],
        grp: c.key[1] || null,
        count: c.n,
        borda: null,
      })),
    ],
    breakdownGroups: [
      ...count(answeredQ.map((p) => p.grp)).map((c) => ({ question_id: 'q', grp: c.key || null, n: c.n })),
      ...count(answeredR.map((p) => p.grp)).map((c) => ({ question_id: 'r', grp: c.key || null, n: c.n })),
    ],
    profileGroups: count(stated.map((p) => p.grp)).map((c) => ({ grp: c.key, n: c.n })),
  };
}

const small = (n: number | null, m: number) => n !== null && n > 0 && n < m;

describe('the disclosure gate, by example (minimum 3)', () => {
  const def = definition('single', 4, 'single');
  // Sam alone in p0, two in p1, four in p2, five in p3.
  const people: Respondent[] = [
    { grp: 'p0', q: 'o0', r: 5 },
    { grp: 'p1', q: 'o1', r: 2 },
    { grp: 'p1', q: 'o0', r: 4 },
    ...Array.from({ length: 4 }, (_, i) => ({ grp: 'p2', q: i < 2 ? 'o0' : 'o1', r: 3 })),
    ...Array.from({ length: 5 }, (_, i) => ({ grp: 'p3', q: i < 3 ? 'o0' : 'o1', r: 4 })),
  ];
  const gated = gateSurvey(aggregates(people), def, 3);

  it('recodes the groups of 1 and 2 into one "other groups" of 3, in the profile question and the breakdown alike', () => {
    expect(gated.disclosure.recoding?.groups).toEqual([
      { id: 'p2', n: 4 },
      { id: 'p3', n: 5 },
      { id: null, n: 0 },
      { id: OTHER_GROUPS, recoded_from: ['p0', 'p1'], n: 3 },
    ]);
    expect(gated.options.filter((o) => o.question_id === 'sector')).toEqual([
      { question_id: 'sector', option_id: 'p2', count: 4 },
      { question_id: 'sector', option_id: 'p3', count: 5 },
      { question_id: 'sector', option_id: OTHER_GROUPS, count: 3, recoded_from: ['p0', 'p1'] },
    ]);
    expect(gated.breakdowns.get('q')?.groups.map((g) => [g.id, g.n])).toEqual([
      ['p2', 4],
      ['p3', 5],
      [null, 0],
      [OTHER_GROUPS, 3],
    ]);
  });

  it('hides the small cells of the recoded group with their complements', () => {
    const rows = gated.breakdowns.get('q')?.rows ?? [];
    // other: o0 = 2 (Sam and one of p1), o1 = 1: both hidden; the rows then need a second hidden cell each.
    for (const row of rows) expect(row.cells.filter((c) => c.suppressed).length).not.toBe(1);
    expect(rows.flatMap((r) => r.cells).every((c) => c.count === null || c.count === 0 || c.count >= 3)).toBe(true);
  });

  it('withholds a survey under the minimum, and a question answered by fewer than the minimum', () => {
    expect(gateSurvey(aggregates(people.slice(0, 2)), def, 3)).toMatchObject({ withheld: true, options: [], breakdowns: new Map() });
    const fewRatings = people.map((p, i) => ({ ...p, r: i < 2 ? 4 : null }));
    const g = gateSurvey(aggregates(fewRatings), def, 3);
    expect(g.withheldQuestions.has('r')).toBe(true);
    expect(g.ratings).toEqual([]);
    expect(g.disclosure.withheld).toEqual([{ question_id: 'r', n: 2, reason: 'fewer_respondents' }]);
  });

  it('gives no breakdown when a single group would remain', () => {
    const mostlyOne: Respondent[] = [{ grp: 'p0', q: 'o0', r: 1 }, ...Array.from({ length: 6 }, () => ({ grp: 'p3', q: 'o1', r: 2 }))];
    const g = gateSurvey(aggregates(mostlyOne), def, 3);
    expect(g.disclosure.recoding?.breakdown).toBe(false);
    expect(g.breakdowns.size).toBe(0);
    // p1 and p2 counted nobody: they stay, at 0; p0 (1) took p3 (6) along into "other groups".
    expect(g.options.filter((o) => o.question_id === 'sector').map((o) => [o.option_id, o.count])).toEqual([
      ['p1', 0],
      ['p2', 0],
      [OTHER_GROUPS, 7],
    ]);
  });

  it('raises the minimum of an anonymous survey to 3', () => {
    expect(effectiveMinimum(1, true)).toBe(3);
    expect(effectiveMinimum(1, false)).toBe(1);
    expect(effectiveMinimum(5, true)).toBe(5);
  });

  it('keeps merging while the stated part of "other groups" is small, since the profile question publishes it', () => {
    // p1 (2) and not stated (1) make 3, but the profile question would publish "other groups: 2".
    const few: Respondent[] = [
      ...Array.from({ length: 3 }, () => ({ grp: 'p0', q: 'o0', r: 1 })),
      { grp: 'p1', q: 'o0', r: 1 },
      { grp: 'p1', q: 'o1', r: 1 },
      { grp: '', q: 'o1', r: 1 },
      ...Array.from({ length: 4 }, () => ({ grp: 'p2', q: 'o1', r: 1 })),
    ];
    const g = gateSurvey(aggregates(few), def, 3);
    expect(g.options.filter((o) => o.question_id === 'sector').map((o) => [o.option_id, o.count])).toEqual([
      ['p2', 4],
      ['p3', 0],
      [OTHER_GROUPS, 5],
    ]);
  });

  it('merges the next smallest group while "other groups" is still under the minimum', () => {
    expect(
      recode(
        [
          { key: 'a', n: 1 },
          { key: 'b', n: 4 },
          { key: 'c', n: 0 },
          { key: 'd', n: 6 },
        ],
        3,
      ),
    ).toEqual({
      kept: ['c', 'd'],
      merged: ['a', 'b'],
      mergedN: 5,
    });
  });

  it('hides pairing counts of fewer than the minimum, and the useful count whose complement is small', () => {
    expect(gatePairing({ paired: 2, useful: 1 }, [], 3).total).toEqual({ paired: null, useful: null, suppressed: true });
    expect(gatePairing({ paired: 8, useful: 6 }, [], 3).total).toEqual({ paired: 8, useful: null, suppressed: true });
    expect(gatePairing({ paired: 8, useful: 5 }, [], 3).total).toEqual({ paired: 8, useful: 5, suppressed: false });
  });

  it('gives the export the same withholding and recoding, and re-gates an imported file the same way', () => {
    const raw = aggregates(people);
    const options = raw.options.map((o) => ({ question_id: o.question_id, option_id: o.option_id, rank: null, n: o.count }));
    const ratings = raw.ratings.map((r) => ({ question_id: r.question_id, value: r.value, n: r.count }));
    const first = gateExport(def, people.length, raw.respondents, options, ratings, 3);
    expect(first.options.filter((o) => o.question_id === 'sector').map((o) => [o.option_id, o.n])).toEqual([
      ['p2', 4],
      ['p3', 5],
      [OTHER_GROUPS, 3],
    ]);
    const again = gateExport(def, people.length, first.questions, first.options, first.ratings, 3, first.disclosure);
    expect(again).toEqual(first);
    expect(gateExport(def, 2, raw.respondents, options, ratings, 3)).toMatchObject({ options: [], ratings: [] });
  });
});

const respondentsArb = (profileOptions: number, multipleProfile: boolean, skips: boolean) =>
  fc.array(
    fc.record({
      grp: multipleProfile
        ? fc.subarray(PROFILE.slice(0, profileOptions)).map((s) => s.sort().join(','))
        : fc.oneof(fc.constantFrom(...PROFILE.slice(0, profileOptions)), fc.constant('')),
      q: skips ? fc.option(fc.constantFrom(...ANSWERS), { nil: null }) : fc.constantFrom(...ANSWERS),
      r: skips ? fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) : fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 0, maxLength: 40 },
  );

describe('the disclosure gate, for any table and minimum', () => {
  it('publishes no group or profile count of 1..m−1, recoded groups of at least m, and no lone hidden cell on a line with a published total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (profileOptions, multipleProfile, skips, m, multipleQ) =>
          fc.assert(
            fc.property(respondentsArb(profileOptions, multipleProfile, skips), (people) => {
              const def = definition(multipleProfile ? 'multiple' : 'single', profileOptions, multipleQ ? 'multiple' : 'single');
              const g = gateSurvey(aggregates(people), def, m);
              if (people.length < m) {
                expect(g.withheld).toBe(true);
                expect([g.options, g.ratings, g.texts, g.rankings]).toEqual([[], [], [], []]);
                return;
              }
              for (const o of g.options.filter((x) => x.question_id === 'sector'))
                expect(small(o.count, m), `sector ${o.option_id}`).toBe(false);
              for (const group of g.disclosure.recoding?.groups ?? []) {
                if (group.id === OTHER_GROUPS) expect(group.n).toBeGreaterThanOrEqual(m);
                else expect(small(group.n, m)).toBe(false);
              }
              for (const [qid, b] of g.breakdowns) {
                const hiddenGroups = b.groups.filter((x) => x.suppressed).length;
                expect(hiddenGroups, `${qid} groups`).not.toBe(1);
                for (const x of b.groups) expect(small(x.n, m)).toBe(false);
                for (const row of b.rows ?? []) {
                  expect(row.cells.filter((c) => c.suppressed).length, `${qid}/${row.id}`).not.toBe(1);
                  for (const c of row.cells) expect(small(c.count, m)).toBe(false);
                }
                if (qid === 'q' && !multipleQ) {
                  b.groups.forEach((group, gi) => {
                    if (group.suppressed) return;
                    expect((b.rows ?? []).filter((row) => row.cells[gi]?.suppressed).length, `${qid} column ${group.id}`).not.toBe(1);
                  });
                }
                for (const r of b.ratings ?? []) expect(small(r.n, m)).toBe(false);
              }
            }),
            { numRuns: 20 },
          ),
      ),
      { numRuns: 40 },
    );
  });

  it('publishes the profile question’s counts equal to the breakdown’s group sizes (single choice, everyone answers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 6 }), (profileOptions, m) =>
        fc.assert(
          fc.property(respondentsArb(profileOptions, false, false), (people) => {
            const g = gateSurvey(aggregates(people), definition('single', profileOptions, 'single'), m);
            // A profile question answered by fewer than m publishes no counts of its own.
            if (g.withheld || g.withheldQuestions.has('sector')) return;
            const notStated = people.filter((p) => !p.grp).length;
            const profile = new Map(g.options.filter((o) => o.question_id === 'sector').map((o) => [o.option_id, o.count]));
            for (const group of g.disclosure.recoding?.groups ?? []) {
              if (group.id === null) expect(group.n).toBe(notStated);
              else if (group.id === OTHER_GROUPS) {
                const withNotStated = group.recoded_from?.includes(null) ? notStated : 0;
                expect(group.n).toBe((profile.get(OTHER_GROUPS) ?? 0) + withNotStated);
              } else expect(group.n).toBe(profile.get(group.id) ?? 0);
            }
            const b = g.breakdowns.get('q');
            b?.groups.forEach((group) => {
              if (group.suppressed) return;
              expect(group.n).toBe(g.disclosure.recoding?.groups.find((x) => x.id === group.id)?.n);
            });
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 30 },
    );
  });
});
