/**
 * Every aggregation statement of results and briefs, as the code runs it, must find its rows
 * through an index: no full scan of answers (nor of responses, invitations or the counters
 * answer_tallies, question_tallies, text_tallies, survey_tallies, response_days), whatever the size of the table. EXPLAIN QUERY PLAN reads the plan without running the statement.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_SUBMISSION, KNOWN_SUBMISSION } from '../src/responses/responses.queries.ts';
import { AGGREGATIONS } from '../src/results/results.queries.ts';
import { env } from './helpers.ts';

const seriesRanking = JSON.stringify([{ s: 1, q: 'themes', k: 3 }]);

/** Arguments shaped like the real ones (JSON lists where the statement reads json_each). */
const ARGS: Record<keyof typeof AGGREGATIONS, unknown[]> = {
  PARTICIPATION: [1],
  TIMELINE: [1],
  QUESTION_COUNTERS: [1],
  ANSWER_COUNTERS: [1],
  ANSWER_TOTALS: [1],
  TOP_TEXTS: [1, 'remarks', 100],
  DEFINITION_TEXTS: [1, 50, null],
  SERIES_RANKING_ROWS: [1],
  THEME_TALLIES_EXACT: [seriesRanking],
  SURVEY_RESPONDENTS: ['[1, 2]'],
  SERIES_RESPONDENTS: [1],
  PAIRING: [1, 'expectations', 2, 'usefulness', 4],
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
      for (const table of ['answer_tallies', 'answer_totals', 'question_tallies', 'text_tallies', 'survey_tallies', 'response_days']) {
        const alias = new RegExp(`\\b(?:FROM|JOIN) ${table}(?: (\\w+))?`).exec(sql);
        if (!alias) continue;
        const name = alias[1] && !/^(?:WHERE|JOIN|ON)$/i.test(alias[1]) ? alias[1] : table;
        expect(
          details.some((d) => new RegExp(`^SEARCH ${name} USING (?:PRIMARY KEY|COVERING INDEX \\w+) \\(survey_id=\\?`).test(d)),
          details.join('\n'),
        ).toBe(true);
      }
      expect(
        details.some((d) => /^SEARCH .* USING /.test(d)),
        details.join('\n'),
      ).toBe(true);
      // Counters are read in their key's order: no sort, whose rows D1 counts as read too.
      if (!/\bjson_each\b/.test(sql))
        expect(
          details.filter((d) => /TEMP B-TREE/.test(d)),
          details.join('\n'),
        ).toEqual([]);
    });
  }

  it('reads the most frequent texts through text_tallies_by_count, the pairing by its whole key', async () => {
    expect(await plan(AGGREGATIONS.TOP_TEXTS, ARGS.TOP_TEXTS)).toEqual([
      'SEARCH text_tallies USING COVERING INDEX text_tallies_by_count (survey_id=? AND question_id=?)',
    ]);
    expect(await plan(AGGREGATIONS.PAIRING, ARGS.PAIRING)).toEqual([
      'SEARCH pair_tallies USING PRIMARY KEY (pre_survey_id=? AND post_survey_id=? AND pre_question_id=? AND post_question_id=?)',
    ]);
  });
});

/**
 * The one-call submission (src/responses/responses.queries.ts) runs on every participant's
 * write: each of its statements finds the link by its token's index and the response by its
 * unique key, never scanning invitations, responses or answers.
 */
describe('query plans of the one-call submission', () => {
  const args = ['0'.repeat(64), 1, '2026-01-01T00:00:00.000Z', 1, 'hash', null, 0, '[]', ''];
  const ARITY: Record<keyof typeof KNOWN_SUBMISSION, number> = {
    DELETE_OLD_ANSWERS: 9,
    UPSERT_RESPONSE: 7,
    INSERT_ANSWERS: 7,
    FLAG_INVITATION: 5,
  };
  const statements: [string, string, number][] = [
    ...Object.entries(KNOWN_SUBMISSION).map(([name, sql]): [string, string, number] => [
      name,
      sql,
      ARITY[name as keyof typeof KNOWN_SUBMISSION],
    ]),
    ['FIRST_SUBMISSION.INSERT_RESPONSE', FIRST_SUBMISSION.INSERT_RESPONSE, 7],
  ];
  for (const [name, sql, arity] of statements) {
    it(`${name} reads through indexes`, async () => {
      const details = await plan(sql, args.slice(0, arity));
      const fullScans = details.filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d));
      expect(fullScans, details.join('\n')).toEqual([]);
      expect(
        details.some((d) => /^SEARCH i(?:nvitations)? USING (?:COVERING )?INDEX sqlite_autoindex_invitations_1 \(token_hash=\?\)/.test(d)),
        details.join('\n'),
      ).toBe(true);
    });
  }
});

/**
 * An anonymous submission reads the survey's held ballots, and a release writes each ballot's
 * response: the held ones are found through their partial index and each released ballot (and
 * its response) by its key, never by walking every ballot or response the survey ever had
 * (a walk read 118,557 rows a submission at 100k in the bench before this).
 */
describe('query plans of anonymous ballots', () => {
  const held = (d: string) =>
    /^SEARCH (anonymous_ballots|b) USING (?:COVERING )?INDEX anonymous_ballots_pending/.test(d) ||
    /^SEARCH (anonymous_ballots|b) USING PRIMARY KEY \(survey_id=\? AND respondent_key=\?\)/.test(d);
  const oneSurveyWalk = (d: string) =>
    /^SEARCH (anonymous_ballots|b) USING PRIMARY KEY \(survey_id=\?\)$/.test(d) ||
    // (An EXISTS probe of responses by survey stops at its first row: not a walk.)
    /^SEARCH r USING (?:COVERING )?INDEX \w+ \(survey_id=\?\)$/.test(d);
  const item = ['a', 'p', 'fr', 'h', 1, '', [['q', 'o', null, null, null, null]]];
  const capture = { prepare: (sql: string) => ({ bind: (...args: unknown[]) => ({ sql, args }) }) } as unknown as D1Database;
  const statements = async () => {
    const q = await import('../src/responses/ballots.queries.ts');
    const store = q.storeBallotStatements(capture, {
      surveyId: 1,
      invitationId: 1,
      respondentKey: 'a',
      answersMac: 'm',
      language: 'fr',
      readback: 'r',
      readbackTag: 't',
      pending: 'p',
    });
    const release = q.releaseStatements(capture, 1, [item as never]);
    return [q.releasableBallots(capture, 1, false), ...store, ...release] as unknown as { sql: string; args: unknown[] }[];
  };
  it('reads held ballots through their index and released ones by key', async () => {
    for (const s of await statements()) {
      const details = await plan(s.sql, s.args);
      expect(
        details.filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d)),
        `${s.sql}\n${details.join('\n')}`,
      ).toEqual([]);
      expect(details.filter(oneSurveyWalk), `${s.sql}\n${details.join('\n')}`).toEqual([]);
      if (/\banonymous_ballots\b/.test(s.sql) && !/^\s*INSERT INTO anonymous_ballots/.test(s.sql)) {
        expect(details.some(held), `${s.sql}\n${details.join('\n')}`).toBe(true);
      }
    }
  });
});

/**
 * answers_by_response (migrations/0024) is keyed by response and question only: every reader of
 * answers by response finds them through it, the counters' triggers' probes of "another row of
 * this question" (0008, 0022) included, and a re-submission's delete of the rows that changed.
 */
describe('query plans of the readers of one response', () => {
  const byResponse =
    /^SEARCH (?:answers|a|x) USING (?:COVERING )?INDEX answers_by_response \(response_id=\?(?: AND question_id=\?)?(?: AND rowid<\?)?\)$/;
  it('finds the rows of a response, or of one of its questions, through answers_by_response', async () => {
    for (const [sql, args] of [
      ['SELECT 1 FROM answers WHERE response_id = ?1 AND question_id = ?2 AND rowid <> ?3', [1, 'q', 1]],
      ['SELECT 1 FROM answers x WHERE x.response_id = ?1 AND x.question_id = ?2 AND x.rowid < ?3', [1, 'q', 1]],
      [
        'SELECT json_group_array(json_array(a.question_id, a.option_id, a.theme_id, a.rank, a.number, a.text)) FROM answers a WHERE a.response_id = ?1',
        [1],
      ],
    ] as const) {
      const details = await plan(sql, [...args]);
      expect(details, `${sql}\n${details.join('\n')}`).toHaveLength(1);
      expect(details[0], sql).toMatch(byResponse);
    }
    const deletion = await plan(KNOWN_SUBMISSION.DELETE_OLD_ANSWERS, ['0'.repeat(64), 1, '', 1, 'h', null, 0, '[]', '']);
    expect(
      deletion.some((d) => byResponse.test(d)),
      deletion.join('\n'),
    ).toBe(true);
  });

  it('keeps no index of answers or responses that no statement reads', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('answers', 'responses') AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name",
    ).all<{ name: string }>();
    expect(results.map((r) => r.name)).toEqual(['answers_by_response', 'responses_by_invitation']);
  });
});
