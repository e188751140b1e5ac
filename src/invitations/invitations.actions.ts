/**
 * A coordinator's writes to invitations, the same through every door (API, workspace pages,
 * workspace API), each with its audit entry. A person's link is never revoked as a side
 * effect: links are sealed when issued, and inviting again, sending, resending, exporting the
 * links and the open link all reuse the live link; only `issueNewLink` replaces it.
 */
import { writeAudit } from '../audit/audit.queries.ts';
import type { Contact } from '../domain/contacts-import.ts';
import { type DeliveryReport, deliver, ensureTokens } from '../email/delivery.ts';
import { issueLink, liveToken, sealingSecret } from '../email/links.ts';
import { type SendingRow, sendingRow, storeLinks } from '../email/outbox.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { participantScope } from '../http/idempotency.ts';
import { notFound, Problem } from '../http/problem.ts';
import { publicUrl } from '../lib/public-url.ts';
import { ballotKeys } from '../responses/ballots.ts';
import { getSeries } from '../series/series.queries.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import {
  type InvitationScope,
  invitationInOrganisation,
  invitationLinks,
  listParticipants,
  removeInvitationsStatements,
  unissuedTokenHash,
  upsertInvitations,
} from './invitations.queries.ts';
import type { Participant } from './invitations.schemas.ts';
import { eraseParticipantStatements, invitationsOf, participantData } from './participant-data.queries.ts';

const surveyLanguage = async (env: Env, actor: Coordinator, seriesId: number) =>
  (await getSeries(env.DB, actor.organisationId, seriesId))?.language ?? 'fr';

/**
 * Invites people and answers each one's personal link: the live link of someone already
 * invited (inviting again is idempotent), a new sealed link for everyone else.
 */
export async function inviteParticipants(env: Env, actor: Coordinator, surveyId: number, participants: Participant[]) {
  const base = publicUrl(env);
  const secret = sealingSecret(env);
  const survey = await ownedSurvey(env, actor, surveyId);
  // The last mention of an address wins, as in a pasted list corrected at its end.
  const byEmail = new Map(participants.map((p) => [p.email, p]));
  const drafts = [...byEmail.values()].map((p) => ({
    email: p.email,
    name: p.name ?? null,
    language: p.language ?? null,
    token_hash: unissuedTokenHash(),
  }));
  const [upserted] = await env.DB.batch<{ id: number; email: string; link_sealed: string | null; token_hash: string }>([
    upsertInvitations(env.DB, survey.id, await surveyLanguage(env, actor, survey.series_id), drafts),
    writeAudit(env.DB, actor, 'invitations.create', `survey:${survey.id}`, { count: drafts.length }),
  ]);
  const tokens = new Map<string, { id: number; token: string }>();
  const fresh: Awaited<ReturnType<typeof issueLink>>[] = [];
  for (const row of upserted?.results ?? []) {
    const live = await liveToken(secret, row);
    const issued = live ? null : await issueLink(secret, row.id);
    if (issued) fresh.push(issued);
    tokens.set(row.email.toLowerCase(), { id: row.id, token: live ?? issued?.token ?? '' });
  }
  // Stored after the rows exist (the seal is bound to the row's id). Should this fail, the
  // answer fails too and no new link was ever shown: the next send issues one.
  if (fresh.length) await storeLinks(env.DB, fresh).run();
  return drafts.map((d) => {
    const t = tokens.get(d.email.toLowerCase());
    return { id: t?.id ?? 0, email: d.email, url: `${base}/s/${t?.token ?? ''}` };
  });
}

/** Contacts pasted or uploaded in the workspace: invitations whose links are issued when sent. */
export async function importParticipants(env: Env, actor: Coordinator, surveyId: number, contacts: Contact[]) {
  const survey = await ownedSurvey(env, actor, surveyId);
  const drafts = contacts.map((p) => ({
    email: p.email,
    name: p.name ?? null,
    language: p.language ?? null,
    token_hash: unissuedTokenHash(),
  }));
  await env.DB.batch([
    upsertInvitations(env.DB, survey.id, await surveyLanguage(env, actor, survey.series_id), drafts),
    writeAudit(env.DB, actor, 'participants.import', `survey:${survey.id}`, { count: contacts.length }),
  ]);
  return { survey, count: contacts.length };
}

async function ownedInvitation(env: Env, actor: Coordinator, invitationId: number): Promise<InvitationScope> {
  const invitation = await invitationInOrganisation(env.DB, actor.organisationId, invitationId);
  if (!invitation) throw notFound('invitation');
  return invitation;
}

/**
 * The coordinator's explicit "new link": the person's link is replaced and the old one stops
 * opening the survey at once (a link forwarded or leaked). The only door that revokes a link.
 */
export async function issueNewLink(env: Env, actor: Coordinator, invitationId: number) {
  const base = publicUrl(env);
  const secret = sealingSecret(env);
  const invitation = await ownedInvitation(env, actor, invitationId);
  const issued = await issueLink(secret, invitation.id);
  await env.DB.batch([
    storeLinks(env.DB, [issued]),
    writeAudit(env.DB, actor, 'invitation.new-link', `invitation:${invitation.id}`, { survey: invitation.survey_id }),
  ]);
  return { invitation, url: `${base}/s/${issued.token}` };
}

export const surveyNotOpen = () =>
  new Problem(409, 'survey-not-open', 'Survey not open', { detail: 'Invitations are sent once the survey is open.' });

const invitationMessage = (env: Env, slot: () => string) => ({ kind: 'invitation' as const, slot, linkBase: publicUrl(env) });

/** One invitation again, now, with its live link: its own outbox slot, so it is never taken for a duplicate. */
export async function resendInvitation(
  env: Env,
  actor: Coordinator,
  invitationId: number,
): Promise<{ row: SendingRow; report: DeliveryReport }> {
  const message = { ...invitationMessage(env, () => `resend:${new Date().toISOString()}`), replyTo: actor.email };
  const row = await sendingRow(env.DB, actor.organisationId, invitationId);
  if (!row) throw notFound('invitation');
  const report = await deliver(env, [row], message);
  await writeAudit(env.DB, actor, 'invitation.resend', `invitation:${row.invitation_id}`).run();
  return { row, report };
}

export async function removeInvitation(env: Env, actor: Coordinator, invitationId: number) {
  const invitation = await ownedInvitation(env, actor, invitationId);
  await env.DB.batch([
    ...removeInvitationsStatements(env.DB, '?', [invitation.id], await ballotKeys(env, [invitation])),
    writeAudit(env.DB, actor, 'invitation.remove', `survey:${invitation.survey_id}`),
  ]);
  return invitation;
}

/** Every person's live link, for the coordinator to hand out another way (the links CSV). */
export async function exportLinks(env: Env, actor: Coordinator, surveyId: number) {
  const base = publicUrl(env);
  const survey = await ownedSurvey(env, actor, surveyId);
  const people = await listParticipants(env.DB, survey.id);
  const tokens = await ensureTokens(env, await invitationLinks(env.DB, survey.id));
  await writeAudit(env.DB, actor, 'links.export', `survey:${survey.id}`, { count: people.length }).run();
  return {
    survey,
    links: people.map((p) => ({ email: p.email, name: p.name, language: p.language, link: `${base}/s/${tokens.get(p.id)}` })),
  };
}

/** What Relais holds about one person (right of access); the log never names whom. */
export async function exportParticipantData(env: Env, actor: Coordinator, email: string) {
  const data = await participantData(env.DB, actor.organisationId, email);
  await writeAudit(env.DB, actor, 'participant.export', 'participant', { invitations: data.invitations.length }).run();
  return data;
}

/**
 * One person erased from the organisation's data (right to erasure): their invitations, named
 * answers, anonymous ballots still held, messages and Idempotency-Key records, with the audit
 * entry, in one batch. The log never names whom.
 */
export async function eraseParticipant(env: Env, actor: Coordinator, email: string) {
  const invitations = await invitationsOf(env.DB, actor.organisationId, email);
  const scopes = (await Promise.all(invitations.map((i) => participantScope(env, i.token_hash)))).filter((s): s is string => s !== null);
  await env.DB.batch([
    ...eraseParticipantStatements(env.DB, actor.organisationId, email, await ballotKeys(env, invitations), scopes),
    writeAudit(env.DB, actor, 'participant.erase', 'participant', { invitations: invitations.length }),
  ]);
  return { erased_invitations: invitations.length };
}
