/**
 * The brief for the session after session N: the post-survey of N, the pre-survey of N+1 when
 * it exists, and the theme history of the whole series, aggregated in SQL, passed through the
 * disclosure gate (src/domain/disclosure.ts) survey by survey, and shaped here.
 */
import { actionLabel } from '../actions/action-label.ts';
import { ACTIONS_QUESTION, type ActionStatus, SESSION_SERIES_ACTIONS, type SeriesActionRow } from '../actions/actions.queries.ts';
import type { OrganisationScope } from '../coordinators/key-scope.ts';
import { type Agreement, agreement } from '../domain/agreement.ts';
import type { ChoiceQuestion, Definition, Question } from '../domain/definition.ts';
import {
  type Disclosed,
  type DisclosureRecord,
  effectiveMinimum,
  type GatedPairing,
  type GatedSurvey,
  gatePairing,
  gateSurvey,
  gateThemeHistory,
  withheld,
} from '../domain/disclosure.ts';
import { type Language, localize, themeLabel } from '../domain/language.ts';
import { addTallies, type RankedItem, type RankingMethod, type RankingTally, rankTallies } from '../domain/ranking.ts';
import { groupRemarksByTheme } from '../domain/remark-themes.ts';
import { effectiveStatus, type SurveyStatus } from '../domain/survey-status.ts';
import { groupTexts, normaliseText, type TextGroup } from '../domain/text-normalise.ts';
import { type Change, changes, currentTheme } from '../domain/trend.ts';
import { type WrittenBlock, writtenBlocks } from '../domain/written-text.ts';
import { resultsMessages } from '../i18n/results/index.ts';
import { type ThemeCounterRow, themeHistoryFromCounters } from '../results/counters.ts';
import {
  aggregatesInBatch,
  PACKED,
  PAIRING,
  type PairingRow,
  PROPOSAL_DECISIONS,
  PROPOSAL_DISMISSALS,
  SERIES_RANKING_COLUMNS,
  SERIES_RESPONDENTS,
  SERIES_SESSIONS,
  SERIES_SURVEYS,
  SERIES_THEMES,
  type SeriesSurveyRow,
  type SessionContextRow,
  type SessionRow,
  type SurveyCountRow,
  sessionContextSql,
  sessionSurveySql,
  THEME_TALLIES_EXACT,
  type ThemeRow,
  type ThemeTallyRow,
  unpack,
  withExpressions,
} from '../results/results.queries.ts';
import { type Participation, participation, type QuestionResult, questionResult } from '../results/results.ts';
import { type BriefTextRow, LATEST_BRIEF_TEXTS } from './brief-texts.queries.ts';

export interface SourceSurvey {
  survey_id: number;
  session_number: number;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: boolean;
  respondents: number;
  /** This survey's minimum group size (never below 3 when anonymous). */
  min_group_size: number;
  /** Fewer respondents than the minimum group size: only participation is used. */
  withheld: boolean;
  /** How this survey's figures were computed (null when none of its answers is read). */
  disclosure: DisclosureRecord | null;
}

export interface PriorityItem extends Omit<RankedItem, 'id'> {
  theme_id: number;
  change: Change;
  /** Place and score in the priorities for each earlier session where the theme was offered. */
  history: { session: number; place: number; borda: number; mean_borda: number; n: number }[];
}

export interface PriorityRound {
  /** The session these priorities prepare. */
  session: number;
  surveys: { survey_id: number; session_number: number; kind: 'pre' | 'post'; ballots: number }[];
  /** Rankings (ballots) counted. */
  n: number;
  /** How much these ballots agree (src/domain/agreement.ts); from the counters only. */
  agreement: Agreement;
}

export interface Pairing {
  pre_survey_id: number;
  post_survey_id: number;
  question_id: string;
  threshold: number;
  max: number;
  method: string;
  total: { paired: number | null; useful: number | null; suppressed: boolean };
  items: { option_id: string; label: string; paired: number | null; useful: number | null; suppressed: boolean }[];
}

/** The minutes' sections, in their order (issue 17): each brief format follows it. */
export const MINUTES_SECTIONS = ['expectations', 'findings', 'needs', 'actions', 'save_the_date'] as const;
export type MinutesSection = (typeof MINUTES_SECTIONS)[number];

/** The coordinator's words in one section (the newest version), marked as written, not measured. */
export interface WrittenSection {
  section: MinutesSection;
  origin: 'written';
  text: string;
  blocks: WrittenBlock[];
  language: Language;
  version: number;
  updated_at: string;
}

/** What became of a collective action of the series, as the coordinator set it. */
export interface ActionFollowUp {
  id: number;
  option_id: string;
  label: string;
  status: ActionStatus;
  note: string | null;
  /** The session whose post-survey proposed it first. */
  since_session: number | null;
  /** How many ticked it in the post-survey of this brief's session (the gate's figure; null: not asked or withheld). */
  volunteers: number | null;
}

export interface Brief {
  /** The outline of the minutes: which section holds figures (false: it says there are none), and the coordinator's words. */
  sections: { id: MinutesSection; filled: boolean; written: boolean }[];
  /** The coordinator's words, section by section (written), shown above the figures (measured). */
  written: WrittenSection[];
  series: { id: number; title: string; bassin: string | null; language: Language };
  language: Language;
  min_group_size: number;
  /** Session N, whose post-survey the brief reads. */
  session: { id: number; number: number; starts_at: string };
  /** Session N+1, which the brief prepares. */
  for_session: { number: number; id: number | null; starts_at: string | null; ends_at: string | null; place: string | null };
  sources: SourceSurvey[];
  participation: (Participation & { survey_id: number })[];
  expectations: { survey_id: number; question: QuestionResult } | null;
  appreciation: { survey_id: number; questions: QuestionResult[] } | null;
  /** null when a survey is missing; `anonymous` when either survey is anonymous (never paired). */
  pairing: Pairing | 'anonymous' | null;
  priorities: {
    method: RankingMethod;
    change_method: string;
    rounds: PriorityRound[];
    current: PriorityRound;
    items: PriorityItem[];
  };
  actions: { survey_id: number; question: QuestionResult } | null;
  /** The series' actions proposed up to this session and their status, set by the coordinator. */
  action_follow_up: ActionFollowUp[];
  /**
   * Only what a coordinator moderated reaches the shared brief: proposals accepted into the
   * catalogue, under the theme's label, and how many still wait (never their text).
   */
  proposed_themes: {
    survey_ids: number[];
    n: number;
    method: string;
    accepted: { theme_id: number; label: string; count: number }[];
    pending: number;
  };
  remarks: {
    survey_ids: number[];
    n: number;
    withheld: boolean;
    method: string;
    texts: TextGroup[];
    /** The same texts under the theme each names (src/domain/remark-themes.ts); theme_id null: none. */
    by_theme: { theme_id: number | null; label: string | null; texts: TextGroup[] }[];
    by_theme_method: string;
  };
}

/** Each merged theme → the theme it was merged into (src/domain/trend.ts follows the chain). */
const mergedThemes = (themes: ThemeRow[]) => new Map(themes.flatMap((t) => (t.merged_into_id ? [[t.id, t.merged_into_id] as const] : [])));

/** The questions a brief reads, found by the templates' ids first, then by kind. */
function find(def: Definition, id: string, type: Question['type']): Question | undefined {
  return (
    def.questions.find((q) => q.id === id && q.type === type) ??
    def.questions.find((q) => q.type === type && !('profile' in q && q.profile))
  );
}
const themeRanking = (def: Definition) =>
  def.questions.find((q) => q.type === 'ranking' && (q.source === 'themes' || q.options.some((o) => o.theme_id !== undefined)));
const texts = (def: Definition, role: 'remark' | 'theme_proposal') => def.questions.filter((q) => q.type === 'text' && q.role === role);

/**
 * The statements of the pairing for the templates' questions (the pre-survey's `expectations`,
 * the post-survey's `usefulness`, useful from its maximum − 1), the surveys named through session
 * ?1: read in the brief's one batch, before JavaScript has picked the questions. When it picks
 * others (a survey with its own questions), PAIRING is read again with them.
 */
const PAIRING_OF_TEMPLATES = withExpressions(PAIRING, {
  1: sessionSurveySql(0, 'pre'),
  2: "'expectations'",
  3: sessionSurveySql(0, 'post'),
  4: "'usefulness'",
  5: `((SELECT q.value ->> 'max' FROM surveys su CROSS JOIN json_each(su.definition, '$.questions') q
         WHERE su.id = ${sessionSurveySql(0, 'post')} AND q.value ->> 'id' = 'usefulness') - 1)`,
});

export async function loadBrief(db: D1Database, scope: OrganisationScope, sessionId: number, lang?: Language): Promise<Brief | null> {
  // ONE D1 call: the API key's check when the caller came with one (src/coordinators/key-scope.ts:
  // 401 before anything else is read), the session (scoped to the organisation), everything the
  // brief reads of its series, each statement naming the series through the session, and the
  // figures of the surveys it shows — the post-survey of N and the pre-surveys of N+1 and N, each
  // named through the session too (sessionSurveySql) — with the theme history's counters and the
  // pairing (results.queries.ts). Which of them the brief uses is decided below, from the rows.
  const at = (survey: string) => (sql: string) => scope.prepare(db, withExpressions(sql, { 1: survey }), sessionId);
  const surveyReads = {
    post: aggregatesInBatch(at(sessionSurveySql(0, 'post')), true),
    nextPre: aggregatesInBatch(at(sessionSurveySql(1, 'pre')), true),
    pre: aggregatesInBatch(at(sessionSurveySql(0, 'pre')), false),
  };
  const [
    ctxResult,
    sessionsResult,
    surveysResult,
    themesResult,
    decisionsResult,
    dismissedResult,
    actionsResult,
    writtenResult,
    respondentsResult,
    rankingResult,
    pairingResult,
    ...surveyResults
  ] = scope.verified(
    await db.batch([
      ...scope.statements(db),
      db.prepare(sessionContextSql(scope.sql(2))).bind(sessionId, scope.param),
      scope.prepare(db, SERIES_SESSIONS, sessionId),
      scope.prepare(db, SERIES_SURVEYS, sessionId),
      scope.prepare(db, SERIES_THEMES, sessionId),
      scope.prepare(db, PROPOSAL_DECISIONS, sessionId),
      scope.prepare(db, PROPOSAL_DISMISSALS, sessionId),
      scope.prepare(db, SESSION_SERIES_ACTIONS, sessionId),
      scope.prepare(db, LATEST_BRIEF_TEXTS, sessionId),
      scope.prepare(db, SERIES_RESPONDENTS, sessionId),
      scope.prepare(db, PACKED.SERIES_RANKING_ROWS, sessionId),
      scope.prepare(db, PAIRING_OF_TEMPLATES, sessionId),
      ...surveyReads.post.statements,
      ...surveyReads.nextPre.statements,
      ...surveyReads.pre.statements,
    ]),
  );
  // Another organisation's session: nothing read in the batch leaves. The calls below, when
  // there are any, read only the surveys this row's series holds, so the key checked covers them.
  const ctx = (ctxResult?.results?.[0] ?? null) as SessionContextRow | null;
  if (!ctx) return null;
  const language = lang ?? ctx.language;
  const t = resultsMessages(language);
  const labels = { notStated: t.notStated, otherGroups: t.otherGroups };
  const dismissed = new Set(((dismissedResult?.results ?? []) as { proposal_key: string }[]).map((d) => d.proposal_key));
  const seriesActions = (actionsResult?.results ?? []) as SeriesActionRow[];
  const written = ((writtenResult?.results ?? []) as BriefTextRow[])
    .filter((w) => w.text !== '')
    .sort((a, b) => MINUTES_SECTIONS.indexOf(a.section) - MINUTES_SECTIONS.indexOf(b.section))
    .map(
      (w): WrittenSection => ({
        section: w.section,
        origin: 'written',
        text: w.text,
        blocks: writtenBlocks(w.text),
        language: w.language,
        version: w.version,
        updated_at: w.created_at,
      }),
    );
  const decisions = new Map(
    ((decisionsResult?.results ?? []) as { proposal_key: string; theme_id: number }[]).map((d) => [d.proposal_key, d.theme_id]),
  );
  const sessions = (sessionsResult?.results ?? []) as SessionRow[];
  const surveys = ((surveysResult?.results ?? []) as SeriesSurveyRow[]).filter((s) => s.status !== 'draft');
  const themes = (themesResult?.results ?? []) as ThemeRow[];
  const defs = new Map(surveys.map((s) => [s.id, JSON.parse(s.definition) as Definition]));
  const surveyOf = (session: number, kind: 'pre' | 'post') => surveys.find((s) => s.session_number === session && s.kind === kind);
  // Respondents of the surveys read (drafts are not), for the minimum-group-size rule.
  const respondents = new Map(
    ((respondentsResult?.results ?? []) as SurveyCountRow[]).filter((r) => defs.has(r.survey_id)).map((r) => [r.survey_id, r.n]),
  );

  const N = ctx.number;
  const post = surveyOf(N, 'post');
  const nextPre = surveyOf(N + 1, 'pre');
  const pre = surveyOf(N, 'pre');
  const next = sessions.find((s) => s.number === N + 1);

  // Every theme-ranking question of the series, for the history.
  const rankingList = surveys.flatMap((s) => {
    const q = themeRanking(defs.get(s.id) ?? { questions: [] });
    return q?.type === 'ranking' ? [{ s: s.id, q: q.id, k: q.max_ranked }] : [];
  });

  const usefulnessQ = post ? find(defs.get(post.id) ?? { questions: [] }, 'usefulness', 'rating') : undefined;
  const expectationsPreQ = pre ? find(defs.get(pre.id) ?? { questions: [] }, 'expectations', 'multiple') : undefined;
  const canPair = !!(pre && post && usefulnessQ?.type === 'rating' && expectationsPreQ);
  const named = canPair && pre?.anonymous === 0 && post?.anonymous === 0;
  const threshold = usefulnessQ?.type === 'rating' ? usefulnessQ.max - 1 : 0;
  const minOf = (s: SeriesSurveyRow) => effectiveMinimum(ctx.min_group_size, s.anonymous === 1);
  const usable = (s: SeriesSurveyRow | undefined) => !!s && !withheld(respondents.get(s.id) ?? 0, minOf(s));
  // Expectations for N+1 once its pre-survey has enough answers; until then, those stated before N.
  const expectationsSurvey = [nextPre, pre].find((s) => usable(s));

  // Every survey the brief reads goes through the gate before anything is shaped (the pre-survey
  // of N only when its expectations are the ones shown).
  let taken = 0;
  const gated = (s: SeriesSurveyRow | undefined, read: (typeof surveyReads)['post'], used = true): Disclosed<GatedSurvey> | null => {
    const results = surveyResults.slice(taken, taken + read.statements.length);
    taken += read.statements.length;
    if (!s || !used) return null;
    const def = defs.get(s.id) ?? { questions: [] };
    return gateSurvey(read.read(results, def), def, minOf(s));
  };
  const postAgg = gated(post, surveyReads.post);
  const nextPreAgg = gated(nextPre, surveyReads.nextPre);
  const earlierAgg = gated(pre, surveyReads.pre, !!expectationsSurvey && expectationsSurvey !== nextPre);
  // The pairing read in the batch is the templates' questions'; other questions are read now.
  let pairingRows = (pairingResult?.results ?? []) as PairingRow[];
  if (
    named &&
    pre &&
    post &&
    usefulnessQ &&
    expectationsPreQ &&
    (expectationsPreQ.id !== 'expectations' || usefulnessQ.id !== 'usefulness')
  ) {
    const args = [pre.id, expectationsPreQ.id, post.id, usefulnessQ.id, threshold] as const;
    pairingRows =
      (
        await db
          .prepare(PAIRING)
          .bind(...args)
          .all<PairingRow>()
      ).results ?? [];
  }
  const themeKeys = new Set(rankingList.map((r) => `${r.s}:${r.q}`));
  const themeRows = unpack<ThemeCounterRow & { question_id: string }>(rankingResult, SERIES_RANKING_COLUMNS).filter((r) =>
    themeKeys.has(`${r.survey_id}:${r.question_id}`),
  );
  const fromCounters = themeHistoryFromCounters(themeRows, rankingList, themes);
  // Only a survey whose answers hold two themes merged into one is counted per respondent.
  const exactList = rankingList.filter((r) => fromCounters.exact.includes(r.s));
  const exactTallies = exactList.length
    ? ((await db.prepare(THEME_TALLIES_EXACT).bind(JSON.stringify(exactList)).all<ThemeTallyRow>()).results ?? [])
    : [];
  const themeHistory = gateThemeHistory(
    surveys,
    respondents,
    new Map(fromCounters.ballots.map((r) => [r.survey_id, r.n])),
    [...fromCounters.tallies, ...exactTallies],
    ctx.min_group_size,
    fromCounters.ranks,
  );
  const gates = new Map<number, Disclosed<GatedSurvey>>();
  if (post && postAgg) gates.set(post.id, postAgg);
  if (nextPre && nextPreAgg) gates.set(nextPre.id, nextPreAgg);

  const source = (s: SeriesSurveyRow): SourceSurvey => {
    const n = respondents.get(s.id) ?? 0;
    return {
      survey_id: s.id,
      session_number: s.session_number,
      kind: s.kind,
      status: effectiveStatus(s.status, s.closes_at),
      anonymous: s.anonymous === 1,
      respondents: n,
      min_group_size: minOf(s),
      withheld: withheld(n, minOf(s)),
      disclosure: gates.get(s.id)?.disclosure ?? null,
    };
  };

  const expectationsAgg = expectationsSurvey === nextPre ? nextPreAgg : earlierAgg;
  if (expectationsSurvey && expectationsAgg) gates.set(expectationsSurvey.id, expectationsAgg);

  const result = (agg: Disclosed<GatedSurvey>, q: Question) => questionResult(q, agg, language, labels);

  const expectationsQ = expectationsSurvey
    ? find(defs.get(expectationsSurvey.id) ?? { questions: [] }, 'expectations', 'multiple')
    : undefined;
  const postDef = post ? (defs.get(post.id) ?? { questions: [] }) : undefined;
  const actionsQ = postDef ? find(postDef, 'actions', 'multiple') : undefined;

  const textSources = [post, nextPre].filter((s): s is SeriesSurveyRow => usable(s));
  const aggOf = (s: SeriesSurveyRow) => (s === post ? postAgg : s === nextPre ? nextPreAgg : null);
  // Texts of a question written by fewer than its survey's minimum are withheld by the gate.
  const textCounts = (role: 'remark' | 'theme_proposal') => {
    let n = 0;
    let hidden = false;
    const counts: { text: string; count: number }[] = [];
    for (const s of textSources) {
      const agg = aggOf(s);
      if (!agg) continue;
      for (const q of texts(defs.get(s.id) ?? { questions: [] }, role)) {
        const written = agg.respondents.get(q.id) ?? 0;
        n += written;
        if (agg.withheldQuestions.has(q.id)) hidden ||= written > 0;
        counts.push(...agg.texts.filter((t) => t.question_id === q.id));
      }
    }
    return { n, counts, hidden };
  };
  const proposals = textCounts('theme_proposal');
  const remarks = textCounts('remark');
  const remarksWithheld = remarks.hidden;
  const remarkTexts: TextGroup[] = remarks.counts.map((c) => ({ text: c.text, count: c.count, variants: [c.text] }));
  const ranked = priorities(N, surveys, defs, themes, themeHistory, language);
  const min = Math.max(ctx.min_group_size, ...[pre, post, nextPre].flatMap((s) => (s ? [minOf(s)] : [])));
  const proposed = moderatedProposals(groupTexts(proposals.counts, language), decisions, dismissed, themes, language);
  const actionFigures = post && postAgg && actionsQ && usable(post) ? { survey_id: post.id, question: result(postAgg, actionsQ) } : null;

  const brief: Omit<Brief, 'sections'> = {
    written,
    series: { id: ctx.series_id, title: ctx.title, bassin: ctx.bassin, language: ctx.language },
    language,
    min_group_size: min,
    session: { id: ctx.id, number: N, starts_at: ctx.starts_at },
    for_session: {
      number: N + 1,
      id: next?.id ?? null,
      starts_at: next?.starts_at ?? null,
      ends_at: next?.ends_at ?? null,
      place: next?.place ?? null,
    },
    sources: [pre, post, nextPre].filter((s): s is SeriesSurveyRow => !!s).map(source),
    participation: [
      ...(post && postAgg ? [{ survey_id: post.id, ...participation(postAgg.participation, postAgg.timeline) }] : []),
      ...(nextPre && nextPreAgg ? [{ survey_id: nextPre.id, ...participation(nextPreAgg.participation, nextPreAgg.timeline) }] : []),
    ],
    expectations:
      expectationsSurvey && expectationsAgg && expectationsQ
        ? { survey_id: expectationsSurvey.id, question: result(expectationsAgg, expectationsQ) }
        : null,
    appreciation:
      post && postAgg && postDef && usable(post)
        ? { survey_id: post.id, questions: postDef.questions.filter((q) => q.type === 'rating').map((q) => result(postAgg, q)) }
        : null,
    pairing: !canPair
      ? null
      : !named
        ? 'anonymous'
        : pairing(
            gatePairing(
              pairingRows.find((r) => r.option_id === '') ?? { paired: 0, useful: 0 },
              pairingRows.filter((r) => r.option_id !== ''),
              min,
            ),
            { pre: pre as SeriesSurveyRow, post: post as SeriesSurveyRow },
            expectationsPreQ as ChoiceQuestion,
            threshold,
            usefulnessQ?.type === 'rating' ? usefulnessQ.max : 0,
            language,
            min,
          ),
    priorities: ranked,
    actions: actionFigures,
    action_follow_up: followUp(seriesActions, N, actionFigures?.question ?? null, actionsQ?.id === ACTIONS_QUESTION, language),
    proposed_themes: {
      survey_ids: textSources.map((s) => s.id),
      n: proposals.n,
      method: `proposals equal after ignoring case, accents, spacing and final punctuation are counted together; n = respondents who proposed one; a question's proposals are counted only when at least ${min} respondents answered it; only proposals a coordinator accepted into the catalogue are named (by the theme's label), the others are counted as pending`,
      ...proposed,
    },
    remarks: {
      survey_ids: textSources.map((s) => s.id),
      n: remarks.n,
      withheld: remarksWithheld,
      method: `a question's remarks are withheld when fewer than ${min} respondents wrote one; listed in alphabetical order, never linked to who wrote them`,
      texts: remarkTexts,
      by_theme: remarksByTheme(remarkTexts, themes, ranked.items, language),
      by_theme_method:
        'a remark is listed under the theme whose words it uses (any label, accents, case and plurals ignored; at least two of its significant words, or its acronym), the theme it names most if several; read from the text alone',
    },
  };
  return { sections: outline(brief), ...brief };
}

function outline(b: Omit<Brief, 'sections'>): Brief['sections'] {
  const written = new Set(b.written.map((w) => w.section));
  const filled: Record<MinutesSection, boolean> = {
    expectations: b.expectations !== null,
    findings: b.appreciation !== null || (b.pairing !== null && b.pairing !== 'anonymous'),
    needs:
      b.priorities.current.n > 0 || b.remarks.texts.length > 0 || b.proposed_themes.accepted.length > 0 || b.proposed_themes.pending > 0,
    actions: b.actions !== null || b.action_follow_up.length > 0,
    save_the_date: b.for_session.starts_at !== null,
  };
  return MINUTES_SECTIONS.map((id) => ({ id, filled: filled[id], written: written.has(id) }));
}

/**
 * The series' actions proposed up to session N, with the status the coordinator set; how many
 * ticked each in N's post-survey comes from the gated result only (null when withheld).
 */
function followUp(
  rows: SeriesActionRow[],
  N: number,
  question: QuestionResult | null,
  sameQuestion: boolean,
  language: Language,
): ActionFollowUp[] {
  const counts =
    sameQuestion && question && !question.withheld && (question.type === 'single' || question.type === 'multiple')
      ? new Map(question.options.map((o) => [o.id, o.count]))
      : new Map<string, number>();
  // An action of this session's post-survey nobody decided on yet is already in the list above.
  return rows
    .filter((r) => r.since_session !== null && r.since_session <= N && (r.since_session < N || r.status !== 'proposed'))
    .map((r) => ({
      id: r.id,
      option_id: r.option_id,
      label: localize(actionLabel(r), language),
      status: r.status,
      note: r.note,
      since_session: r.since_session,
      volunteers: counts.get(r.option_id) ?? null,
    }));
}

/** Proposals under the theme a coordinator accepted them as (same normalised key as the workspace). */
function moderatedProposals(
  groups: TextGroup[],
  decisions: ReadonlyMap<string, number>,
  dismissed: ReadonlySet<string>,
  themes: ThemeRow[],
  language: Language,
): Pick<Brief['proposed_themes'], 'accepted' | 'pending'> {
  const mergedInto = mergedThemes(themes);
  const labels = new Map(themes.map((t) => [t.id, localize(themeLabel(t), language)]));
  const accepted = new Map<number, number>();
  let pending = 0;
  for (const g of groups) {
    const key = normaliseText(g.text);
    const decided = decisions.get(key);
    // A dismissed proposal is neither a theme nor waiting: the brief leaves it out.
    if (decided === undefined && dismissed.has(key)) continue;
    if (decided === undefined) pending += 1;
    else {
      const id = currentTheme(decided, mergedInto);
      accepted.set(id, (accepted.get(id) ?? 0) + g.count);
    }
  }
  return {
    accepted: [...accepted].map(([theme_id, count]) => ({ theme_id, label: labels.get(theme_id) ?? String(theme_id), count })),
    pending,
  };
}

/** Remarks under the themes they name: the current priorities' order first, then the catalogue's. */
function remarksByTheme(texts: TextGroup[], themes: ThemeRow[], ranked: PriorityItem[], language: Language): Brief['remarks']['by_theme'] {
  const mergedInto = mergedThemes(themes);
  const place = new Map(ranked.map((item, i) => [item.theme_id, i]));
  const catalogue = themes
    .map((t) => ({ id: currentTheme(t.id, mergedInto), label: themeLabel(t) }))
    .sort((a, b) => (place.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (place.get(b.id) ?? Number.MAX_SAFE_INTEGER));
  const labels = new Map(themes.map((t) => [t.id, localize(themeLabel(t), language)]));
  return groupRemarksByTheme(texts, catalogue).map((g) => ({
    theme_id: g.theme_id,
    label: g.theme_id === null ? null : (labels.get(g.theme_id) ?? null),
    texts: g.texts,
  }));
}

function pairing(
  gated: Disclosed<GatedPairing>,
  surveys: { pre: SeriesSurveyRow; post: SeriesSurveyRow },
  question: ChoiceQuestion,
  threshold: number,
  max: number,
  language: Language,
  min: number,
): Pairing {
  const items = new Map(gated.items.map((i) => [i.option_id, i]));
  return {
    pre_survey_id: surveys.pre.id,
    post_survey_id: surveys.post.id,
    question_id: question.id,
    threshold,
    max,
    method: `respondents of both surveys matched by the e-mail of their invitations; useful = rating ≥ ${threshold} of ${max}; a figure is hidden when it, or paired − useful, counts fewer than ${min} people`,
    total: gated.total,
    items: question.options.map((o) => {
      const r = items.get(o.id) ?? { paired: 0, useful: 0, suppressed: false };
      return { option_id: o.id, label: localize(o.label, language), paired: r.paired, useful: r.useful, suppressed: r.suppressed };
    }),
  };
}

function priorities(
  N: number,
  surveys: SeriesSurveyRow[],
  defs: Map<number, Definition>,
  themes: ThemeRow[],
  history: Disclosed<{
    surveys: Set<number>;
    ballots: Map<number, number>;
    tallies: ThemeTallyRow[];
    perRank: { survey_id: number; rank: number; n: number }[];
  }>,
  language: Language,
): Brief['priorities'] {
  const { tallies, ballots, perRank } = history;
  const usable = (s: SeriesSurveyRow) => history.surveys.has(s.id);
  const mergedInto = mergedThemes(themes);
  const labels = new Map(themes.map((t) => [t.id, localize(themeLabel(t), language)]));
  const ranked = new Map<number, { round: PriorityRound; items: RankedItem[]; method: RankingMethod }>();
  let k = 0;
  // Priorities for session M: the post-survey of M − 1 and the pre-survey of M.
  for (let M = 1; M <= N + 1; M++) {
    const round = surveys.filter(
      (s) => ((s.session_number === M - 1 && s.kind === 'post') || (s.session_number === M && s.kind === 'pre')) && usable(s),
    );
    const offered = new Set<number>();
    const perSurvey: RankingTally[][] = [];
    const positions: number[] = [];
    let roundK = 0;
    let n = 0;
    for (const s of round) {
      const q = defs.get(s.id)?.questions.find((x) => x.type === 'ranking' && x.options.some((o) => o.theme_id !== undefined));
      if (q?.type !== 'ranking') continue;
      k = Math.max(k, q.max_ranked);
      roundK = Math.max(roundK, q.max_ranked);
      for (const r of perRank) if (r.survey_id === s.id) positions[r.rank - 1] = (positions[r.rank - 1] ?? 0) + r.n;
      for (const o of q.options) if (o.theme_id) offered.add(currentTheme(o.theme_id, mergedInto));
      n += ballots.get(s.id) ?? 0;
      perSurvey.push(
        tallies
          .filter((t) => t.survey_id === s.id)
          .map((t) => ({
            id: String(t.theme_id),
            label: labels.get(t.theme_id) ?? String(t.theme_id),
            borda: t.borda,
            ranked: t.ranked,
            first: t.first,
            positionSum: t.position_sum,
          })),
      );
    }
    if (n === 0 && M !== N + 1) continue;
    const zero = [...offered].map((id) => ({
      id: String(id),
      label: labels.get(id) ?? String(id),
      borda: 0,
      ranked: 0,
      first: 0,
      positionSum: 0,
    }));
    const ranking = rankTallies(addTallies([zero, ...perSurvey]), k, n, language);
    const sources = round.map((s) => ({
      survey_id: s.id,
      session_number: s.session_number,
      kind: s.kind,
      ballots: ballots.get(s.id) ?? 0,
    }));
    const agreed = agreement(
      ranking.items.map((i) => ({ id: i.id, borda: i.borda, ranked: i.ranked, first: i.first })),
      n,
      roundK || k,
      positions,
    );
    ranked.set(M, { round: { session: M, surveys: sources, n, agreement: agreed }, items: ranking.items, method: ranking.method });
  }
  const current = ranked.get(N + 1) ?? {
    round: { session: N + 1, surveys: [], n: 0, agreement: agreement([], 0, k, []) },
    items: [],
    method: rankTallies([], k, 0).method,
  };
  const earlier = [...ranked.values()].filter((r) => r.round.session <= N);
  const moves = changes(
    [...earlier, current].map((r) => ({
      session: r.round.session,
      places: new Map(r.items.map((i) => [Number(i.id), i.place])),
      ranked: new Set(r.items.filter((i) => i.ranked > 0).map((i) => Number(i.id))),
    })),
  );
  const previous = earlier.at(-1)?.round.session;
  return {
    method: current.method,
    change_method:
      previous === undefined
        ? 'no earlier priorities: a theme ranked now is new, one nobody ranked has no trend'
        : `place compared with the priorities for #${previous}: up = higher place (or ranked again after a round where nobody ranked it), down = lower place (or nobody ranked it now), steady = same place, new = ranked for the first time in the series, none = nobody ranked it now nor then (nothing to compare); merged themes count for the theme that absorbed them (a respondent who ranked both keeps their best position)`,
    rounds: earlier.map((r) => r.round),
    current: current.round,
    items: current.items.map(({ id, ...item }) => {
      const themeId = Number(id);
      return {
        ...item,
        theme_id: themeId,
        change: moves.get(themeId) ?? 'none',
        history: earlier.flatMap((r) => {
          const h = r.items.find((i) => i.id === id);
          return h ? [{ session: r.round.session, place: h.place, borda: h.borda, mean_borda: h.mean_borda, n: r.round.n }] : [];
        }),
      };
    }),
  };
}
