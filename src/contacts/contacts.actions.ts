/**
 * A coordinator's writes to the series' contacts, the same through every door (API, workspace
 * pages): importing an address book, inviting a survey from the directory or from another
 * survey or session of the series, and a session's attendance. Each in one D1 batch with its
 * audit entry. Inviting never revokes a link: someone already invited keeps their invitation
 * and live link (README, "A link is never revoked by a side effect").
 */
import { writeAudit } from '../audit/audit.queries.ts';
import { type Contact, MAX_CONTACTS, type ParsedAddressBook } from '../domain/contacts-import.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { getSurvey } from '../surveys/surveys.queries.ts';
import { attendees, type InviteSource, inviteFromStatements, replaceAttendanceStatements, upsertContacts } from './contacts.queries.ts';
import type { InviteFromInput } from './contacts.schemas.ts';

export async function ownedSeries(env: Env, actor: Coordinator, seriesId: number) {
  const series = await getSeries(env.DB, actor.organisationId, seriesId);
  if (!series) throw notFound('series');
  return series;
}

export async function ownedSession(env: Env, actor: Coordinator, sessionId: number) {
  const session = await getSession(env.DB, actor.organisationId, sessionId);
  if (!session) throw notFound('session');
  return session;
}

/** Why an address book cannot be imported at all (its rows' reasons are a preview, not a refusal). */
export function bookRefusal(book: ParsedAddressBook): 'noEmailColumn' | 'nothing' | 'tooMany' | null {
  if (book.problem) return book.problem;
  if (!book.contacts.length) return 'nothing';
  if (book.contacts.length > MAX_CONTACTS) return 'tooMany';
  return null;
}

const REFUSAL_TEXT = {
  noEmailColumn: 'no e-mail column in the header row',
  nothing: 'no contact with an e-mail address',
  tooMany: `at most ${MAX_CONTACTS} contacts an import`,
};

/** The good rows of an address book into the series' directory; the skipped rows were reported by the preview. */
export async function importContacts(env: Env, actor: Coordinator, seriesId: number, book: ParsedAddressBook) {
  const series = await ownedSeries(env, actor, seriesId);
  const refusal = bookRefusal(book);
  if (refusal) throw invalid([{ field: 'body', message: REFUSAL_TEXT[refusal] }]);
  await env.DB.batch([
    upsertContacts(env.DB, series.id, book.contacts),
    writeAudit(env.DB, actor, 'contacts.import', `series:${series.id}`, {
      count: book.contacts.length,
      skipped: book.rows.filter((r) => r.status === 'skipped').length,
      format: book.format,
    }),
  ]);
  return { series, imported: book.contacts.length };
}

/**
 * Invites a survey from the series' directory, or from everyone invited to / who answered
 * another survey of the series, or who attended one of its sessions: one batch whatever the
 * number of people. Links are issued and sealed when the invitations are sent.
 */
export async function inviteFrom(env: Env, actor: Coordinator, surveyId: number, input: InviteFromInput) {
  const survey = await ownedSurvey(env, actor, surveyId);
  let from: InviteSource;
  if (input.source === 'directory') from = { source: 'directory' };
  else if (input.source === 'attended') {
    const session = await getSession(env.DB, actor.organisationId, input.session_id);
    if (!session || session.series_id !== survey.series_id)
      throw invalid([{ field: 'session_id', message: 'not a session of this series' }]);
    from = { source: 'attended', sessionId: session.id };
  } else {
    const other = await getSurvey(env.DB, actor.organisationId, input.survey_id);
    if (!other || other.series_id !== survey.series_id) throw invalid([{ field: 'survey_id', message: 'not a survey of this series' }]);
    from = { source: input.source, surveyId: other.id };
  }
  const language = (await getSeries(env.DB, actor.organisationId, survey.series_id))?.language ?? 'fr';
  const [count, insert] = inviteFromStatements(env.DB, survey.series_id, survey.id, language, from);
  const [named, inserted] = await env.DB.batch<{ n?: number; id?: number }>([
    count,
    insert,
    writeAudit(env.DB, actor, 'invitations.from', `survey:${survey.id}`, {
      source: input.source,
      ...(input.source === 'attended' ? { session: input.session_id } : input.source === 'directory' ? {} : { survey: input.survey_id }),
    }),
  ]);
  const added = inserted?.results.length ?? 0;
  return { survey, added, already: Math.max(0, (named?.results[0]?.n ?? 0) - added) };
}

/**
 * A session's attendance: `replace` (the API's PUT, the ticked list) sets it to exactly these
 * people; otherwise they are added (an attendance sheet imported in the workspace). Addresses
 * not yet in the series' directory are added to it, in the same batch.
 */
export async function setAttendance(
  env: Env,
  actor: Coordinator,
  sessionId: number,
  input: { contactIds: number[]; people: Contact[]; replace: boolean },
) {
  const session = await ownedSession(env, actor, sessionId);
  if (input.people.length > MAX_CONTACTS) throw invalid([{ field: 'emails', message: `at most ${MAX_CONTACTS} people` }]);
  const emails = input.people.map((p) => p.email);
  const [remove, insert, count] = replaceAttendanceStatements(env.DB, session.series_id, session.id, input.contactIds, emails);
  const results = await env.DB.batch<{ n?: number }>([
    ...(input.people.length ? [upsertContacts(env.DB, session.series_id, input.people)] : []),
    ...(input.replace ? [remove] : []),
    insert,
    count,
    writeAudit(env.DB, actor, 'attendance.set', `session:${session.id}`, {
      replace: input.replace,
      named: input.contactIds.length + emails.length,
    }),
  ]);
  const attended = results[results.length - 2]?.results[0]?.n ?? 0;
  return { session, attended };
}

export async function attendanceOf(env: Env, actor: Coordinator, sessionId: number) {
  const session = await ownedSession(env, actor, sessionId);
  return { session, attendees: await attendees(env.DB, session.id) };
}
