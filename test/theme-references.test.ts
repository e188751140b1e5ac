/**
 * References inside a survey definition (issue 19, item 4): an option's theme_id must be a
 * theme of the survey's own series. The probe's case: organisation B created a survey whose
 * option named organisation A's theme (201), and B's results then joined A's theme.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, callJson, createCoordinator } from './helpers.ts';

let keyA: string;
let keyB: string;
let themeA: number;
let themeB: number;
let themeOtherSeriesB: number;
let sessionB: number;

const questions = (themeId: number) => [
  { id: 'sector', type: 'single', text: { fr: 'Secteur' }, options: [{ id: 'gp', label: { fr: 'Médecine générale' } }] },
  {
    id: 'priorities',
    type: 'ranking',
    max_ranked: 2,
    text: { fr: 'Priorités' },
    options: [
      { id: 'a', label: { fr: 'Un thème' } },
      { id: 't', label: { fr: 'Le thème' }, theme_id: themeId },
    ],
  },
];

beforeAll(async () => {
  keyA = await createCoordinator('Bassin Thèmes A');
  keyB = await createCoordinator('Bassin Thèmes B');
  const seriesA = await callJson<{ id: number }>('/api/series', { method: 'POST', key: keyA, json: { title: 'A' }, expect: 201 });
  themeA = (
    await callJson<{ id: number }>(`/api/series/${seriesA.id}/themes`, {
      method: 'POST',
      key: keyA,
      json: { label: { fr: 'Thème de A' } },
      expect: 201,
    })
  ).id;
  const seriesB = await callJson<{ id: number }>('/api/series', { method: 'POST', key: keyB, json: { title: 'B' }, expect: 201 });
  const otherB = await callJson<{ id: number }>('/api/series', { method: 'POST', key: keyB, json: { title: 'B bis' }, expect: 201 });
  themeB = (
    await callJson<{ id: number }>(`/api/series/${seriesB.id}/themes`, {
      method: 'POST',
      key: keyB,
      json: { label: { fr: 'Thème de B' } },
      expect: 201,
    })
  ).id;
  themeOtherSeriesB = (
    await callJson<{ id: number }>(`/api/series/${otherB.id}/themes`, {
      method: 'POST',
      key: keyB,
      json: { label: { fr: 'Autre série' } },
      expect: 201,
    })
  ).id;
  sessionB = (
    await callJson<{ id: number }>(`/api/series/${seriesB.id}/sessions`, {
      method: 'POST',
      key: keyB,
      json: { number: 1, starts_at: '2026-05-01T13:00:00+02:00' },
      expect: 201,
    })
  ).id;
});

describe('theme references in a survey definition', () => {
  // Before the fix: 201, and B's results joined A's theme.
  it("refuses another organisation's theme with 422 naming the option's path", async () => {
    const res = await call(`/api/sessions/${sessionB}/surveys`, {
      method: 'POST',
      key: keyB,
      json: { kind: 'pre', questions: questions(themeA) },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([{ field: 'questions.1.options.1.theme_id', message: 'not a theme of this series' }]);
  });

  it('refuses a theme of another series of the same organisation, and one that does not exist', async () => {
    for (const id of [themeOtherSeriesB, 999_999]) {
      const res = await call(`/api/sessions/${sessionB}/surveys`, {
        method: 'POST',
        key: keyB,
        json: { kind: 'pre', questions: questions(id) },
      });
      expect(res.status).toBe(422);
    }
    const listed = await callJson<{ surveys: unknown[] }>(`/api/sessions/${sessionB}`, { key: keyB });
    expect(listed.surveys).toEqual([]);
  });

  it("accepts the series' own theme", async () => {
    const survey = await callJson<{ questions: { options?: { theme_id?: number }[] }[] }>(`/api/sessions/${sessionB}/surveys`, {
      method: 'POST',
      key: keyB,
      json: { kind: 'pre', questions: questions(themeB) },
      expect: 201,
    });
    expect(survey.questions[1]?.options?.[1]?.theme_id).toBe(themeB);
  });
});
