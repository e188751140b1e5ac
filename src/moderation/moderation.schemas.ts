/** Payloads of moderation: a free text by its identity (question and wording), a proposal by its key. */
import * as v from 'valibot';
import { CleanText } from '../lib/schemas.ts';

const Text = {
  question_id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** The text as the results show it; any spelling of it (case, accents, spacing) is the same text. */
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
};

export const HideTextSchema = v.strictObject({
  ...Text,
  /** Why it is hidden: kept in the audit log. */
  reason: v.pipe(CleanText(), v.minLength(1, 'give a reason'), v.maxLength(300)),
});

export const ShowTextSchema = v.strictObject(Text);

export const DismissProposalSchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  reason: v.optional(v.pipe(CleanText(), v.maxLength(300))),
});
