/**
 * A coordinator sending invitations, the same from the workspace's pages and from its JSON
 * API: the e-mails (or the outbox when no binding is configured), then the audit log.
 */
import type { Context } from 'hono';
import { deliver, SEND_BATCH } from '../email/delivery.ts';
import { countUnsent, type SendingRow, unsentInvitations } from '../email/outbox.queries.ts';
import type { AppEnv } from '../env.ts';
import { linkBase } from '../invitations/invitations.routes.ts';
import { writeAudit } from './audit.queries.ts';

type C = Context<AppEnv>;

const invitation = (c: C, slot: () => string) => ({ kind: 'invitation' as const, slot, linkBase: linkBase(c.env.PUBLIC_URL, c.req.url) });

/** The next batch of a survey's invitations not sent yet; `remaining` waits for the next click. */
export async function sendNextBatch(c: C, surveyId: number) {
  const rows = await unsentInvitations(c.env.DB, c.var.coordinator.organisationId, surveyId, SEND_BATCH);
  const report = await deliver(
    c.env,
    rows,
    invitation(c, () => 'invitation'),
  );
  await writeAudit(c.env.DB, c.var.coordinator, 'invitations.send', `survey:${surveyId}`, { ...report }).run();
  return { report, remaining: await countUnsent(c.env.DB, surveyId) };
}

/** One invitation again, now: its own outbox slot, so it is never taken for a duplicate. */
export async function resendInvitation(c: C, row: SendingRow) {
  const report = await deliver(
    c.env,
    [row],
    invitation(c, () => `resend:${new Date().toISOString()}`),
  );
  await writeAudit(c.env.DB, c.var.coordinator, 'invitation.resend', `invitation:${row.invitation_id}`).run();
  return report;
}
