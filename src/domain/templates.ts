/**
 * The pre- and post-survey templates, written from the minutes of the concertations
 * (expectations, themes to prioritise, profile; usefulness, themes for next time, actions).
 */
import type { Option, Question } from './definition.ts';
import type { LocalizedText } from './language.ts';

export interface CatalogueTheme {
  id: number;
  label: LocalizedText;
}

/** Ranking options that stand for the series' active themes (option id `t<theme id>`). */
export function themeOptions(themes: readonly CatalogueTheme[]): Option[] {
  return themes.map((t) => ({ id: `t${t.id}`, label: t.label, theme_id: t.id }));
}

const opt = (id: string, fr: string, nl: string, en: string): Option => ({ id, label: { fr, nl, en } });

/** Sector, as the minutes name the actors around the table. Breakdowns use it. */
const sector: Question = {
  id: 'sector',
  type: 'single',
  required: false,
  profile: true,
  text: { fr: 'Dans quel secteur travaillez-vous ?', nl: 'In welke sector werkt u?', en: 'Which sector do you work in?' },
  options: [
    opt(
      'hospital',
      'Hôpital (service social, liaison, urgences)',
      'Ziekenhuis (sociale dienst, liaison, spoed)',
      'Hospital (social service, liaison, emergency)',
    ),
    opt('home-care', 'Soins et aide à domicile, coordination', 'Thuiszorg en -hulp, coördinatie', 'Home care and support, coordination'),
    opt(
      'gp',
      'Médecine générale, maison médicale',
      'Huisartsgeneeskunde, wijkgezondheidscentrum',
      'General practice, community health centre',
    ),
    opt('social', 'CPAS, service social, logement', 'OCMW, sociale dienst, huisvesting', 'Public social welfare (CPAS), housing'),
    opt(
      'association',
      'Association, accompagnement, case management',
      'Vereniging, begeleiding, casemanagement',
      'Association, support, case management',
    ),
    opt('other', 'Autre', 'Andere', 'Other'),
  ],
};

const organisationType: Question = {
  id: 'organisation-type',
  type: 'single',
  required: false,
  profile: false,
  text: { fr: 'Votre organisation est…', nl: 'Uw organisatie is…', en: 'Your organisation is…' },
  options: [
    opt('public', 'publique', 'openbaar', 'public'),
    opt('non-profit', 'associative (ASBL)', 'een vzw', 'non-profit'),
    opt('private', 'privée / indépendant·e', 'privé / zelfstandige', 'private / self-employed'),
  ],
};

const commune: Question = {
  id: 'commune',
  type: 'single',
  required: false,
  profile: false,
  text: {
    fr: 'Dans quelle commune travaillez-vous surtout ?',
    nl: 'In welke gemeente werkt u vooral?',
    en: 'Which municipality do you mostly work in?',
  },
  options: [
    opt('auderghem', 'Auderghem', 'Oudergem', 'Auderghem'),
    opt('watermael-boitsfort', 'Watermael-Boitsfort', 'Watermaal-Bosvoorde', 'Watermael-Boitsfort'),
    opt('woluwe-saint-lambert', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert'),
    opt('woluwe-saint-pierre', 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre'),
    opt('elsewhere', 'Ailleurs en Région bruxelloise', 'Elders in het Brussels Gewest', 'Elsewhere in the Brussels Region'),
  ],
};

function themeRanking(id: string, text: LocalizedText, themes: readonly CatalogueTheme[]): Question {
  return {
    id,
    type: 'ranking',
    required: false,
    source: 'themes',
    max_ranked: 3,
    text,
    help: {
      fr: 'Classez jusqu’à 3 thématiques, la plus importante en premier.',
      nl: 'Rangschik tot 3 thema’s, het belangrijkste eerst.',
      en: 'Rank up to 3 themes, the most important first.',
    },
    options: themes.length ? themeOptions(themes) : [opt('none', '(aucune thématique)', '(geen thema)', '(no theme)')],
  };
}

const proposal: Question = {
  id: 'theme-proposal',
  type: 'text',
  required: false,
  role: 'theme_proposal',
  max_length: 300,
  text: {
    fr: 'Une thématique manque ? Proposez-la.',
    nl: 'Ontbreekt er een thema? Stel het voor.',
    en: 'Is a theme missing? Propose it.',
  },
};

export function preSurveyTemplate(themes: readonly CatalogueTheme[]): Question[] {
  return [
    {
      id: 'expectations',
      type: 'multiple',
      required: true,
      profile: false,
      min: 1,
      text: {
        fr: 'Qu’attendez-vous de cette concertation ?',
        nl: 'Wat verwacht u van dit overleg?',
        en: 'What do you expect from this meeting?',
      },
      options: [
        opt(
          'create-links',
          'Créer des liens avec d’autres acteur·rices',
          'Contacten leggen met andere actoren',
          'Create links with other professionals',
        ),
        opt(
          'hospital-realities',
          'Connaître les réalités hospitalières',
          'De realiteit van het ziekenhuis leren kennen',
          'Understand hospital realities',
        ),
        opt(
          'articulate-network',
          'Mieux articuler le réseau autour de la personne',
          'Het netwerk rond de persoon beter afstemmen',
          'Better coordinate the network around the person',
        ),
        opt('share-news', 'Partager les actualités du secteur', 'Nieuws uit de sector delen', 'Share news from the sector'),
        opt('collective-actions', 'Construire des actions collectives', 'Collectieve acties opbouwen', 'Build collective actions'),
      ],
    },
    themeRanking(
      'themes',
      {
        fr: 'Quelles thématiques faut-il prioriser ?',
        nl: 'Welke thema’s moeten voorrang krijgen?',
        en: 'Which themes should we prioritise?',
      },
      themes,
    ),
    proposal,
    sector,
    organisationType,
    commune,
  ];
}

/**
 * Consent to be contacted about the actions one ticked, so a working group can start. Only in
 * a named survey: an anonymous survey never asks for it (its answers name nobody).
 */
const contactConsent: Question = {
  id: 'contact-consent',
  type: 'single',
  required: false,
  profile: false,
  text: {
    fr: 'La coordination peut-elle vous recontacter pour lancer les actions cochées ?',
    nl: 'Mag de coördinatie u contacteren om de aangevinkte acties op te starten?',
    en: 'May the coordination contact you to start the actions you ticked?',
  },
  options: [opt('yes', 'Oui', 'Ja', 'Yes'), opt('no', 'Non', 'Nee', 'No')],
};

export function postSurveyTemplate(themes: readonly CatalogueTheme[], options: { anonymous?: boolean } = {}): Question[] {
  return [
    {
      id: 'usefulness',
      type: 'rating',
      required: true,
      min: 1,
      max: 5,
      text: { fr: 'Cette séance vous a-t-elle été utile ?', nl: 'Was deze sessie nuttig voor u?', en: 'Was this session useful to you?' },
      min_label: { fr: 'Pas du tout', nl: 'Helemaal niet', en: 'Not at all' },
      max_label: { fr: 'Tout à fait', nl: 'Helemaal wel', en: 'Very much' },
    },
    {
      id: 'mutual-knowledge',
      type: 'rating',
      required: false,
      min: 1,
      max: 5,
      text: {
        fr: 'Connaissez-vous mieux les autres acteur·rices après la séance ?',
        nl: 'Kent u de andere actoren beter na de sessie?',
        en: 'Do you know the other professionals better after the session?',
      },
      min_label: { fr: 'Pas mieux', nl: 'Niet beter', en: 'No better' },
      max_label: { fr: 'Beaucoup mieux', nl: 'Veel beter', en: 'Much better' },
    },
    themeRanking(
      'themes',
      {
        fr: 'Quelles thématiques pour la prochaine séance ?',
        nl: 'Welke thema’s voor de volgende sessie?',
        en: 'Which themes for the next session?',
      },
      themes,
    ),
    proposal,
    {
      id: 'actions',
      type: 'multiple',
      required: false,
      profile: false,
      text: {
        fr: 'À quelles actions collectives participeriez-vous ?',
        nl: 'Aan welke collectieve acties zou u deelnemen?',
        en: 'Which collective actions would you join?',
      },
      options: [
        opt(
          'info-roles',
          'Moment d’information sur les rôles des dispositifs d’accompagnement',
          'Infomoment over de rol van begeleidingsdiensten',
          'Information session on the roles of support services',
        ),
        opt(
          'info-caregiver-status',
          'Information sur le statut d’aidant·e proche',
          'Informatie over het statuut van mantelzorger',
          'Information on the carer status',
        ),
        opt(
          'info-ehealth',
          'Moment d’information sur les plateformes d’e-santé à Bruxelles',
          'Infomoment over de e-gezondheidsplatformen in Brussel',
          'Information session on Brussels e-health platforms',
        ),
        opt('tools-cadastre', 'Cadastre des outils existants', 'Kadaster van bestaande tools', 'Inventory of existing tools'),
        opt(
          'shared-secrecy',
          'Offre sur le secret professionnel partagé',
          'Aanbod rond gedeeld beroepsgeheim',
          'Offer on shared professional secrecy',
        ),
        opt('practice-exchange', 'Échanges de pratiques', 'Praktijkuitwisseling', 'Exchange of practices'),
      ],
    },
    ...(options.anonymous ? [] : [contactConsent]),
    sector,
    {
      id: 'remarks',
      type: 'text',
      required: false,
      role: 'remark',
      max_length: 2000,
      text: { fr: 'Remarques libres', nl: 'Vrije opmerkingen', en: 'Other remarks' },
    },
  ];
}
