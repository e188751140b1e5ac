import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { CleanText, IdSchema, InstantSchema } from '../lib/schemas.ts';

export const ParticipantSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('not a valid e-mail address')),
  name: v.optional(v.pipe(CleanText(), v.maxLength(200))),
  language: v.optional(LanguageSchema),
});
export type Participant = v.InferOutput<typeof ParticipantSchema>;

/**
 * People a request invites at most: each new person's link is issued and sealed in the request
 * (~40 µs of CPU each on workerd), and a request must stay within the free plan's 10 ms CPU
 * (measured: 100 people 4 ms of JavaScript, 200 8–13 ms, 500 21–23 ms; bench/routes.ts).
 */
export const INVITE_LIMIT = 100;

export const InviteSchema = v.strictObject({
  participants: v.pipe(v.array(ParticipantSchema), v.minLength(1), v.maxLength(INVITE_LIMIT, 'at most 100 participants a request')),
});

/** POST /api/surveys/{id}/invitations: each person's personal link, shown only in this answer. */
export const InvitationsCreatedResponseSchema = RELAIS_DOCS
  ? v.object({
      invitations: v.array(
        v.object({
          id: IdSchema,
          email: v.string(),
          url: v.pipe(v.string(), v.url(), v.description('the personal link (/s/<token>); the live one of someone already invited')),
        }),
      ),
    })
  : (undefined as never);

/** GET /api/surveys/{id}/invitations: who was invited, opened and answered; never tokens. */
export const InvitationListResponseSchema = RELAIS_DOCS
  ? v.object({
      invitations: v.array(
        v.object({
          id: IdSchema,
          email: v.string(),
          name: v.nullable(v.string()),
          language: LanguageSchema,
          created_at: InstantSchema,
          opened_at: v.nullable(InstantSchema),
          answered: v.boolean(),
          source: v.picklist(['coordinator', 'open_link']),
          organisation: v.pipe(v.nullable(v.string()), v.description('what a person who joined through the open link typed')),
        }),
      ),
    })
  : (undefined as never);

/** POST /api/invitations/{id}/new-link: the replacing link, shown only in this answer. */
export const InvitationNewLinkResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      email: v.string(),
      url: v.pipe(v.string(), v.url(), v.description('the new personal link; the previous one no longer opens the survey')),
    })
  : (undefined as never);
