/**
 * Attack 4 — formats. The curious coordinator reads the same survey in every format and view
 * (results JSON, long CSV, one question's CSV, the printable page, the brief in JSON, Markdown,
 * CSV and HTML, the series export) and looks for a figure one of them hides and another shows.
 * Promise: a number withheld in one format is withheld in all of them; a survey whose results
 * are withheld (fewer respondents than the minimum) shows none of its answers anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../src/results/results.ts';
import { parseCsv } from '../seeded-cycle.ts';
import { call, callJson, close, crowd, POST_QUESTIONS, scenario, snapshot } from './attacker.ts';

const REMARK = 'FMT-WITHHELD-REMARK la coordinatrice du CPAS ne répond jamais';
const PROPOSAL = 'FMT-WITHHELD-PROPOSAL';

/** An anonymous survey with two respondents: under the minimum of 3, its results are withheld. */
async function withheldSurvey(name: string) {
  const s = await scenario(name, { anonymous: true });
  await crowd(s, 'few', 2, (i) => ({
    usefulness: 1 + i,
    actions: ['tools-cadastre'],
    sector: 'gp',
    ...(i === 0 ? { remarks: REMARK, proposal: PROPOSAL } : {}),
  }));
  // Closing counts what nothing counted before: the gate alone must now withhold it.
  await close(s);
  return s;
}

describe('a survey whose results are withheld', () => {
  it('shows none of its answers’ texts in any format (results, question CSVs, brief, export, lists)', async () => {
    const s = await withheldSurvey('Formats withheld texts');
    const outputs = await snapshot(s);
    const showing = Object.entries(outputs)
      .filter(([, text]) => text.includes('FMT-WITHHELD'))
      .map(([name]) => name);
    expect(showing, 'outputs that show a text of a withheld survey').toEqual([]);
  });

  it('carries no per-option counts or rating distribution in the series export', async () => {
    const s = await withheldSurvey('Formats withheld export');
    const r = await callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
    expect(r.withheld).toBe(true);
    const doc = await callJson<{
      surveys: { id: number; results: { options: unknown[]; ratings: unknown[]; questions?: unknown[] }; responses: unknown[] }[];
    }>(`/api/series/${s.seriesId}/export`, { key: s.key });
    const survey = doc.surveys.find((x) => x.id === s.surveyId);
    expect(survey?.results.options, 'option counts of a withheld survey in the export').toEqual([]);
    expect(survey?.results.ratings, 'rating distribution of a withheld survey in the export').toEqual([]);
    expect(survey?.results.questions ?? [], 'respondents per question of a withheld survey in the export').toEqual([]);
    expect(survey?.responses).toEqual([]);
  });

  it('shows no figure of its questions in the long CSV nor in any one question’s CSV', async () => {
    const s = await withheldSurvey('Formats withheld CSV');
    const res = await call(`/api/surveys/${s.surveyId}/results?format=csv`, { key: s.key });
    const [header = [], ...rows] = parseCsv(await res.text());
    const qi = header.indexOf('question_id');
    expect(rows.filter((row) => row[qi]).map((row) => row.join(','))).toEqual([]);
    for (const q of POST_QUESTIONS) {
      const one = await call(`/api/surveys/${s.surveyId}/results?format=csv&question=${q}`, { key: s.key });
      if (one.status !== 200) {
        expect(one.status, q).toBeLessThan(500);
        continue;
      }
      const [h = [], ...body] = parseCsv(await one.text());
      // Either the long layout (participation only is fine) or the question's own table.
      const figures = ['count', 'borda', 'ranked', 'first', 'mean', 'median', 'mean_borda', 'share', 'place'];
      const shown = h.includes('question_id')
        ? body.filter((row) => row[h.indexOf('question_id')]).map((row) => row.join(','))
        : body.flatMap((row) => figures.filter((f) => h.includes(f) && row[h.indexOf(f)] !== '').map((f) => `${f}=${row[h.indexOf(f)]}`));
      expect(shown, `one question’s CSV (${q}) of a withheld survey`).toEqual([]);
    }
  });

  it('feeds none of its figures into the brief (usefulness, actions)', async () => {
    const s = await withheldSurvey('Formats withheld brief');
    const brief = await callJson<{ appreciation: unknown; actions: unknown }>(`/api/sessions/${s.sessionId}/brief`, { key: s.key });
    expect(brief.appreciation).toBeNull();
    expect(brief.actions).toBeNull();
  });
});

describe('a hidden breakdown cell', () => {
  it('is hidden in the long CSV as in JSON (guard: holds today)', async () => {
    const s = await scenario('Formats hidden cells', { anonymous: true });
    await crowd(s, 'gp', 1, () => ({ usefulness: 1, actions: ['tools-cadastre'], sector: 'gp' }));
    await crowd(s, 'hospital', 4, () => ({ usefulness: 4, actions: ['practice-exchange'], sector: 'hospital' }));
    await crowd(s, 'home', 4, () => ({ usefulness: 2, actions: ['info-services', 'practice-exchange'], sector: 'home-care' }));
    await close(s);
    const r = await callJson<SurveyResults>(`/api/surveys/${s.surveyId}/results`, { key: s.key });
    const res = await call(`/api/surveys/${s.surveyId}/results?format=csv`, { key: s.key });
    const [header = [], ...rows] = parseCsv(await res.text());
    const col = (name: string) => header.indexOf(name);
    const shownInCsv: string[] = [];
    for (const q of r.questions) {
      const b = q.breakdown;
      if (!b?.rows) continue;
      for (const row of b.rows) {
        row.cells.forEach((cell, gi) => {
          if (!cell.suppressed) return;
          const group = `${b.by.question_id}=${b.groups[gi]?.id ?? 'not-stated'}`;
          const line = rows.find(
            (x) =>
              x[col('question_id')] === q.id &&
              x[col('option_id')] === row.id &&
              x[col('group')] === group &&
              x[col('measure')] === 'count',
          );
          if (line && line[col('value')] !== 'suppressed') shownInCsv.push(`${q.id}/${row.id}/${group}=${line[col('value')]}`);
        });
      }
    }
    expect(shownInCsv, 'cells hidden in JSON but shown in CSV').toEqual([]);
  });
});
