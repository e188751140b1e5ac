/** The participant's JSON API (participant.api.ts): what it takes and what it answers. */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { QuestionSchema } from '../domain/definition.ts';
import { LanguageSchema } from '../domain/language.ts';
import { documentedAs, IdSchema, InstantSchema } from '../lib/schemas.ts';

/**
 * One answer, by question type: single → an option id; multiple → option ids; ranking → option
 * ids, preferred first; rating → an integer on the question's scale; text → a string.
 */
const AnswerValueSchema = v.union([v.string(), v.pipe(v.number(), v.integer()), v.array(v.string())]);

/** `{ <question id>: answer }`; question ids are the survey's own (`survey.questions[].id`). */
const AnswersSchema = v.pipe(
  v.record(v.string(), AnswerValueSchema),
  v.description(
    "`{ <question id>: answer }` for the survey's questions (`survey.questions[].id`), by question type: single → an option id; multiple → a list of option ids; ranking → option ids, preferred first; rating → an integer on the question's scale; text → a string.",
  ),
);

/** PUT /api/s/{token}: a submission. */
export const SubmissionSchema = v.strictObject({
  answers: v.pipe(
    // Typed and documented per question type, but each answer is judged against its question by
    // domain/answers.ts, which names the question (`answers.<id>`) and reads an empty string,
    // list or null as "not answered": only the object itself is checked here.
    documentedAs(
      AnswersSchema,
      (x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x),
      'expected an object { <question id>: value }',
    ),
    v.record(v.string(), v.unknown()),
  ),
  language: v.optional(LanguageSchema),
  /**
   * `survey.id` as GET returned it. Optional: with it, Relais checks the answers against the
   * questions it holds in memory and stores them in one database call; a wrong or outdated
   * id only costs the usual lookup, never a wrong write.
   */
  survey_id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** Anonymous responses keep only the day (YYYY-MM-DD), so their times cannot be matched to a link's opening. */
const AnsweredAtSchema = RELAIS_DOCS
  ? v.pipe(
      v.union([InstantSchema, v.pipe(v.string(), v.isoDate())]),
      v.description('when the answers were last stored: a timestamp, or only the day for an anonymous survey'),
    )
  : (undefined as never);

/** GET /api/s/{token}: the survey behind a personal link and the answers given so far. */
export const ParticipantLinkResponseSchema = RELAIS_DOCS
  ? v.object({
      survey: v.object({
        id: IdSchema,
        kind: v.picklist(['pre', 'post']),
        title: v.pipe(v.string(), v.description("the series' title")),
        anonymous: v.boolean(),
        closes_at: v.nullable(InstantSchema),
        definition_version: IdSchema,
        session: v.object({
          id: IdSchema,
          number: v.pipe(v.number(), v.integer(), v.minValue(1)),
          starts_at: InstantSchema,
          ends_at: v.nullable(InstantSchema),
          place: v.nullable(v.string()),
        }),
        questions: v.array(QuestionSchema),
      }),
      language: v.pipe(LanguageSchema, v.description('the language answered in before, else the invitation’s')),
      answers: v.pipe(v.nullable(AnswersSchema), v.description('null until the first submission')),
      updated_at: v.nullable(AnsweredAtSchema),
    })
  : (undefined as never);

/** PUT /api/s/{token}: what was recorded. */
export const ParticipantSubmissionResponseSchema = RELAIS_DOCS
  ? v.object({
      survey_id: IdSchema,
      answers: AnswersSchema,
      language: LanguageSchema,
      updated_at: AnsweredAtSchema,
      unchanged: v.pipe(v.boolean(), v.description('the same answers were already stored: nothing was written')),
    })
  : (undefined as never);
