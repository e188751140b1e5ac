import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { inviteParticipants, issueNewLink } from './invitations.actions.ts';
import { invitationJson, listInvitations } from './invitations.queries.ts';
import { InviteSchema } from './invitations.schemas.ts';

// The URLs are secrets: keep them out of every cache.
const NO_STORE = { 'Cache-Control': 'no-store' };

export const invitationsRoutes = new Hono<AppEnv>()
  .post('/surveys/:id/invitations', async (c) => {
    const surveyId = pathId(c);
    const { participants } = await jsonBody(c, InviteSchema);
    const invitations = await inviteParticipants(c.env, c.var.coordinator, surveyId, participants);
    return c.json({ invitations }, 201, NO_STORE);
  })
  .get('/surveys/:id/invitations', async (c) => {
    const surveyId = pathId(c);
    if (!(await getSurvey(c.env.DB, c.var.coordinator.organisationId, surveyId))) throw notFound('survey');
    return c.json({ invitations: (await listInvitations(c.env.DB, surveyId)).map(invitationJson) });
  })
  .post('/invitations/:id/new-link', async (c) => {
    const { invitation, url } = await issueNewLink(c.env, c.var.coordinator, pathId(c));
    return c.json({ id: invitation.id, email: invitation.email, url }, 201, NO_STORE);
  });
