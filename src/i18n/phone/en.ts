/** English messages of the workspace's phone-sized pages (issue 18): the participation chart, the removal's second step. */
export const en = {
  chartCaption: 'Participation: invitations, opened links, answers',
  people: 'People',
  removeTitle: (who: string) => `Remove ${who} with their data?`,
  removeBody:
    'This erases their invitation, their personal link and, if they answered, their answers (an anonymous answer not counted yet included). It cannot be undone.',
  removeConfirm: 'Remove with their data',
  cancel: 'Cancel: keep this person',
  dangerZone: 'Removal',
};
export type PhoneMessages = typeof en;
