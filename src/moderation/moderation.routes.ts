/** Moderation (JSON API): thin adapters over src/moderation/moderation.actions.ts. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { jsonBody, pathId } from '../http/body.ts';
import { dismissProposal, hideText, showText } from './moderation.actions.ts';
import { DismissProposalSchema, HideTextSchema, ShowTextSchema } from './moderation.schemas.ts';

export const moderationRoutes = new Hono<AppEnv>()
  .post('/surveys/:id/texts/hide', async (c) =>
    c.json(await hideText(c.env, c.var.coordinator, pathId(c), await jsonBody(c, HideTextSchema))),
  )
  .post('/surveys/:id/texts/show', async (c) =>
    c.json(await showText(c.env, c.var.coordinator, pathId(c), await jsonBody(c, ShowTextSchema))),
  )
  .post('/series/:id/proposals/dismiss', async (c) =>
    c.json(await dismissProposal(c.env, c.var.coordinator, pathId(c), await jsonBody(c, DismissProposalSchema))),
  );
