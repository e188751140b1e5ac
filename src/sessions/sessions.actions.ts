/**
 * A coordinator adding, changing and cancelling a series' sessions, the same through every door,
 * each with its audit entry (and, for a change or a cancellation, its webhook event and the
 * e-mails to the invitees of the session's open surveys).
 */
import type * as v from 'valibot';
import { writeAuditIfChanged, writeAuditOfInserted } from '../audit/audit.queries.ts';
import { issueText, sessionDateIssues } from '../domain/session-dates.ts';
import type { Coordinator, Env } from '../env.ts';
import { invalid, notFound, Problem } from '../http/problem.ts';
import { sessionNoticeJobs } from '../sending/sending.queries.ts';
import { getSeries } from '../series/series.queries.ts';
import { deliverAfter } from '../webhooks/delivery.ts';
import { deliveryIds, sessionChangedEvent } from '../webhooks/outbox.queries.ts';
import {
  cancelSessionRow,
  getSession,
  insertSession,
  type SessionChange,
  type SessionRow,
  seriesDates,
  updateSessionRow,
} from './sessions.queries.ts';
import type { CreateSessionSchema, UpdateSessionSchema } from './sessions.schemas.ts';

export class SessionExists extends Problem {
  constructor(number: number) {
    super(409, 'session-exists', 'Session exists', {
      detail: `Session #${number} already exists in this series.`,
      errors: [{ field: 'number', message: 'already used in this series' }],
    });
  }
}

export async function createSession(
  env: Env,
  actor: Coordinator,
  seriesId: number,
  input: v.InferOutput<typeof CreateSessionSchema>,
): Promise<SessionRow> {
  if (!(await getSeries(env.DB, actor.organisationId, seriesId))) throw notFound('series');
  // #3 not before #2: the same rule as a change (src/domain/session-dates.ts).
  const issues = sessionDateIssues(input, await seriesDates(env.DB, seriesId));
  if (issues.length) throw invalid(issues.map((i) => ({ field: i.field, message: issueText(i) })));
  const [inserted] = await env.DB.batch<{ id: number }>([
    insertSession(env.DB, actor.organisationId, seriesId, input),
    writeAuditOfInserted(env.DB, actor, 'session.create', 'session', { number: input.number }),
  ]);
  const id = inserted?.results[0]?.id;
  if (id === undefined) throw new SessionExists(input.number);
  const session = await getSession(env.DB, actor.organisationId, id);
  if (!session) throw notFound('session');
  return session;
}

/** Hands the webhook events' first attempt to waitUntil, or awaits it (see `afterResponse`). */
type After = (work: Promise<unknown>) => unknown;

export class SessionCancelled extends Problem {
  constructor() {
    super(409, 'session-cancelled', 'Session cancelled', { detail: 'This session is cancelled and can no longer be changed.' });
  }
}

export class SessionChanged extends Problem {
  constructor() {
    super(409, 'session-changed', 'Session changed', { detail: 'The session was changed meanwhile; read it again and retry.' });
  }
}

async function ownedSession(env: Env, actor: Coordinator, id: number): Promise<SessionRow> {
  const session = await getSession(env.DB, actor.organisationId, id);
  if (!session) throw notFound('session');
  return session;
}

/**
 * The fields a change gives, over the session's current ones, checked against the date rules
 * (src/domain/session-dates.ts); throws 422 naming the field. Shared with the workspace form,
 * which shows the same issues in the coordinator's language.
 */
export async function checkedChange(env: Env, session: SessionRow, input: v.InferOutput<typeof UpdateSessionSchema>) {
  const change: SessionChange = {
    starts_at: input.starts_at ?? session.starts_at,
    ends_at: input.ends_at === undefined ? session.ends_at : input.ends_at,
    place: input.place === undefined ? session.place : input.place,
    notes: input.notes === undefined ? session.notes : input.notes,
  };
  const issues = sessionDateIssues({ ...session, ...change }, await seriesDates(env.DB, session.series_id));
  return { change, issues };
}

/**
 * A session's new date, end, place or notes, in one batch: the row with its SEQUENCE raised,
 * the audit entry, the `session.updated` webhook event, and a send job per open survey telling
 * its invitees, with the updated calendar entry (src/sending/). Nothing changes (409) if the
 * session was cancelled or changed meanwhile.
 */
export async function updateSession(
  env: Env,
  actor: Coordinator,
  id: number,
  input: v.InferOutput<typeof UpdateSessionSchema>,
  after?: After,
): Promise<SessionRow> {
  const session = await ownedSession(env, actor, id);
  if (session.cancelled_at) throw new SessionCancelled();
  const { change, issues } = await checkedChange(env, session, input);
  if (issues.length) throw invalid(issues.map((i) => ({ field: i.field, message: issueText(i) })));
  const results = await env.DB.batch([
    updateSessionRow(env.DB, session.id, session.sequence, change),
    writeAuditIfChanged(env.DB, actor, 'session.update', `session:${session.id}`, { sequence: session.sequence + 1 }),
    env.DB.prepare(sessionChangedEvent('session.updated')).bind(session.id),
    ...sessionNoticeJobs(env.DB, session.id, session.sequence + 1, 'session-update'),
  ]);
  if (!results[0]?.meta.changes) throw new SessionChanged();
  await deliverAfter(env, deliveryIds(results[2]), after);
  return ownedSession(env, actor, session.id);
}

/** The session cancelled, in one batch like a change: invitees told with a METHOD:CANCEL entry. */
export async function cancelSession(env: Env, actor: Coordinator, id: number, after?: After): Promise<SessionRow> {
  const session = await ownedSession(env, actor, id);
  // Cancelling twice (a double click, a retry) changes nothing and answers the same.
  if (session.cancelled_at) return session;
  const results = await env.DB.batch([
    cancelSessionRow(env.DB, session.id, session.sequence),
    writeAuditIfChanged(env.DB, actor, 'session.cancel', `session:${session.id}`, { sequence: session.sequence + 1 }),
    env.DB.prepare(sessionChangedEvent('session.cancelled')).bind(session.id),
    ...sessionNoticeJobs(env.DB, session.id, session.sequence + 1, 'session-cancel'),
  ]);
  if (!results[0]?.meta.changes) return ownedSession(env, actor, session.id);
  await deliverAfter(env, deliveryIds(results[2]), after);
  return ownedSession(env, actor, session.id);
}
