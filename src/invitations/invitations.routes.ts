import type * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { contract } from '../openapi/contract.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { inviteParticipants, issueNewLink } from './invitations.actions.ts';
import { invitationJson, listInvitations } from './invitations.queries.ts';
import {
  InvitationListResponseSchema,
  InvitationNewLinkResponseSchema,
  InvitationsCreatedResponseSchema,
  InviteSchema,
} from './invitations.schemas.ts';

// The URLs are secrets: keep them out of every cache.
const NO_STORE = { 'Cache-Control': 'no-store' };
const tag = 'invitations';
const auth = 'coordinator';

export const invitationsRoutes = new Hono<AppEnv>()
  .post(
    '/surveys/:id/invitations',
    contract({
      body: InviteSchema,
      docs: RELAIS_DOCS && {
        summary: 'Invite participants (personal links, shown only in this answer)',
        description:
          'Someone already invited keeps their link: inviting again answers the same live link. To replace a link (forwarded, leaked), use `POST /api/invitations/{id}/new-link`.',
        tag,
        auth,
        responses: { 201: { description: '`{invitations: [{id, email, url}]}`', schema: InvitationsCreatedResponseSchema } },
      },
    }),
    async (c) => {
      const { participants } = c.req.valid('json');
      const invitations = await inviteParticipants(c.env, c.var.coordinator, pathId(c), participants);
      return c.json({ invitations } satisfies v.InferOutput<typeof InvitationsCreatedResponseSchema>, 201, NO_STORE);
    },
  )
  .get(
    '/surveys/:id/invitations',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Who opened and answered (never tokens)',
        description:
          '`source` is `open_link` for people who joined through the open link (with the `organisation` they typed), else `coordinator`.',
        tag,
        auth,
        responses: { 200: { description: '`{invitations: [...]}`', schema: InvitationListResponseSchema } },
      },
    }),
    async (c) => {
      const surveyId = pathId(c);
      if (!(await getSurvey(c.env.DB, c.var.coordinator.organisationId, surveyId))) throw notFound('survey');
      const invitations = (await listInvitations(c.env.DB, surveyId)).map(invitationJson);
      return c.json({ invitations } satisfies v.InferOutput<typeof InvitationListResponseSchema>);
    },
  )
  .post(
    '/invitations/:id/new-link',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Replace one person’s link: the old one stops opening the survey at once',
        description:
          'The only way a personal link is revoked. The new link is shown only in this answer; sending and resending then use it.',
        tag,
        auth,
        responses: { 201: { description: '`{id, email, url}`', schema: InvitationNewLinkResponseSchema } },
      },
    }),
    async (c) => {
      const { invitation, url } = await issueNewLink(c.env, c.var.coordinator, pathId(c));
      const body = { id: invitation.id, email: invitation.email, url } satisfies v.InferOutput<typeof InvitationNewLinkResponseSchema>;
      return c.json(body, 201, NO_STORE);
    },
  );
