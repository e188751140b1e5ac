/**
 * The margins attack, played as a curious coordinator through every output: a survey whose
 * profile question has a group of one (Sam, whom the coordinator knows) and a group of two.
 * Whatever the coordinator combines — a total minus the visible cells, the profile question's
 * own counts minus the breakdown's groups, JSON against CSV, the one-question CSV, the page,
 * the brief, the export — Sam's answer stays undetermined: an attacker who knows every
 * group's true size enumerates every assignment of answers consistent with the published
 * figures, and both of Sam's possible answers remain.
 *
 * Before the disclosure gate (src/domain/disclosure.ts), these tests failed: the profile
 * question published the groups of 1 and 2 (and the export did too), and with a profile
 * question of several choices the total minus two overlapping groups gave Sam's answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesExport } from '../src/exports/exports.schemas.ts';
import type { Breakdown, QuestionResult, SurveyResults } from '../src/results/results.ts';
import { call, callJson, createCoordinator, tokenOf } from './helpers.ts';
import { parseCsv } from './seeded-cycle.ts';

const MIN = 3;
const text = (fr: string) => ({ fr, en: fr });
const opt = (id: string) => ({ id, label: text(`Option ${id}`) });

let key = '';
let seriesId = 0;

async function survey(session: number, profile: 'single' | 'multiple', profileOptions: string[]) {
  const s = await callJson<{ id: number }>(`/api/series/${seriesId}/sessions`, {
    method: 'POST',
    key,
    json: { number: session, starts_at: `2026-0${session}-10T13:00:00+02:00` },
    expect: 201,
  });
  const created = await callJson<{ id: number }>(`/api/sessions/${s.id}/surveys`, {
    method: 'POST',
    key,
    json: {
      kind: 'post',
      questions: [
        { id: 'sector', type: profile, profile: true, text: text('Secteur'), options: profileOptions.map(opt) },
        { id: 'visit', type: 'single', text: text('Une visite ?'), options: [opt('yes'), opt('no')] },
        { id: 'usefulness', type: 'rating', text: text('Utile ?'), min: 1, max: 5 },
        { id: 'topics', type: 'multiple', text: text('Sujets'), options: [opt('x'), opt('y')] },
      ],
    },
    expect: 201,
  });
  await callJson(`/api/surveys/${created.id}/open`, { method: 'POST', key });
  return { surveyId: created.id, sessionId: s.id };
}

async function answer(surveyId: number, people: { sector: string | string[]; visit: 'yes' | 'no'; usefulness: number }[]) {
  const { invitations } = await callJson<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, {
    method: 'POST',
    key,
    json: { participants: people.map((_, i) => ({ email: `p${i}-${surveyId}@example.org` })) },
    expect: 201,
  });
  for (const [i, p] of people.entries()) {
    const token = tokenOf(invitations[i]?.url ?? '');
    await callJson(`/api/s/${token}`, {
      method: 'PUT',
      json: { answers: { sector: p.sector, visit: p.visit, usefulness: p.usefulness, topics: i % 2 ? ['x'] : ['x', 'y'] } },
    });
  }
}

const repeat = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

// Single choice: Sam alone in "hospital", two in "home-care", then 4 and 5.
const SINGLE = [
  { sector: 'hospital', visit: 'yes' as const, usefulness: 5 },
  { sector: 'home-care', visit: 'no' as const, usefulness: 2 },
  { sector: 'home-care', visit: 'yes' as const, usefulness: 4 },
  ...repeat(4, (i) => ({ sector: 'gp', visit: i < 2 ? ('yes' as const) : ('no' as const), usefulness: 3 })),
  ...repeat(5, (i) => ({ sector: 'social', visit: i < 3 ? ('yes' as const) : ('no' as const), usefulness: 4 })),
];
const SINGLE_SIZES: Record<string, number> = { hospital: 1, 'home-care': 2, gp: 4, social: 5 };

// Several choices: Sam alone chose both a and b; six chose only a, six only b.
const MULTIPLE = [
  { sector: ['a', 'b'], visit: 'yes' as const, usefulness: 5 },
  ...repeat(6, (i) => ({ sector: ['a'], visit: i < 3 ? ('yes' as const) : ('no' as const), usefulness: 3 })),
  ...repeat(6, (i) => ({ sector: ['b'], visit: i < 3 ? ('yes' as const) : ('no' as const), usefulness: 3 })),
];
const MULTIPLE_SIZES: Record<string, number> = { a: 6, b: 6, 'a,b': 1 };

let single: { surveyId: number; sessionId: number };
let multiple: { surveyId: number; sessionId: number };

beforeAll(async () => {
  key = await createCoordinator('Bassin Marges');
  seriesId = (
    await callJson<{ id: number }>('/api/series', { method: 'POST', key, json: { title: 'Marges', min_group_size: MIN }, expect: 201 })
  ).id;
  single = await survey(1, 'single', ['hospital', 'home-care', 'gp', 'social']);
  await answer(single.surveyId, SINGLE);
  multiple = await survey(2, 'multiple', ['a', 'b']);
  await answer(multiple.surveyId, MULTIPLE);
});

const results = (id: number) => callJson<SurveyResults>(`/api/surveys/${id}/results?lang=en`, { key });
const question = (r: SurveyResults, id: string) => {
  const q = r.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

/**
 * The stored groups (exact answers to the profile question) a published group covers. Groups
 * of an option are disjoint in the gate's contract; an attacker reading overlapping groups (a
 * respondent in each option they chose) sees their sizes add up to more than the question's n.
 */
function coverage(b: Breakdown, q: QuestionResult, stored: string[]): ((s: string) => boolean)[] {
  const overlapping = b.groups.reduce((s, g) => s + (g.n ?? 0), 0) > q.n;
  return b.groups
    .map((g): ((s: string) => boolean) => {
      if (g.id === '_other') return (s) => (g.recoded_from ?? []).includes(s);
      if (g.id === null) return () => false;
      const id = g.id;
      return overlapping ? (s) => s.split(',').includes(id) : (s) => s === id;
    })
    .map((f) => (s: string) => stored.includes(s) && f(s));
}

/**
 * Every assignment of "yes" counts to the stored groups (sizes known to the attacker) that
 * gives the published figures of `visit`: its totals and every visible breakdown cell.
 * Returns the values Sam's group can take.
 */
function samsPossibleAnswers(r: SurveyResults, sizes: Record<string, number>, sam: string): Set<number> {
  const q = question(r, 'visit');
  if (q.type !== 'single') throw new Error('visit is single');
  const stored = Object.keys(sizes);
  const total = new Map(q.options.map((o) => [o.id, o.count]));
  const b = q.breakdown;
  const covers = b ? coverage(b, q, stored) : [];
  const possible = new Set<number>();
  const assign = (i: number, yes: Record<string, number>) => {
    if (i === stored.length) {
      const sum = (pred: (s: string) => boolean, option: 'yes' | 'no') =>
        stored.filter(pred).reduce((s, g) => s + (option === 'yes' ? (yes[g] ?? 0) : (sizes[g] ?? 0) - (yes[g] ?? 0)), 0);
      if (sum(() => true, 'yes') !== total.get('yes') || sum(() => true, 'no') !== total.get('no')) return;
      for (const row of b?.rows ?? []) {
        for (const [gi, cell] of row.cells.entries()) {
          const cover = covers[gi];
          if (cell.count === null || !cover) continue;
          if (sum(cover, row.id as 'yes' | 'no') !== cell.count) return;
        }
      }
      possible.add(yes[sam] ?? 0);
      return;
    }
    const g = stored[i] ?? '';
    for (let k = 0; k <= (sizes[g] ?? 0); k++) assign(i + 1, { ...yes, [g]: k });
  };
  assign(0, {});
  return possible;
}

/** Published counts of the profile question and of the breakdown's groups: each 0 or at least the minimum. */
function expectNoSmallGroup(r: SurveyResults) {
  const profile = question(r, 'sector');
  if (profile.type !== 'single' && profile.type !== 'multiple') throw new Error('sector is a choice');
  for (const o of profile.options) expect(o.count === 0 || o.count >= MIN, `sector/${o.id} = ${o.count}`).toBe(true);
  for (const q of r.questions) {
    for (const g of q.breakdown?.groups ?? []) {
      expect(g.n === null || g.n === 0 || g.n >= MIN, `${q.id}/${g.id} = ${g.n}`).toBe(true);
      for (const row of q.breakdown?.rows ?? []) {
        for (const c of row.cells) expect(c.count === null || c.count === 0 || c.count >= MIN, `${q.id}/${row.id}`).toBe(true);
      }
    }
  }
  for (const g of r.disclosure?.recoding?.groups ?? []) expect(g.n === 0 || g.n >= MIN, `recoded ${g.id}`).toBe(true);
}

describe('the margins attack on a profile question with a group of 1 and a group of 2', () => {
  it('JSON: the profile counts and the groups say nothing about fewer than the minimum, and Sam’s answer stays open', async () => {
    const r = await results(single.surveyId);
    expect([...samsPossibleAnswers(r, SINGLE_SIZES, 'hospital')].sort()).toEqual([0, 1]);
    expectNoSmallGroup(r);
    // The recoding is the same in the profile question's own counts and in the breakdown.
    const sector = question(r, 'sector');
    const other = sector.type === 'single' ? sector.options.find((o) => o.id === '_other') : undefined;
    expect(other?.recoded_from).toEqual(expect.arrayContaining(['hospital', 'home-care']));
    const group = question(r, 'visit').breakdown?.groups.find((g) => g.id === '_other');
    expect(group?.recoded_from).toEqual(expect.arrayContaining(['hospital', 'home-care']));
    expect(r.disclosure.recoding?.groups.find((g) => g.id === '_other')?.n).toBe(group?.n);
  });

  it('rating: no group mean of fewer than the minimum, and the total minus the visible groups covers at least the minimum', async () => {
    const r = await results(single.surveyId);
    const q = question(r, 'usefulness');
    if (q.type !== 'rating' || !q.breakdown?.ratings) throw new Error('a rating breakdown');
    const visible = q.breakdown.ratings.filter((x) => !x.suppressed);
    const rest = q.n - visible.reduce((s, x) => s + (x.n ?? 0), 0);
    expect(rest === 0 || rest >= MIN).toBe(true);
    for (const x of visible) expect(x.n === 0 || (x.n ?? 0) >= MIN).toBe(true);
  });

  it('CSV (long and one question) and the page publish the same figures as the JSON, nothing more', async () => {
    const r = await results(single.surveyId);
    const long = parseCsv(await (await call(`/api/surveys/${single.surveyId}/results?format=csv&lang=en`, { key })).text());
    const header = long[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const sectorCounts = long.filter((row) => row[col('question_id')] === 'sector' && row[col('measure')] === 'count');
    expect(sectorCounts.map((row) => row[col('option_id')]).sort()).toEqual(
      (question(r, 'sector') as Extract<QuestionResult, { type: 'single' | 'multiple' }>).options.map((o) => o.id).sort(),
    );
    for (const row of long) {
      const measure = row[col('measure')];
      const value = Number(row[col('value')]);
      if (
        (row[col('group')] && (measure === 'count' || measure === 'group_n')) ||
        (row[col('question_id')] === 'sector' && measure === 'count')
      ) {
        expect(row[col('value')] === 'suppressed' || value === 0 || value >= MIN, row.join('|')).toBe(true);
      }
    }
    const one = parseCsv(await (await call(`/api/surveys/${single.surveyId}/results?format=csv&question=sector`, { key })).text());
    for (const row of one.slice(1)) expect(Number(row[2]) === 0 || Number(row[2]) >= MIN, row.join('|')).toBe(true);
    expect(one.map((row) => row[0])).not.toContain('hospital');
    const page = await (await call(`/api/surveys/${single.surveyId}/results?format=html&lang=en`, { key })).text();
    expect(page).toContain('other groups');
    expect(page).not.toContain('Option hospital');
  });

  it('the brief and the export carry no figure of the small groups', async () => {
    const brief = await callJson<{ sources: { survey_id: number; disclosure: SurveyResults['disclosure'] | null }[] }>(
      `/api/sessions/${single.sessionId}/brief`,
      { key },
    );
    const source = brief.sources.find((s) => s.survey_id === single.surveyId);
    expect(source?.disclosure?.recoding?.groups.map((g) => g.n).every((n) => n === 0 || n >= MIN)).toBe(true);
    const doc = await callJson<SeriesExport>(`/api/series/${seriesId}/export`, { key });
    const exported = doc.surveys.find((s) => s.id === single.surveyId);
    const sector = exported?.results.options.filter((o) => o.question_id === 'sector') ?? [];
    expect(sector.length).toBeGreaterThan(0);
    for (const o of sector) expect(o.n === null || o.n === 0 || o.n >= MIN, `${o.option_id} = ${o.n}`).toBe(true);
    expect(sector.map((o) => o.option_id)).not.toContain('hospital');
    // The export's figures are the results' figures.
    const r = await results(single.surveyId);
    const visit = question(r, 'visit') as Extract<QuestionResult, { type: 'single' | 'multiple' }>;
    for (const o of visit.options) {
      expect(exported?.results.options.find((x) => x.question_id === 'visit' && x.option_id === o.id)?.n).toBe(o.count);
    }
  });
});

describe('the margins attack on a profile question of several choices', () => {
  it('the total minus two overlapping groups no longer gives the answer of the one person in both', async () => {
    const r = await results(multiple.surveyId);
    expect([...samsPossibleAnswers(r, MULTIPLE_SIZES, 'a,b')].sort()).toEqual([0, 1]);
    expectNoSmallGroup(r);
  });
});
