/**
 * The pre- and post-survey templates any series starts from, written from the minutes of the
 * concertations (expectations, themes to prioritise, profile; usefulness, themes for next time,
 * actions) but with nothing of one series: the commune question is built from the series'
 * bassin (src/domain/brussels.ts) and the theme options from its own catalogue. The demo's
 * series adds its own options on top (scripts/demo-templates.ts).
 */
import { communesFor } from './brussels.ts';
import type { Option, Question } from './definition.ts';
import type { LocalizedText } from './language.ts';

export interface CatalogueTheme {
  id: number;
  label: LocalizedText;
}

/** What a template takes from its series. */
export interface TemplateContext {
  /** The series' active themes, in catalogue order. */
  themes: readonly CatalogueTheme[];
  /** The series' bassin, as typed (`Nord-Ouest`, `bassin Sud`); null when none. */
  bassin: string | null;
  /** An anonymous survey never asks for consent to be contacted (its answers name nobody). */
  anonymous?: boolean | undefined;
}

/** Ranking options that stand for the series' active themes (option id `t<theme id>`). */
export function themeOptions(themes: readonly CatalogueTheme[]): Option[] {
  return themes.map((t) => ({ id: `t${t.id}`, label: t.label, theme_id: t.id }));
}

export const opt = (id: string, fr: string, nl: string, en: string): Option => ({ id, label: { fr, nl, en } });

/** Sector, as the minutes name the actors around the table. Breakdowns use it. */
export const sector: Question = {
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

export const organisationType: Question = {
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

/** The commune question, its options given. */
export function communeQuestion(options: Option[]): Question {
  return {
    id: 'commune',
    type: 'single',
    required: false,
    profile: false,
    text: {
      fr: 'Dans quelle commune travaillez-vous surtout ?',
      nl: 'In welke gemeente werkt u vooral?',
      en: 'Which municipality do you mostly work in?',
    },
    options,
  };
}

/** The Region's 19 communes, the bassin's first, then "outside the Region". */
export function bassinCommunes(bassin: string | null): Option[] {
  return [
    ...communesFor(bassin).communes.map((x) => ({ id: x.id, label: x.label })),
    opt('outside', 'Hors de la Région bruxelloise', 'Buiten het Brussels Gewest', 'Outside the Brussels Region'),
  ];
}

export function themeRanking(id: string, text: LocalizedText, themes: readonly CatalogueTheme[]): Question {
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

export const proposal: Question = {
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

export function expectations(options: Option[]): Question {
  return {
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
    options,
  };
}

export const createLinks = opt(
  'create-links',
  'Créer des liens avec d’autres acteur·rices',
  'Contacten leggen met andere actoren',
  'Create links with other professionals',
);
export const articulateNetwork = opt(
  'articulate-network',
  'Mieux articuler le réseau autour de la personne',
  'Het netwerk rond de persoon beter afstemmen',
  'Better coordinate the network around the person',
);
export const shareNews = opt(
  'share-news',
  'Partager les actualités du secteur',
  'Nieuws uit de sector delen',
  'Share news from the sector',
);
export const collectiveActions = opt(
  'collective-actions',
  'Construire des actions collectives',
  'Collectieve acties opbouwen',
  'Build collective actions',
);

export const preThemesText: LocalizedText = {
  fr: 'Quelles thématiques faut-il prioriser ?',
  nl: 'Welke thema’s moeten voorrang krijgen?',
  en: 'Which themes should we prioritise?',
};

/** The pre-survey: the series' own expectations and communes around the common questions. */
export function preSurvey(themes: readonly CatalogueTheme[], own: { expectations: Option[]; communes: Option[] }): Question[] {
  return [
    expectations(own.expectations),
    themeRanking('themes', preThemesText, themes),
    proposal,
    sector,
    organisationType,
    communeQuestion(own.communes),
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

export function preSurveyTemplate({ themes, bassin }: TemplateContext): Question[] {
  return preSurvey(themes, {
    expectations: [
      createLinks,
      opt(
        'other-realities',
        'Connaître les réalités des autres secteurs',
        'De realiteit van andere sectoren leren kennen',
        'Understand the realities of other sectors',
      ),
      articulateNetwork,
      shareNews,
      collectiveActions,
    ],
    communes: bassinCommunes(bassin),
  });
}

export const usefulness: Question = {
  id: 'usefulness',
  type: 'rating',
  required: true,
  min: 1,
  max: 5,
  text: { fr: 'Cette séance vous a-t-elle été utile ?', nl: 'Was deze sessie nuttig voor u?', en: 'Was this session useful to you?' },
  min_label: { fr: 'Pas du tout', nl: 'Helemaal niet', en: 'Not at all' },
  max_label: { fr: 'Tout à fait', nl: 'Helemaal wel', en: 'Very much' },
};

export const mutualKnowledge: Question = {
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
};

export const postThemesText: LocalizedText = {
  fr: 'Quelles thématiques pour la prochaine séance ?',
  nl: 'Welke thema’s voor de volgende sessie?',
  en: 'Which themes for the next session?',
};

export function actionsQuestion(options: Option[]): Question {
  return {
    id: 'actions',
    type: 'multiple',
    required: false,
    profile: false,
    text: {
      fr: 'À quelles actions collectives participeriez-vous ?',
      nl: 'Aan welke collectieve acties zou u deelnemen?',
      en: 'Which collective actions would you join?',
    },
    options,
  };
}

export const toolsCadastre = opt(
  'tools-cadastre',
  'Cadastre des outils existants',
  'Kadaster van bestaande tools',
  'Inventory of existing tools',
);
export const practiceExchange = opt('practice-exchange', 'Échanges de pratiques', 'Praktijkuitwisseling', 'Exchange of practices');

export const remarks: Question = {
  id: 'remarks',
  type: 'text',
  required: false,
  role: 'remark',
  max_length: 2000,
  text: { fr: 'Remarques libres', nl: 'Vrije opmerkingen', en: 'Other remarks' },
};

/** The post-survey: the series' own collective actions around the common questions. */
export function postSurvey(themes: readonly CatalogueTheme[], own: { actions: Option[]; anonymous?: boolean | undefined }): Question[] {
  return [
    usefulness,
    mutualKnowledge,
    themeRanking('themes', postThemesText, themes),
    proposal,
    actionsQuestion(own.actions),
    ...(own.anonymous ? [] : [contactConsent]),
    sector,
    remarks,
  ];
}

export function postSurveyTemplate({ themes, anonymous }: TemplateContext): Question[] {
  return postSurvey(themes, {
    anonymous,
    actions: [
      opt(
        'info-services',
        'Moment d’information sur les services du bassin',
        'Infomoment over de diensten in de regio',
        'Information session on the services of the area',
      ),
      toolsCadastre,
      opt(
        'working-group',
        'Groupe de travail sur une thématique prioritaire',
        'Werkgroep rond een prioritair thema',
        'Working group on a priority theme',
      ),
      practiceExchange,
    ],
  });
}

/** The template of a kind. */
export function surveyTemplate(kind: 'pre' | 'post', context: TemplateContext): Question[] {
  return kind === 'pre' ? preSurveyTemplate(context) : postSurveyTemplate(context);
}
