/** Berichten van het verslag (woorden van de coördinatie, opvolging van acties, moderatie), in het Nederlands. */

import { msg } from '../format.ts';
import type { MinutesMessages } from './en.ts';
export const nl: MinutesMessages = {
  written: 'Geschreven door de coördinatie',
  measured: 'Gemeten met de vragenlijsten',
  followUp: 'Opvolging van de acties',
  status: {
    proposed: 'voorgesteld',
    planned: 'gepland',
    in_progress: 'bezig',
    done: 'uitgevoerd',
    dropped: 'stopgezet',
  },
  since: (session) => `voorgesteld op sessie #${session}`,
  volunteers: msg<[n: number, session: number]>(
    ['n', 'session'],
    '{n} vrijwilliger{n, plural, =1 {} other {s}} in de vragenlijst na sessie #{session}',
  ),
  followUpMethod: 'status en notitie door de coördinatie; vrijwilligers geteld zoals elk ander cijfer (minimale groepsgrootte)',
  formats: { docx: 'Word (.docx)', odt: 'LibreOffice (.odt)' },
  workspace: {
    link: 'Het verslag voorbereiden',
    title: (n) => `Verslag van sessie #${n}`,
    intro: 'Uw woorden staan boven de cijfers, gemarkeerd als geschreven. Een lege regel begint een alinea; "- " een opsomming.',
    sections: {
      expectations: 'Verwachtingen van de deelnemers en doelstellingen',
      findings: 'Vaststellingen en aanpassingen van het aanbod',
      needs: 'Opvolging van de noden van de bevolking',
      actions: 'Collectieve acties en perspectieven',
      save_the_date: 'Save the date',
    },
    textLabel: 'Tekst van de sectie',
    language: 'Taal van de tekst',
    save: 'Deze sectie opslaan',
    never: 'Nog niets geschreven.',
    lastChange: (version, who, when) => `Versie ${version}, door ${who}, ${when}.`,
    versions: 'Vorige versies',
    version: (version) => `Versie ${version}`,
    showVersion: 'Tonen',
    empty: '(leeggemaakt)',
    back: 'Terug naar het verslag',
    actions: 'Collectieve acties van de reeks',
    actionsIntro: 'Acties voorgesteld in de vragenlijsten na de sessie; de volgende brief vermeldt hun status.',
    statusLabel: 'Status',
    note: 'Notitie voor de volgende sessie',
    saveAction: 'Opslaan',
    volunteers: 'Wie akkoord ging om gecontacteerd te worden',
    volunteersIntro:
      'Enkel u ziet deze lijst: wie de actie aanvinkte in een vragenlijst op naam en akkoord ging om gecontacteerd te worden.',
    nobody: 'Nog niemand.',
    noActions: 'Nog geen vragenlijst na een sessie heeft acties voorgesteld.',
    texts: 'Vrije teksten',
    textsIntro:
      'Verbergen haalt een tekst uit resultaten en brief op zijn formulering (nooit op wie hem schreef); het antwoord blijft, de reden gaat naar het logboek.',
    hide: 'Verbergen',
    reason: 'Reden (in het auditlogboek)',
    showAgain: 'Opnieuw tonen',
    hidden: 'verborgen',
    noTexts: 'Geen vrije tekst gepubliceerd voor deze vragenlijsten.',
    dismiss: 'Afwijzen (geen thema)',
  },
  invalid: {
    reason: 'geef een korte reden',
    text: 'deze tekst kan niet worden opgeslagen (te lang of met onzichtbare tekens)',
    status: 'kies een status',
  },
};
