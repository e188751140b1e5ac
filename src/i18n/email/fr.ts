/** Messages des e-mails (fr). */

import { msg } from '../format.ts';
import type { EmailMessages } from './en.ts';
export const fr: EmailMessages = {
  subject: {
    invitation: (series: string, n: number) => `${series} — votre avis avant la séance #${n}`,
    invitationPost: (series: string, n: number) => `${series} — votre avis après la séance #${n}`,
    reminder: (series: string, n: number) => `Rappel : ${series}, séance #${n}`,
  },
  greeting: msg<[name: string | null]>(['name'], '{name, select, null {Bonjour,} other {Bonjour {name},}}'),
  invitationPre:
    'Pour préparer la prochaine rencontre de la concertation thématique, nous aimerions connaître vos attentes et les thématiques à prioriser. Cela prend environ cinq minutes.',
  invitationPost:
    'Merci d’avoir participé à la rencontre. Dites-nous ce que vous en avez pensé et quelles thématiques aborder ensuite. Cela prend environ cinq minutes.',
  reminder:
    'Vous n’avez pas encore répondu au questionnaire ; votre avis aide à préparer la prochaine rencontre. Cela prend environ cinq minutes.',
  link: 'Votre lien personnel (ne le transférez pas ; il permet de revenir modifier vos réponses) :',
  session: (n: number) => `Séance #${n}`,
  when: 'Date',
  place: 'Lieu',
  closes: (date: string) => `Le questionnaire est ouvert jusqu’au ${date}.`,
  anonymous:
    'Ce questionnaire est anonyme : la coordination voit si vous avez répondu, jamais ce que vous avez répondu ; vos réponses sont gardées sans votre nom et comptées seulement avec celles d’autres personnes.',
  signature: 'La coordination de la concertation thématique',
  why: 'Vous recevez ce message parce que vous participez à la concertation thématique. Pour ne plus le recevoir, répondez à ce message.',
  noPlace: {
    subject: (series: string, n: number) => `${series} — plus de place pour la séance #${n}`,
    body: (n: number) =>
      `Vous avez demandé un lien personnel au questionnaire de la séance #${n} par son lien ouvert. Toutes les places proposées par le lien ouvert sont prises : nous ne pouvons pas vous en envoyer.`,
    next: 'Si vous avez été invité·e à une autre adresse, utilisez le lien de cette invitation. Sinon, demandez à la coordination de la concertation de vous inviter.',
    why: 'Vous recevez ce message parce que cette adresse a été indiquée sur le lien ouvert du questionnaire. Si ce n’était pas vous, ignorez-le.',
  },
  signIn: {
    subject: 'Votre lien de connexion à Relais',
    intro: 'Quelqu’un (sans doute vous) a demandé à se connecter à l’espace coordination de Relais avec cette adresse.',
    link: (minutes: number) => `Ouvrez ce lien dans les ${minutes} minutes pour vous connecter ; il ne sert qu’une fois :`,
    ignore: 'Si vous ne l’avez pas demandé, ignorez ce message : rien ne se passe sans le lien, et il expire de lui-même.',
  },
};
