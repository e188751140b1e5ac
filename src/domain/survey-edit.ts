/**
 * Editing a survey's questions, the same through the API and the workspace.
 *
 * Before anyone answers, anything may change. Once answers are stored (or anonymous ballots
 * are held), every stored answer must keep its meaning: answers name question and option ids,
 * counters (answer_tallies, question_tallies, text_tallies) are keyed by them, and each answer
 * row carries the respondent's profile group. So, once answered:
 * - allowed: rewording (question texts, help, option labels), new options, new questions that
 *   are not required, reordering questions and options (answers name ids, never positions),
 *   a larger `max_ranked`, a longer text limit, looser multiple-choice limits;
 * - refused: removing a question or an option, changing a type, a rating's scale, a ranking's
 *   source, an option's theme, a text's role, which question is the profile question, a lower
 *   `max_ranked` or text limit, tighter multiple-choice limits, making a question required.
 * Removal is refused for every question and option, answered or not: telling which options
 * nobody chose would publish a count below the series' minimum, past the disclosure gate.
 */
import type { ChoiceQuestion, Definition, Option, Question, QuestionType } from './definition.ts';
import { isChoice } from './definition.ts';
import type { LocalizedText } from './language.ts';

export type EditRule =
  | 'question_removed'
  | 'option_removed'
  | 'type_changed'
  | 'max_ranked_lowered'
  | 'profile_changed'
  | 'scale_changed'
  | 'limits_tightened'
  | 'source_changed'
  | 'theme_changed'
  | 'role_changed'
  | 'max_length_lowered'
  | 'required_added';

export interface EditIssue {
  /** The field by its path in the edited questions (`questions.2.max_ranked`); `questions` for a removed question. */
  field: string;
  code: EditRule;
  /** The question concerned (a removed one is in no path). */
  question: string;
}

/** The API's message for each refusal (the workspace says the same in the coordinator's language). */
export const EDIT_RULE_MESSAGES: Record<EditRule, string> = {
  question_removed: 'this survey has answers: a question cannot be removed (reword it instead)',
  option_removed: 'this survey has answers: an option cannot be removed (reword it instead)',
  type_changed: 'this survey has answers: a question cannot change type',
  max_ranked_lowered: 'this survey has answers: the number of ranked options cannot go down',
  profile_changed: 'this survey has answers: the profile question cannot change',
  scale_changed: 'this survey has answers: a rating scale cannot change',
  limits_tightened: 'this survey has answers: how many options may be chosen can only widen',
  source_changed: 'this survey has answers: where the options come from cannot change',
  theme_changed: "this survey has answers: an option's theme cannot change",
  role_changed: "this survey has answers: a text question's role cannot change",
  max_length_lowered: 'this survey has answers: a text limit cannot go down',
  required_added: 'this survey has answers: a question cannot become required (earlier answers would lack it)',
};

const isProfile = (q: Question) => 'profile' in q && q.profile === true;

/** What an edit would do to stored answers; empty when every stored answer keeps its meaning. */
export function answeredEditIssues(before: Definition, after: readonly Question[]): EditIssue[] {
  const issues: EditIssue[] = [];
  const index = new Map(after.map((q, i) => [q.id, i]));
  for (const old of before.questions) {
    const i = index.get(old.id);
    const next = i === undefined ? undefined : after[i];
    const at = `questions.${i}`;
    const issue = (field: string, code: EditRule) => issues.push({ field, code, question: old.id });
    if (!next) {
      issue('questions', 'question_removed');
      continue;
    }
    if (next.type !== old.type) {
      issue(`${at}.type`, 'type_changed');
      continue;
    }
    if (next.required && !old.required) issue(`${at}.required`, 'required_added');
    if (isProfile(next) !== isProfile(old)) issue(`${at}.profile`, 'profile_changed');
    if (isChoice(old) && isChoice(next)) {
      const options = new Map(next.options.map((o, j) => [o.id, { o, j }]));
      for (const o of old.options) {
        const kept = options.get(o.id);
        if (!kept) issue(`${at}.options`, 'option_removed');
        else if (kept.o.theme_id !== o.theme_id) issue(`${at}.options.${kept.j}.theme_id`, 'theme_changed');
      }
    }
    if (old.type === 'ranking' && next.type === 'ranking') {
      if (next.max_ranked < old.max_ranked) issue(`${at}.max_ranked`, 'max_ranked_lowered');
      if (next.source !== old.source) issue(`${at}.source`, 'source_changed');
    }
    if (old.type === 'rating' && next.type === 'rating') {
      if (next.min !== old.min) issue(`${at}.min`, 'scale_changed');
      if (next.max !== old.max) issue(`${at}.max`, 'scale_changed');
    }
    if (old.type === 'multiple' && next.type === 'multiple') {
      if ((next.min ?? 0) > (old.min ?? 0)) issue(`${at}.min`, 'limits_tightened');
      if ((next.max ?? Infinity) < (old.max ?? Infinity)) issue(`${at}.max`, 'limits_tightened');
    }
    if (old.type === 'text' && next.type === 'text') {
      if (next.role !== old.role) issue(`${at}.role`, 'role_changed');
      if (next.max_length < old.max_length) issue(`${at}.max_length`, 'max_length_lowered');
    }
  }
  const known = new Set(before.questions.map((q) => q.id));
  after.forEach((q, i) => {
    if (known.has(q.id)) return;
    if (q.required) issues.push({ field: `questions.${i}.required`, code: 'required_added', question: q.id });
    if (isProfile(q)) issues.push({ field: `questions.${i}.profile`, code: 'profile_changed', question: q.id });
  });
  return issues;
}

/** Options fed by the theme catalogue are refreshed as the survey opens, never edited by hand. */
export const catalogueFed = (q: Question) => q.type === 'ranking' && q.source === 'themes';

/** An id from a label (`Soins à domicile` → `soins-a-domicile`), unique among `taken`. */
export function idFrom(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Moves the item with this id one place up or down; null when it cannot move. */
export function moved<T extends { id: string }>(items: readonly T[], id: string, direction: 'up' | 'down'): T[] | null {
  const i = items.findIndex((x) => x.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= items.length) return null;
  const out = [...items];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/** Moves a question one place up or down; null when it cannot move. */
export function moveQuestion(def: Definition, id: string, direction: 'up' | 'down'): Definition | null {
  const questions = moved(def.questions, id, direction);
  return questions ? { questions } : null;
}

/** Options made from labels, with ids unique within the question. */
export function optionsFrom(labels: readonly LocalizedText[], existing: readonly Option[] = []): Option[] {
  const taken = new Set(existing.map((o) => o.id));
  return labels.map((label) => {
    const id = idFrom(label.fr, taken, 'option');
    taken.add(id);
    return { id, label };
  });
}

/**
 * The question as another type, keeping what carries over (texts, required, options between
 * choice types); what a type needs and did not have gets a default (a 1–5 scale, top 3).
 */
export function withType(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const { id, text, help, required } = q;
  const base = { id, text, required, ...(help ? { help } : {}) };
  const options: Option[] = isChoice(q) ? q.options.map(({ theme_id: _theme, ...o }) => o) : [];
  const choices = options.length ? options : [{ id: 'option-1', label: { fr: 'Option 1' } }];
  switch (type) {
    case 'single':
      return { ...base, type, options: choices, profile: false };
    case 'multiple':
      return { ...base, type, options: choices, profile: false };
    case 'ranking':
      return { ...base, type, options: choices, source: 'options', max_ranked: Math.min(3, choices.length) };
    case 'rating':
      return { ...base, type, min: 1, max: 5 };
    case 'text':
      return { ...base, type, max_length: 2000, role: 'remark' };
  }
}

/** A new question of a type, its options (choice types) from labels. */
export function newQuestion(
  type: QuestionType,
  text: LocalizedText,
  optionLabels: readonly LocalizedText[],
  taken: ReadonlySet<string>,
  required = false,
): Question {
  const id = idFrom(text.fr, taken, 'question');
  const q = withType({ id, type: 'text', text, required, max_length: 2000, role: 'remark' }, type);
  if (!isChoice(q) || optionLabels.length === 0) return q;
  const options = optionsFrom(optionLabels);
  return (q.type === 'ranking' ? { ...q, options, max_ranked: Math.min(3, options.length) } : { ...q, options }) as ChoiceQuestion;
}
