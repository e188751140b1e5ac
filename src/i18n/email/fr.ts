/** Messages des e-mails (fr). */
import type { EmailMessages } from './en.ts';

export const fr: EmailMessages = {
  subject: {
    invitation: (series: string, n: number) => `${series} — votre avis avant la séance #${n}`,
    invitationPost: (series: string, n: number) => `${series} — votre avis après la séance #${n}`,
    reminder: (series: string, n: number) => `Rappel : ${series}, séance #${n}`,
  },
  greeting: (name: string | null) => (name ? `Bonjour ${name},` : 'Bonjour,'),
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
  anonymous: 'Ce questionnaire est anonyme : vos réponses ne sont jamais liées à votre nom.',
  signature: 'La coordination de la concertation thématique',
  why: 'Vous recevez ce message parce que vous participez à la concertation thématique. Pour ne plus le recevoir, répondez à ce message.',
};
