/**
 * Demo data from the minutes of the concertation "Liaison hôpital-ambulatoire" (bassin
 * Sud-Est): sessions #1–#3, the theme catalogue as it grew, a pre- and post-survey per
 * session, and answers for #1 and #2 generated from a fixed seed (so every figure can be
 * counted again by hand). Plain SQL statements, idempotent: rows have fixed ids in a
 * reserved range (900001+) and are inserted only when missing. Used by `npm start` and tests.
 */
import { type Answers, fingerprintText, validateAnswers } from '../src/domain/answers.ts';
import type { Question } from '../src/domain/definition.ts';
import type { Language, LocalizedText } from '../src/domain/language.ts';
import type { CatalogueTheme } from '../src/domain/templates.ts';
import { sha256Hex } from '../src/lib/crypto.ts';
import { profileGroup } from '../src/results/profile-group.ts';
import { demoPostSurvey, demoPreSurvey } from './demo-templates.ts';

const ID = 900000;

/**
 * One copy of the demo: its organisation, coordinator and ids. `npm start` and the tests seed
 * copy 0; the browser tests share one database and seed a copy per test file
 * (test/e2e/server.ts), each with ids of its own: copy k's ids start at 900000 + k × 1,000,000,
 * far above any row the other copies' tests add (a new row takes the table's highest id + 1).
 */
export interface Demo {
  copy: number;
  /** Every id of the copy is `base + n`, as the comments below number them from 900000. */
  base: number;
  organisation: string;
  coordinatorEmail: string;
  participantEmail: string;
  seriesId: number;
  /** The pre-survey of session #3, open, which the printed demo link answers. */
  openSurveyId: number;
  /** Session #n of the series. */
  sessionId(n: number): number;
  /** The pre- or post-survey of session #n. */
  surveyId(n: number, kind: 'pre' | 'post'): number;
  /** Theme n of DEMO_THEMES (its option id in the surveys is `t<id>`). */
  themeId(n: number): number;
}

export function demoCopy(copy: number): Demo {
  const base = ID + copy * 1_000_000;
  return {
    copy,
    base,
    organisation: copy === 0 ? 'Bassin Sud-Est (démo)' : `Bassin Sud-Est (démo ${copy})`,
    coordinatorEmail: copy === 0 ? 'coordination@demo.relais.local' : `coordination-${copy}@demo.relais.local`,
    participantEmail: 'participant@demo.relais.local',
    seriesId: base + 1,
    openSurveyId: base + 5,
    sessionId: (n) => base + n,
    surveyId: (n, kind) => base + (n - 1) * 2 + (kind === 'pre' ? 1 : 2),
    themeId: (n) => base + n,
  };
}

export const DEMO: Demo = demoCopy(0);

interface DemoTheme extends CatalogueTheme {
  /** Session before which the theme entered the catalogue. */
  since: number;
  /** Theme it was merged into before session #2. */
  mergedInto?: number;
}

const theme = (n: number, since: number, fr: string, nl: string, en: string, mergedInto?: number): DemoTheme => ({
  id: ID + n,
  since,
  label: { fr, nl, en },
  ...(mergedInto ? { mergedInto: ID + mergedInto } : {}),
});

export const DEMO_THEMES: DemoTheme[] = [
  theme(1, 1, 'Violences intrafamiliales (VIF)', 'Intrafamiliaal geweld', 'Domestic violence'),
  theme(2, 1, 'Soutien aux aidant·es proches', 'Ondersteuning van mantelzorgers', 'Support for family carers'),
  theme(3, 1, 'Personnes âgées et/ou isolées', 'Ouderen en/of geïsoleerde personen', 'Older and/or isolated people'),
  theme(
    4,
    1,
    'Coordination avec CPAS, logements sociaux et d’urgence',
    'Coördinatie met OCMW, sociale en noodwoningen',
    'Coordination with CPAS, social and emergency housing',
  ),
  theme(
    5,
    1,
    'Publics vulnérables (handicap, parents isolés, malades chroniques, sans chez-soi)',
    'Kwetsbare groepen (handicap, alleenstaande ouders, chronisch zieken, daklozen)',
    'Vulnerable groups (disability, single parents, chronically ill, homeless people)',
  ),
  theme(
    6,
    1,
    'Protocoles de suivi partagés hôpital–ambulatoire',
    'Gedeelde opvolgingsprotocollen ziekenhuis–ambulant',
    'Shared hospital–community follow-up protocols',
  ),
  theme(7, 1, 'Accueil aux urgences', 'Onthaal op de spoedafdeling', 'Reception at the emergency department'),
  theme(
    8,
    1,
    'Connaissance mutuelle hôpital–ambulatoire',
    'Wederzijdse kennis ziekenhuis–ambulant',
    'Mutual knowledge between hospital and community care',
  ),
  theme(9, 2, 'Transmission de l’information', 'Informatieoverdracht', 'Passing on information'),
  theme(10, 2, 'Outils numériques de partage de données', 'Digitale tools voor gegevensdeling', 'Digital data-sharing tools'),
  theme(11, 2, 'Secret professionnel partagé', 'Gedeeld beroepsgeheim', 'Shared professional secrecy'),
  theme(
    12,
    2,
    'Rôle des dispositifs d’accompagnement (coordination de soins à domicile, référent hospitalier, case manager)',
    'Rol van de begeleidingsdiensten (thuiszorgcoördinatie, ziekenhuisreferent, casemanager)',
    'Role of support services (home-care coordination, hospital referent, case manager)',
  ),
  theme(13, 2, 'Place du médecin généraliste', 'Rol van de huisarts', 'Role of the general practitioner'),
  theme(14, 2, 'Inégalités numériques', 'Digitale ongelijkheid', 'Digital inequalities'),
  theme(
    15,
    1,
    'Sortie d’hôpital et information aux aidant·es',
    'Ontslag uit het ziekenhuis en informatie aan mantelzorgers',
    'Hospital discharge and information to carers',
    2,
  ),
];

/** Dates and places from the minutes; #1's date is not in them and is illustrative. */
export const DEMO_SESSIONS = [
  { number: 1, starts_at: '2025-05-22T11:00:00.000Z', ends_at: '2025-05-22T14:00:00.000Z', place: null },
  {
    number: 2,
    starts_at: '2025-09-16T11:00:00.000Z',
    ends_at: '2025-09-16T14:00:00.000Z',
    place: 'Avenue des Cerisiers 241, Woluwe-Saint-Lambert (WSL)',
  },
  {
    number: 3,
    starts_at: '2025-12-18T12:00:00.000Z',
    ends_at: '2025-12-18T14:30:00.000Z',
    place: 'Lieu à confirmer — lunch réseau dès 12h30',
  },
];

/** How many were invited to / answered each survey: #1 had 23 participants, #2 had 14. */
const PLAN = [
  { session: 1, kind: 'pre', invited: 23, answered: 19, status: 'closed' },
  { session: 1, kind: 'post', invited: 23, answered: 16, status: 'closed' },
  { session: 2, kind: 'pre', invited: 14, answered: 12, status: 'closed' },
  { session: 2, kind: 'post', invited: 14, answered: 11, status: 'closed' },
  { session: 3, kind: 'pre', invited: 18, answered: 7, status: 'open' },
  { session: 3, kind: 'post', invited: 0, answered: 0, status: 'draft' },
] as const;

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedOrder<T>(rand: () => number, items: readonly T[], weight: (item: T) => number): T[] {
  // Efraimidis–Spirakis: sort by u^(1/w), a weighted sample without replacement.
  return [...items]
    .map((item) => ({ item, key: rand() ** (1 / Math.max(weight(item), 0.01)) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.item);
}

/** What the minutes say each session cared about most (theme number → weight). */
const THEME_WEIGHTS: Record<number, Record<number, number>> = {
  1: { 3: 9, 1: 6, 2: 6, 15: 4, 5: 4, 6: 3, 7: 3, 8: 3, 4: 2 },
  2: { 9: 8, 10: 6, 11: 6, 3: 5, 12: 5, 2: 4, 8: 4, 13: 3, 14: 3, 6: 3, 1: 2, 4: 2, 5: 2, 7: 1 },
  3: { 11: 7, 9: 6, 12: 6, 10: 5, 3: 5, 14: 4, 13: 4, 2: 3, 8: 3, 1: 2, 4: 2, 5: 2, 6: 2, 7: 1 },
};

const PROPOSALS = [
  'Santé mentale',
  'santé  mentale',
  'Sante mentale ',
  'Accès aux soins des personnes sans titre de séjour',
  'Mobilité et transport des patient·es',
];
const REMARKS = [
  'Très utile de rencontrer les services sociaux des hôpitaux.',
  'Il faudrait plus de temps pour les échanges en petits groupes.',
  'Merci pour l’organisation, le lunch réseau est une bonne idée.',
  'Difficile de venir pour les médecins généralistes en semaine.',
  'Un support écrit des présentations serait bienvenu.',
];
const FIRST = [
  'Amina',
  'Bruno',
  'Chloé',
  'David',
  'Elif',
  'Fatou',
  'Gilles',
  'Hanne',
  'Ilias',
  'Julie',
  'Koen',
  'Laura',
  'Mehdi',
  'Nora',
  'Olivier',
  'Pauline',
  'Quentin',
  'Rachida',
  'Sofie',
  'Thomas',
  'Ursula',
  'Victor',
  'Wout',
  'Yasmina',
];
const LAST = ['Peeters', 'Janssens', 'Dubois', 'Lambert', 'El Amrani', 'Maes', 'Diallo', 'Claes', 'Lemaire', 'Wouters', 'Benali', 'Martin'];

export interface DemoPerson {
  n: number;
  email: string;
  name: string;
  language: Language;
}

export function demoPeople(): DemoPerson[] {
  return Array.from({ length: 26 }, (_, i) => {
    const first = FIRST[i % FIRST.length] ?? 'Alex';
    const last = LAST[(i * 7) % LAST.length] ?? 'Demo';
    return {
      n: i + 1,
      email: `${`${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z.]/g, '')}${i + 1}@example.org`,
      name: `${first} ${last}`,
      language: (i % 6 === 4 ? 'nl' : i % 9 === 7 ? 'en' : 'fr') as Language,
    };
  });
}

/** Who is invited to session s: #1 people 1–23, #2 a subset of 14 (4 new), #3 18 of them. */
function invitedTo(session: number, count: number, people: DemoPerson[]): DemoPerson[] {
  if (session === 1) return people.slice(0, count);
  if (session === 2) return [...people.slice(0, 10), ...people.slice(22, 26)].slice(0, count);
  return [...people.slice(2, 16), ...people.slice(22, 26)].slice(0, count);
}

function catalogueFor(demo: Demo, session: number): CatalogueTheme[] {
  return DEMO_THEMES.filter((t) => t.since <= session && !(t.mergedInto && session >= 2)).map(({ id, label }) => ({
    id: id - ID + demo.base,
    label,
  }));
}

function answersFor(demo: Demo, rand: () => number, kind: 'pre' | 'post', session: number, questions: Question[], index: number): Answers {
  const themeQ = questions.find((q) => q.id === 'themes');
  const themeIds = themeQ && 'options' in themeQ ? themeQ.options.map((o) => o.id) : [];
  const weights = THEME_WEIGHTS[session] ?? {};
  const ranked = weightedOrder(rand, themeIds, (id) => weights[Number(id.slice(1)) - demo.base] ?? 1);
  // Most rank 3, some only 2 or 1 (top-k).
  const depth = rand() < 0.7 ? 3 : rand() < 0.6 ? 2 : 1;
  const answers: Answers = { themes: ranked.slice(0, depth) };
  const sectors = ['hospital', 'home-care', 'gp', 'social', 'association', 'other'];
  answers.sector =
    weightedOrder(rand, sectors, (s) => ({ hospital: 5, 'home-care': 4, social: 4, association: 3, gp: 1.5, other: 1 })[s] ?? 1)[0] ??
    'other';
  if (index % 4 === 1) answers['theme-proposal'] = PROPOSALS[(index + session) % PROPOSALS.length] ?? '';
  if (kind === 'pre') {
    const p: Record<string, number> = {
      'create-links': 0.75,
      'hospital-realities': 0.5,
      'articulate-network': 0.6,
      'share-news': 0.3,
      'collective-actions': 0.35,
    };
    const chosen = Object.keys(p).filter((k) => rand() < (p[k] ?? 0));
    answers.expectations = chosen.length ? chosen : ['create-links'];
    answers['organisation-type'] = ['public', 'non-profit', 'private'][Math.floor(rand() * 3)] ?? 'public';
    answers.commune =
      ['auderghem', 'watermael-boitsfort', 'woluwe-saint-lambert', 'woluwe-saint-pierre', 'elsewhere'][Math.floor(rand() * 5)] ??
      'elsewhere';
  } else {
    answers.usefulness = [3, 4, 4, 5, 5, 4, 2, 5][Math.floor(rand() * 8)] ?? 4;
    answers['mutual-knowledge'] = [2, 3, 4, 4, 5][Math.floor(rand() * 5)] ?? 3;
    const actions = ['info-roles', 'info-caregiver-status', 'info-ehealth', 'tools-cadastre', 'shared-secrecy', 'practice-exchange'];
    answers.actions = actions.filter(() => rand() < 0.3);
    if (index % 3 === 0) answers.remarks = REMARKS[(index + session) % REMARKS.length] ?? '';
    // Without a random draw, so the demo's other answers stay as they were before the question.
    if (questions.some((x) => x.id === 'contact-consent') && answers.actions.length)
      answers['contact-consent'] = index % 2 === 0 ? 'yes' : 'no';
  }
  return answers;
}

/**
 * What the coordination wrote for the brief of #2 (which prepares #3), in the words of the
 * minutes of #2, and what became of the actions proposed after #1 and #2.
 */
const WORDS: Record<string, string> = {
  findings:
    'La transition hôpital-ambulatoire est plus critique pour les services aigus que pour le moyen/long terme, car le temps de préparation à l’entrée ou à la sortie y est plus court.\n\n- Multiplicité d’outils pour identifier le réseau, mais peu de mutualisation\n- Initiatives locales intéressantes (Boîte jaune), sans coordination régionale\n- Rôle central du·de la médecin généraliste, de moins en moins disponible pour les visites à domicile',
  needs:
    'Besoins identifiés en séance :\n\n- Améliorer la transmission de l’information\n- Clarifier le cadre du secret professionnel partagé\n- Garder une attention aux inégalités numériques',
  actions: 'Le cadastre des outils avance avec un groupe de travail ; le moment d’information e-santé est prévu au printemps.',
  save_the_date: 'Accueil dès 12h30 avec un lunch réseau. Le lieu sera confirmé par e-mail.',
};
const ACTION_STATUS: [string, string, string | null][] = [
  ['tools-cadastre', 'in_progress', 'Groupe de travail lancé ; première réunion en janvier.'],
  ['info-ehealth', 'planned', 'Avec Abrumet, au printemps 2026.'],
  ['info-caregiver-status', 'done', 'Séance d’information tenue le 20 novembre.'],
  ['shared-secrecy', 'dropped', 'Couvert par l’offre existante de la FdSS.'],
];

function coordinatorWords(demo: Demo): string[] {
  const session = demo.sessionId(2);
  const at = '2025-10-02T09:00:00.000Z';
  return [
    ...Object.entries(WORDS).map(
      ([section, text]) =>
        `INSERT OR IGNORE INTO brief_texts (session_id, section, version, language, text, coordinator_id, actor, created_at)
         VALUES (${session}, ${q(section)}, 1, 'fr', ${q(text)}, NULL, ${q(demo.coordinatorEmail)}, ${q(at)})`,
    ),
    ...ACTION_STATUS.map(
      ([option, status, note]) =>
        `UPDATE series_actions SET status = ${q(status)}, note = ${q(note)}, updated_at = ${q(at)}
          WHERE series_id = ${demo.seriesId} AND option_id = ${q(option)}`,
    ),
  ];
}

const q = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

export interface DemoSecrets {
  coordinatorKeyHash: string;
  participantTokenHash: string;
}

/** The demo (copy 0 unless told) as SQL statements; running them twice changes nothing the second time. */
export async function demoSeed(secrets: DemoSecrets, demo: Demo = DEMO): Promise<string[]> {
  const sql: string[] = [];
  const people = demoPeople();
  const base = demo.base;
  /** Theme ids of DEMO_THEMES, moved into this copy's range. */
  const themeId = (id: number) => id - ID + base;
  sql.push(`INSERT OR IGNORE INTO organisations (id, name) VALUES (${base + 1}, ${q(demo.organisation)})`);
  sql.push(
    `INSERT OR IGNORE INTO coordinators (id, organisation_id, email) VALUES (${base + 1}, ${base + 1}, ${q(demo.coordinatorEmail)})`,
  );
  sql.push(
    `INSERT INTO api_keys (id, coordinator_id, key_hash, label) VALUES (${base + 1}, ${base + 1}, ${q(secrets.coordinatorKeyHash)}, 'local demo key')
     ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, revoked_at = NULL`,
  );
  sql.push(
    `INSERT OR IGNORE INTO series (id, organisation_id, title, bassin, language, min_group_size)
     VALUES (${demo.seriesId}, ${base + 1}, 'Liaison hôpital-ambulatoire', 'Sud-Est', 'fr', 3)`,
  );
  for (const s of DEMO_SESSIONS) {
    sql.push(
      `INSERT OR IGNORE INTO sessions (id, series_id, number, starts_at, ends_at, place)
       VALUES (${base + s.number}, ${demo.seriesId}, ${s.number}, ${q(s.starts_at)}, ${q(s.ends_at)}, ${q(s.place)})`,
    );
  }
  for (const t of DEMO_THEMES) {
    const l: LocalizedText = t.label;
    sql.push(
      `INSERT OR IGNORE INTO themes (id, series_id, label_fr, label_nl, label_en, status, merged_into_id, created_at)
       VALUES (${themeId(t.id)}, ${demo.seriesId}, ${q(l.fr)}, ${q(l.nl ?? null)}, ${q(l.en ?? null)}, ${q(t.mergedInto ? 'archived' : 'active')},
               ${t.mergedInto ? themeId(t.mergedInto) : 'NULL'}, ${q(`${DEMO_SESSIONS[t.since - 1]?.starts_at.slice(0, 10) ?? '2025-05-01'}T00:00:00.000Z`)})`,
    );
  }

  let invitationId = base;
  for (const plan of PLAN) {
    const session = DEMO_SESSIONS[plan.session - 1];
    if (!session) continue;
    const sid = demo.surveyId(plan.session, plan.kind);
    const catalogue = catalogueFor(demo, plan.session);
    const questions = plan.kind === 'pre' ? demoPreSurvey(catalogue) : demoPostSurvey(catalogue);
    const start = Date.parse(session.starts_at);
    const day = 86_400_000;
    const opened = new Date(plan.kind === 'pre' ? start - 21 * day : start + day).toISOString();
    // Only the closed surveys have a closing date: the open and the draft ones are still to run.
    const closes = plan.status !== 'closed' ? null : new Date(plan.kind === 'pre' ? start - day : start + 14 * day).toISOString();
    sql.push(
      `INSERT OR IGNORE INTO surveys (id, session_id, kind, status, closes_at, definition, opened_at, closed_at, created_at)
       VALUES (${sid}, ${base + plan.session}, ${q(plan.kind)}, ${q(plan.status)}, ${q(closes)}, ${q(JSON.stringify({ questions }))},
               ${plan.status === 'draft' ? 'NULL' : q(opened)}, ${q(plan.status === 'closed' ? closes : null)}, ${q(opened)})`,
    );
    // Seeded by copy 0's survey id, so every copy has the same answers (and the same figures).
    const rand = random(sid - base + ID);
    const invited = invitedTo(plan.session, plan.invited, people);
    for (const [index, person] of invited.entries()) {
      invitationId += 1;
      const answered = index < plan.answered;
      const at = new Date(Date.parse(opened) + (index + 1) * 0.6 * day).toISOString();
      // Unusable token hashes: the demo respondents answer through the seed, not a link.
      const unusable = await sha256Hex(`demo-unusable-${invitationId}-${crypto.randomUUID()}`);
      sql.push(
        `INSERT OR IGNORE INTO invitations (id, survey_id, email, name, language, token_hash, created_at, opened_at, answered)
         VALUES (${invitationId}, ${sid}, ${q(person.email)}, ${q(person.name)}, ${q(person.language)}, ${q(unusable)}, ${q(opened)},
                 ${answered ? q(at) : 'NULL'}, ${answered ? 1 : 0})`,
      );
      if (!answered) continue;
      const answers = answersFor(demo, rand, plan.kind, plan.session, questions, index);
      const checked = validateAnswers({ questions }, answers);
      if (!checked.ok) throw new Error(`demo answers do not fit survey ${sid}: ${JSON.stringify(checked.issues)}`);
      const hash = await sha256Hex(fingerprintText(1, checked.answers));
      sql.push(
        `INSERT OR IGNORE INTO responses (id, survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
         VALUES (${invitationId}, ${sid}, ${invitationId}, 'i:${invitationId}', ${q(person.language)}, ${q(hash)}, 1, ${q(at)}, ${q(at)})`,
      );
      const tuples = checked.rows.map((r) => [r.question_id, r.option_id, r.theme_id, r.rank, r.number, r.text]);
      const grp = profileGroup({ questions }, checked.rows);
      sql.push(
        `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
         SELECT ${invitationId}, ${sid}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, ${q(grp)}
           FROM json_each(${q(JSON.stringify(tuples))}) j
          WHERE NOT EXISTS (SELECT 1 FROM answers WHERE response_id = ${invitationId})`,
      );
    }
  }
  sql.push(...coordinatorWords(demo));
  // The demo participant: invited to the open pre-survey of #3, not yet answered.
  sql.push(
    `INSERT INTO invitations (id, survey_id, email, name, language, token_hash)
     VALUES (${base + 99999}, ${demo.openSurveyId}, ${q(demo.participantEmail)}, 'Participant·e démo', 'fr', ${q(secrets.participantTokenHash)})
     ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash`,
  );
  return sql;
}
