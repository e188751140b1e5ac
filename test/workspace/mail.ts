/** The only thing mocked in workspace tests: the e-mail provider (the send_email binding). */
import type { Env } from '../../src/env.ts';

export interface Sent {
  from: string;
  to: string | { name: string; email: string };
  subject: string;
  text: string;
  html: string;
}

export function mailbox(options: { failFor?: string } = {}) {
  const sent: Sent[] = [];
  const EMAIL = {
    async send(message: Sent) {
      const to = typeof message.to === 'string' ? message.to : message.to.email;
      if (options.failFor && to === options.failFor) throw new Error('mailbox unavailable');
      sent.push(message);
      return { messageId: `m${sent.length}` };
    },
  } as unknown as SendEmail;
  const bindings: Partial<Env> = { EMAIL, EMAIL_FROM: 'relais@example.org' };
  const to = (m: Sent) => (typeof m.to === 'string' ? m.to : m.to.email);
  const linkOf = (m: Sent | undefined) => (m ? (/https:\/\/relais\.test\/s\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? '') : '');
  return { sent, bindings, to, linkOf };
}
