/** Messages du lien ouvert (/o/<slug>), en français. */
import type { OpenLinkMessages } from './en.ts';

export const fr: OpenLinkMessages = {
  title: 'Participer au questionnaire',
  intro:
    'Les concertations thématiques sont ouvertes à tous·tes les acteur·rices social-santé. Indiquez votre adresse e-mail : nous vous envoyons un lien personnel pour répondre au questionnaire, et revenir modifier vos réponses jusqu’à sa clôture.',
  alreadyInvited: 'Déjà invité·e ? Indiquez la même adresse : vous recevrez à nouveau votre lien, et vos réponses restent telles quelles.',
  series: 'Concertation thématique',
  bassin: 'Bassin',
  field: {
    email: 'Adresse e-mail',
    name: 'Nom',
    organisation: 'Organisation',
    language: 'Langue du questionnaire et des e-mails',
  },
  emailHelp: 'Votre lien personnel est envoyé à cette adresse.',
  privacy:
    'Votre adresse, votre nom et votre organisation servent uniquement à ce questionnaire : vous envoyer votre lien et, si vous n’avez pas répondu, un rappel.',
  submit: 'Recevoir mon lien personnel',
  errorSummary: 'Certains champs sont à corriger :',
  invalid: {
    characters: 'Ce texte contient un caractère invisible, de contrôle ou de sens d’écriture ; veuillez le retaper.',
    required: 'Ce champ est obligatoire.',
    email: 'Indiquez une adresse e-mail comme nom@exemple.be.',
    tooLong: 'Ce texte est trop long.',
    language: 'Choisissez le français, le néerlandais ou l’anglais.',
    human: 'Nous n’avons pas pu vérifier que le formulaire a été envoyé par une personne. Veuillez réessayer.',
  },
  humanCheck: 'Vérification anti-abus',
  noScript:
    'La vérification anti-abus de ce formulaire nécessite JavaScript. Si vous ne pouvez pas l’activer, demandez à la coordination de la concertation de vous inviter par e-mail.',
  limitedNote:
    'Les places proposées par ce lien sont limitées. S’il en reste une pour vous, ou si vous étiez déjà invité·e, vous recevrez votre lien personnel par e-mail ; sinon, un e-mail vous dira qu’il n’y a plus de place.',
  sentTitle: 'Consultez votre boîte mail',
  sentBody:
    'Si l’adresse peut recevoir des e-mails, un message avec votre lien personnel est en route. Cela peut prendre quelques minutes ; regardez aussi dans les indésirables.',
  sentLimited: 'Les places proposées par ce lien sont limitées : s’il n’en reste plus pour vous, le message vous le dit.',
  sentKeep:
    'Gardez ce message : le lien permet de revenir modifier vos réponses jusqu’à la clôture du questionnaire. Ne le transférez pas.',
  sentAgain: 'Rien après dix minutes ? Refaites la demande avec la même adresse.',
  back: 'Retour au formulaire',
  workspace: {
    link: 'Lien ouvert (agenda, newsletter)',
    title: (kind, n) => `Lien ouvert — ${kind}, séance #${n}`,
    intro:
      'Un lien public à publier dans l’agenda ou une newsletter : toute personne du secteur y indique son adresse e-mail et reçoit un lien personnel, comme une invitation. Une adresse déjà invitée reçoit à nouveau son propre lien, jamais une seconde invitation.',
    url: 'Lien public',
    none: 'Pas encore de lien ouvert : activez-le pour le créer. Il garde la même adresse quand on le désactive puis le réactive.',
    on: 'activé',
    off: 'désactivé',
    state: 'État',
    joined: 'Inscrit·es par le lien',
    places: 'Places restantes',
    noCap: 'pas de maximum',
    enabled: 'Accepter les inscriptions par ce lien',
    cap: 'Nombre maximum de personnes inscrites par le lien',
    capHelp: 'Laissez vide pour ne pas fixer de maximum. Les personnes déjà invitées reçoivent toujours leur lien.',
    capInvalid: (max) => `Indiquez un nombre entier entre 1 et ${max}, ou laissez vide.`,
    save: 'Enregistrer',
    source: 'Les personnes inscrites par le lien sont marquées « lien ouvert » dans les invitations (API).',
  },
  refusal: {
    'not-found': ['Lien introuvable', 'Ce lien n’existe pas. Vérifiez que vous l’avez copié en entier.'],
    off: ['Ce lien est désactivé', 'La coordination n’accepte plus d’inscriptions par ce lien. Demandez-lui une invitation.'],
    'not-open': [
      'Ce questionnaire n’est pas encore ouvert',
      'La coordination ne l’a pas encore ouvert. Revenez plus tard avec le même lien.',
    ],
    closed: ['Ce questionnaire est clôturé', 'Les réponses ne sont plus acceptées. Merci de votre intérêt.'],
    'too-many': ['Trop de demandes', 'Trop de demandes viennent d’ici. Attendez une minute, puis réessayez.'],
  },
};
