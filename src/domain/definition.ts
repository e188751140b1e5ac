/**
 * A survey's question definition: the one schema that validates what a coordinator sends,
 * what is stored in `surveys.definition`, and what participants answer against.
 */
import * as v from 'valibot';
import { LocalizedTextSchema } from './language.ts';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use 1–40 lowercase letters, digits, - or _'));

export const OptionSchema = v.object({
  id: Id,
  label: LocalizedTextSchema,
  /** Set when the option stands for a theme of the series' catalogue. */
  theme_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type Option = v.InferOutput<typeof OptionSchema>;

const Options = v.pipe(v.array(OptionSchema), v.minLength(1), v.maxLength(60));

const common = {
  id: Id,
  text: LocalizedTextSchema,
  help: v.optional(LocalizedTextSchema),
  required: v.optional(v.boolean(), false),
};

export const SingleQuestionSchema = v.object({
  ...common,
  type: v.literal('single'),
  options: Options,
  /** The respondent's profile (sector, organisation type): results can be broken down by it. */
  profile: v.optional(v.boolean(), false),
});

export const MultipleQuestionSchema = v.object({
  ...common,
  type: v.literal('multiple'),
  options: Options,
  min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  profile: v.optional(v.boolean(), false),
});

export const RankingQuestionSchema = v.object({
  ...common,
  type: v.literal('ranking'),
  options: Options,
  /** K: how many options a respondent may rank (top-k). */
  max_ranked: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
  /** When 'themes', the options are refreshed from the series' active themes as the survey opens. */
  source: v.optional(v.picklist(['themes', 'options']), 'options'),
});

export const RatingQuestionSchema = v.object({
  ...common,
  type: v.literal('rating'),
  min: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
  max: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  min_label: v.optional(LocalizedTextSchema),
  max_label: v.optional(LocalizedTextSchema),
});

export const TextQuestionSchema = v.object({
  ...common,
  type: v.literal('text'),
  max_length: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000)), 2000),
  /** 'theme_proposal' answers are new themes proposed for the catalogue. */
  role: v.optional(v.picklist(['remark', 'theme_proposal']), 'remark'),
});

export const QuestionSchema = v.variant('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  RankingQuestionSchema,
  RatingQuestionSchema,
  TextQuestionSchema,
]);
export type Question = v.InferOutput<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type ChoiceQuestion = Extract<Question, { options: Option[] }>;

export const QuestionsSchema = v.pipe(
  v.array(QuestionSchema),
  v.minLength(1),
  v.maxLength(40),
  v.check((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique'),
  v.check(
    (qs) => qs.every((q) => !('options' in q) || new Set(q.options.map((o) => o.id)).size === q.options.length),
    'option ids must be unique within a question',
  ),
  v.check((qs) => qs.filter((q) => 'profile' in q && q.profile).length <= 1, 'at most one question can be the profile question'),
  v.check((qs) => qs.every((q) => q.type !== 'rating' || q.min < q.max), 'a rating needs min < max'),
  v.check(
    (qs) => qs.every((q) => q.type !== 'multiple' || q.min === undefined || q.max === undefined || q.min <= q.max),
    'a multiple-choice question needs min ≤ max',
  ),
);

export interface Definition {
  questions: Question[];
}

export function isChoice(q: Question): q is ChoiceQuestion {
  return 'options' in q;
}

export function profileQuestion(def: Definition): ChoiceQuestion | undefined {
  return def.questions.find((q): q is ChoiceQuestion => isChoice(q) && 'profile' in q && q.profile === true);
}

/** Every theme a definition's options point to. */
export function referencedThemes(questions: readonly Question[]): number[] {
  return [
    ...new Set(questions.flatMap((q) => (isChoice(q) ? q.options.flatMap((o) => (o.theme_id === undefined ? [] : [o.theme_id])) : []))),
  ];
}

/**
 * The references inside a definition checked against what it may point to: an option's
 * `theme_id` must be a theme of the survey's own series (hence of its organisation), or
 * results would join another organisation's theme and its merges. One check for every door
 * (API, workspace editor, import), each naming the field by its path.
 */
export function themeReferenceIssues(
  questions: readonly Question[],
  themesOfSeries: ReadonlySet<number>,
  prefix = 'questions',
  message = 'not a theme of this series',
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  questions.forEach((q, qi) => {
    if (!isChoice(q)) return;
    q.options.forEach((o, oi) => {
      if (o.theme_id !== undefined && !themesOfSeries.has(o.theme_id)) {
        issues.push({ field: `${prefix}.${qi}.options.${oi}.theme_id`, message });
      }
    });
  });
  return issues;
}
