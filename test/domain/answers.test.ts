import { describe, expect, it } from 'vitest';
import { answersFromForm, answersFromRows, canonicalAnswers, fingerprintText, validateAnswers } from '../../src/domain/answers.ts';
import type { Definition } from '../../src/domain/definition.ts';
import { postSurveyTemplate, preSurveyTemplate } from '../../src/domain/templates.ts';

const themes = [
  { id: 1, label: { fr: 'VIF' } },
  { id: 2, label: { fr: 'Aidant·es proches' } },
  { id: 3, label: { fr: 'Personnes isolées' } },
  { id: 4, label: { fr: 'Urgences' } },
];
const pre: Definition = { questions: preSurveyTemplate({ themes, bassin: null }) };
const post: Definition = { questions: postSurveyTemplate({ themes, bassin: null }) };

describe('validateAnswers', () => {
  it('normalises a full pre-survey answer into one row per atom', () => {
    const result = validateAnswers(pre, {
      expectations: ['create-links', 'share-news'],
      themes: ['t3', 't1'],
      'theme-proposal': '  Santé mentale  ',
      sector: 'hospital',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual([
      { question_id: 'expectations', option_id: 'create-links', theme_id: null, rank: null, number: null, text: null },
      { question_id: 'expectations', option_id: 'share-news', theme_id: null, rank: null, number: null, text: null },
      { question_id: 'themes', option_id: 't3', theme_id: 3, rank: 1, number: null, text: null },
      { question_id: 'themes', option_id: 't1', theme_id: 1, rank: 2, number: null, text: null },
      { question_id: 'theme-proposal', option_id: null, theme_id: null, rank: null, number: null, text: 'Santé mentale' },
      { question_id: 'sector', option_id: 'hospital', theme_id: null, rank: null, number: null, text: null },
    ]);
    expect(result.answers['theme-proposal']).toBe('Santé mentale');
  });

  it('reports every problem with the field it concerns, and stores nothing', () => {
    const result = validateAnswers(post, {
      usefulness: 9,
      themes: ['t1', 't1'],
      actions: ['no-such-action'],
      remarks: 'x'.repeat(2001),
      sector: 42,
      bogus: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((i) => [i.field, i.code]));
    expect(byField).toEqual({
      answers: 'unknown_question', // the key is the sender's: never echoed (issue 19)
      'answers.usefulness': 'out_of_range',
      'answers.themes': 'duplicate',
      'answers.actions': 'unknown_option',
      'answers.sector': 'wrong_type',
      'answers.remarks': 'too_long',
    });
  });

  it('requires required questions and treats blanks as unanswered', () => {
    const result = validateAnswers(pre, { expectations: [], themes: [], 'theme-proposal': '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ field: 'answers.expectations', code: 'required', message: 'an answer is required' }]);
  });

  it('accepts a top-k ranking and refuses more than max_ranked', () => {
    expect(validateAnswers(post, { usefulness: 4, themes: ['t2'] }).ok).toBe(true);
    const tooMany = validateAnswers(post, { usefulness: 4, themes: ['t1', 't2', 't3', 't4'] });
    expect(tooMany.ok ? [] : tooMany.issues.map((i) => i.code)).toEqual(['too_many']);
  });

  it('refuses a rating that is not a whole number', () => {
    const result = validateAnswers(post, { usefulness: 3.5 });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['wrong_type']);
  });

  it('counts characters, not UTF-16 units, against the text limit', () => {
    const q: Definition = { questions: [{ id: 'r', type: 'text', text: { fr: 'R' }, required: false, max_length: 3, role: 'remark' }] };
    expect(validateAnswers(q, { r: '😀😀😀' }).ok).toBe(true);
    expect(validateAnswers(q, { r: '😀😀😀😀' }).ok).toBe(false);
  });
});

describe('answersFromRows', () => {
  it('gives back what was validated, ranking in rank order', () => {
    const answers = { usefulness: 5, themes: ['t4', 't2', 't1'], actions: ['tools-cadastre'], remarks: 'Merci' };
    const result = validateAnswers(post, answers);
    if (!result.ok) throw new Error('invalid');
    expect(answersFromRows(post, [...result.rows].reverse())).toEqual(answers);
  });
});

describe('canonicalAnswers', () => {
  it('does not depend on key order', () => {
    expect(canonicalAnswers({ a: 1, b: ['x'] })).toBe(canonicalAnswers({ b: ['x'], a: 1 }));
    expect(canonicalAnswers({ a: 1 })).not.toBe(canonicalAnswers({ a: 2 }));
  });
});

describe('answersFromForm', () => {
  const fields = (entries: [string, string][]) => {
    const map = new Map<string, string[]>();
    for (const [k, v] of entries) map.set(k, [...(map.get(k) ?? []), v]);
    return map;
  };

  it('reads plain form controls into the JSON contract (ranking from per-option selects)', () => {
    const { answers, issues } = answersFromForm(
      post,
      fields([
        ['q.usefulness', '4'],
        ['q.themes.t1', ''],
        ['q.themes.t2', '2'],
        ['q.themes.t3', '1'],
        ['q.actions', 'tools-cadastre'],
        ['q.actions', 'shared-secrecy'],
        ['q.remarks', 'Bien'],
      ]),
    );
    expect(issues).toEqual([]);
    expect(answers).toMatchObject({ usefulness: 4, themes: ['t3', 't2'], actions: ['tools-cadastre', 'shared-secrecy'], remarks: 'Bien' });
  });

  it('flags two options given the same rank', () => {
    const { issues } = answersFromForm(
      post,
      fields([
        ['q.themes.t1', '1'],
        ['q.themes.t2', '1'],
      ]),
    );
    expect(issues.map((i) => [i.field, i.code])).toEqual([['answers.themes', 'duplicate']]);
  });

  it('keeps a non-numeric rating as text so validation names it', () => {
    const { answers } = answersFromForm(post, fields([['q.usefulness', 'five']]));
    const result = validateAnswers(post, answers);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['wrong_type']);
  });
});

describe('fingerprintText', () => {
  it('names the same answers to the same questions alike, and nothing else', () => {
    expect(fingerprintText(2, { a: 1, b: ['x'] })).toBe(fingerprintText(2, { b: ['x'], a: 1 }));
    expect(fingerprintText(2, { a: 1 })).not.toBe(fingerprintText(3, { a: 1 }));
    expect(fingerprintText(2, { a: 1 })).not.toBe(fingerprintText(2, { a: 2 }));
  });
});
