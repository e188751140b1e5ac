import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';

export const ParticipantSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('not a valid e-mail address')),
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  language: v.optional(LanguageSchema),
});
export type Participant = v.InferOutput<typeof ParticipantSchema>;

export const InviteSchema = v.strictObject({
  participants: v.pipe(v.array(ParticipantSchema), v.minLength(1), v.maxLength(500, 'at most 500 participants a request')),
});
