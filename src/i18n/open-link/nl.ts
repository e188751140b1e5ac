/** Berichten van de open link (/o/<slug>), in het Nederlands. */
import type { OpenLinkMessages } from './en.ts';

export const nl: OpenLinkMessages = {
  title: 'Deelnemen aan de vragenlijst',
  intro:
    'De thematische overleggen staan open voor alle actoren uit welzijn en gezondheid. Vul uw e-mailadres in: we sturen u een persoonlijke link om de vragenlijst in te vullen, en om uw antwoorden te wijzigen tot ze sluit.',
  alreadyInvited: 'Al uitgenodigd? Vul hetzelfde adres in: u krijgt uw link opnieuw, en uw antwoorden blijven zoals ze zijn.',
  series: 'Thematisch overleg',
  bassin: 'Zorgzone',
  field: {
    email: 'E-mailadres',
    name: 'Naam',
    organisation: 'Organisatie',
    language: 'Taal van de vragenlijst en de e-mails',
  },
  emailHelp: 'Uw persoonlijke link wordt naar dit adres gestuurd.',
  privacy:
    'Uw adres, naam en organisatie dienen alleen voor deze vragenlijst: om u uw link te sturen en, als u niet antwoordt, een herinnering.',
  submit: 'Stuur mij mijn persoonlijke link',
  errorSummary: 'Sommige velden moeten verbeterd worden:',
  invalid: {
    characters: 'Deze tekst bevat een onzichtbaar teken, stuurteken of schrijfrichtingsteken; typ hem opnieuw.',
    required: 'Dit veld is verplicht.',
    email: 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
    tooLong: 'Deze tekst is te lang.',
    language: 'Kies Frans, Nederlands of Engels.',
    human: 'We konden niet nagaan dat het formulier door een persoon werd verstuurd. Probeer het opnieuw.',
  },
  humanCheck: 'Controle tegen misbruik',
  noScript:
    'De controle tegen misbruik van dit formulier heeft JavaScript nodig. Kunt u het niet inschakelen, vraag dan de coördinatie van het overleg om u per e-mail uit te nodigen.',
  limitedNote:
    'Het aantal plaatsen via deze link is beperkt. Is er nog een plaats voor u, of was u al uitgenodigd, dan ontvangt u uw persoonlijke link per e-mail; anders meldt een e-mail u dat er geen plaatsen meer zijn.',
  sentTitle: 'Kijk in uw mailbox',
  sentBody:
    'Als het adres e-mail kan ontvangen, is een bericht met uw persoonlijke link onderweg. Dat kan enkele minuten duren; kijk ook bij de ongewenste berichten.',
  sentLimited: 'Het aantal plaatsen via deze link is beperkt: is er geen meer voor u, dan staat dat in het bericht.',
  sentKeep: 'Bewaar dat bericht: met de link kunt u terugkomen om uw antwoorden te wijzigen tot de vragenlijst sluit. Stuur hem niet door.',
  sentAgain: 'Na tien minuten niets ontvangen? Vraag het opnieuw met hetzelfde adres.',
  back: 'Terug naar het formulier',
  workspace: {
    link: 'Open link (agenda, nieuwsbrief)',
    title: (kind, n) => `Open link — ${kind}, sessie #${n}`,
    intro:
      'Eén publieke link voor de agenda of een nieuwsbrief: iedereen uit de sector laat er een e-mailadres achter en krijgt een persoonlijke link, zoals bij een uitnodiging. Een adres dat al uitgenodigd is, krijgt opnieuw zijn eigen link, nooit een tweede uitnodiging.',
    url: 'Publieke link',
    none: 'Nog geen open link: schakel hem in om hem aan te maken. Hij behoudt hetzelfde adres wanneer hij uit- en weer ingeschakeld wordt.',
    on: 'ingeschakeld',
    off: 'uitgeschakeld',
    state: 'Status',
    joined: 'Ingeschreven via de link',
    places: 'Vrije plaatsen',
    noCap: 'geen maximum',
    enabled: 'Inschrijvingen via deze link aanvaarden',
    cap: 'Maximaal aantal inschrijvingen via de link',
    capHelp: 'Laat leeg voor geen maximum. Wie al uitgenodigd is, krijgt altijd zijn link.',
    capInvalid: (max) => `Vul een geheel getal tussen 1 en ${max} in, of laat leeg.`,
    save: 'Opslaan',
    source: 'Wie zich via de link inschreef, staat als “open link” bij de uitnodigingen (API).',
  },
  refusal: {
    'not-found': ['Link niet gevonden', 'Deze link bestaat niet. Controleer of u hem volledig hebt gekopieerd.'],
    off: ['Deze link is uitgeschakeld', 'De coördinatie aanvaardt geen inschrijvingen meer via deze link. Vraag haar om een uitnodiging.'],
    'not-open': ['Deze vragenlijst is nog niet open', 'De coördinatie heeft ze nog niet geopend. Kom later terug met dezelfde link.'],
    closed: ['Deze vragenlijst is gesloten', 'Er worden geen antwoorden meer aanvaard. Bedankt voor uw interesse.'],
    'too-many': ['Te veel aanvragen', 'Er kwamen te veel aanvragen van hier. Wacht een minuut en probeer het opnieuw.'],
  },
};
