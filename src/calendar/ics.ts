/**
 * iCalendar (RFC 5545) for sessions: the single event offered after a survey, a series' feed,
 * and the entry mailed when a session changes (RFC 5546: METHOD:REQUEST, or METHOD:CANCEL with
 * STATUS:CANCELLED). A session keeps one UID for life and its SEQUENCE rises with each change,
 * so a calendar app replaces the entry it holds instead of adding another.
 * Plain TypeScript: escaping, UTC times, CRLF and 75-octet line folding.
 */

export interface CalendarEvent {
  uid: string;
  start: string;
  end?: string | null;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** Raised by every change of the session (RFC 5545 SEQUENCE). */
  sequence?: number;
  cancelled?: boolean;
  /** For a mailed METHOD:REQUEST/CANCEL (RFC 5546 wants both). */
  organizer?: string | null;
  attendee?: string | null;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

function utc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icsCalendar(events: readonly CalendarEvent[], name?: string, now = new Date(), method: CalendarMethod = 'PUBLISH'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relais//Concertations thematiques//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
  ];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  for (const e of events) {
    const end = e.end ?? new Date(Date.parse(e.start) + DEFAULT_DURATION_MS).toISOString();
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utc(now.toISOString())}`, `DTSTART:${utc(e.start)}`, `DTEND:${utc(end)}`);
    lines.push(`SEQUENCE:${e.sequence ?? 0}`, `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
    if (e.organizer) lines.push(`ORGANIZER:mailto:${e.organizer}`);
    if (e.attendee) lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${e.attendee}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export interface EventSession {
  id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  notes?: string | null;
  sequence?: number;
  cancelled_at?: string | null;
}

export function sessionEvent(session: EventSession, seriesTitle: string): CalendarEvent {
  return {
    uid: `session-${session.id}@relais`,
    start: session.starts_at,
    end: session.ends_at,
    summary: `${seriesTitle} #${session.number}`,
    location: session.place,
    description: session.notes ?? null,
    sequence: session.sequence ?? 0,
    cancelled: Boolean(session.cancelled_at),
  };
}
