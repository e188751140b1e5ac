/**
 * The JSON export of a series (format `relais.series`, version 1). The same schema validates
 * an import, so a file another deployment exported is accepted exactly when it has this shape.
 */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { QuestionsSchema } from '../domain/definition.ts';
import { LanguageSchema, LocalizedTextSchema } from '../domain/language.ts';
import { CleanText, ShortTextSchema, TitleSchema } from '../lib/schemas.ts';

const Id = v.pipe(v.number(), v.integer(), v.minValue(1));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Times are kept as exported (ISO 8601 UTC); the import does not reinterpret them. */
const Instant = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 timestamp'));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'expected a date or an ISO 8601 timestamp'));

export const ExportedThemeSchema = v.strictObject({
  id: Id,
  label: LocalizedTextSchema,
  status: v.picklist(['active', 'archived']),
  merged_into: v.nullable(Id),
});

export const ExportedSessionSchema = v.strictObject({
  id: Id,
  number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  starts_at: Instant,
  ends_at: v.nullable(Instant),
  place: v.nullable(ShortTextSchema),
});

export const CountsSchema = v.strictObject({ invitations: Count, opened: Count, answered: Count, responses: Count });

/**
 * A survey's aggregates as the disclosure gate publishes them (src/domain/disclosure.ts,
 * gateExport): nothing of a survey or question under the minimum group size, the profile
 * question's small options merged into `other`. A figure the gate hides is null; files
 * written before the gate (without `questions` and `disclosure`) are still accepted.
 */
export const ResultsSchema = v.strictObject({
  /** How many answers chose each option (at each rank, for rankings). */
  options: v.array(v.strictObject({ question_id: v.string(), option_id: v.string(), rank: v.nullable(Count), n: v.nullable(Count) })),
  ratings: v.array(v.strictObject({ question_id: v.string(), value: v.number(), n: v.nullable(Count) })),
  /** Respondents per question. */
  questions: v.optional(v.array(v.strictObject({ question_id: v.string(), n: Count }))),
  /** How the figures were computed: the minimum, what was withheld and recoded. */
  disclosure: v.optional(
    v.strictObject({
      method: v.string(),
      min_group_size: v.pipe(v.number(), v.integer(), v.minValue(1)),
      survey_withheld: v.boolean(),
      withheld_questions: v.array(v.string()),
      recoded: v.optional(v.nullable(v.strictObject({ question_id: v.string(), recoded_from: v.array(v.string()) }))),
    }),
  ),
});

export const ExportedAnswerSchema = v.strictObject({
  question_id: v.string(),
  option_id: v.nullable(v.string()),
  theme_id: v.nullable(Id),
  rank: v.nullable(Count),
  number: v.nullable(v.number()),
  text: v.nullable(v.pipe(CleanText({ multiline: true }), v.maxLength(2000))),
});

export const ExportedResponseSchema = v.strictObject({
  /** A number local to the export: it names no one and no invitation. */
  respondent: Id,
  language: LanguageSchema,
  definition_version: Id,
  created_at: Day,
  updated_at: Day,
  answers: v.pipe(v.array(ExportedAnswerSchema), v.maxLength(2000)),
});

export const ExportedSurveySchema = v.strictObject({
  id: Id,
  session_id: Id,
  kind: v.picklist(['pre', 'post']),
  status: v.picklist(['draft', 'open', 'closed']),
  anonymous: v.boolean(),
  closes_at: v.nullable(Instant),
  opened_at: v.nullable(Instant),
  closed_at: v.nullable(Instant),
  definition_version: Id,
  questions: QuestionsSchema,
  counts: CountsSchema,
  results: ResultsSchema,
  /** Individual answers, for surveys that are not anonymous only (empty otherwise). */
  responses: v.pipe(v.array(ExportedResponseSchema), v.maxLength(5000)),
});

export const SeriesExportSchema = v.pipe(
  v.strictObject({
    format: v.literal('relais.series'),
    version: v.literal(1),
    exported_at: Instant,
    series: v.strictObject({
      id: Id,
      title: TitleSchema,
      bassin: v.nullable(ShortTextSchema),
      language: LanguageSchema,
      min_group_size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
      /** Days after the last session when contact data is purged; null keeps it until erased. */
      retention_days: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36_500)))),
    }),
    themes: v.pipe(v.array(ExportedThemeSchema), v.maxLength(500)),
    sessions: v.pipe(v.array(ExportedSessionSchema), v.maxLength(500)),
    surveys: v.pipe(v.array(ExportedSurveySchema), v.maxLength(1000)),
  }),
  v.forward(
    v.check((d) => d.surveys.every((s) => !s.anonymous || s.responses.length === 0), 'an anonymous survey carries no individual answers'),
    ['surveys'],
  ),
);
export type SeriesExport = v.InferOutput<typeof SeriesExportSchema>;

/** POST /api/series/import: what was created (every id is new). */
export const ImportResponseSchema = RELAIS_DOCS
  ? v.object({
      id: Id,
      title: v.string(),
      themes: Count,
      sessions: Count,
      surveys: Count,
      responses: Count,
    })
  : (undefined as never);
