/** The e-mail that invites a colleague to the workspace: who invites, the one-time link, what to do later. */
import type { Language } from '../domain/language.ts';
import { sendToCoordinator } from '../email/delivery.ts';
import { escapeHtml } from '../email/templates.ts';
import type { Env } from '../env.ts';
import { contactsMessages } from '../i18n/contacts/index.ts';

export function renderTeamInvitation(f: { language: Language; from: string; organisation: string; link: string; hours: number }) {
  const t = contactsMessages(f.language).mail;
  const subject = t.subject(f.organisation);
  const paragraphs = [t.intro(f.from, f.organisation), t.link(f.hours)];
  const text = [paragraphs[0], '', paragraphs[1], f.link, '', t.later, '', t.ignore, '', '— Relais'].join('\n');
  const html = `<!doctype html><html lang="${f.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem">
<p>${escapeHtml(t.intro(f.from, f.organisation))}</p>
<p>${escapeHtml(t.link(f.hours))}<br><a href="${escapeHtml(f.link)}">${escapeHtml(f.link)}</a></p>
<p>${escapeHtml(t.later)}</p>
<p style="color:#4a4a55">${escapeHtml(t.ignore)}</p>
<p>— Relais</p>
</body></html>`;
  return { subject, text, html };
}

/**
 * Sent through the same binding as sign-in links and, like them, not written to the
 * organisation's outbox (the link is the colleague's credential); the link's row records what
 * became of its message. Without a binding (as locally) nothing is delivered.
 */
export async function sendTeamInvitation(
  env: Env,
  m: { to: string; language: Language; from: string; organisation: string; link: string; hours: number },
): Promise<'sent' | 'recorded' | 'failed'> {
  return sendToCoordinator(env, m.to, renderTeamInvitation(m), 'team invitation');
}
