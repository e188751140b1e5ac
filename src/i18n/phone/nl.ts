import type { PhoneMessages } from './en.ts';

export const nl: PhoneMessages = {
  chartCaption: 'Deelname: uitnodigingen, geopende links, antwoorden',
  people: 'Personen',
  removeTitle: (who) => `${who} verwijderen met de gegevens?`,
  removeBody:
    'Dit wist de uitnodiging, de persoonlijke link en, als de persoon antwoordde, de antwoorden (ook een anoniem antwoord dat nog niet geteld is). Dit kan niet ongedaan worden.',
  removeConfirm: 'Verwijderen met de gegevens',
  cancel: 'Annuleren: deze persoon behouden',
  dangerZone: 'Verwijderen',
};
