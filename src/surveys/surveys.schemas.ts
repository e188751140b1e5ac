import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { QuestionSchema, QuestionsSchema } from '../domain/definition.ts';
import { CountSchema, DateTimeSchema, IdSchema, InstantSchema } from '../lib/schemas.ts';

export const CreateSurveySchema = v.strictObject({
  kind: v.picklist(['pre', 'post']),
  /** Without questions, the template of that kind, with the series' active themes. */
  questions: v.optional(QuestionsSchema),
  anonymous: v.optional(v.boolean(), false),
  closes_at: v.optional(DateTimeSchema),
});

/** `PUT /api/surveys/:id/questions`, and the workspace editor's save: the whole list of questions, in order. */
export const EditQuestionsSchema = v.strictObject({
  questions: QuestionsSchema,
  version: v.optional(
    v.pipe(IdSchema, v.description("the survey's definition_version as read: a 409 if someone changed the questions since")),
  ),
});

/** `POST /api/surveys/:id/copy`: a draft copy of the survey for another session (of any series of the organisation). */
export const CopySurveySchema = v.strictObject({
  session_id: IdSchema,
});

/** A survey as the API answers it (create, read, open, close); `questions` are the stored definition. */
export const SurveyResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      session_id: IdSchema,
      series_id: IdSchema,
      session_number: v.pipe(v.number(), v.integer(), v.minValue(1)),
      kind: v.picklist(['pre', 'post']),
      status: v.pipe(v.picklist(['draft', 'open', 'closed']), v.description('effective status: an open survey past closes_at is closed')),
      anonymous: v.boolean(),
      closes_at: v.nullable(InstantSchema),
      opened_at: v.nullable(InstantSchema),
      closed_at: v.nullable(InstantSchema),
      definition_version: v.pipe(
        IdSchema,
        v.description('goes up when the questions change (theme options refreshed at opening, an edit)'),
      ),
      questions: v.array(QuestionSchema),
      invitations: v.pipe(CountSchema, v.description('people invited')),
      responses: v.pipe(CountSchema, v.description('responses stored (for an anonymous survey: released, see held_back)')),
      held_back: v.pipe(
        CountSchema,
        v.description(
          'anonymous surveys: answers received but not counted yet; they are released together once at least the minimum group size of people have answered or changed their answers (and at closing if nothing was released before)',
        ),
      ),
      created_at: InstantSchema,
      updated_at: InstantSchema,
    })
  : (undefined as never);
