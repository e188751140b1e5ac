/**
 * The workspace's actions as JSON for scripts and other tools, under the coordinator API's
 * rules (key or cookie + CSRF, scoped to the organisation). Each write is the same action as
 * the pages' (src/<resource>/<resource>.actions.ts), audited the same way.
 */
import { Hono } from 'hono';
import { listAudit } from '../audit/audit.queries.ts';
import { groupTexts, normaliseText } from '../domain/text-normalise.ts';
import { listOutbox } from '../email/outbox.queries.ts';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId, validate } from '../http/body.ts';
import { notFound } from '../http/problem.ts';
import { eraseParticipant, exportParticipantData, removeInvitation, resendInvitation } from '../invitations/invitations.actions.ts';
import { listParticipants } from '../invitations/invitations.queries.ts';
import { jobJson, ownedJob, startSending } from '../sending/sending.actions.ts';
import { updateSeries } from '../series/series.actions.ts';
import { getSeries } from '../series/series.queries.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { decidedProposals, proposalCounts } from '../themes/proposals.queries.ts';
import { mergeProposal, promoteProposal } from '../themes/themes.actions.ts';
import { OutboxQuerySchema, ParticipantEmailSchema, ProposalDecisionSchema, RetentionSchema } from './workspace.api.schemas.ts';

export const workspaceApi = new Hono<AppEnv>()
  .get('/surveys/:id/participants', async (c) => {
    const survey = await ownedSurvey(c.env, c.var.coordinator, pathId(c));
    return c.json({ participants: await listParticipants(c.env.DB, survey.id) });
  })
  // One call sends everything: the first chunk at once, the rest by the cron; the job's
  // progress is at its Location. A second call while it runs answers the same job.
  .post('/surveys/:id/invitations/send', async (c) => {
    const { job } = await startSending(c.env, c.var.coordinator, pathId(c), 'invitation');
    return c.json(jobJson(job), job.finished_at ? 200 : 202, { Location: `/api/send-jobs/${job.id}` });
  })
  .post('/surveys/:id/reminders/send', async (c) => {
    const { job } = await startSending(c.env, c.var.coordinator, pathId(c), 'reminder');
    return c.json(jobJson(job), job.finished_at ? 200 : 202, { Location: `/api/send-jobs/${job.id}` });
  })
  .get('/send-jobs/:id', async (c) => c.json(jobJson(await ownedJob(c.env, c.var.coordinator, pathId(c)))))
  .post('/invitations/:id/resend', async (c) => c.json((await resendInvitation(c.env, c.var.coordinator, pathId(c))).report))
  .delete('/invitations/:id', async (c) => {
    await removeInvitation(c.env, c.var.coordinator, pathId(c));
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
    const data = await exportParticipantData(c.env, c.var.coordinator, email);
    return c.json({ email, exported_at: new Date().toISOString(), ...data }, 200, { 'Cache-Control': 'no-store' });
  })
  .post('/participants/erase', async (c) => {
    const { email } = await jsonBody(c, ParticipantEmailSchema);
    return c.json(await eraseParticipant(c.env, c.var.coordinator, email));
  })
  .put('/series/:id/retention', async (c) => {
    const { retention_days } = await jsonBody(c, RetentionSchema);
    // The same audited action as PATCH /api/series/:id and the series page.
    const series = await updateSeries(c.env, c.var.coordinator, pathId(c), { retention_days });
    return c.json({ retention_days: series.retention_days });
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
    const id = pathId(c);
    const input = await jsonBody(c, ProposalDecisionSchema);
    if (input.action === 'merge')
      return c.json(await mergeProposal(c.env, c.var.coordinator, id, { key: input.key, themeId: input.theme_id }));
    return c.json(await promoteProposal(c.env, c.var.coordinator, id, { key: input.key, label: input.label }), 201);
  });
