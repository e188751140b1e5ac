/**
 * Every aggregation statement of results and briefs, as the code runs it, must find its rows
 * through an index: no full scan of answers (nor of responses, invitations or the counters
 * answer_tallies, question_tallies, text_tallies, survey_tallies, response_days), whatever the size of the table. EXPLAIN QUERY PLAN reads the plan without running the statement.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_SUBMISSION } from '../src/responses/responses.queries.ts';
import { AGGREGATIONS } from '../src/results/results.queries.ts';
import { env } from './helpers.ts';

const ranking = JSON.stringify([{ q: 'themes', k: 3 }]);
const seriesRanking = JSON.stringify([{ s: 1, q: 'themes', k: 3 }]);

/** Arguments shaped like the real ones (JSON lists where the statement reads json_each). */
const ARGS: Record<keyof typeof AGGREGATIONS, unknown[]> = {
  PARTICIPATION: [1],
  TIMELINE: [1],
  QUESTION_RESPONDENTS: [1],
  OPTION_COUNTS: [1],
  RANKING_TALLIES: [1, ranking],
  RATING_COUNTS: [1],
  TEXT_COUNTS: [1],
  BREAKDOWN_CELLS: [1, 'sector', ranking],
  BREAKDOWN_GROUPS: [1, 'sector'],
  PROFILE_GROUPS: [1, 'sector'],
  THEME_TALLIES: [seriesRanking],
  THEME_BALLOTS: [seriesRanking],
  THEME_RANKS: [seriesRanking],
  SURVEY_RESPONDENTS: ['[1, 2]'],
  PAIRING_BY_EXPECTATION: [1, 'expectations', 2, 'usefulness', 4],
  PAIRING_TOTAL: [1, 'expectations', 2, 'usefulness', 4],
};

async function plan(sql: string, args: unknown[]): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...args)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

describe('query plans of results and briefs', () => {
  for (const [name, sql] of Object.entries(AGGREGATIONS)) {
    it(`${name} reads through indexes`, async () => {
      const details = await plan(sql, ARGS[name as keyof typeof AGGREGATIONS]);
      // Derived tables (a GROUP BY feeding another) and json_each lists are scanned by nature.
      const derived = new Set(details.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(d)?.[1] ?? []));
      const fullScans = details.filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d) && !derived.has(d.split(' ')[1] ?? ''));
      expect(fullScans, details.join('\n')).toEqual([]);
      if (/\bFROM answers\b|\bJOIN answers\b/.test(sql)) {
        expect(
          details.some((d) => /USING (COVERING )?INDEX answers_by_(question|response)/.test(d)),
          details.join('\n'),
        ).toBe(true);
      }
      // The counters hold every survey of the deployment: each statement reads one survey's range.
      for (const table of ['answer_tallies', 'question_tallies', 'text_tallies', 'survey_tallies', 'response_days']) {
        const alias = new RegExp(`\\b(?:FROM|JOIN) ${table}(?: (\\w+))?`).exec(sql);
        if (!alias) continue;
        const name = alias[1] && !/^(?:WHERE|JOIN|ON)$/i.test(alias[1]) ? alias[1] : table;
        expect(
          details.some((d) => d.startsWith(`SEARCH ${name} USING PRIMARY KEY (survey_id=?`)),
          details.join('\n'),
        ).toBe(true);
      }
      expect(
        details.some((d) => /^SEARCH .* USING /.test(d)),
        details.join('\n'),
      ).toBe(true);
    });
  }
});

/**
 * The one-call submission (src/responses/responses.queries.ts) runs on every participant's
 * write: each of its statements finds the link by its token's index and the response by its
 * unique key, never scanning invitations, responses or answers.
 */
describe('query plans of the one-call submission', () => {
  const args = ['0'.repeat(64), 1, '2026-01-01T00:00:00.000Z', 1, 'hash', null, 0, ''];
  const ARITY: Record<keyof typeof KNOWN_SUBMISSION, number> = {
    DELETE_OLD_ANSWERS: 7,
    UPSERT_RESPONSE: 7,
    INSERT_ANSWERS: 7,
    FLAG_INVITATION: 5,
  };
  for (const [name, sql] of Object.entries(KNOWN_SUBMISSION)) {
    it(`${name} reads through indexes`, async () => {
      const details = await plan(sql, args.slice(0, ARITY[name as keyof typeof KNOWN_SUBMISSION]));
      const fullScans = details.filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d));
      expect(fullScans, details.join('\n')).toEqual([]);
      expect(
        details.some((d) => /^SEARCH i(?:nvitations)? USING (?:COVERING )?INDEX sqlite_autoindex_invitations_1 \(token_hash=\?\)/.test(d)),
        details.join('\n'),
      ).toBe(true);
    });
  }
});
