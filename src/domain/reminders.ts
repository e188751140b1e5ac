/**
 * When reminders go out, relative to the meeting: before it for a pre-survey (7 and 2 days),
 * after it for a post-survey (2 days). A slot is due from its time until a grace period
 * later, so an hourly cron that missed a tick still sends, but a survey opened late does
 * not fire every past reminder at once.
 */
export type SurveyKind = 'pre' | 'post';

const DAY = 86_400_000;

/** Days relative to the session's start; at most this many reminders per survey. */
export const REMINDER_DAYS: Record<SurveyKind, readonly number[]> = { pre: [-7, -2], post: [2] };
export const GRACE_MS = 2 * DAY;

export interface DueSlot {
  slot: string;
  /** The slot's time: only invitations sent before it are reminded. */
  at: string;
}

export function reminderSlots(kind: SurveyKind, sessionStartsAt: string): DueSlot[] {
  const start = Date.parse(sessionStartsAt);
  return REMINDER_DAYS[kind].map((days) => ({
    slot: `reminder:${kind}${days < 0 ? '' : '+'}${days}d`,
    at: new Date(start + days * DAY).toISOString(),
  }));
}

/** The slot due now, if any (the latest one whose time has come, within its grace period). */
export function dueSlot(kind: SurveyKind, sessionStartsAt: string, now: Date, closesAt: string | null = null): DueSlot | null {
  if (closesAt && Date.parse(closesAt) <= now.getTime()) return null;
  const due = reminderSlots(kind, sessionStartsAt).filter((s) => {
    const at = Date.parse(s.at);
    return at <= now.getTime() && now.getTime() < at + GRACE_MS;
  });
  return due.at(-1) ?? null;
}
