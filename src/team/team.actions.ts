/**
 * The team: coordinators invite colleagues of their organisation (an e-mailed one-time
 * sign-in link) and remove them, from the workspace and the API, audited. The CLI
 * (`npm run coordinator -- add`) stays for an organisation's first coordinator.
 */
import { writeAuditIfChanged } from '../audit/audit.queries.ts';
import { coordinatorByEmail, setLinkDelivery } from '../coordinators/coordinators.queries.ts';
import type { Language } from '../domain/language.ts';
import { LINK_TOKEN_BYTES } from '../domain/sign-in-links.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound, Problem } from '../http/problem.ts';
import { randomSecret, sha256Hex } from '../lib/crypto.ts';
import { publicUrl } from '../lib/public-url.ts';
import { sendTeamInvitation } from './team.mail.ts';
import { inviteStatements, memberOf, organisationName, removeStatements } from './team.queries.ts';

/** A colleague's first link lasts longer than a sign-in link (15 minutes): they may read their mail tomorrow. */
export const INVITATION_HOURS = 72;

export const coordinatorElsewhere = () =>
  new Problem(409, 'coordinator-elsewhere', 'Coordinator of another organisation', {
    detail: 'This address is a coordinator of another organisation.',
    errors: [{ field: 'email', message: 'a coordinator of another organisation' }],
  });

export async function inviteColleague(env: Env, actor: Coordinator, email: string, language: Language) {
  const base = publicUrl(env);
  const known = await coordinatorByEmail(env.DB, email);
  if (known && known.organisation_id !== actor.organisationId) throw coordinatorElsewhere();
  const token = randomSecret(LINK_TOKEN_BYTES);
  const tokenHash = await sha256Hex(token);
  const [, link] = await env.DB.batch<{ coordinator_id: number }>(inviteStatements(env.DB, actor, email, tokenHash, INVITATION_HOURS));
  const coordinatorId = link?.results[0]?.coordinator_id;
  if (!coordinatorId) throw coordinatorElsewhere();
  const organisation = (await organisationName(env.DB, actor.organisationId))?.name ?? '';
  const delivery = await sendTeamInvitation(env, {
    to: email,
    language,
    from: actor.email,
    organisation,
    link: `${base}/app/sign-in/${token}`,
    hours: INVITATION_HOURS,
  });
  await setLinkDelivery(env.DB, tokenHash, delivery).run();
  return { id: coordinatorId, email, delivery };
}

export async function removeColleague(env: Env, actor: Coordinator, coordinatorId: number) {
  if (coordinatorId === actor.id) {
    throw new Problem(409, 'cannot-remove-self', 'Cannot remove yourself', {
      detail: 'A colleague can remove you; you cannot.',
      errors: [{ field: 'id', message: 'yourself' }],
    });
  }
  const member = await memberOf(env.DB, actor.organisationId, coordinatorId);
  if (!member) throw notFound('coordinator');
  const results = await env.DB.batch<{ id: number }>([
    ...removeStatements(env.DB, actor, coordinatorId),
    writeAuditIfChanged(env.DB, actor, 'team.remove', `coordinator:${coordinatorId}`),
  ]);
  if (!results[3]?.results.length) {
    throw new Problem(409, 'last-coordinator', 'Last coordinator', {
      detail: 'The last coordinator of the organisation cannot be removed.',
      errors: [{ field: 'id', message: 'the last coordinator' }],
    });
  }
  return member;
}
