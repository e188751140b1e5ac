/**
 * Answer validation against a survey definition, and the normalised rows that SQL aggregates.
 * Plain TypeScript: used by the JSON API, the HTML form and the tests alike.
 */

import type { ChoiceQuestion, Definition, Question } from './definition.ts';
import { normaliseNfc, TEXT_REFUSAL_MESSAGES, textRefusal } from './text-hygiene.ts';

/** What a participant sends for one question (the public JSON contract). */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** One row of the `answers` table, without the response and survey ids. */
export interface AnswerRow {
  question_id: string;
  option_id: string | null;
  theme_id: number | null;
  rank: number | null;
  number: number | null;
  text: string | null;
}

export type IssueCode =
  | 'required'
  | 'unknown_question'
  | 'unknown_option'
  | 'wrong_type'
  | 'duplicate'
  | 'too_many'
  | 'too_few'
  | 'out_of_range'
  | 'too_long'
  | 'invalid_characters';

export interface FieldIssue {
  /** Dotted path of the offending input, e.g. `answers.themes`. */
  field: string;
  code: IssueCode;
  message: string;
}

export type Validation = { ok: true; answers: Answers; rows: AnswerRow[] } | { ok: false; issues: FieldIssue[] };

const row = (question_id: string, fields: Partial<AnswerRow>): AnswerRow => ({
  question_id,
  option_id: null,
  theme_id: null,
  rank: null,
  number: null,
  text: null,
  ...fields,
});

/** Empty strings and empty lists mean "not answered", as a blank form field does. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Checks every answer against its question and returns the normalised rows, or every
 * problem found (not just the first), each naming its field.
 */
export function validateAnswers(def: Definition, input: Record<string, unknown>): Validation {
  const issues: FieldIssue[] = [];
  const answers: Answers = {};
  const rows: AnswerRow[] = [];
  const known = new Map(def.questions.map((q) => [q.id, q]));

  // The unknown key is the sender's text: the field names the answers, never the key itself.
  if (Object.keys(input).some((key) => !known.has(key))) {
    issues.push({ field: 'answers', code: 'unknown_question', message: 'an answer names no question of this survey' });
  }

  for (const q of def.questions) {
    const field = `answers.${q.id}`;
    const value = input[q.id];
    if (isBlank(value)) {
      if (q.required) issues.push({ field, code: 'required', message: 'an answer is required' });
      continue;
    }
    const problem = checkOne(q, value, field, rows);
    if (problem) issues.push(problem);
    else answers[q.id] = normalise(q, value as AnswerValue);
  }

  return issues.length ? { ok: false, issues } : { ok: true, answers, rows };
}

function normalise(q: Question, value: AnswerValue): AnswerValue {
  if (q.type === 'text' && typeof value === 'string') return normaliseNfc(value).trim();
  if (q.type === 'multiple' && Array.isArray(value)) return q.options.filter((o) => value.includes(o.id)).map((o) => o.id);
  return value;
}

function optionOf(q: ChoiceQuestion, id: unknown) {
  return typeof id === 'string' ? q.options.find((o) => o.id === id) : undefined;
}

function checkOne(q: Question, value: unknown, field: string, rows: AnswerRow[]): FieldIssue | undefined {
  const issue = (code: IssueCode, message: string): FieldIssue => ({ field, code, message });
  switch (q.type) {
    case 'single': {
      if (typeof value !== 'string') return issue('wrong_type', 'expected one option id (a string)');
      const option = optionOf(q, value);
      if (!option) return issue('unknown_option', 'not an option of this question');
      rows.push(row(q.id, { option_id: option.id, theme_id: option.theme_id ?? null }));
      return;
    }
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
        return issue('wrong_type', 'expected a list of option ids');
      }
      if (new Set(value).size !== value.length) return issue('duplicate', 'an option is listed twice');
      const options = value.map((id) => optionOf(q, id));
      if (options.some((o) => !o)) return issue('unknown_option', 'not an option of this question');
      if (q.max !== undefined && value.length > q.max) return issue('too_many', `choose at most ${q.max}`);
      if (q.min !== undefined && value.length < q.min) return issue('too_few', `choose at least ${q.min}`);
      // Stored in the question's order, so a choice reads back the same however it was sent.
      for (const o of q.options) if (value.includes(o.id)) rows.push(row(q.id, { option_id: o.id, theme_id: o.theme_id ?? null }));
      return;
    }
    case 'ranking': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
        return issue('wrong_type', 'expected the option ids in order of preference');
      }
      if (new Set(value).size !== value.length) return issue('duplicate', 'an option is ranked twice');
      const options = value.map((id) => optionOf(q, id));
      if (options.some((o) => !o)) return issue('unknown_option', 'not an option of this question');
      if (value.length > q.max_ranked) return issue('too_many', `rank at most ${q.max_ranked}`);
      options.forEach((o, i) => {
        rows.push(row(q.id, { option_id: o?.id ?? null, theme_id: o?.theme_id ?? null, rank: i + 1 }));
      });
      return;
    }
    case 'rating': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return issue('wrong_type', 'expected a whole number');
      if (value < q.min || value > q.max) return issue('out_of_range', `expected a number from ${q.min} to ${q.max}`);
      rows.push(row(q.id, { number: value }));
      return;
    }
    case 'text': {
      if (typeof value !== 'string') return issue('wrong_type', 'expected a text');
      const refused = textRefusal(value, true);
      if (refused) return issue('invalid_characters', TEXT_REFUSAL_MESSAGES[refused]);
      const text = normaliseNfc(value).trim();
      if ([...text].length > q.max_length) return issue('too_long', `at most ${q.max_length} characters`);
      rows.push(row(q.id, { text }));
      return;
    }
  }
}

/** Rebuilds the participant's answers from stored rows, to fill the form when they come back. */
export function answersFromRows(def: Definition, rows: readonly AnswerRow[]): Answers {
  const answers: Answers = {};
  for (const q of def.questions) {
    const mine = rows.filter((r) => r.question_id === q.id);
    if (mine.length === 0) continue;
    switch (q.type) {
      case 'single':
        if (mine[0]?.option_id) answers[q.id] = mine[0].option_id;
        break;
      case 'multiple': {
        const chosen = new Set(mine.map((r) => r.option_id));
        answers[q.id] = q.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
        break;
      }
      case 'ranking':
        answers[q.id] = [...mine].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).flatMap((r) => (r.option_id ? [r.option_id] : []));
        break;
      case 'rating':
        if (mine[0]?.number !== null && mine[0]?.number !== undefined) answers[q.id] = mine[0].number;
        break;
      case 'text':
        if (mine[0]?.text) answers[q.id] = mine[0].text;
        break;
    }
  }
  return answers;
}

/** A stable text of a submission, hashed to recognise a retry of the same submission. */
export function canonicalAnswers(answers: Answers): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((k) => [k, answers[k]]),
  );
}

/**
 * What a response's `answers_hash` is the SHA-256 of: the same answers to the same version of
 * the questions. The language is stored and compared beside it, not in it.
 */
export function fingerprintText(definitionVersion: number, answers: Answers): string {
  return `${definitionVersion}|${canonicalAnswers(answers)}`;
}

/**
 * Reads the HTML form's fields into the JSON contract. Field names: `q.<id>` for single,
 * multiple, rating and text; `q.<id>.<optionId>` holding a rank for ranking, so that ranking
 * works with plain <select>s when JavaScript is off.
 */
export function answersFromForm(
  def: Definition,
  fields: ReadonlyMap<string, readonly string[]>,
): { answers: Record<string, unknown>; issues: FieldIssue[] } {
  const answers: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const q of def.questions) {
    const values = fields.get(`q.${q.id}`) ?? [];
    switch (q.type) {
      case 'single':
      case 'text':
        if (values[0] !== undefined) answers[q.id] = values[0];
        break;
      case 'multiple':
        answers[q.id] = [...values];
        break;
      case 'rating': {
        const raw = values[0]?.trim();
        if (raw) answers[q.id] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
        break;
      }
      case 'ranking': {
        const ranked: { id: string; rank: number }[] = [];
        for (const o of q.options) {
          const raw = fields.get(`q.${q.id}.${o.id}`)?.[0]?.trim();
          if (raw && /^\d+$/.test(raw)) ranked.push({ id: o.id, rank: Number(raw) });
        }
        const ranks = ranked.map((r) => r.rank);
        if (new Set(ranks).size !== ranks.length) {
          issues.push({ field: `answers.${q.id}`, code: 'duplicate', message: 'two options have the same rank' });
        }
        // Gaps (1, 3) keep their order: what matters is which option comes before which.
        answers[q.id] = ranked.sort((a, b) => a.rank - b.rank).map((r) => r.id);
        break;
      }
    }
  }
  return { answers, issues };
}
