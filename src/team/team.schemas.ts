/** Payloads of the team (GET/POST /api/team, DELETE /api/team/{id}). */
import '../openapi/docs-flag.ts';
import * as v from 'valibot';
import { LanguageSchema } from '../domain/language.ts';
import { IdSchema, InstantSchema } from '../lib/schemas.ts';

export const InviteColleagueSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('not a valid e-mail address')),
  language: v.optional(v.pipe(LanguageSchema, v.description('language of the invitation e-mail (default: French)'))),
});

export const TeamResponseSchema = RELAIS_DOCS
  ? v.object({
      coordinators: v.array(v.object({ id: IdSchema, email: v.string(), created_at: InstantSchema, you: v.boolean() })),
    })
  : (undefined as never);

export const ColleagueInvitedResponseSchema = RELAIS_DOCS
  ? v.object({
      id: IdSchema,
      email: v.string(),
      delivery: v.pipe(v.picklist(['sent', 'recorded', 'failed']), v.description('recorded: no e-mail service, nothing delivered')),
    })
  : (undefined as never);
