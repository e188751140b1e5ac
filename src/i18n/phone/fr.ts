import type { PhoneMessages } from './en.ts';

export const fr: PhoneMessages = {
  chartCaption: 'Participation : invitations, liens ouverts, réponses',
  people: 'Personnes',
  removeTitle: (who) => `Retirer ${who} avec ses données ?`,
  removeBody:
    'Cela efface son invitation, son lien personnel et, si la personne a répondu, ses réponses (y compris une réponse anonyme pas encore comptée). C’est définitif.',
  removeConfirm: 'Retirer avec ses données',
  cancel: 'Annuler : garder cette personne',
  dangerZone: 'Retrait',
};
