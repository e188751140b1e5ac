/** Invitation and reminder e-mails: plain text and a simple HTML part, in the person's language. */
import type { Language } from '../domain/language.ts';
import { emailMessages } from '../i18n/email/index.ts';
import { formatDateTime } from '../i18n/index.ts';

export interface MessageFacts {
  kind: 'invitation' | 'reminder';
  surveyKind: 'pre' | 'post';
  language: Language;
  name: string | null;
  seriesTitle: string;
  sessionNumber: number;
  sessionStartsAt: string;
  place: string | null;
  closesAt: string | null;
  anonymous: boolean;
  link: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderMessage(f: MessageFacts): RenderedMessage {
  const t = emailMessages(f.language);
  const subject =
    f.kind === 'reminder'
      ? t.subject.reminder(f.seriesTitle, f.sessionNumber)
      : f.surveyKind === 'pre'
        ? t.subject.invitation(f.seriesTitle, f.sessionNumber)
        : t.subject.invitationPost(f.seriesTitle, f.sessionNumber);
  const intro = f.kind === 'reminder' ? t.reminder : f.surveyKind === 'pre' ? t.invitationPre : t.invitationPost;
  const facts: [string, string][] = [[t.when, formatDateTime(f.sessionStartsAt, f.language)]];
  if (f.place) facts.push([t.place, f.place]);
  const closes = f.closesAt ? t.closes(formatDateTime(f.closesAt, f.language)) : null;
  const lines = [
    t.greeting(f.name),
    '',
    intro,
    '',
    t.link,
    f.link,
    '',
    t.session(f.sessionNumber),
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(closes ? ['', closes] : []),
    ...(f.anonymous ? ['', t.anonymous] : []),
    '',
    t.signature,
    '',
    '--',
    t.why,
  ];
  const html = `<!doctype html><html lang="${f.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem">
<p>${escapeHtml(t.greeting(f.name))}</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(t.link)}<br><a href="${escapeHtml(f.link)}">${escapeHtml(f.link)}</a></p>
<p><strong>${escapeHtml(t.session(f.sessionNumber))}</strong><br>${facts.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>')}</p>
${closes ? `<p>${escapeHtml(closes)}</p>` : ''}${f.anonymous ? `<p>${escapeHtml(t.anonymous)}</p>` : ''}
<p>${escapeHtml(t.signature)}</p>
<p style="color:#4a4a55;font-size:0.875em">${escapeHtml(t.why)}</p>
</body></html>`;
  return { subject, text: lines.join('\n'), html };
}

/**
 * The open link's answer to a newcomer past the cap, by e-mail only: the page says the same
 * to every address (src/open-link/open-link.pages.tsx), so it never tells who is invited.
 */
export function renderNoPlaceMessage(f: {
  language: Language;
  name: string | null;
  seriesTitle: string;
  sessionNumber: number;
}): RenderedMessage {
  const t = emailMessages(f.language);
  const subject = t.noPlace.subject(f.seriesTitle, f.sessionNumber);
  const paragraphs = [t.greeting(f.name), t.noPlace.body(f.sessionNumber), t.noPlace.next, t.signature];
  const text = [...paragraphs.flatMap((p) => [p, '']), '--', t.noPlace.why].join('\n');
  const html = `<!doctype html><html lang="${f.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="color:#4a4a55;font-size:0.875em">${escapeHtml(t.noPlace.why)}</p>
</body></html>`;
  return { subject, text, html };
}

/** The one-time sign-in link of a coordinator: who asked, the link, what to do if it was not them. */
export function renderSignInMessage(f: { language: Language; link: string; minutes: number }): RenderedMessage {
  const t = emailMessages(f.language).signIn;
  // Signed by the tool, not by "the coordination": the reader is a coordinator.
  const closing = '— Relais';
  const text = [t.intro, '', t.link(f.minutes), f.link, '', t.ignore, '', closing].join('\n');
  const html = `<!doctype html><html lang="${f.language}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem">
<p>${escapeHtml(t.intro)}</p>
<p>${escapeHtml(t.link(f.minutes))}<br><a href="${escapeHtml(f.link)}">${escapeHtml(f.link)}</a></p>
<p style="color:#4a4a55">${escapeHtml(t.ignore)}</p>
<p>${escapeHtml(closing)}</p>
</body></html>`;
  return { subject: t.subject, text, html };
}
