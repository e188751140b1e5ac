/** English messages of the one-click opt-out (/u/<token>); the reference shape for fr and nl. */
export const en = {
  title: 'Stop the e-mails of this consultation',
  ask: (series: string) => `You will no longer receive invitations or reminders for “${series}”.`,
  askUnknown: 'You will no longer receive invitations or reminders for this thematic consultation.',
  keep: 'Your answers already given stay as they are. Other consultations are not affected.',
  confirm: 'Stop the e-mails',
  doneTitle: 'Done: no more e-mails',
  done: (series: string) => `No invitation or reminder for “${series}” will be sent to this address any more.`,
  doneUnknown: 'No invitation or reminder for this consultation will be sent to this address any more.',
  changedMind: 'Changed your mind? Write to the coordination: their address is in the e-mails you received.',
  footer: 'No more e-mails about this consultation, in one click:',
  invalid: 'This link is not valid. Copy the whole link from the e-mail, or reply to the e-mail to stop receiving them.',
};
export type OptOutMessages = typeof en;
