import type { OptOutMessages } from './en.ts';

export const fr: OptOutMessages = {
  title: 'Ne plus recevoir les e-mails de cette concertation',
  ask: (series) => `Vous ne recevrez plus d’invitations ni de rappels pour « ${series} ».`,
  askUnknown: 'Vous ne recevrez plus d’invitations ni de rappels pour cette concertation thématique.',
  keep: 'Les réponses déjà données restent telles quelles. Les autres concertations ne sont pas concernées.',
  confirm: 'Ne plus recevoir ces e-mails',
  doneTitle: 'C’est fait : plus d’e-mails',
  done: (series) => `Plus aucune invitation ni aucun rappel pour « ${series} » ne sera envoyé à cette adresse.`,
  doneUnknown: 'Plus aucune invitation ni aucun rappel pour cette concertation ne sera envoyé à cette adresse.',
  changedMind: 'Vous changez d’avis ? Écrivez à la coordination : son adresse figure dans les e-mails reçus.',
  footer: 'Ne plus recevoir d’e-mails de cette concertation, en un clic :',
  invalid: 'Ce lien n’est pas valide. Copiez le lien complet depuis l’e-mail, ou répondez à l’e-mail pour ne plus en recevoir.',
};
