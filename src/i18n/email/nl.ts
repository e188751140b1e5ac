/** E-mailberichten (nl). */

import { msg } from '../format.ts';
import type { EmailMessages } from './en.ts';
export const nl: EmailMessages = {
  subject: {
    invitation: (series: string, n: number) => `${series} — uw mening vóór sessie #${n}`,
    invitationPost: (series: string, n: number) => `${series} — uw mening na sessie #${n}`,
    reminder: (series: string, n: number) => `Herinnering: ${series}, sessie #${n}`,
  },
  greeting: msg<[name: string | null]>(['name'], '{name, select, null {Beste,} other {Beste {name},}}'),
  invitationPre:
    'Om de volgende bijeenkomst van het thematisch overleg voor te bereiden, horen we graag uw verwachtingen en de thema’s die voorrang verdienen. Het duurt ongeveer vijf minuten.',
  invitationPost:
    'Bedankt voor uw deelname aan de bijeenkomst. Laat ons weten wat u ervan vond en welke thema’s nu aan bod moeten komen. Het duurt ongeveer vijf minuten.',
  reminder:
    'U hebt de vragenlijst nog niet ingevuld; uw mening helpt de volgende bijeenkomst voor te bereiden. Het duurt ongeveer vijf minuten.',
  link: 'Uw persoonlijke link (stuur hem niet door; u kunt er later mee terugkomen om uw antwoorden te wijzigen):',
  session: (n: number) => `Sessie #${n}`,
  when: 'Datum',
  place: 'Plaats',
  closes: (date: string) => `De vragenlijst staat open tot ${date}.`,
  anonymous:
    'Deze vragenlijst is anoniem: de coördinatie ziet of u geantwoord hebt, nooit wat; uw antwoorden worden zonder uw naam bewaard en alleen samen met die van anderen geteld.',
  signature: 'De coördinatie van het thematisch overleg',
  why: 'U ontvangt dit bericht omdat u deelneemt aan het thematisch overleg. Antwoord op dit bericht om het niet meer te ontvangen.',
  noPlace: {
    subject: (series: string, n: number) => `${series} — geen plaatsen meer voor sessie #${n}`,
    body: (n: number) =>
      `U vroeg via de open link een persoonlijke link naar de vragenlijst van sessie #${n}. Alle plaatsen die de open link aanbiedt zijn ingenomen: we kunnen u er geen sturen.`,
    next: 'Werd u op een ander adres uitgenodigd, gebruik dan de link uit die uitnodiging. Vraag anders de coördinatie van het overleg om u uit te nodigen.',
    why: 'U ontvangt dit bericht omdat dit adres werd ingevuld op de open link van de vragenlijst. Was u dat niet, negeer het dan.',
  },
  signIn: {
    subject: 'Uw aanmeldlink voor Relais',
    intro: 'Iemand (waarschijnlijk u) heeft gevraagd om zich met dit adres aan te melden in de coördinatieruimte van Relais.',
    link: (minutes: number) => `Open deze link binnen ${minutes} minuten om u aan te melden; hij werkt één keer:`,
    ignore: 'Hebt u hier niet om gevraagd, negeer dan dit bericht: zonder de link gebeurt er niets, en hij vervalt vanzelf.',
  },
};
