/**
 * The participation counters of migrations/0015_survey_tallies.sql (survey_tallies,
 * response_days) against a recount of the invitations and responses they count, on the real
 * D1 with the real triggers: after any sequence of invitations, openings, named submissions and
 * released anonymous responses, re-submissions, erasures and removals; after the demo seed, an import and the
 * cascades from a session and a series. The statements that read them (PARTICIPATION,
 * TIMELINE, SURVEY_RESPONDENTS) give what they gave when they counted the rows themselves.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerRow, validateAnswers } from '../src/domain/answers.ts';
import type { Definition } from '../src/domain/definition.ts';
import { removeInvitationsStatements } from '../src/invitations/invitations.queries.ts';
import { markOpened, replaceResponse } from '../src/responses/responses.queries.ts';
import { profileGroup } from '../src/results/profile-group.ts';
import { PARTICIPATION, SURVEY_RESPONDENTS, TIMELINE } from '../src/results/results.queries.ts';
import { callJson, createCoordinator, env } from './helpers.ts';
import { seedDemoCycle } from './seeded-cycle.ts';

const ORG = 8201;
const SERIES = 8201;
const PEOPLE = 5;
let run = 0;

/** The statements as they were before the counters: the reference. */
const REFERENCE = {
  PARTICIPATION: `
    SELECT count(*) AS invited, count(opened_at) AS opened, coalesce(sum(answered), 0) AS answered,
           (SELECT count(*) FROM responses WHERE survey_id = ?1) AS responses
      FROM invitations WHERE survey_id = ?1`,
  TIMELINE: `
    SELECT substr(created_at, 1, 10) AS day, count(*) AS count
      FROM responses WHERE survey_id = ?1 GROUP BY day ORDER BY day`,
  SURVEY_RESPONDENTS: `
    SELECT r.survey_id, count(*) AS n
      FROM json_each(?1) j JOIN responses r ON r.survey_id = j.value GROUP BY r.survey_id`,
};

const DEFINITION = {
  questions: [
    { id: 'sector', type: 'single', text: { fr: 'Secteur' }, required: false, profile: true, options: [{ id: 's1', label: { fr: 's1' } }] },
    { id: 'use', type: 'rating', text: { fr: 'Utilité' }, required: false, min: 1, max: 5 },
  ],
} as unknown as Definition;

const rows = async (sql: string, args: unknown[] = []) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .all<Record<string, unknown>>()
  ).results;

/** Every survey's counters equal a recount, and each reading statement its former self (for `only`, else every survey). */
async function expectCounted(only?: number) {
  const tallies = await rows(`SELECT survey_id, invited, opened, answered, responses FROM survey_tallies ORDER BY survey_id`);
  const recount = await rows(
    `SELECT survey_id, sum(invited) AS invited, sum(opened) AS opened, sum(answered) AS answered, sum(responses) AS responses
       FROM (SELECT survey_id, count(*) AS invited, count(opened_at) AS opened, sum(answered) AS answered, 0 AS responses
               FROM invitations GROUP BY survey_id
             UNION ALL
             SELECT survey_id, 0, 0, 0, count(*) FROM responses GROUP BY survey_id)
      GROUP BY survey_id ORDER BY survey_id`,
  );
  expect(tallies).toEqual(recount);
  expect(await rows(`SELECT survey_id, day, n FROM response_days ORDER BY survey_id, day`)).toEqual(
    await rows(`SELECT survey_id, substr(created_at, 1, 10) AS day, count(*) AS n FROM responses GROUP BY 1, 2 ORDER BY 1, 2`),
  );
  const surveys = only ? [only] : (await rows(`SELECT id FROM surveys ORDER BY id`)).map((r) => Number(r.id));
  for (const id of surveys) {
    expect(await rows(PARTICIPATION, [id]), `survey ${id}`).toEqual(await rows(REFERENCE.PARTICIPATION, [id]));
    expect(await rows(TIMELINE, [id]), `survey ${id}`).toEqual(await rows(REFERENCE.TIMELINE, [id]));
  }
  const list = JSON.stringify([...surveys, 999_999]);
  const byId = (l: Record<string, unknown>[]) => [...l].sort((a, b) => Number(a.survey_id) - Number(b.survey_id));
  expect(byId(await rows(SURVEY_RESPONDENTS, [list]))).toEqual(byId(await rows(REFERENCE.SURVEY_RESPONDENTS, [list])));
}

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO organisations (id, name) VALUES (?1, 'Survey tallies')`).bind(ORG),
    env.DB.prepare(`INSERT INTO series (id, organisation_id, title) VALUES (?1, ?2, 'Survey tallies')`).bind(SERIES, ORG),
  ]);
});

async function freshSurvey(): Promise<number> {
  run += 1;
  const id = 8200 + run;
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO sessions (id, series_id, number, starts_at) VALUES (?1, ?2, ?3, '2026-01-01T10:00:00Z')`).bind(
      id,
      SERIES,
      run,
    ),
    env.DB.prepare(`INSERT INTO surveys (id, session_id, kind, status, definition) VALUES (?1, ?1, 'post', 'open', ?2)`).bind(
      id,
      JSON.stringify(DEFINITION),
    ),
  ]);
  return id;
}

const invitationId = (survey: number, who: number) => survey * 10 + who + 1;
const invite = (survey: number, who: number) =>
  env.DB.prepare(`INSERT OR IGNORE INTO invitations (id, survey_id, email, token_hash) VALUES (?1, ?2, ?3, lower(hex(randomblob(16))))`)
    .bind(invitationId(survey, who), survey, `p${who}@example.org`)
    .run();

type Op = { kind: 'invite' | 'open' | 'erase' | 'remove'; who: number } | { kind: 'submit'; who: number; anonymous: boolean; use: number };

async function apply(survey: number, o: Op) {
  const invitation = invitationId(survey, o.who);
  switch (o.kind) {
    case 'invite':
      return invite(survey, o.who);
    case 'open':
      return markOpened(env.DB, invitation, false);
    case 'submit': {
      await invite(survey, o.who);
      const checked = validateAnswers(DEFINITION, { sector: 's1', use: o.use });
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      if (o.anonymous) {
        // As the release of anonymous ballots writes a response (src/responses/ballots.queries.ts):
        // no invitation, the day only; its answers do not matter to these counters.
        await env.DB.prepare(
          `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
           VALUES (?1, NULL, ?2, 'fr', ?3, 1, strftime('%Y-%m-%d', 'now'), strftime('%Y-%m-%d', 'now'))
           ON CONFLICT (survey_id, respondent_key) DO UPDATE SET answers_hash = excluded.answers_hash, updated_at = excluded.updated_at`,
        )
          .bind(survey, `anon-${invitation}`, `h${o.use}`)
          .run();
        return;
      }
      await replaceResponse(env.DB, {
        surveyId: survey,
        invitationId: invitation,
        respondentKey: `i:${invitation}`,
        language: 'fr',
        answersHash: `h${o.use}`,
        definitionVersion: 1,
        rows: checked.rows as AnswerRow[],
        grp: profileGroup(DEFINITION, checked.rows),
      });
      return;
    }
    case 'erase':
      await env.DB.prepare(`DELETE FROM responses WHERE survey_id = ?1 AND respondent_key IN (?2, ?3)`)
        .bind(survey, `i:${invitation}`, `anon-${invitation}`)
        .run();
      return;
    case 'remove':
      await env.DB.batch(removeInvitationsStatements(env.DB, '?', [invitation]));
  }
}

const who = fc.nat(PEOPLE - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('invite' as const, 'open' as const, 'erase' as const, 'remove' as const), who }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('submit' as const), who, anonymous: fc.boolean(), use: fc.integer({ min: 1, max: 5 }) }),
  },
);

describe('survey_tallies and response_days (real D1, real triggers)', () => {
  it('equal a recount after any invitations, openings, submissions, re-submissions, erasures and removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 16 }), async (ops) => {
        const survey = await freshSurvey();
        for (const o of ops) await apply(survey, o);
        await expectCounted(survey);
      }),
      { numRuns: 20 },
    );
  });

  it('equal a recount after the demo seed, an import, and the cascades from a session and a series', async () => {
    const demoKey = await seedDemoCycle();
    await expectCounted();
    const [demo] = (await callJson<{ series: { id: number }[] }>('/api/series', { key: demoKey })).series;
    if (!demo) throw new Error('no demo series');
    const doc = await callJson(`/api/series/${demo.id}/export`, { key: demoKey });
    const otherKey = await createCoordinator('Bassin Tallies');
    const imported = await callJson<{ id: number; responses: number }>('/api/series/import', {
      method: 'POST',
      key: otherKey,
      json: doc,
      expect: 201,
    });
    expect(imported.responses).toBeGreaterThan(0);
    await expectCounted();
    // A survey with invitations, an opening and responses, then its session deleted.
    const survey = await freshSurvey();
    for (const o of [
      { kind: 'submit', who: 0, anonymous: false, use: 3 },
      { kind: 'invite', who: 1 },
      { kind: 'open', who: 1 },
      { kind: 'invite', who: 2 },
    ] as Op[])
      await apply(survey, o);
    expect(await rows(PARTICIPATION, [survey])).toEqual([{ invited: 3, opened: 2, answered: 1, responses: 1 }]);
    await env.DB.prepare(`DELETE FROM sessions WHERE id = ?1`).bind(survey).run();
    expect(await rows(`SELECT * FROM survey_tallies WHERE survey_id = ?1`, [survey])).toEqual([]);
    await env.DB.prepare(`DELETE FROM series WHERE id = ?1`).bind(imported.id).run();
    await expectCounted();
  });
});
