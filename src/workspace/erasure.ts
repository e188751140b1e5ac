/**
 * Erasing one person from an organisation, the same from the privacy page and the JSON API:
 * their invitations, named answers, anonymous ballots still held, messages and
 * Idempotency-Key records, with the audit entry, in one batch.
 */
import type { Coordinator, Env } from '../env.ts';
import { participantScope } from '../http/idempotency.ts';
import { ballotKeys } from '../responses/ballots.ts';
import { writeAudit } from './audit.queries.ts';
import { eraseParticipantStatements, invitationsOf } from './workspace.queries.ts';

/** Returns how many invitations the person had. */
export async function eraseParticipant(env: Env, actor: Coordinator, email: string): Promise<number> {
  const invitations = await invitationsOf(env.DB, actor.organisationId, email);
  const scopes = (await Promise.all(invitations.map((i) => participantScope(env, i.token_hash)))).filter((s): s is string => s !== null);
  await env.DB.batch([
    ...eraseParticipantStatements(env.DB, actor.organisationId, email, await ballotKeys(env, invitations), scopes),
    // The log says an erasure happened and how much it held, never whose address it was.
    writeAudit(env.DB, actor, 'participant.erase', 'participant', { invitations: invitations.length }),
  ]);
  return invitations.length;
}
