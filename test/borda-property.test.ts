/**
 * Property: for any set of rankings (top-k, any K), the Borda totals that the real SQL
 * computes on D1 equal the sum of each respondent's points counted naively here; and with a
 * merged theme, the series history gives each respondent their best position only.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyAggregates, THEME_BALLOTS, THEME_TALLIES, type ThemeTallyRow } from '../src/results/results.queries.ts';
import { env } from './helpers.ts';

const SERIES = 7001;
const THEMES = 8;
/** Theme 8 was merged into theme 1: its answers count for theme 1. */
const MERGED: Record<number, number> = { 8: 1 };
let run = 0;

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO organisations (id, name) VALUES (7001, 'Property')`),
    env.DB.prepare(`INSERT INTO series (id, organisation_id, title) VALUES (?, 7001, 'Property')`).bind(SERIES),
    ...Array.from({ length: THEMES }, (_, i) =>
      env.DB.prepare(`INSERT INTO themes (id, series_id, label_fr, status, merged_into_id) VALUES (?, ?, ?, ?, ?)`).bind(
        i + 1,
        SERIES,
        `Thème ${i + 1}`,
        MERGED[i + 1] ? 'archived' : 'active',
        MERGED[i + 1] ?? null,
      ),
    ),
  ]);
});

/** A fresh survey whose ranking offers themes 1..m with K = k, answered by `ballots`. */
async function surveyWith(m: number, k: number, ballots: number[][]): Promise<number> {
  run += 1;
  const id = 7000 + run;
  const options = Array.from({ length: m }, (_, i) => ({ id: `t${i + 1}`, label: { fr: `Thème ${i + 1}` }, theme_id: i + 1 }));
  const definition = { questions: [{ id: 'themes', type: 'ranking', text: { fr: 'Thèmes' }, max_ranked: k, source: 'themes', options }] };
  const json = JSON.stringify(ballots);
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO sessions (id, series_id, number, starts_at) VALUES (?1, ?2, ?3, '2025-01-01T10:00:00Z')`).bind(
      id,
      SERIES,
      run,
    ),
    env.DB.prepare(`INSERT INTO surveys (id, session_id, kind, status, definition) VALUES (?1, ?1, 'pre', 'closed', ?2)`).bind(
      id,
      JSON.stringify(definition),
    ),
    env.DB.prepare(
      `INSERT INTO responses (survey_id, respondent_key, language, answers_hash, definition_version)
       SELECT ?1, 'p' || j.key, 'fr', 'h', 1 FROM json_each(?2) j`,
    ).bind(id, json),
    env.DB.prepare(
      `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank)
       SELECT r.id, ?1, 'themes', 't' || e.value, e.value, e.key + 1
         FROM json_each(?2) j
         JOIN responses r ON r.survey_id = ?1 AND r.respondent_key = 'p' || j.key
         JOIN json_each(j.value) e`,
    ).bind(id, json),
  ]);
  return id;
}

const rankings = fc.record({ m: fc.integer({ min: 1, max: THEMES }), k: fc.integer({ min: 1, max: 5 }) }).chain(({ m, k }) =>
  fc.record({
    m: fc.constant(m),
    k: fc.constant(k),
    ballots: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: m }), { minLength: 1, maxLength: Math.min(k, m) }), { maxLength: 25 }),
  }),
);

describe('Borda totals (property, real SQL on D1)', () => {
  it('equal the sum of the per-respondent points, item by item', async () => {
    await fc.assert(
      fc.asyncProperty(rankings, async ({ m, k, ballots }) => {
        const id = await surveyWith(m, k, ballots);
        const agg = await surveyAggregates(env.DB, id, [{ q: 'themes', k }], null, []);
        const expected = new Map<string, { borda: number; ranked: number; first: number; position_sum: number }>();
        for (const ballot of ballots) {
          ballot.forEach((theme, i) => {
            const e = expected.get(`t${theme}`) ?? { borda: 0, ranked: 0, first: 0, position_sum: 0 };
            e.borda += k - (i + 1) + 1;
            e.ranked += 1;
            e.first += i === 0 ? 1 : 0;
            e.position_sum += i + 1;
            expected.set(`t${theme}`, e);
          });
        }
        const actual = new Map(
          agg.rankings.map((r) => [r.option_id, { borda: r.borda, ranked: r.ranked, first: r.first, position_sum: r.position_sum }]),
        );
        expect(actual).toEqual(expected);
        expect(agg.respondents.find((r) => r.question_id === 'themes')?.n ?? 0).toBe(ballots.length);
      }),
      { numRuns: 40 },
    );
  });

  it('count a merged theme for its target, each respondent keeping their best position', async () => {
    await fc.assert(
      fc.asyncProperty(rankings, async ({ m, k, ballots }) => {
        const id = await surveyWith(m, k, ballots);
        const list = JSON.stringify([{ s: id, q: 'themes', k }]);
        const [tallies, counted] = await env.DB.batch([env.DB.prepare(THEME_TALLIES).bind(list), env.DB.prepare(THEME_BALLOTS).bind(list)]);
        const expected = new Map<number, number>();
        for (const ballot of ballots) {
          const best = new Map<number, number>();
          ballot.forEach((theme, i) => {
            const target = MERGED[theme] ?? theme;
            best.set(target, Math.max(best.get(target) ?? 0, k - i));
          });
          for (const [theme, points] of best) expected.set(theme, (expected.get(theme) ?? 0) + points);
        }
        const actual = new Map(((tallies?.results ?? []) as ThemeTallyRow[]).map((r) => [r.theme_id, r.borda]));
        expect(actual).toEqual(expected);
        expect(((counted?.results ?? []) as { n: number }[])[0]?.n ?? 0).toBe(ballots.length);
      }),
      { numRuns: 40 },
    );
  });
});
