/**
 * Sending invitations and reminders: messages are claimed in the outbox first (so nothing
 * goes twice), then handed to the `send_email` binding, or only recorded when the deployment
 * has none. Links are built from the sealed token; an invitation never issued one gets its first.
 */
import type { Language } from '../domain/language.ts';
import type { Env } from '../env.ts';
import { issueLink, liveToken, sealingSecret } from './links.ts';
import { addressKey, optOutToken, unsubscribeHeaders } from './opt-out.ts';
import {
  claimOutbox,
  claimUninvitedMessage,
  finishOutbox,
  finishUninvitedMessage,
  markOptedOut,
  type OutboxDraft,
  type Outcome,
  optedOut,
  type SendingRow,
  storeLinks,
} from './outbox.queries.ts';
import { type RenderedMessage, renderMessage, renderSignInMessage } from './templates.ts';

/** Messages per request or cron tick: keeps one invocation within the free plan's subrequests. */
export const SEND_BATCH = 40;

/** What the outbox shows in place of a personal token. */
export const MASKED_TOKEN = '••••••';

export const canDeliver = (env: Env) => Boolean(env.EMAIL && env.EMAIL_FROM);

/**
 * The personal token of each invitation: the live one opened from its seal, or issued now for
 * an invitation whose link was never issued (contacts imported, people who came through the
 * open link). Links are sealed whenever they are issued, so sending never revokes one; only
 * rows from before sealing-at-issue can lack a live seal, and they get a first sealed link.
 */
export async function ensureTokens(
  env: Env,
  rows: Pick<SendingRow, 'invitation_id' | 'link_sealed' | 'token_hash'>[],
): Promise<Map<number, string>> {
  const secret = sealingSecret(env);
  const tokens = new Map<number, string>();
  const fresh: { id: number; token_hash: string; link_sealed: string }[] = [];
  for (const row of rows) {
    const live = await liveToken(secret, { id: row.invitation_id, link_sealed: row.link_sealed, token_hash: row.token_hash });
    if (live) {
      tokens.set(row.invitation_id, live);
      continue;
    }
    const issued = await issueLink(secret, row.invitation_id);
    tokens.set(row.invitation_id, issued.token);
    fresh.push(issued);
  }
  if (fresh.length) await storeLinks(env.DB, fresh).run();
  return tokens;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  recorded: number;
  failed: number;
}

export interface DeliveryOptions {
  kind: 'invitation' | 'reminder';
  slot: (row: SendingRow) => string;
  linkBase: string;
  /** Another message than the invitation or reminder (a session's change, src/sessions/session-notice.ts). */
  render?: (row: SendingRow, link: string) => RenderedMessage & { attachments?: EmailAttachment[] };
  /** Statements written in the same batch as the outcomes (a send job's progress, src/sending/). */
  extra?: (report: DeliveryReport) => D1PreparedStatement[];
  /** The coordinator replies go to (Reply-To). */
  replyTo?: string;
}

/** The platform's message id from what the binding answered, if it says one. */
const messageIdOf = (answer: unknown) =>
  typeof (answer as { messageId?: unknown } | undefined)?.messageId === 'string' ? (answer as { messageId: string }).messageId : null;

/** What the binding threw, for the coordinator (the outbox shows it): never the link or the body. */
const errorOf = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

/**
 * The people of `rows` who opted out of their series (src/email/opt-out.ts), looked up in one
 * statement. Every participant e-mail — invitations, reminders, resends, the open link's —
 * goes through deliver() or deliverUninvited(), so this is the one place the opt-out is honoured.
 */
async function withoutOptedOut(env: Env, rows: SendingRow[]) {
  const secret = sealingSecret(env);
  const keys = await Promise.all(rows.map((r) => addressKey(secret, r.series_id, r.email)));
  const out = await optedOut(
    env.DB,
    rows.map((r, i) => ({ series_id: r.series_id, key: keys[i] ?? '' })),
  );
  const kept = rows.filter((r, i) => !out.has(`${r.series_id}:${keys[i]}`));
  const skipped = rows.filter((r) => !kept.includes(r)).map((r) => r.invitation_id);
  if (skipped.length) await markOptedOut(env.DB, skipped).run();
  return kept;
}

export async function deliver(env: Env, all: SendingRow[], options: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, recorded: 0, failed: 0 };
  if (!all.length) return report;
  const rows = await withoutOptedOut(env, all);
  if (!rows.length) return report;
  const secret = sealingSecret(env);
  const tokens = await ensureTokens(env, rows);
  const optOut = new Map<number, { link: string; token: string }>();
  for (const r of rows) {
    const token = await optOutToken(secret, r.invitation_id);
    optOut.set(r.invitation_id, { token, link: `${options.linkBase}/u/${token}?lang=${r.language}` });
  }
  // The outbox keeps what was sent with the token masked: D1 then holds no usable link, and
  // the outbox page cannot be used to open a participant's (possibly anonymous) answers.
  const sent = new Map<number, { text: string; html: string; attachments?: EmailAttachment[] }>();
  const drafts: OutboxDraft[] = rows.map((r) => {
    const token = tokens.get(r.invitation_id) ?? '';
    const link = `${options.linkBase}/s/${token}`;
    const message =
      options.render?.(r, link) ??
      renderMessage({
        kind: options.kind,
        surveyKind: r.kind,
        language: r.language,
        name: r.name,
        seriesTitle: r.series_title,
        sessionNumber: r.session_number,
        sessionStartsAt: r.starts_at,
        place: r.place,
        closesAt: r.closes_at,
        anonymous: r.anonymous === 1,
        link,
        optOutLink: optOut.get(r.invitation_id)?.link ?? null,
      });
    sent.set(r.invitation_id, message);
    const mask = (s: string) => s.split(token).join(MASKED_TOKEN);
    return {
      organisation_id: r.organisation_id,
      survey_id: r.survey_id,
      invitation_id: r.invitation_id,
      slot: options.slot(r),
      to_email: r.email,
      language: r.language,
      subject: message.subject,
      body_text: mask(message.text),
      body_html: mask(message.html),
    };
  });
  const claimed = await claimOutbox(env.DB, drafts);
  report.claimed = claimed.length;
  const byInvitation = new Map(drafts.map((d) => [d.invitation_id, d]));
  const outcomes: Outcome[] = [];
  for (const { id, invitation_id } of claimed) {
    const draft = byInvitation.get(invitation_id);
    if (!draft) continue;
    const row = rows.find((r) => r.invitation_id === invitation_id);
    if (!canDeliver(env) || !env.EMAIL || !env.EMAIL_FROM) {
      outcomes.push({ id, invitation_id, status: 'recorded', error: null });
      report.recorded++;
      continue;
    }
    const unsubscribe = optOut.get(invitation_id);
    const replyTo = options.replyTo ?? row?.reply_to ?? undefined;
    try {
      const answer = await env.EMAIL.send({
        from: env.EMAIL_FROM,
        to: row?.name ? { name: row.name, email: draft.to_email } : draft.to_email,
        ...(replyTo ? { replyTo } : {}),
        subject: draft.subject,
        text: sent.get(invitation_id)?.text ?? draft.body_text,
        html: sent.get(invitation_id)?.html ?? draft.body_html,
        ...(sent.get(invitation_id)?.attachments ? { attachments: sent.get(invitation_id)?.attachments } : {}),
        headers: unsubscribe ? unsubscribeHeaders(unsubscribe.link, env.EMAIL_UNSUBSCRIBE, unsubscribe.token) : {},
      });
      outcomes.push({ id, invitation_id, status: 'sent', error: null, provider_message_id: messageIdOf(answer) });
      report.sent++;
    } catch (error) {
      // The binding's refusal (unverified recipient, header refused, quota…), kept per message.
      outcomes.push({ id, invitation_id, status: 'failed', error: errorOf(error) });
      report.failed++;
    }
  }
  const extra = options.extra?.(report) ?? [];
  if (outcomes.length || extra.length)
    await env.DB.batch([...(outcomes.length ? finishOutbox(env.DB, outcomes, options.kind === 'invitation') : []), ...extra]);
  return report;
}

/**
 * One message to an address without an invitation, through the outbox like every other:
 * claimed first (once per survey, address and slot), then sent or only recorded.
 */
export async function deliverUninvited(
  env: Env,
  message: RenderedMessage,
  to: {
    organisation_id: number;
    survey_id: number;
    series_id: number;
    email: string;
    name: string | null;
    language: OutboxDraft['language'];
    slot: string;
  },
): Promise<Outcome['status'] | null> {
  // Someone who opted out of the series is not written to, even about the open link.
  const key = await addressKey(sealingSecret(env), to.series_id, to.email);
  if ((await optedOut(env.DB, [{ series_id: to.series_id, key }])).size) return null;
  const id = await claimUninvitedMessage(env.DB, {
    organisation_id: to.organisation_id,
    survey_id: to.survey_id,
    slot: to.slot,
    to_email: to.email,
    language: to.language,
    subject: message.subject,
    body_text: message.text,
    body_html: message.html,
  });
  if (id === null) return null;
  let status: Outcome['status'] = 'recorded';
  let error: string | null = null;
  let messageId: string | null = null;
  if (canDeliver(env) && env.EMAIL && env.EMAIL_FROM) {
    try {
      messageId = messageIdOf(
        await env.EMAIL.send({
          from: env.EMAIL_FROM,
          to: to.name ? { name: to.name, email: to.email } : to.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
        }),
      );
      status = 'sent';
    } catch (e) {
      status = 'failed';
      error = errorOf(e);
    }
  }
  await finishUninvitedMessage(env.DB, id, status, error, messageId).run();
  return status;
}

/**
 * A coordinator's sign-in link, through the same binding as invitations. It is not written
 * to the organisation's outbox: the link is one person's credential, and anyone may ask for
 * one, so the outbox would fill with a stranger's requests; the link's own row records what
 * became of its message. Without a binding (as locally) nothing is delivered: `npm start`
 * and `npm run coordinator -- sign-in-link` print a link instead.
 */
export async function sendSignInLink(
  env: Env,
  message: { to: string; language: Language; link: string; minutes: number },
): Promise<'sent' | 'recorded' | 'failed'> {
  return sendToCoordinator(env, message.to, renderSignInMessage(message), 'sign-in link');
}

/**
 * A message to a coordinator (a sign-in link, a colleague's invitation): sent now, never through
 * the participants' outbox (the link in it is a credential). Without a binding nothing is sent.
 */
export async function sendToCoordinator(
  env: Env,
  to: string,
  rendered: { subject: string; text: string; html: string },
  what: string,
): Promise<'sent' | 'recorded' | 'failed'> {
  if (!env.EMAIL || !env.EMAIL_FROM) return 'recorded';
  try {
    await env.EMAIL.send({ from: env.EMAIL_FROM, to, subject: rendered.subject, text: rendered.text, html: rendered.html });
    return 'sent';
  } catch (error) {
    // For the operator's logs: the provider's reason, never the link.
    console.error(`${what} not delivered`, errorOf(error));
    return 'failed';
  }
}
