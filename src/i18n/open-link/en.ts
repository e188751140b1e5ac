/** English messages of the open link (/o/<slug>); the reference shape for fr and nl. */
export const en = {
  title: 'Take part in the survey',
  intro:
    'The thematic consultations are open to every social-health actor. Leave your e-mail address and we will send you a personal link: with it you answer the survey, and come back to change your answers until it closes.',
  alreadyInvited: 'Already invited? Enter the same address: you will receive your link again, and your answers stay as they are.',
  series: 'Thematic consultation',
  bassin: 'Area',
  field: {
    email: 'E-mail address',
    name: 'Name',
    organisation: 'Organisation',
    language: 'Language of the survey and of the e-mails',
  },
  emailHelp: 'Your personal link is sent to this address.',
  privacy: 'Your address, name and organisation are used only for this survey: to send your link and, if you do not answer, a reminder.',
  submit: 'Send me my personal link',
  errorSummary: 'Some fields need correcting:',
  invalid: {
    characters: 'This text contains an invisible, control or text-direction character; please type it again.',
    required: 'This field is required.',
    email: 'Enter an e-mail address such as name@example.org.',
    tooLong: 'This text is too long.',
    language: 'Choose French, Dutch or English.',
    human: 'We could not check that the form was sent by a person. Please try again.',
  },
  humanCheck: 'Anti-abuse check',
  noScript:
    'The anti-abuse check of this form needs JavaScript. If you cannot turn it on, ask the coordination of the consultation to invite you by e-mail.',
  limitedNote:
    'Places through this link are limited. If one is left for you, or you were already invited, you will receive your personal link by e-mail; otherwise an e-mail tells you that no places are left.',
  sentTitle: 'Check your mailbox',
  sentBody:
    'If the address can receive e-mail, a message with your personal link is on its way. It may take a few minutes; look in your spam folder too.',
  sentLimited: 'Places through this link are limited: if none is left for you, the message says so.',
  sentKeep: 'Keep that message: the link lets you come back and change your answers until the survey closes. Do not forward it.',
  sentAgain: 'Nothing after ten minutes? Ask again with the same address.',
  back: 'Back to the form',
  workspace: {
    link: 'Open link (agenda, newsletter)',
    title: (kind: string, n: number) => `Open link — ${kind}, session #${n}`,
    intro:
      'One public link to print in the agenda or a newsletter: anyone from the sector leaves an e-mail address there and receives a personal link, like an invitation. An address already invited gets its own link again, never a second invitation.',
    url: 'Public link',
    none: 'No open link yet: switch it on to create it. It keeps the same address when switched off and on.',
    on: 'on',
    off: 'off',
    state: 'State',
    joined: 'Joined through the link',
    places: 'Places left',
    noCap: 'no maximum',
    enabled: 'Accept registrations through this link',
    cap: 'Maximum number of people joining through the link',
    capHelp: 'Leave empty for no maximum. People already invited always get their link.',
    capInvalid: (max: number) => `Enter a whole number between 1 and ${max}, or leave it empty.`,
    save: 'Save',
    source: 'People who joined through the link are marked “open link” in the invitations (API).',
  },
  refusal: {
    'not-found': ['Link not found', 'This link does not exist. Check that you copied it whole.'],
    off: ['This link is switched off', 'The coordination no longer accepts registrations through this link. Ask them for an invitation.'],
    'not-open': ['This survey is not open yet', 'The coordination has not opened it yet. Please come back later with the same link.'],
    closed: ['This survey is closed', 'Answers are no longer accepted. Thank you for your interest.'],
    'too-many': ['Too many requests', 'Too many requests came from here. Wait a minute, then try again.'],
  } as Record<OpenLinkRefusal, readonly [string, string]>,
};

export type OpenLinkRefusal = 'not-found' | 'off' | 'not-open' | 'closed' | 'too-many';
export type OpenLinkMessages = typeof en;
