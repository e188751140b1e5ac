/**
 * The date rules of sessions and surveys, in plain TypeScript: a session ends after it starts,
 * sessions of a series follow their numbers (#3 not before #2), a survey's closing date is in
 * the future. Each rule answers the field it is about and a message key, or nothing.
 */

export interface DateIssue {
  field: string;
  message: 'endBeforeStart' | 'sessionOrder' | 'closesInPast';
  /** The neighbouring session that the order conflicts with. */
  neighbour?: number;
}

export interface DatedSession {
  id: number;
  number: number;
  starts_at: string;
  cancelled_at?: string | null;
}

export function endIssue(startsAt: string, endsAt: string | null | undefined): DateIssue | null {
  return endsAt && Date.parse(endsAt) <= Date.parse(startsAt) ? { field: 'ends_at', message: 'endBeforeStart' } : null;
}

/**
 * A session may not start before an earlier-numbered session nor after a later-numbered one
 * of the same series (the same instant is allowed: two parallel workshops). Cancelled sessions
 * do not count: their date no longer holds anyone.
 */
export function orderIssue(session: { id?: number; number: number; starts_at: string }, others: readonly DatedSession[]): DateIssue | null {
  const at = Date.parse(session.starts_at);
  for (const other of others) {
    if (other.id === session.id || other.cancelled_at) continue;
    const otherAt = Date.parse(other.starts_at);
    if ((other.number < session.number && otherAt > at) || (other.number > session.number && otherAt < at)) {
      return { field: 'starts_at', message: 'sessionOrder', neighbour: other.number };
    }
  }
  return null;
}

/** A closing date must lie ahead: a survey closing in the past would close at once, unseen. */
export function closingIssue(closesAt: string | null | undefined, now: Date, field = 'closes_at'): DateIssue | null {
  return closesAt && Date.parse(closesAt) <= now.getTime() ? { field, message: 'closesInPast' } : null;
}

/** The issues of a session's dates, the end first (it is about the session alone). */
export function sessionDateIssues(
  session: { id?: number; number: number; starts_at: string; ends_at?: string | null },
  others: readonly DatedSession[],
): DateIssue[] {
  return [endIssue(session.starts_at, session.ends_at), orderIssue(session, others)].filter((i): i is DateIssue => i !== null);
}

/** English sentences of the API's problem+json (the workspace shows its own catalogue's). */
export function issueText(issue: DateIssue): string {
  switch (issue.message) {
    case 'endBeforeStart':
      return 'must be after starts_at';
    case 'sessionOrder':
      return `must keep the order of the series' sessions (conflicts with session #${issue.neighbour})`;
    case 'closesInPast':
      return 'must be in the future';
  }
}
