/**
 * Seeding for `npm run bench`: the structure through the Worker's own API (series, themes,
 * sessions, surveys with the bench definition, opening, invitations), the bulk as SQL shaped
 * exactly like the API's writes: invitations as upsertInvitations stores them (then flagged
 * answered), responses and answers as replaceResponse writes them (respondent_key
 * `i:<invitation id>`, one row per atom of an answer, a response's rows contiguous).
 * No Node import here: test/rows-read.test.ts seeds the same survey inside workerd.
 */
import { INVITE_LIMIT } from '../src/invitations/invitations.schemas.ts';

export const THEMES = [
  'Violences intrafamiliales (VIF)',
  'Soutien aux aidant·es proches',
  'Personnes âgées et/ou isolées',
  'Coordination avec CPAS, logements sociaux et d’urgence',
  'Publics vulnérables',
  'Protocoles de suivi partagés hôpital–ambulatoire',
  'Accueil aux urgences',
  'Connaissance mutuelle hôpital–ambulatoire',
  'Transmission de l’information',
  'Outils numériques de partage de données',
  'Secret professionnel partagé',
  'Rôle des dispositifs d’accompagnement',
  'Place du médecin généraliste',
  'Inégalités numériques',
];

const text = (s: string) => ({ fr: s, nl: s, en: s });
const options = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, label: text(`${prefix} ${i + 1}`) }));
export const RATINGS = ['usefulness', 'mutual-knowledge', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
export const TEXTS = [
  ['remarks', 'remark'],
  ['theme-proposal', 'theme_proposal'],
  ['remarks-2', 'remark'],
] as const;
export const K = 5;

/** 20 answer rows a response: profile 1, multiple 3, ranking K = 5 of 14 themes, 8 ratings, 3 texts. */
export function benchQuestions(themes: { id: number; label: string }[]) {
  return [
    { id: 'sector', type: 'single', profile: true, required: true, text: text('Secteur'), options: options('sector', 6) },
    { id: 'expectations', type: 'multiple', max: 3, text: text('Attentes'), options: options('exp', 8) },
    {
      id: 'themes',
      type: 'ranking',
      source: 'themes',
      max_ranked: K,
      text: text('Thématiques prioritaires'),
      options: themes.map((t) => ({ id: `t${t.id}`, label: text(t.label), theme_id: t.id })),
    },
    ...RATINGS.map((id) => ({ id, type: 'rating', min: 1, max: 5, text: text(id) })),
    ...TEXTS.map(([id, role]) => ({ id, type: 'text', role, max_length: 500, text: text(id) })),
  ];
}

interface Option {
  id: string;
  theme_id?: number;
}
interface Question {
  id: string;
  type: string;
  options?: Option[];
}
export interface OpenSurvey {
  id: number;
  session_id: number;
  series_id: number;
  definition_version: number;
  questions: Question[];
}

const optionsOf = (survey: OpenSurvey, id: string): Option[] => survey.questions.find((q) => q.id === id)?.options ?? [];

/** Ranking orders: K distinct themes from a start and a step coprime with 14. */
export const STEPS = [1, 3, 5, 9, 11, 13];

/** A submission for the JSON API (varied by n, so that successive submissions really write). */
export function submission(survey: OpenSurvey, n: number): { answers: Record<string, unknown> } {
  const sector = optionsOf(survey, 'sector');
  const exp = optionsOf(survey, 'expectations');
  const themes = optionsOf(survey, 'themes');
  const step = STEPS[Math.floor(n / themes.length) % STEPS.length] ?? 1;
  const answers: Record<string, unknown> = {
    sector: sector[n % sector.length]?.id,
    expectations: [0, 1, 2].map((k) => exp[(n + k) % exp.length]?.id),
    themes: Array.from({ length: K }, (_, k) => themes[(n + k * step) % themes.length]?.id),
  };
  RATINGS.forEach((id, k) => {
    answers[id] = 1 + ((n * 31 + k * 17) % 5);
  });
  for (const [id] of TEXTS) answers[id] = `Remarque ${id} ${(n * 7) % 200}`;
  // One text names n itself: two submissions never hash alike, so each one really writes.
  answers['remarks-2'] = `Remarque ${n}`;
  return { answers };
}

/** The survey page's form as a browser without JavaScript posts it (src/responses/survey-page.tsx). */
export function formBody(survey: OpenSurvey, n: number): string {
  const { answers } = submission(survey, n);
  const entries: [string, string][] = [
    ['lang', 'fr'],
    ['survey', String(survey.id)],
  ];
  for (const [id, value] of Object.entries(answers)) {
    if (id === 'themes') for (const [i, o] of (value as string[]).entries()) entries.push([`q.themes.${o}`, String(i + 1)]);
    else if (Array.isArray(value)) for (const v of value) entries.push([`q.${id}`, String(v)]);
    else entries.push([`q.${id}`, String(value)]);
  }
  return new URLSearchParams(entries).toString();
}

/** The answer tuples the floor inserts, the same rows validateAnswers makes of `submission`. */
export function submissionRows(survey: OpenSurvey, n: number): unknown[][] {
  const { answers } = submission(survey, n);
  const rows: unknown[][] = [];
  const opt = (qid: string, id: unknown) => optionsOf(survey, qid).find((o) => o.id === id);
  rows.push(['sector', answers.sector, null, null, null, null]);
  for (const id of answers.expectations as string[]) rows.push(['expectations', id, null, null, null, null]);
  (answers.themes as string[]).forEach((id, i) => {
    rows.push(['themes', id, opt('themes', id)?.theme_id ?? null, i + 1, null, null]);
  });
  for (const id of RATINGS) rows.push([id, null, null, null, answers[id], null]);
  for (const [id] of TEXTS) rows.push([id, null, null, null, null, answers[id]]);
  return rows;
}

const sqlJson = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'`;

/**
 * `count` invited participants who all answered `survey`: the invitations, their responses
 * (first submissions spread over three weeks) and 20 answer rows each, in three statements.
 * Each row carries the respondent's profile group (their sector), as replaceResponse writes
 * it; the counters' triggers fire on these inserts as on every submission. `from` numbers the
 * people from `from` + 1 (bench-<n>@example.org, the same in a session's pre- and post-survey),
 * so that a large survey is seeded in chunks, each its own transaction (bench/run.ts: 1M).
 */
export function bulkSql(survey: OpenSurvey, count: number, from = 0): string[] {
  const sector = sqlJson(optionsOf(survey, 'sector').map((o) => o.id));
  const exp = sqlJson(optionsOf(survey, 'expectations').map((o) => o.id));
  const themes = optionsOf(survey, 'themes');
  const themeIds = sqlJson(themes.map((o) => o.id));
  const themeNums = sqlJson(themes.map((o) => o.theme_id ?? null));
  const steps = sqlJson(STEPS);
  const atoms = [
    ['sector', 'single', 0],
    ...[0, 1, 2].map((k) => ['expectations', 'multiple', k]),
    ...Array.from({ length: K }, (_, k) => ['themes', 'ranking', k]),
    ...RATINGS.map((id, k) => [id, 'rating', k]),
    ...TEXTS.map(([id], k) => [id, 'text', k]),
  ] as const;
  const atomValues = atoms.map(([q, kind, k], ord) => `(${ord}, '${q}', '${kind}', ${k})`).join(', ');
  // Parenthesised where used: ->> binds tighter than %, so `x ->> (…) % 14` took the element
  // first (NULL past the 14th) and every rank after the first stored no theme.
  const rankIdx = `((r.id % ${themes.length}) + a.k * (${steps} ->> ((r.id / ${themes.length}) % ${STEPS.length}))) % ${themes.length}`;
  // This chunk's rows, found again by their ids: each INSERT … SELECT gives its rows the
  // consecutive ids after the table's largest (INTEGER PRIMARY KEY), and nothing else writes
  // between these statements, so the newest `count` ids of the table are this chunk's. (A join
  // on the e-mail let the planner walk every invitation of the survey for each person.)
  // `+survey_id`: no index on the survey, so the planner takes the range of ids.
  const newest = (table: string) => `id > (SELECT max(id) FROM ${table}) - ${count} AND +survey_id = ${survey.id}`;
  return [
    `WITH RECURSIVE seq(n) AS (SELECT ${from + 1} UNION ALL SELECT n + 1 FROM seq WHERE n < ${from + count})
     INSERT INTO invitations (survey_id, email, language, token_hash, opened_at, answered)
     SELECT ${survey.id}, 'bench-' || n || '@example.org', 'fr', lower(hex(randomblob(32))),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (n % 21) || ' days'), 1
       FROM seq`,
    `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
     SELECT survey_id, id, 'i:' || id, 'fr', lower(hex(randomblob(32))), ${survey.definition_version}, opened_at, opened_at
       FROM invitations WHERE ${newest('invitations')} AND answered = 1 ORDER BY id`,
    `WITH atoms(ord, q, kind, k) AS (VALUES ${atomValues})
     INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
     SELECT r.id, r.survey_id, a.q,
            CASE a.kind WHEN 'single' THEN ${sector} ->> (r.id % 6)
                        WHEN 'multiple' THEN ${exp} ->> ((r.id + a.k) % 8)
                        WHEN 'ranking' THEN ${themeIds} ->> (${rankIdx}) END,
            CASE a.kind WHEN 'ranking' THEN ${themeNums} ->> (${rankIdx}) END,
            CASE a.kind WHEN 'ranking' THEN a.k + 1 END,
            CASE a.kind WHEN 'rating' THEN 1 + (r.id * 31 + a.k * 17) % 5 END,
            CASE a.kind WHEN 'text' THEN 'Remarque ' || a.q || ' ' || ((r.id * 7 + a.k) % 200) END,
            ${sector} ->> (r.id % 6)
       FROM (SELECT * FROM responses WHERE ${newest('responses')}) r CROSS JOIN atoms a
      ORDER BY r.id, a.ord`,
  ];
}

/** A coordinator's API client for the structure. */
/**
 * fetch, sent once more when the connection it went out on was already closed by the server
 * (undici: "other side closed"). After the bench's long steps without a request to Relais
 * (storage at 1M responses: over a minute), the pooled keep-alive connection can be stale; the
 * first setup call after it failed the whole 1M run three times in four. Only setup calls go
 * through here, and each is safe to send again (inviting someone already invited answers their
 * live link; the rest are reads, or create bench rows of which a resent one leaves an unused copy).
 */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

export function api(base: string, key: string) {
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await send(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** A series with the 14 themes, session #1 and its open post-survey with the bench definition. */
export async function benchSurvey(call: ReturnType<typeof api>, title: string, { anonymous = false } = {}): Promise<OpenSurvey> {
  const series = await call<{ id: number }>('/api/series', { title, bassin: 'Bench' });
  const themes: { id: number; label: string }[] = [];
  for (const label of THEMES) {
    const t = await call<{ id: number }>(`/api/series/${series.id}/themes`, { label: { fr: label } });
    themes.push({ id: t.id, label });
  }
  const session = await call<{ id: number }>(`/api/series/${series.id}/sessions`, {
    number: 1,
    starts_at: '2026-09-16T13:00:00+02:00',
  });
  const survey = await call<{ id: number }>(`/api/sessions/${session.id}/surveys`, {
    kind: 'post',
    questions: benchQuestions(themes),
    ...(anonymous ? { anonymous: true } : {}),
  });
  return await call<OpenSurvey>(`/api/surveys/${survey.id}/open`, {});
}

/**
 * The pre-survey of the same session, with the same questions: seeded with the same people
 * (bulkSql's addresses), it makes the session's brief pair every respondent.
 */
export async function benchPreSurvey(call: ReturnType<typeof api>, post: OpenSurvey): Promise<OpenSurvey> {
  const themes = (post.questions.find((q) => q.id === 'themes')?.options ?? []).map((o, i) => ({
    id: o.theme_id ?? 0,
    label: THEMES[i] ?? o.id,
  }));
  const survey = await call<{ id: number }>(`/api/sessions/${post.session_id}/surveys`, { kind: 'pre', questions: benchQuestions(themes) });
  return await call<OpenSurvey>(`/api/surveys/${survey.id}/open`, {});
}

/** Personal links through the API, as many a request as it takes (INVITE_LIMIT); returns the tokens. */
export async function invite(call: ReturnType<typeof api>, surveyId: number, count: number, prefix: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += INVITE_LIMIT) {
    const participants = Array.from({ length: Math.min(INVITE_LIMIT, count - start) }, (_, i) => ({
      email: `${prefix}-${start + i}@example.org`,
    }));
    const { invitations } = await call<{ invitations: { url: string }[] }>(`/api/surveys/${surveyId}/invitations`, { participants });
    for (const i of invitations) tokens.push(new URL(i.url).pathname.split('/').pop() ?? '');
  }
  return tokens;
}
