/** English e-mail messages; the reference shape for fr and nl. */
import { msg } from '../format.ts';

export const en = {
  subject: {
    invitation: (series: string, n: number) => `${series} — your opinion before session #${n}`,
    invitationPost: (series: string, n: number) => `${series} — your opinion after session #${n}`,
    reminder: (series: string, n: number) => `Reminder: ${series}, session #${n}`,
  },
  greeting: msg<[name: string | null]>(['name'], '{name, select, null {Hello,} other {Hello {name},}}'),
  invitationPre:
    'To prepare the next meeting of the thematic consultation, we would like to know your expectations and the themes you want to prioritise. It takes about five minutes.',
  invitationPost:
    'Thank you for taking part in the meeting. Tell us what you thought of it and which themes should come next. It takes about five minutes.',
  reminder: 'You have not answered the survey yet; your opinion helps prepare the next meeting. It takes about five minutes.',
  link: 'Your personal link (do not forward it; you can come back with it to change your answers):',
  session: (n: number) => `Session #${n}`,
  when: 'Date',
  place: 'Place',
  closes: (date: string) => `The survey is open until ${date}.`,
  anonymous:
    'This survey is anonymous: the coordinator sees whether you answered, never what; your answers are kept without your name and counted only together with other people’s.',
  signature: 'The coordination of the thematic consultation',
  why: 'You receive this message because you take part in the thematic consultation. To stop receiving it, reply to this message.',
  noPlace: {
    subject: (series: string, n: number) => `${series} — no places left for session #${n}`,
    body: (n: number) =>
      `You asked for a personal link to the survey of session #${n} through its open link. All places offered through the open link are taken, so we cannot send you one.`,
    next: 'If you were invited at another address, use the link in that invitation. Otherwise, ask the coordination of the consultation to invite you.',
    why: 'You receive this message because this address was entered on the open link of the survey. If it was not you, ignore it.',
  },
  signIn: {
    subject: 'Your sign-in link for Relais',
    intro: 'Someone (most likely you) asked to sign in to the Relais coordinator workspace with this address.',
    link: (minutes: number) => `Open this link within ${minutes} minutes to sign in; it works once:`,
    ignore: 'If you did not ask for it, ignore this message: nothing happens without the link, and it expires by itself.',
  },
};

export type EmailMessages = typeof en;
