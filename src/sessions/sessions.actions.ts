/** A coordinator adding a session to a series, the same through every door, with its audit entry. */
import type * as v from 'valibot';
import { writeAuditOfInserted } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound, Problem } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession, insertSession, type SessionRow } from './sessions.queries.ts';
import type { CreateSessionSchema } from './sessions.schemas.ts';

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
