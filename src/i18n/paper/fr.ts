import { msg } from '../format.ts';
import type { PaperMessages } from './en.ts';
export const fr: PaperMessages = {
  print: {
    title: 'Version papier',
    howTo:
      'Cochez une case par réponse (☐), sauf si la question permet d’en cocher plusieurs. Écrivez lisiblement ; laissez une question facultative vide pour ne pas y répondre.',
    tickOne: 'Cochez une seule case.',
    tickMany: 'Cochez toutes les cases qui conviennent.',
    rank: (k: number) => `Écrivez 1 à ${k} dans les cases de vos choix : 1 pour le plus important. Laissez les autres vides.`,
    rating: 'Cochez un seul chiffre.',
    write: 'Écrivez votre réponse sur les lignes.',
    anonymous: (m: number) =>
      `Cette enquête est anonyme : n’écrivez pas votre nom. La coordination saisit votre feuille sans nom, et elle n’est comptée qu’avec au moins ${m} autres réponses.`,
    named: 'N’écrivez pas votre nom : une réponse papier est saisie sans nom.',
    handIn: 'Remettez cette feuille à la coordination à la fin de la séance.',
    online: 'Vous préférez répondre en ligne ? Scannez le code avec votre téléphone, ou tapez l’adresse :',
    printHint: 'Imprimez cette page avec la commande Imprimer du navigateur (Ctrl+P / ⌘P) ; la navigation de l’espace n’est pas imprimée.',
  },
  keyIn: {
    title: 'Saisir une réponse papier',
    notice:
      'Vous saisissez une réponse papier. Elle compte comme une réponse en ligne et est marquée « saisie ». Envoyez chaque feuille une seule fois : après l’enregistrement, le formulaire est vide pour la feuille suivante.',
    anonymous: (m: number) =>
      `Cette enquête est anonyme : la feuille est enregistrée sans nom et comptée avec au moins ${m} autres réponses, comme les réponses en ligne. Une fois enregistrée, elle ne peut plus être affichée, ici ni ailleurs.`,
    saved: msg<[n: number]>(
      ['n'],
      'Réponse papier enregistrée. {n} {n, plural, =1 {réponse papier a été saisie} other {réponses papier ont été saisies}} pour cette enquête.',
    ),
    notOpen: 'Les réponses papier se saisissent pendant que l’enquête est ouverte.',
    back: 'Retour à la séance',
  },
  links: {
    heading: 'Papier',
    print: 'Version imprimable',
    keyIn: 'Saisir des réponses papier',
    flyer: 'Affiche avec le code QR du lien ouvert',
    keyed: msg<[n: number]>(['n'], '{n} {n, plural, =1 {saisie} other {saisies}} depuis le papier'),
  },
  flyer: {
    title: 'Donnez votre avis',
    scan: 'Scannez le code avec votre téléphone, ou tapez l’adresse :',
    session: 'Concertation thématique',
    closes: (date: string) => `Réponses jusqu’au ${date}.`,
  },
  qrLabel: (url: string) => `Code QR qui ouvre ${url}`,
  paperName: 'Réponse papier (saisie)',
};
