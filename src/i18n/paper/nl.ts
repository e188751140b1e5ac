import { msg } from '../format.ts';
import type { PaperMessages } from './en.ts';
export const nl: PaperMessages = {
  print: {
    title: 'Papieren versie',
    howTo:
      'Kruis één vakje per antwoord aan (☐), tenzij de vraag zegt dat u er meerdere mag aankruisen. Schrijf duidelijk; laat een facultatieve vraag leeg om ze over te slaan.',
    tickOne: 'Kruis één vakje aan.',
    tickMany: 'Kruis alle vakjes aan die passen.',
    rank: (k: number) => `Schrijf 1 tot ${k} in de vakjes van uw keuzes: 1 voor het belangrijkste. Laat de andere leeg.`,
    rating: 'Kruis één cijfer aan.',
    write: 'Schrijf uw antwoord op de lijnen.',
    anonymous: (m: number) =>
      `Deze bevraging is anoniem: schrijf uw naam niet. De coördinatie voert uw blad in zonder naam, en het telt alleen mee samen met minstens ${m} andere antwoorden.`,
    named: 'Schrijf uw naam niet: een papieren antwoord wordt zonder naam ingevoerd.',
    handIn: 'Geef dit blad aan het einde van de sessie aan de coördinatie.',
    online: 'Liever online antwoorden? Scan de code met uw telefoon, of typ het adres:',
    printHint:
      'Druk deze pagina af met de afdrukopdracht van uw browser (Ctrl+P / ⌘P); de navigatie van de werkruimte wordt niet afgedrukt.',
  },
  keyIn: {
    title: 'Een papieren antwoord invoeren',
    notice:
      'U voert een papieren antwoord in. Het telt als een online antwoord en wordt gemarkeerd als ingevoerd. Verstuur elk blad één keer: na het opslaan is het formulier weer leeg voor het volgende blad.',
    anonymous: (m: number) =>
      `Deze bevraging is anoniem: het blad wordt zonder naam opgeslagen en samen met minstens ${m} andere antwoorden geteld, zoals online antwoorden. Eenmaal opgeslagen kan het nergens meer getoond worden.`,
    saved: msg<[n: number]>(
      ['n'],
      'Papieren antwoord opgeslagen. {n} papieren {n, plural, =1 {antwoord is} other {antwoorden zijn}} ingevoerd voor deze bevraging.',
    ),
    notOpen: 'Papieren antwoorden worden ingevoerd zolang de bevraging open is.',
    back: 'Terug naar de sessie',
  },
  links: {
    heading: 'Papier',
    print: 'Afdrukbare versie',
    keyIn: 'Papieren antwoorden invoeren',
    flyer: 'Affiche met de QR-code van de open link',
    keyed: (n: number) => `${n} ingevoerd van papier`,
  },
  flyer: {
    title: 'Geef uw mening',
    scan: 'Scan de code met uw telefoon, of typ het adres:',
    session: 'Thematisch overleg',
    closes: (date: string) => `Antwoorden tot ${date}.`,
  },
  qrLabel: (url: string) => `QR-code die ${url} opent`,
  paperName: 'Papieren antwoord (ingevoerd)',
};
