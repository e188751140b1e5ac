/**
 * The workspace's actions as JSON for scripts and other tools, under the coordinator API's
 * rules (key or cookie + CSRF, scoped to the organisation). Each write is the same action as
 * the pages' (src/<resource>/<resource>.actions.ts), audited the same way.
 */

import type * as v from 'valibot';
import { listAudit } from '../audit/audit.queries.ts';
import { groupTexts, normaliseText } from '../domain/text-normalise.ts';
import { listOutbox } from '../email/outbox.queries.ts';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { notFound } from '../http/problem.ts';
import { eraseParticipant, exportParticipantData, removeInvitation, resendInvitation } from '../invitations/invitations.actions.ts';
import { listParticipants } from '../invitations/invitations.queries.ts';
import { contract } from '../openapi/contract.ts';
import { jobJson, ownedJob, startSending } from '../sending/sending.actions.ts';
import { SendJobResponseSchema } from '../sending/sending.schemas.ts';
import { updateSeries } from '../series/series.actions.ts';
import { getSeries } from '../series/series.queries.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { decidedProposals, proposalCounts } from '../themes/proposals.queries.ts';
import { mergeProposal, promoteProposal } from '../themes/themes.actions.ts';
import {
  AuditResponseSchema,
  DeliveryReportSchema,
  EraseResponseSchema,
  OutboxQuerySchema,
  OutboxResponseSchema,
  ParticipantEmailSchema,
  ParticipantExportResponseSchema,
  ParticipantListResponseSchema,
  ProposalDecisionResponseSchema,
  ProposalDecisionSchema,
  ProposalListResponseSchema,
  RetentionResponseSchema,
  RetentionSchema,
} from './workspace.api.schemas.ts';

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

const tag = 'workspace';
const auth = 'coordinator';

/** The answers of both one-click sends (invitations, reminders). */
const SEND_JOB_RESPONSES = RELAIS_DOCS
  ? {
      200: { description: 'The finished job', schema: SendJobResponseSchema },
      202: { description: 'The job, still sending (its progress at Location)', schema: SendJobResponseSchema },
      409: { description: 'The survey is not open' },
    }
  : (undefined as never);

export const workspaceApi = new Hono<AppEnv>()
  .get(
    '/surveys/:id/participants',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Invitations of a survey with their state',
        description: 'State is one of not_sent, sent, opened, answered, bounced. Never what anyone answered.',
        tag,
        auth,
        responses: {
          200: { description: '`{participants: [{id, email, name, language, state}]}`', schema: ParticipantListResponseSchema },
        },
      },
    }),
    async (c) => {
      const survey = await ownedSurvey(c.env, c.var.coordinator, pathId(c));
      return c.json({ participants: await listParticipants(c.env.DB, survey.id) } satisfies Out<typeof ParticipantListResponseSchema>);
    },
  )
  // One call sends everything: the first chunk at once, the rest by the cron; the job's
  // progress is at its Location. A second call while it runs answers the same job.
  .post(
    '/surveys/:id/invitations/send',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'E-mail every invitation not sent yet, in one call',
        description:
          'Starts a send job (or answers the one running): the first chunk goes at once, the rest by the cron, a few dozen a minute. 200 when done, else 202 with the job at `Location`. Through the send_email binding; without it, messages are recorded in the outbox only. Nothing is sent twice.',
        tag,
        auth,
        responses: SEND_JOB_RESPONSES,
      },
    }),
    async (c) => {
      const { job } = await startSending(c.env, c.var.coordinator, pathId(c), 'invitation');
      return c.json(jobJson(job) satisfies Out<typeof SendJobResponseSchema>, job.finished_at ? 200 : 202, {
        Location: `/api/send-jobs/${job.id}`,
      });
    },
  )
  .post(
    '/surveys/:id/reminders/send',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'E-mail a reminder to everyone invited who has not answered, in one call',
        description: 'A send job like the invitations’: once per person per call, never to who answered or bounced.',
        tag,
        auth,
        responses: SEND_JOB_RESPONSES,
      },
    }),
    async (c) => {
      const { job } = await startSending(c.env, c.var.coordinator, pathId(c), 'reminder');
      return c.json(jobJson(job) satisfies Out<typeof SendJobResponseSchema>, job.finished_at ? 200 : 202, {
        Location: `/api/send-jobs/${job.id}`,
      });
    },
  )
  .get(
    '/send-jobs/:id',
    contract({
      docs: RELAIS_DOCS && {
        summary: "A send job's progress",
        description: '`sent` of `total` (sent, or recorded without an e-mail binding), `failed`, `remaining`; `finished_at` once done.',
        tag,
        auth,
        responses: { 200: { description: 'The job', schema: SendJobResponseSchema } },
      },
    }),
    async (c) => c.json(jobJson(await ownedJob(c.env, c.var.coordinator, pathId(c))) satisfies Out<typeof SendJobResponseSchema>),
  )
  .post(
    '/invitations/:id/resend',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'E-mail one person their link again',
        tag,
        auth,
        responses: { 200: { description: '`{claimed, sent, recorded, failed}`', schema: DeliveryReportSchema } },
      },
    }),
    async (c) => c.json((await resendInvitation(c.env, c.var.coordinator, pathId(c))).report satisfies Out<typeof DeliveryReportSchema>),
  )
  .delete(
    '/invitations/:id',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Remove one person from a survey with their answers (if named) and messages',
        tag,
        auth,
        responses: { 204: { description: 'Removed' } },
      },
    }),
    async (c) => {
      await removeInvitation(c.env, c.var.coordinator, pathId(c));
      return c.body(null, 204);
    },
  )
  .get(
    '/outbox',
    contract({
      query: OutboxQuerySchema,
      docs: RELAIS_DOCS && {
        summary: 'Messages sent or recorded (latest 200), personal links masked',
        tag,
        auth,
        responses: { 200: { description: '`{messages: [...]}`', schema: OutboxResponseSchema } },
      },
    }),
    async (c) => {
      const { survey } = c.req.valid('query');
      const messages = await listOutbox(c.env.DB, c.var.coordinator.organisationId, survey ? Number(survey) : null);
      return c.json({ messages } satisfies Out<typeof OutboxResponseSchema>);
    },
  )
  .get(
    '/audit',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'The audit log of your organisation (latest 200)',
        tag,
        auth,
        responses: { 200: { description: '`{entries: [{id, actor, action, target, detail, created_at}]}`', schema: AuditResponseSchema } },
      },
    }),
    async (c) => c.json({ entries: await listAudit(c.env.DB, c.var.coordinator.organisationId) } satisfies Out<typeof AuditResponseSchema>),
  )
  .post(
    '/participants/export',
    contract({
      body: ParticipantEmailSchema,
      docs: RELAIS_DOCS && {
        summary: 'Everything held about one person (right of access)',
        description:
          'Invitations, answers to named surveys, messages. Answers to anonymous surveys are linked to nobody and cannot be included.',
        tag,
        auth,
        responses: {
          200: { description: '`{email, exported_at, invitations, answers, messages}`', schema: ParticipantExportResponseSchema },
        },
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      const data = await exportParticipantData(c.env, c.var.coordinator, email);
      const body = { email, exported_at: new Date().toISOString(), ...data } satisfies Out<typeof ParticipantExportResponseSchema>;
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    },
  )
  .post(
    '/participants/erase',
    contract({
      body: ParticipantEmailSchema,
      docs: RELAIS_DOCS && {
        summary: 'Erase one person: invitations, answers to named surveys, messages',
        tag,
        auth,
        responses: { 200: { description: '`{erased_invitations}`', schema: EraseResponseSchema } },
      },
    }),
    async (c) =>
      c.json((await eraseParticipant(c.env, c.var.coordinator, c.req.valid('json').email)) satisfies Out<typeof EraseResponseSchema>),
  )
  .put(
    '/series/:id/retention',
    contract({
      body: RetentionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Purge contact data this many days after the last session (null: keep)',
        tag,
        auth,
        responses: { 200: { description: '`{retention_days}`', schema: RetentionResponseSchema } },
      },
    }),
    async (c) => {
      const { retention_days } = c.req.valid('json');
      // The same audited action as PATCH /api/series/:id and the series page.
      const series = await updateSeries(c.env, c.var.coordinator, pathId(c), { retention_days });
      return c.json({ retention_days: series.retention_days } satisfies Out<typeof RetentionResponseSchema>);
    },
  )
  .get(
    '/series/:id/proposals',
    contract({
      docs: RELAIS_DOCS && {
        summary: 'Themes proposed by participants and not handled yet, grouped across spellings',
        tag,
        auth,
        responses: { 200: { description: '`{proposals: [{key, text, count, variants}]}`', schema: ProposalListResponseSchema } },
      },
    }),
    async (c) => {
      const id = pathId(c);
      if (!(await getSeries(c.env.DB, c.var.coordinator.organisationId, id))) throw notFound('series');
      const [counts, decided] = await Promise.all([proposalCounts(c.env.DB, id), decidedProposals(c.env.DB, id)]);
      const proposals = groupTexts(counts)
        .map((g) => ({ key: normaliseText(g.text), ...g }))
        .filter((g) => !decided.has(g.key));
      return c.json({ proposals } satisfies Out<typeof ProposalListResponseSchema>);
    },
  )
  .post(
    '/series/:id/proposals',
    contract({
      body: ProposalDecisionSchema,
      docs: RELAIS_DOCS && {
        summary: 'Promote a proposal into the catalogue, or count it as an existing theme',
        tag,
        auth,
        responses: {
          200: { description: 'Merged: `{key, theme_id}`', schema: ProposalDecisionResponseSchema },
          201: { description: 'Promoted: `{key, theme_id}`', schema: ProposalDecisionResponseSchema },
        },
      },
    }),
    async (c) => {
      const id = pathId(c);
      const input = c.req.valid('json');
      if (input.action === 'merge')
        return c.json(
          (await mergeProposal(c.env, c.var.coordinator, id, { key: input.key, themeId: input.theme_id })) satisfies Out<
            typeof ProposalDecisionResponseSchema
          >,
        );
      return c.json(
        (await promoteProposal(c.env, c.var.coordinator, id, { key: input.key, label: input.label })) satisfies Out<
          typeof ProposalDecisionResponseSchema
        >,
        201,
      );
    },
  );
