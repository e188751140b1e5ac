/** The team in the JSON API: thin adapters over team.actions.ts. */

import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { contract } from '../openapi/contract.ts';
import { inviteColleague, removeColleague } from './team.actions.ts';
import { listTeam } from './team.queries.ts';
import { ColleagueInvitedResponseSchema, InviteColleagueSchema, TeamResponseSchema } from './team.schemas.ts';

const tag = 'team';
const auth = 'coordinator';

export const teamRoutes = new Hono<AppEnv>()
  .get(
    '/team',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The coordinators of your organisation',
        tag,
        auth,
        responses: { 200: { description: '`{coordinators: [{id, email, created_at, you}]}`', schema: TeamResponseSchema } },
      },
    }),
    async (c) => {
      const me = c.var.coordinator;
      const team = await listTeam(c.env.DB, me.organisationId);
      return c.json({ coordinators: team.map((m) => ({ ...m, you: m.id === me.id })) } satisfies v.InferOutput<typeof TeamResponseSchema>);
    },
  )
  .post(
    '/team',
    contract({
      body: InviteColleagueSchema,
      docs: RELAIS_DOCS && {
        summary: 'Invite a colleague (an e-mailed one-time sign-in link, valid 72 hours)',
        description: 'An address already in your organisation gets a new link; an address of another organisation answers 409.',
        tag,
        auth,
        responses: {
          201: { description: 'The colleague', schema: ColleagueInvitedResponseSchema },
          409: { description: 'A coordinator of another organisation' },
        },
      },
    }),
    async (c) => {
      const { email, language } = c.req.valid('json');
      const invited = await inviteColleague(c.env, c.var.coordinator, email, language ?? 'fr');
      return c.json(invited satisfies v.InferOutput<typeof ColleagueInvitedResponseSchema>, 201);
    },
  )
  .delete(
    '/team/:id',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Remove a colleague (their sessions, API keys and links stop working)',
        description: 'You cannot remove yourself, nor the last coordinator of the organisation (409).',
        tag,
        auth,
        responses: { 204: { description: 'Removed' }, 409: { description: 'Yourself, or the last coordinator' } },
      },
    }),
    async (c) => {
      await removeColleague(c.env, c.var.coordinator, pathId(c));
      return c.body(null, 204);
    },
  );
