/**
 * The workspace's actions as JSON for scripts and other tools, under the coordinator API's
 * rules (key or cookie + CSRF, scoped to the organisation, audited like the pages).
 */

import { Hono } from 'hono';
import { effectiveStatus } from '../domain/survey-status.ts';
import { groupTexts, normaliseText } from '../domain/text-normalise.ts';
import { listOutbox, sendingRow } from '../email/outbox.queries.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId, validate } from '../http/body.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { ballotKeys } from '../responses/ballots.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { getTheme } from '../themes/themes.queries.ts';
import { listAudit, writeAudit } from './audit.queries.ts';
import { eraseParticipant } from './erasure.ts';
import { resendInvitation, sendNextBatch } from './sending.ts';
import { OutboxQuerySchema, ParticipantEmailSchema, ProposalDecisionSchema, RetentionSchema } from './workspace.api.schemas.ts';
import {
  decidedProposals,
  decideProposal,
  invitationInOrganisation,
  listParticipants,
  participantData,
  promoteProposal,
  proposalCounts,
  proposalTheme,
  removeInvitationsStatements,
  setRetention,
} from './workspace.queries.ts';

const notOpen = () => new Problem(409, 'survey-not-open', 'Survey not open', { detail: 'Invitations are sent once the survey is open.' });

export const workspaceApi = new Hono<AppEnv>()
  .get('/surveys/:id/participants', async (c) => {
    const survey = await getSurvey(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!survey) throw notFound('survey');
    return c.json({ participants: await listParticipants(c.env.DB, survey.id) });
  })
  .post('/surveys/:id/invitations/send', async (c) => {
    const org = c.var.coordinator.organisationId;
    const survey = await getSurvey(c.env.DB, org, pathId(c));
    if (!survey) throw notFound('survey');
    if (effectiveStatus(survey.status, survey.closes_at) !== 'open') throw notOpen();
    const { report, remaining } = await sendNextBatch(c, survey.id);
    return c.json({ ...report, remaining });
  })
  .post('/invitations/:id/resend', async (c) => {
    const org = c.var.coordinator.organisationId;
    const row = await sendingRow(c.env.DB, org, pathId(c));
    if (!row) throw notFound('invitation');
    return c.json(await resendInvitation(c, row));
  })
  .delete('/invitations/:id', async (c) => {
    const invitation = await invitationInOrganisation(c.env.DB, c.var.coordinator.organisationId, pathId(c));
    if (!invitation) throw notFound('invitation');
    await c.env.DB.batch([
      ...removeInvitationsStatements(c.env.DB, '?', [invitation.id], await ballotKeys(c.env, [invitation])),
      writeAudit(c.env.DB, c.var.coordinator, 'invitation.remove', `survey:${invitation.survey_id}`),
    ]);
    return c.body(null, 204);
  })
  .get('/outbox', async (c) => {
    const { survey } = validate(OutboxQuerySchema, c.req.query(), 'query');
    const messages = await listOutbox(c.env.DB, c.var.coordinator.organisationId, survey ? Number(survey) : null);
    return c.json({ messages });
  })
  .get('/audit', async (c) => c.json({ entries: await listAudit(c.env.DB, c.var.coordinator.organisationId) }))
  .post('/participants/export', async (c) => {
    const { email } = await jsonBody(c, ParticipantEmailSchema);
    const data = await participantData(c.env.DB, c.var.coordinator.organisationId, email);
    await writeAudit(c.env.DB, c.var.coordinator, 'participant.export', 'participant', { invitations: data.invitations.length }).run();
    return c.json({ email, exported_at: new Date().toISOString(), ...data }, 200, { 'Cache-Control': 'no-store' });
  })
  .post('/participants/erase', async (c) => {
    const { email } = await jsonBody(c, ParticipantEmailSchema);
    return c.json({ erased_invitations: await eraseParticipant(c.env, c.var.coordinator, email) });
  })
  .put('/series/:id/retention', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const { retention_days } = await jsonBody(c, RetentionSchema);
    if (!(await getSeries(c.env.DB, org, id))) throw notFound('series');
    await c.env.DB.batch([
      setRetention(c.env.DB, org, id, retention_days),
      writeAudit(c.env.DB, c.var.coordinator, 'series.retention', `series:${id}`, { days: retention_days }),
    ]);
    return c.json({ retention_days });
  })
  .get('/series/:id/proposals', async (c) => {
    const id = pathId(c);
    if (!(await getSeries(c.env.DB, c.var.coordinator.organisationId, id))) throw notFound('series');
    const [counts, decided] = await Promise.all([proposalCounts(c.env.DB, id), decidedProposals(c.env.DB, id)]);
    const proposals = groupTexts(counts)
      .map((g) => ({ key: normaliseText(g.text), ...g }))
      .filter((g) => !decided.has(g.key));
    return c.json({ proposals });
  })
  .post('/series/:id/proposals', async (c) => {
    const org = c.var.coordinator.organisationId;
    const id = pathId(c);
    const input = await jsonBody(c, ProposalDecisionSchema);
    if (!(await getSeries(c.env.DB, org, id))) throw notFound('series');
    const key = normaliseText(input.key);
    if (input.action === 'merge') {
      const theme = await getTheme(c.env.DB, org, input.theme_id);
      if (!theme || theme.series_id !== id) throw invalid([{ field: 'theme_id', message: 'no such theme in this series' }]);
      await c.env.DB.batch([
        decideProposal(c.env.DB, id, key, theme.id),
        writeAudit(c.env.DB, c.var.coordinator, 'proposal.merge', `series:${id}`, { into: theme.id }),
      ]);
      return c.json({ key, theme_id: theme.id });
    }
    const text = input.label ?? groupTexts(await proposalCounts(c.env.DB, id)).find((g) => normaliseText(g.text) === key)?.text;
    if (!text) throw invalid([{ field: 'key', message: 'no such proposal; give a label to add it anyway' }]);
    await c.env.DB.batch([
      ...promoteProposal(c.env.DB, id, key, text),
      writeAudit(c.env.DB, c.var.coordinator, 'proposal.promote', `series:${id}`),
    ]);
    return c.json({ key, theme_id: await proposalTheme(c.env.DB, id, key) }, 201);
  });
