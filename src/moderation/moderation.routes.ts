/** Moderation (JSON API): thin adapters over src/moderation/moderation.actions.ts. */

import * as v from 'valibot';
import type { AppEnv } from '../env.ts';
import { pathId } from '../http/body.ts';
import { Hono } from '../http/hono.ts';
import { contract } from '../openapi/contract.ts';
import { dismissProposal, hideText, showText } from './moderation.actions.ts';
import { DismissProposalSchema, HideTextSchema, ShowTextSchema } from './moderation.schemas.ts';

const TextStateSchema = RELAIS_DOCS
  ? v.object({ survey_id: v.number(), question_id: v.string(), key: v.string(), hidden: v.boolean() })
  : (undefined as never);
const DismissedSchema = RELAIS_DOCS ? v.object({ key: v.string(), dismissed: v.literal(true) }) : (undefined as never);

const tag = 'results';
const auth = 'coordinator';

export const moderationRoutes = new Hono<AppEnv>()
  .post(
    '/surveys/:id/texts/hide',
    contract({
      body: HideTextSchema,
      docs: RELAIS_DOCS && {
        summary: 'Hide a free text (remark or proposal) from results and brief, with a reason kept in the audit log',
        description:
          'The text is named by its question and wording (any spelling that differs only by case, accents or spacing is the same text), never by a response: hiding a text of an anonymous survey links it to nobody. Only a text the results publish can be hidden (422 otherwise, the same for a text held back or never written). The answers are kept.',
        tag,
        auth,
        responses: { 200: { description: 'The text, hidden', schema: TextStateSchema } },
      },
    }),
    async (c) =>
      c.json((await hideText(c.env, c.var.coordinator, pathId(c), c.req.valid('json'))) satisfies v.InferOutput<typeof TextStateSchema>),
  )
  .post(
    '/surveys/:id/texts/show',
    contract({
      body: ShowTextSchema,
      docs: RELAIS_DOCS && {
        summary: 'Show a hidden free text again',
        tag,
        auth,
        responses: { 200: { description: 'The text, shown', schema: TextStateSchema } },
      },
    }),
    async (c) =>
      c.json((await showText(c.env, c.var.coordinator, pathId(c), c.req.valid('json'))) satisfies v.InferOutput<typeof TextStateSchema>),
  )
  .post(
    '/series/:id/proposals/dismiss',
    contract({
      body: DismissProposalSchema,
      docs: RELAIS_DOCS && {
        summary: 'Dismiss a proposed theme (not a theme): it leaves the waiting list and the brief’s pending count',
        tag: 'workspace',
        auth,
        responses: { 200: { description: 'The proposal, dismissed', schema: DismissedSchema } },
      },
    }),
    async (c) =>
      c.json(
        (await dismissProposal(c.env, c.var.coordinator, pathId(c), c.req.valid('json'))) satisfies v.InferOutput<typeof DismissedSchema>,
      ),
  );
