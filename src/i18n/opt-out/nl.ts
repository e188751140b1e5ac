import type { OptOutMessages } from './en.ts';

export const nl: OptOutMessages = {
  title: 'Geen e-mails meer van dit overleg',
  ask: (series) => `U ontvangt geen uitnodigingen of herinneringen meer voor ‘${series}’.`,
  askUnknown: 'U ontvangt geen uitnodigingen of herinneringen meer voor dit thematisch overleg.',
  keep: 'Uw antwoorden blijven zoals ze zijn. Andere overleggen blijven ongewijzigd.',
  confirm: 'Geen e-mails meer',
  doneTitle: 'Gedaan: geen e-mails meer',
  done: (series) => `Er wordt geen uitnodiging of herinnering voor ‘${series}’ meer naar dit adres gestuurd.`,
  doneUnknown: 'Er wordt geen uitnodiging of herinnering voor dit overleg meer naar dit adres gestuurd.',
  changedMind: 'Van gedachten veranderd? Schrijf de coördinatie: haar adres staat in de ontvangen e-mails.',
  footer: 'Geen e-mails meer over dit overleg, met één klik:',
  invalid: 'Deze link is niet geldig. Kopieer de volledige link uit de e-mail, of antwoord op de e-mail om er geen meer te ontvangen.',
};
