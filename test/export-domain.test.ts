/** The import's rules without D1: which files are inconsistent, and how ids are remapped together. */
import { describe, expect, it } from 'vitest';
import type { SeriesExport } from '../src/exports/exports.schemas.ts';
import { planImport, referenceIssues } from '../src/exports/series-export.ts';

const label = (fr: string) => ({ fr });

function file(): SeriesExport {
  return {
    format: 'relais.series',
    version: 1,
    exported_at: '2025-12-01T00:00:00.000Z',
    series: { id: 7, title: 'Liaison', bassin: null, language: 'fr', min_group_size: 3 },
    themes: [
      { id: 10, label: label('Secret professionnel partagé'), status: 'active', merged_into: null },
      { id: 11, label: label('Transmission'), status: 'archived', merged_into: 10 },
    ],
    sessions: [{ id: 20, number: 1, starts_at: '2025-06-10T11:00:00.000Z', ends_at: null, place: null }],
    surveys: [
      {
        id: 30,
        session_id: 20,
        kind: 'post',
        status: 'closed',
        anonymous: false,
        closes_at: null,
        opened_at: null,
        closed_at: null,
        definition_version: 1,
        questions: [
          {
            id: 'themes',
            type: 'ranking',
            text: label('Thèmes'),
            required: false,
            max_ranked: 2,
            source: 'themes',
            options: [
              { id: 't10', label: label('Secret'), theme_id: 10 },
              { id: 'other', label: label('Autre'), theme_id: 11 },
            ],
          },
        ],
        counts: { invitations: 1, opened: 1, answered: 1, responses: 1 },
        results: { options: [{ question_id: 'themes', option_id: 't10', rank: 1, n: 1 }], ratings: [] },
        responses: [
          {
            respondent: 1,
            language: 'fr',
            definition_version: 1,
            created_at: '2025-06-11T08:00:00.000Z',
            updated_at: '2025-06-11T08:00:00.000Z',
            answers: [{ question_id: 'themes', option_id: 't10', theme_id: 10, rank: 1, number: null, text: null }],
          },
        ],
      },
    ],
  };
}

describe('referenceIssues', () => {
  it('accepts a consistent file', () => {
    expect(referenceIssues(file())).toEqual([]);
  });

  it('names duplicate ids, a theme merged into itself or elsewhere, and options pointing outside', () => {
    const f = file();
    f.themes.push({ id: 10, label: label('Double'), status: 'active', merged_into: 10 });
    const q = f.surveys[0]?.questions[0];
    if (q && 'options' in q && q.options[1]) q.options[1].theme_id = 99;
    expect(referenceIssues(f)).toEqual([
      { field: 'themes.2.id', message: 'duplicate theme id' },
      { field: 'themes.2.merged_into', message: 'not another theme of this file' },
      { field: 'surveys.0.questions.0.options.1.theme_id', message: 'not a theme of this file' },
    ]);
  });
});

describe('planImport', () => {
  const plan = planImport(file(), { series: 100, themes: 200, sessions: 300, surveys: 400, responses: 500 }, 'k');

  it('takes ids just above the bases and remaps every reference with them', () => {
    expect(plan.series.id).toBe(101);
    expect(plan.themes.map((t) => [t.id, t.merged_into_id])).toEqual([
      [201, null],
      [202, 201],
    ]);
    expect(plan.sessions[0]?.id).toBe(301);
    expect(plan.surveys[0]).toMatchObject({ id: 401, session_id: 301, anonymous: 0 });
    expect(plan.responses[0]).toMatchObject({ id: 501, survey_id: 401, respondent_key: 'import:k:1' });
  });

  it('renames theme options after their new theme, in the definition, the answers and the results', () => {
    const options = JSON.parse(plan.surveys[0]?.definition ?? '{}').questions[0].options;
    expect(options.map((o: { id: string; theme_id: number }) => [o.id, o.theme_id])).toEqual([
      ['t201', 201],
      ['other', 202],
    ]);
    // The last column is the respondent's profile group (none here: no profile question).
    expect(plan.answers[0]).toEqual([501, 401, 'themes', 't201', 201, 1, null, null, '']);
    expect(JSON.parse(plan.surveys[0]?.results ?? '{}').options[0].option_id).toBe('t201');
  });
});
