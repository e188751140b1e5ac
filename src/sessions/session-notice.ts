/**
 * The e-mail that tells an invitee a session changed or is cancelled, with the calendar entry
 * that replaces theirs: the session's stable UID, its raised SEQUENCE, METHOD:REQUEST for a
 * change and METHOD:CANCEL with STATUS:CANCELLED for a cancellation (RFC 5546).
 */
import { type EventSession, icsCalendar, sessionEvent } from '../calendar/ics.ts';
import type { Language } from '../domain/language.ts';
import { escapeHtml } from '../email/templates.ts';
import { emailMessages } from '../i18n/email/index.ts';
import { formatDateTime } from '../i18n/index.ts';
import { sessionMessages } from '../i18n/sessions/index.ts';

export interface NoticeFacts {
  cancelled: boolean;
  language: Language;
  name: string | null;
  email: string;
  seriesTitle: string;
  session: EventSession;
  /** The person's personal link to the survey, or null when it is not worth sending (closed). */
  link: string | null;
  /** Sender of the calendar request (EMAIL_FROM), its ORGANIZER. */
  organizer: string | null;
}

export function sessionNotice(f: NoticeFacts) {
  const t = sessionMessages(f.language);
  const m = emailMessages(f.language);
  const s = f.session;
  const subject = f.cancelled ? t.notice.subjectCancelled(f.seriesTitle, s.number) : t.notice.subjectUpdated(f.seriesTitle, s.number);
  const intro = f.cancelled ? t.notice.cancelled : t.notice.updated;
  const facts: [string, string][] = [[m.when, formatDateTime(s.starts_at, f.language)]];
  if (s.place) facts.push([m.place, s.place]);
  if (s.notes) facts.push([t.notes, s.notes]);
  const lines = [
    m.greeting(f.name),
    '',
    intro,
    '',
    m.session(s.number),
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(f.link && !f.cancelled ? ['', t.notice.link, f.link] : []),
    '',
    m.signature,
  ];
  const html = `<!doctype html><html lang="${f.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem">
<p>${escapeHtml(m.greeting(f.name))}</p>
<p>${escapeHtml(intro)}</p>
<p><strong>${escapeHtml(m.session(s.number))}</strong><br>${facts.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>')}</p>
${f.link && !f.cancelled ? `<p>${escapeHtml(t.notice.link)}<br><a href="${escapeHtml(f.link)}">${escapeHtml(f.link)}</a></p>` : ''}
<p>${escapeHtml(m.signature)}</p>
</body></html>`;
  const method = f.cancelled ? 'CANCEL' : 'REQUEST';
  const event = { ...sessionEvent(s, f.seriesTitle), cancelled: f.cancelled, organizer: f.organizer, attendee: f.email };
  const ics = icsCalendar([event], undefined, new Date(), method);
  return {
    subject,
    text: lines.join('\n'),
    html,
    attachments: [
      {
        disposition: 'attachment' as const,
        filename: `session-${s.number}.ics`,
        type: `text/calendar; method=${method}; charset=utf-8`,
        content: ics,
      },
    ],
  };
}
