/**
 * Results and briefs read each counter table once (src/results/counters.ts) and the pairing from
 * pair_tallies (migrations/0022): on the bench's session (pre- and post-survey answered by the
 * same people), after erasures through both cascades, every figure equals what the statements
 * it replaced give — the per-figure statements over the counters, and the pairing recomputed
 * from the answer rows — and answer_totals equals a GROUP BY over the answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { benchPreSurvey, benchSurvey, bulkSql, type OpenSurvey } from '../bench/seed.ts';
import type { AnswerRow } from '../src/domain/answers.ts';
import { replaceResponse } from '../src/responses/responses.queries.ts';
import { aggregatesFromCounters, type CounterRow, type QuestionCounterRow, themeHistoryFromCounters } from '../src/results/counters.ts';
import {
  ANSWER_COUNTERS,
  ANSWER_TOTALS,
  BREAKDOWN_CELLS,
  BREAKDOWN_GROUPS,
  OPTION_COUNTS,
  PAIRING,
  PAIRING_BY_EXPECTATION_FROM_ROWS,
  PAIRING_TOTAL_FROM_ROWS,
  PROFILE_GROUPS,
  QUESTION_COUNTERS,
  QUESTION_RESPONDENTS,
  RANKING_TALLIES,
  RATING_COUNTS,
  THEME_BALLOTS,
  THEME_RANKS,
  THEME_ROWS,
  THEME_TALLIES,
} from '../src/results/results.queries.ts';
import { callJson, createCoordinator, env } from './helpers.ts';

let key = '';
let pre: OpenSurvey;
let post: OpenSurvey;
const all = async <T>(sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .all<T>()
  ).results;
const ranking = [{ q: 'themes', k: 5 }];

beforeAll(async () => {
  key = await createCoordinator('Counters');
  const c = <T>(path: string, body?: unknown) =>
    callJson<T>(path, {
      method: body === undefined ? 'GET' : 'POST',
      key,
      ...(body === undefined ? {} : { json: body }),
      expect: body === undefined || path.endsWith('/open') ? 200 : 201,
    });
  post = await benchSurvey(c, 'Counters');
  pre = await benchPreSurvey(c, post);
  // The post-survey first this time: its rows pair when the pre-survey's arrive.
  for (const sql of [...bulkSql(post, 150), ...bulkSql(pre, 120)]) await env.DB.prepare(sql).run();
  // Erasures: a response (its answers cascade), an invitation (its response and answers cascade).
  await env.DB.batch([
    env.DB.prepare('DELETE FROM responses WHERE id IN (SELECT id FROM responses WHERE survey_id = ? ORDER BY id LIMIT 7)').bind(pre.id),
    env.DB.prepare(
      'DELETE FROM invitations WHERE id IN (SELECT id FROM invitations WHERE survey_id = ? ORDER BY id LIMIT 9 OFFSET 10)',
    ).bind(post.id),
  ]);
});

describe('counters read once', () => {
  it('give what the per-figure statements gave (options, rankings, ratings, breakdowns, groups)', async () => {
    const rk = JSON.stringify(ranking);
    for (const survey of [pre, post]) {
      const s = survey.id;
      const got = aggregatesFromCounters(
        await all<CounterRow>(ANSWER_COUNTERS, s),
        await all<QuestionCounterRow>(QUESTION_COUNTERS, s),
        ranking,
        'sector',
      );
      expect(got.respondents).toEqual(await all(QUESTION_RESPONDENTS, s));
      expect(got.options).toEqual(await all(OPTION_COUNTS, s));
      expect(got.rankings).toEqual(await all(RANKING_TALLIES, s, rk));
      expect(got.rankings.length).toBe(14);
      expect(got.ratings).toEqual(await all(RATING_COUNTS, s));
      expect(got.breakdownCells).toEqual(await all(BREAKDOWN_CELLS, s, 'sector', rk));
      expect(got.breakdownGroups).toEqual(await all(BREAKDOWN_GROUPS, s, 'sector'));
      expect(got.profileGroups).toEqual(await all(PROFILE_GROUPS, s, 'sector'));
      // Without groups (answer_totals), the same totals.
      const totals = aggregatesFromCounters(
        await all<CounterRow>(ANSWER_TOTALS, s),
        await all<QuestionCounterRow>(QUESTION_COUNTERS, s),
        ranking,
        null,
      );
      expect({
        ...totals,
        breakdownCells: got.breakdownCells,
        breakdownGroups: got.breakdownGroups,
        profileGroups: got.profileGroups,
      }).toEqual(got);
    }
  });

  it('answer_totals equals a GROUP BY over the answers', async () => {
    const recount = `SELECT survey_id, question_id, coalesce(option_id, '') AS option_id, coalesce(theme_id, 0) AS theme_id,
                            coalesce(rank, 0) AS rank, coalesce(number, -1) AS number, count(*) AS n
                       FROM answers WHERE text IS NULL AND survey_id IN (?1, ?2) GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
    expect(await all('SELECT * FROM answer_totals WHERE survey_id IN (?1, ?2) ORDER BY 1, 2, 3, 4, 5, 6', pre.id, post.id)).toEqual(
      await all(recount, pre.id, post.id),
    );
  });

  it('give the theme history THEME_TALLIES, THEME_BALLOTS and THEME_RANKS gave', async () => {
    const list = [pre, post].map((s) => ({ s: s.id, q: 'themes', k: 5 }));
    const themes = await all<{ id: number; merged_into_id: number | null }>(
      'SELECT id, merged_into_id FROM themes WHERE series_id = ?',
      post.series_id,
    );
    const got = themeHistoryFromCounters(await all(THEME_ROWS, JSON.stringify(list)), list, themes);
    expect(got.exact).toEqual([]);
    expect(got.tallies).toEqual(await all(`SELECT * FROM (${THEME_TALLIES}) ORDER BY survey_id, theme_id`, JSON.stringify(list)));
    expect(got.ballots).toEqual(await all(THEME_BALLOTS, JSON.stringify(list)));
    expect(got.ranks).toEqual(await all(THEME_RANKS, JSON.stringify(list)));
  });

  it('pair the same people as the recomputation from the answer rows, after erasures', async () => {
    const args = [pre.id, 'expectations', post.id, 'usefulness', 4];
    const rows = await all<{ option_id: string; paired: number; useful: number }>(PAIRING, ...args);
    const total = rows.find((r) => r.option_id === '');
    const [fromRows] = await all<{ paired: number; useful: number }>(PAIRING_TOTAL_FROM_ROWS, ...args);
    // 120 people answered both, 7 pre-survey responses and 9 post-survey invitations erased.
    expect(fromRows?.paired).toBe(120 - 7 - 9);
    expect({ paired: total?.paired, useful: total?.useful }).toEqual(fromRows);
    expect(rows.filter((r) => r.option_id !== '')).toEqual(await all(PAIRING_BY_EXPECTATION_FROM_ROWS, ...args));
    // Every rating question of the post-survey pairs the same way.
    const other = await all<{ option_id: string; paired: number; useful: number }>(PAIRING, pre.id, 'expectations', post.id, 'r3', 3);
    expect(other.filter((r) => r.option_id !== '')).toEqual(
      await all(PAIRING_BY_EXPECTATION_FROM_ROWS, pre.id, 'expectations', post.id, 'r3', 3),
    );
    expect(await all('SELECT * FROM pair_tallies WHERE n < 0')).toEqual([]);
  });

  it('pair the same people after corrections that rewrite only the rows that changed (pre- and post-survey)', async () => {
    // A few people correct one answer: one expectation swapped before, the usefulness rating after.
    const correct = async (surveyId: number, change: (rows: AnswerRow[]) => AnswerRow[]) => {
      const people = await all<{ id: number; invitation_id: number; respondent_key: string }>(
        'SELECT id, invitation_id, respondent_key FROM responses WHERE survey_id = ? ORDER BY id LIMIT 6 OFFSET 20',
        surveyId,
      );
      for (const r of people) {
        const stored = await all<AnswerRow & { grp: string }>(
          'SELECT question_id, option_id, theme_id, rank, number, text, grp FROM answers WHERE response_id = ? ORDER BY rowid',
          r.id,
        );
        await replaceResponse(env.DB, {
          surveyId,
          invitationId: r.invitation_id,
          respondentKey: r.respondent_key,
          language: 'fr',
          answersHash: `corrected-${r.id}`,
          definitionVersion: 1,
          rows: change(stored.map(({ grp: _grp, ...row }) => row)),
          grp: stored[0]?.grp ?? '',
        });
      }
    };
    await correct(pre.id, (rows) => {
      const chosen = new Set(rows.filter((r) => r.question_id === 'expectations').map((r) => r.option_id));
      const other = Array.from({ length: 8 }, (_, i) => `exp${i + 1}`).find((id) => !chosen.has(id)) ?? null;
      const first = rows.findIndex((r) => r.question_id === 'expectations');
      return rows.map((r, i) => (i === first ? { ...r, option_id: other } : r));
    });
    await correct(post.id, (rows) => rows.map((r) => (r.question_id === 'usefulness' ? { ...r, number: 1 + ((r.number ?? 0) % 5) } : r)));
    const args = [pre.id, 'expectations', post.id, 'usefulness', 4];
    const rows = await all<{ option_id: string; paired: number; useful: number }>(PAIRING, ...args);
    const [fromRows] = await all<{ paired: number; useful: number }>(PAIRING_TOTAL_FROM_ROWS, ...args);
    const total = rows.find((r) => r.option_id === '');
    expect({ paired: total?.paired, useful: total?.useful }).toEqual(fromRows);
    expect(rows.filter((r) => r.option_id !== '')).toEqual(await all(PAIRING_BY_EXPECTATION_FROM_ROWS, ...args));
    expect(await all('SELECT * FROM pair_tallies WHERE n < 0')).toEqual([]);
  });

  it('leave no pair behind when a survey goes (its series deleted)', async () => {
    await env.DB.prepare('DELETE FROM series WHERE id = ?').bind(post.series_id).run();
    expect(await all('SELECT * FROM pair_tallies WHERE pre_survey_id = ? OR post_survey_id = ?', pre.id, post.id)).toEqual([]);
    expect(await all('SELECT * FROM answer_totals WHERE survey_id IN (?, ?)', pre.id, post.id)).toEqual([]);
  });
});
