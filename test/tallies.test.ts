/**
 * The counters of migrations/0008_tallies.sql against the answers they count, on the real D1
 * with the real triggers: after any sequence of submissions, re-submissions (profile changed
 * too) and erasures, answer_tallies and question_tallies equal a GROUP BY over answers, every
 * row carries its response's profile group, and the statements that read the counters give
 * what the former self-joins over answers gave (kept here as the reference).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerRow, validateAnswers } from '../src/domain/answers.ts';
import type { Definition } from '../src/domain/definition.ts';
import { removeInvitationsStatements } from '../src/invitations/invitations.queries.ts';
import { replaceResponse } from '../src/responses/responses.queries.ts';
import { profileGroup } from '../src/results/profile-group.ts';
import {
  BREAKDOWN_CELLS,
  BREAKDOWN_GROUPS,
  OPTION_COUNTS,
  QUESTION_RESPONDENTS,
  RANKING_TALLIES,
  RATING_COUNTS,
  TEXT_COUNTS,
} from '../src/results/results.queries.ts';
import { env } from './helpers.ts';

const ORG = 8101;
const SERIES = 8101;
const PEOPLE = 6;
let run = 0;

const label = (s: string) => ({ fr: s });
const options = (prefix: string, n: number, themes = false) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    label: label(`${prefix} ${i + 1}`),
    ...(themes ? { theme_id: i + 1 } : {}),
  }));

function definition(profile: 'single' | 'multiple'): Definition {
  return {
    questions: [
      { id: 'sector', type: profile, text: label('Secteur'), required: false, profile: true, options: options('s', 3) },
      { id: 'exp', type: 'multiple', text: label('Attentes'), required: false, profile: false, options: options('e', 4) },
      {
        id: 'themes',
        type: 'ranking',
        text: label('Thèmes'),
        required: false,
        max_ranked: 3,
        source: 'options',
        options: options('t', 4, true),
      },
      { id: 'use', type: 'rating', text: label('Utilité'), required: false, min: 1, max: 5 },
      { id: 'note', type: 'text', text: label('Remarque'), required: false, max_length: 200, role: 'remark' },
    ],
  } as Definition;
}

const RANKING = JSON.stringify([{ q: 'themes', k: 3 }]);

const COMBINATION = `(SELECT group_concat(option_id, ',') FROM (SELECT p.option_id FROM answers p
                        WHERE p.response_id = a.response_id AND p.question_id = ?2 ORDER BY p.option_id))`;

/** The aggregations as they read answers before the counters existed. */
const REFERENCE = {
  QUESTION_RESPONDENTS: `
    SELECT question_id, count(DISTINCT response_id) AS n FROM answers WHERE survey_id = ?1 GROUP BY question_id`,
  OPTION_COUNTS: `
    SELECT question_id, option_id, count(*) AS count FROM answers
     WHERE survey_id = ?1 AND option_id IS NOT NULL AND rank IS NULL GROUP BY question_id, option_id`,
  RANKING_TALLIES: `
    SELECT a.question_id, a.option_id, sum((q.value ->> 'k') + 1 - a.rank) AS borda, count(*) AS ranked,
           sum(a.rank = 1) AS first, sum(a.rank) AS position_sum
      FROM json_each(?2) q JOIN answers a ON a.survey_id = ?1 AND a.question_id = q.value ->> 'q' AND a.rank IS NOT NULL
     GROUP BY a.question_id, a.option_id`,
  RATING_COUNTS: `
    SELECT question_id, number AS value, count(*) AS count FROM answers
     WHERE survey_id = ?1 AND number IS NOT NULL GROUP BY question_id, number`,
  // The respondent's whole answer to the profile question is their group ('s1,s3' for two
  // choices): groups stay disjoint, and the disclosure gate recodes them.
  BREAKDOWN_CELLS: `
    SELECT a.question_id, a.option_id, a.number AS value, ${COMBINATION} AS grp, count(*) AS count,
           sum((k.value ->> 'k') + 1 - a.rank) AS borda
      FROM answers a
      LEFT JOIN json_each(?3) k ON k.value ->> 'q' = a.question_id
     WHERE a.survey_id = ?1 AND a.question_id <> ?2 AND a.text IS NULL
     GROUP BY a.question_id, a.option_id, a.number, grp`,
  BREAKDOWN_GROUPS: `
    SELECT a.question_id, ${COMBINATION} AS grp, count(DISTINCT a.response_id) AS n
      FROM answers a
     WHERE a.survey_id = ?1 AND a.question_id <> ?2
     GROUP BY a.question_id, grp`,
  TEXT_COUNTS: `
    SELECT question_id, text, count(*) AS count
      FROM answers WHERE survey_id = ?1 AND text IS NOT NULL
     GROUP BY question_id, text`,
};
const CURRENT = { QUESTION_RESPONDENTS, OPTION_COUNTS, RANKING_TALLIES, RATING_COUNTS, BREAKDOWN_CELLS, BREAKDOWN_GROUPS, TEXT_COUNTS };
const ARGS: Record<keyof typeof REFERENCE, (survey: number) => unknown[]> = {
  QUESTION_RESPONDENTS: (s) => [s],
  OPTION_COUNTS: (s) => [s],
  RANKING_TALLIES: (s) => [s, RANKING],
  RATING_COUNTS: (s) => [s],
  BREAKDOWN_CELLS: (s) => [s, 'sector', RANKING],
  BREAKDOWN_GROUPS: (s) => [s, 'sector'],
  TEXT_COUNTS: (s) => [s],
};

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO organisations (id, name) VALUES (?1, 'Tallies')`).bind(ORG),
    env.DB.prepare(`INSERT INTO series (id, organisation_id, title) VALUES (?1, ?2, 'Tallies')`).bind(SERIES, ORG),
    ...[1, 2, 3, 4].map((t) =>
      env.DB.prepare(`INSERT INTO themes (id, series_id, label_fr) VALUES (?1, ?2, ?3)`).bind(8100 + t, SERIES, `Thème ${t}`),
    ),
  ]);
});

/** A fresh open survey with PEOPLE invitations (ids survey × 10 + 1…). */
async function freshSurvey(profile: 'single' | 'multiple'): Promise<{ id: number; def: Definition }> {
  run += 1;
  const id = 8100 + run;
  const def = definition(profile);
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO sessions (id, series_id, number, starts_at) VALUES (?1, ?2, ?3, '2026-01-01T10:00:00Z')`).bind(
      id,
      SERIES,
      run,
    ),
    env.DB.prepare(`INSERT INTO surveys (id, session_id, kind, status, definition) VALUES (?1, ?1, 'post', 'open', ?2)`).bind(
      id,
      JSON.stringify(def),
    ),
  ]);
  for (let who = 0; who < PEOPLE; who++) await invite(id, who);
  return { id, def };
}

const invitationId = (survey: number, who: number) => survey * 10 + who + 1;
function invite(survey: number, who: number) {
  return env.DB.prepare(
    `INSERT OR IGNORE INTO invitations (id, survey_id, email, token_hash) VALUES (?1, ?2, ?3, lower(hex(randomblob(16))))`,
  )
    .bind(invitationId(survey, who), survey, `p${who}@example.org`)
    .run();
}

async function submit(survey: { id: number; def: Definition }, who: number, input: Record<string, unknown>) {
  const checked = validateAnswers(survey.def, input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  await invite(survey.id, who);
  await replaceResponse(env.DB, {
    surveyId: survey.id,
    invitationId: invitationId(survey.id, who),
    anonymous: false,
    respondentKey: `i:${invitationId(survey.id, who)}`,
    language: 'fr',
    answersHash: `h${Math.random()}`,
    definitionVersion: 1,
    rows: checked.rows as AnswerRow[],
    grp: profileGroup(survey.def, checked.rows),
  });
}

const rows = async (sql: string, args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .all<Record<string, unknown>>()
  ).results;
const sorted = (list: Record<string, unknown>[]) => list.map((r) => JSON.stringify(r)).sort();

async function expectConsistent(survey: number) {
  const [tallies, fromAnswers, respondents, respondentsFromAnswers, groups] = await Promise.all([
    rows(`SELECT question_id, grp, option_id, theme_id, rank, number, n FROM answer_tallies WHERE survey_id = ?1`, [survey]),
    rows(
      `SELECT question_id, grp, coalesce(option_id, '') AS option_id, coalesce(theme_id, 0) AS theme_id,
              coalesce(rank, 0) AS rank, coalesce(number, -1) AS number, count(*) AS n
         FROM answers WHERE survey_id = ?1 AND text IS NULL GROUP BY 1, 2, 3, 4, 5, 6`,
      [survey],
    ),
    rows(`SELECT question_id, grp, n FROM question_tallies WHERE survey_id = ?1`, [survey]),
    rows(`SELECT question_id, grp, count(DISTINCT response_id) AS n FROM answers WHERE survey_id = ?1 GROUP BY 1, 2`, [survey]),
    // Each row's group against the profile answers of its own response.
    rows(
      `SELECT a.grp, coalesce((SELECT group_concat(option_id, ',' ORDER BY option_id) FROM answers p
                                WHERE p.response_id = a.response_id AND p.question_id = 'sector'), '') AS expected
         FROM answers a WHERE a.survey_id = ?1`,
      [survey],
    ),
  ]);
  expect(sorted(tallies)).toEqual(sorted(fromAnswers));
  expect(sorted(respondents)).toEqual(sorted(respondentsFromAnswers));
  for (const g of groups) expect(g.grp).toBe(g.expected);
  for (const name of Object.keys(REFERENCE) as (keyof typeof REFERENCE)[]) {
    const args = ARGS[name](survey);
    expect(sorted(await rows(CURRENT[name], args)), name).toEqual(sorted(await rows(REFERENCE[name], args)));
  }
}

const pick = <T>(list: readonly T[]) => fc.subarray([...list]);
const answersArb = (profile: 'single' | 'multiple') =>
  fc.record(
    {
      sector: profile === 'single' ? fc.constantFrom('s1', 's2', 's3') : pick(['s1', 's2', 's3']),
      exp: pick(['e1', 'e2', 'e3', 'e4']),
      themes: fc.shuffledSubarray(['t1', 't2', 't3', 't4'], { maxLength: 3 }),
      use: fc.integer({ min: 1, max: 5 }),
      note: fc.constantFrom('Merci', 'Trop long', 'merci'),
    },
    { requiredKeys: [] },
  );

const op = (profile: 'single' | 'multiple') =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), who: fc.nat(PEOPLE - 1), answers: answersArb(profile) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: fc.nat(PEOPLE - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), who: fc.nat(PEOPLE - 1) }) },
  );

async function apply(survey: { id: number; def: Definition }, o: Op) {
  if (o.kind === 'submit') return submit(survey, o.who, o.answers);
  if (o.kind === 'erase') {
    // The response alone: its answers go by the foreign key's ON DELETE CASCADE.
    await env.DB.prepare(`DELETE FROM responses WHERE survey_id = ?1 AND respondent_key = ?2`)
      .bind(survey.id, `i:${invitationId(survey.id, o.who)}`)
      .run();
    return;
  }
  // The workspace's removal of a person: answers deleted explicitly, then the rest.
  await env.DB.batch(removeInvitationsStatements(env.DB, '?', [invitationId(survey.id, o.who)]));
}
type Op =
  | { kind: 'submit'; who: number; answers: Record<string, unknown> }
  | { kind: 'erase'; who: number }
  | { kind: 'remove'; who: number };

describe('answer_tallies and question_tallies (real D1, real triggers)', () => {
  for (const profile of ['single', 'multiple'] as const) {
    it(`equal a GROUP BY over answers after any submissions, re-submissions and erasures (${profile} profile)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op(profile), { minLength: 1, maxLength: 14 }), async (ops) => {
          const survey = await freshSurvey(profile);
          for (const o of ops) await apply(survey, o as Op);
          await expectConsistent(survey.id);
        }),
        { numRuns: 25 },
      );
      // 25 runs of up to 14 D1 batches each plus a GROUP BY: seconds when quiet, more under load.
    }, 120_000);
  }

  it('go down when a response is erased, through the cascade from responses and from the series', async () => {
    const survey = await freshSurvey('single');
    await submit(survey, 0, { sector: 's1', exp: ['e1', 'e2'], themes: ['t2', 't1'], use: 4, note: 'Merci' });
    await submit(survey, 1, { sector: 's1', exp: ['e2'], themes: ['t2'], use: 5 });
    const count = async (sql: string) => (await env.DB.prepare(sql).bind(survey.id).first<{ n: number }>())?.n;
    const e2 = `SELECT sum(n) AS n FROM answer_tallies WHERE survey_id = ?1 AND question_id = 'exp' AND option_id = 'e2'`;
    const use = `SELECT sum(n) AS n FROM question_tallies WHERE survey_id = ?1 AND question_id = 'use'`;
    const note = `SELECT sum(n) AS n FROM question_tallies WHERE survey_id = ?1 AND question_id = 'note'`;
    expect([await count(e2), await count(use), await count(note)]).toEqual([2, 2, 1]);

    await env.DB.prepare(`DELETE FROM responses WHERE id = (SELECT id FROM responses WHERE survey_id = ?1 AND respondent_key = ?2)`)
      .bind(survey.id, `i:${invitationId(survey.id, 0)}`)
      .run();
    expect([await count(e2), await count(use), await count(note)]).toEqual([1, 1, null]);
    await expectConsistent(survey.id);

    // Deleting the session cascades to the survey, its responses and their answers.
    await env.DB.prepare(`DELETE FROM sessions WHERE id = ?1`).bind(survey.id).run();
    expect(await count(`SELECT count(*) AS n FROM answer_tallies WHERE survey_id = ?1`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM question_tallies WHERE survey_id = ?1`)).toBe(0);
  });

  it('move a respondent to their new group when they change their profile answer', async () => {
    const survey = await freshSurvey('single');
    await submit(survey, 0, { sector: 's1', use: 4 });
    await submit(survey, 0, { sector: 's2', use: 4 });
    expect(await rows(`SELECT grp, n FROM question_tallies WHERE survey_id = ?1 AND question_id = 'use'`, [survey.id])).toEqual([
      { grp: 's2', n: 1 },
    ]);
    await expectConsistent(survey.id);
  });

  it('rewrite only the answers that changed when a respondent corrects one, the rest kept as they were', async () => {
    const survey = await freshSurvey('single');
    const answersOf = () =>
      rows(`SELECT rowid AS id, question_id, option_id, number FROM answers WHERE survey_id = ?1 ORDER BY question_id, option_id`, [
        survey.id,
      ]);
    await submit(survey, 0, { sector: 's1', exp: ['e1', 'e2'], themes: ['t2', 't1'], use: 4, note: 'Merci' });
    const before = await answersOf();
    await submit(survey, 0, { sector: 's1', exp: ['e1', 'e3'], themes: ['t2', 't1'], use: 4, note: 'Merci' });
    const after = await answersOf();
    // e2 went, e3 came; every other row is the very same row (same rowid).
    const kept = (list: Record<string, unknown>[]) => list.filter((r) => !['e2', 'e3'].includes(String(r.option_id)));
    expect(kept(after)).toEqual(kept(before));
    expect(after.filter((r) => r.option_id === 'e3')).toHaveLength(1);
    expect(after.filter((r) => r.option_id === 'e2')).toHaveLength(0);
    await expectConsistent(survey.id);
    // A new profile answer changes the group every row carries: all of them are replaced
    // (expectConsistent checks each row's group against its response's profile answer).
    await submit(survey, 0, { sector: 's2', exp: ['e1', 'e3'], themes: ['t2', 't1'], use: 4, note: 'Merci' });
    await expectConsistent(survey.id);
  });

  it('refuse an answer changed in place, which the counters would not follow', async () => {
    const survey = await freshSurvey('single');
    await submit(survey, 0, { sector: 's1', use: 4 });
    await expect(env.DB.prepare(`UPDATE answers SET number = 5 WHERE survey_id = ?1`).bind(survey.id).run()).rejects.toThrow(
      /never updated/,
    );
  });
});
