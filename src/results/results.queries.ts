/**
 * SQL of results and briefs. Per-option aggregates and identical texts read the counters of
 * migrations/0008_tallies.sql, 0009_text_tallies.sql and 0022 (kept by triggers on answers), so
 * their cost does not grow with responses: each counter table is read once per survey (its rows
 * summed in src/results/counters.ts), texts at most TEXT_LIMIT a question, the pairing from its
 * own counters; only theme merges that join two answered themes read indexed answers. Lists travel
 * as one JSON parameter read with json_each, so no statement nears D1's 100-parameter limit.
 * The statements are exported so test/query-plans.test.ts checks the real text with
 * EXPLAIN QUERY PLAN.
 */
import type { OrganisationScope } from '../coordinators/key-scope.ts';
import { type Definition, profileQuestion } from '../domain/definition.ts';
import type { RawAggregates } from '../domain/disclosure.ts';
import type { Language } from '../domain/language.ts';
import { HIDDEN_TEXTS, type HiddenTextRow, hiddenSet, isHidden } from '../moderation/moderation.queries.ts';
import {
  aggregatesFromCounters,
  binary,
  type CounterRow,
  type QuestionCounterRow,
  type ThemeCounterRow,
  textsInOrder,
} from './counters.ts';
import { rankingQuestions } from './results.ts';

/**
 * The survey ?1, its session and series, scoped to the caller's organisation: `organisation` is
 * its id in SQL, ?2 (an OrganisationScope's, src/coordinators/key-scope.ts: the id itself, or
 * the organisation of the API key whose hash is ?2).
 */
export const surveyContextSql = (organisation: string) => `
  SELECT su.id, su.session_id, su.kind, su.status, su.anonymous, su.closes_at, su.definition, su.opened_at, su.closed_at,
         se.number AS session_number, se.starts_at, s.id AS series_id, s.title, s.language, s.min_group_size
    FROM surveys su
    JOIN sessions se ON se.id = su.session_id
    JOIN series s ON s.id = se.series_id
   WHERE su.id = ?1 AND s.organisation_id = ${organisation}`;
export const SURVEY_CONTEXT = surveyContextSql('?2');

/**
 * Invited, opened and answered count invitations; responses are counted apart (an anonymous
 * survey's responses name no invitation). Participation and the timeline read the counters of
 * migrations/0015_survey_tallies.sql, one row per survey and one per day, kept by triggers on
 * invitations and responses: their cost does not grow with responses. An aggregate without
 * GROUP BY, so a survey never counted yet still gives its one row of zeros.
 */
export const PARTICIPATION = `
  SELECT coalesce(sum(invited), 0) AS invited, coalesce(sum(opened), 0) AS opened,
         coalesce(sum(answered), 0) AS answered, coalesce(sum(responses), 0) AS responses
    FROM survey_tallies WHERE survey_id = ?1`;

/**
 * First submissions per day (anonymous responses keep only the day anyway). No ORDER BY: packed,
 * the statement would be read as a subquery apart; readAggregates puts the days in order.
 */
export const TIMELINE = `
  SELECT day, n AS count
    FROM response_days WHERE survey_id = ?1`;

/**
 * Every counter row of a survey, read once: answer_tallies with the profile groups when a
 * breakdown is wanted, answer_totals (the same without groups, a fraction of the rows) when not;
 * question_tallies always (denominators, breakdown groups and profile groups come from it).
 * src/results/counters.ts sums them into what the statements below gave one by one.
 */
export const ANSWER_COUNTERS = `
  SELECT question_id, grp, option_id, theme_id, rank, number, n
    FROM answer_tallies WHERE survey_id = ?1`;
export const ANSWER_TOTALS = `
  SELECT question_id, '' AS grp, option_id, theme_id, rank, number, n
    FROM answer_totals WHERE survey_id = ?1`;
export const QUESTION_COUNTERS = `
  SELECT question_id, grp, n
    FROM question_tallies WHERE survey_id = ?1`;

/**
 * Text groups shown a question, most frequent first (ties by text): a survey with thousands of
 * distinct remarks shows the TEXT_LIMIT most frequent (the coordinator's CSV of that question,
 * `?question=&format=csv`, lists them all). Served by text_tallies_by_count (0022) in its order,
 * so it reads at most ?3 rows. Shown by text, as before (src/results/counters.ts).
 */
export const TEXT_LIMIT = 50;
export const TOP_TEXTS = `
  SELECT question_id, text, n AS count
    FROM text_tallies WHERE survey_id = ?1 AND question_id = ?2
   ORDER BY n DESC, text
   LIMIT ?3`;

/**
 * The texts of every text question in survey ?1's definition, at most ?2 groups each (-1: all),
 * only question ?3 when it is given: read in the same batch as the survey itself, before
 * JavaScript has its definition (src/results/results.routes.tsx, one D1 call). One row per
 * question, its groups as JSON [[text, n], …]: the rows TOP_TEXTS gives, through the same index
 * in the same order, so at most ?2 rows read a question. CROSS JOIN keeps the definition's
 * questions outside, so text_tallies is searched by (survey, question), never scanned.
 */
export const DEFINITION_TEXTS = `
  SELECT q.value ->> 'id' AS question_id,
         (SELECT json_group_array(json_array(top.text, top.n))
            FROM (SELECT text, n FROM text_tallies
                   WHERE survey_id = ?1 AND question_id = q.value ->> 'id'
                   ORDER BY n DESC, text
                   LIMIT ?2) top) AS groups
    FROM surveys su CROSS JOIN json_each(su.definition, '$.questions') q
   WHERE su.id = ?1 AND q.value ->> 'type' = 'text' AND (?3 IS NULL OR q.value ->> 'id' = ?3)`;

/**
 * The statements below, one per figure, are what results read before 0022 (each scanned the
 * survey's counter rows again): kept as the reference src/results/counters.ts must equal
 * (test/counters.test.ts, test/tallies.test.ts).
 *
 * Respondents per question: the denominators of shares and mean Borda scores. Like every
 * per-option aggregate below, it reads the counters that migrations/0008_tallies.sql keeps
 * beside the answers (a few rows per option and profile group), not the answers themselves.
 */
export const QUESTION_RESPONDENTS = `
  SELECT question_id, sum(n) AS n
    FROM question_tallies WHERE survey_id = ?1
   GROUP BY question_id`;

/** Chosen options of single and multiple questions (rank 0: not a ranking). */
export const OPTION_COUNTS = `
  SELECT question_id, option_id, sum(n) AS count
    FROM answer_tallies WHERE survey_id = ?1 AND option_id <> '' AND rank = 0
   GROUP BY question_id, option_id`;

/**
 * Borda tallies; ?2 is the JSON list [{"q": question id, "k": K}] of the ranking questions.
 * A counter row holds n respondents who put the option at the same rank, so each of the
 * per-answer sums becomes n × the answer's term.
 */
export const RANKING_TALLIES = `
  SELECT t.question_id, t.option_id,
         sum(t.n * ((q.value ->> 'k') + 1 - t.rank)) AS borda, sum(t.n) AS ranked,
         sum(CASE WHEN t.rank = 1 THEN t.n ELSE 0 END) AS first, sum(t.n * t.rank) AS position_sum
    FROM json_each(?2) q
    JOIN answer_tallies t ON t.survey_id = ?1 AND t.question_id = q.value ->> 'q' AND t.rank > 0
   GROUP BY t.question_id, t.option_id`;

export const RATING_COUNTS = `
  SELECT question_id, number AS value, sum(n) AS count
    FROM answer_tallies WHERE survey_id = ?1 AND number >= 0
   GROUP BY question_id, number`;

/**
 * Identical texts counted together (text_tallies, kept by triggers on answers), ordered by
 * text so the order says nothing about who wrote first.
 */
export const TEXT_COUNTS = `
  SELECT question_id, text, n AS count
    FROM text_tallies WHERE survey_id = ?1
   ORDER BY question_id, text`;

/**
 * Every non-text answer per stored profile group (?2 = the profile question, left out):
 * counts, rating values and Borda points. The group is the respondent's exact answer to the
 * profile question ('a,b' for several choices, '' → NULL for not stated); the disclosure gate
 * recodes groups, so they stay disjoint here. ?3 is the ranking questions' JSON list as in
 * RANKING_TALLIES.
 */
export const BREAKDOWN_CELLS = `
  SELECT t.question_id, nullif(t.option_id, '') AS option_id, nullif(t.number, -1) AS value, nullif(t.grp, '') AS grp,
         sum(t.n) AS count, sum(t.n * ((k.value ->> 'k') + 1 - t.rank)) AS borda
    FROM answer_tallies t
    LEFT JOIN json_each(?3) k ON k.value ->> 'q' = t.question_id
   WHERE t.survey_id = ?1 AND t.question_id <> ?2
   GROUP BY t.question_id, t.option_id, t.number, t.grp`;

/** Respondents per question and stored profile group. */
export const BREAKDOWN_GROUPS = `
  SELECT t.question_id, nullif(t.grp, '') AS grp, sum(t.n) AS n
    FROM question_tallies t
   WHERE t.survey_id = ?1 AND t.question_id <> ?2
   GROUP BY t.question_id, t.grp`;

/** Respondents of the profile question (?2) per stored group: the sizes the gate recodes. */
export const PROFILE_GROUPS = `
  SELECT nullif(grp, '') AS grp, sum(n) AS n
    FROM question_tallies WHERE survey_id = ?1 AND question_id = ?2
   GROUP BY grp`;

/** The session ?1 of a brief and its series, scoped to the organisation (?2, as in surveyContextSql). */
export const sessionContextSql = (organisation: string) => `
  SELECT se.id, se.number, se.starts_at, se.place, s.id AS series_id, s.title, s.bassin, s.language, s.min_group_size
    FROM sessions se JOIN series s ON s.id = se.series_id
   WHERE se.id = ?1 AND s.organisation_id = ${organisation}`;

/**
 * The series of the brief's session ?1. A brief reads its session (sessionContextSql) and what it
 * needs of the series in one batch, before JavaScript knows the series: the statements below
 * name it by this subquery (the session's primary key, read once). When sessionContextSql finds
 * no session of the caller's organisation, src/brief/brief.ts returns nothing of the others.
 */
const SESSION_SERIES = '(SELECT series_id FROM sessions WHERE id = ?1)';

/**
 * The survey of `kind` in session ?1 (offset 0) or the one after it (offset 1), of the same
 * series, as a scalar subquery: NULL when there is none or it is a draft (a brief reads no draft).
 * A brief reads every figure of its surveys in the batch that reads the session, before JavaScript
 * knows their ids: their statements name them by this subquery (one survey per session and kind).
 */
export const sessionSurveySql = (offset: 0 | 1, kind: 'pre' | 'post') => `(
    SELECT su.id FROM sessions me
      JOIN sessions se ON se.series_id = me.series_id AND se.number = me.number + ${offset}
      JOIN surveys su ON su.session_id = se.id AND su.kind = '${kind}' AND su.status <> 'draft'
     WHERE me.id = ?1)`;

/**
 * `sql` with some of its parameters ?n replaced by SQL expressions, in one pass (an expression
 * put in is not read again, so it may itself name ?1). Only the code's own expressions and
 * constants go in, never a value a client sent.
 */
export const withExpressions = (sql: string, expressions: Record<number, string>) =>
  sql.replace(/\?(\d+)/g, (parameter, n: string) => expressions[Number(n)] ?? parameter);

export const SERIES_SESSIONS = `
  SELECT id, number, starts_at, ends_at, place FROM sessions WHERE series_id = ${SESSION_SERIES} ORDER BY number`;

export const SERIES_SURVEYS = `
  SELECT su.id, su.session_id, se.number AS session_number, su.kind, su.status, su.anonymous, su.closes_at, su.definition
    FROM sessions se JOIN surveys su ON su.session_id = se.id
   WHERE se.series_id = ${SESSION_SERIES}
   ORDER BY se.number, su.kind DESC`;

export const SERIES_THEMES = `
  SELECT id, label_fr, label_nl, label_en, status, merged_into_id FROM themes WHERE series_id = ${SESSION_SERIES} ORDER BY id`;

/** Respondents per survey of the series, from the counters (survey_tallies), as SURVEY_RESPONDENTS gives them. */
export const SERIES_RESPONDENTS = `
  SELECT t.survey_id, t.responses AS n
    FROM sessions se
    JOIN surveys su ON su.session_id = se.id
    JOIN survey_tallies t ON t.survey_id = su.id
   WHERE se.series_id = ${SESSION_SERIES} AND t.responses > 0`;

/**
 * Theme history of a series. ?1 is the JSON list [{"s": survey id, "q": question id, "k": K}]
 * of theme-ranking questions. A merged theme's answers count for its target; a respondent
 * who ranked both keeps only their best position for it, so nobody votes twice for a theme.
 *
 * Counters cannot tell whether the two ranks of a merged pair came from one respondent, so
 * a survey whose answers hold two themes that now count as one (`exact`, found from the
 * counters themselves, which also sees answers to options a later refresh removed) is
 * counted per respondent from the answers, as before; every other survey from the counters,
 * where one row per rank is exact.
 */
export const THEME_TALLIES = `
  WITH q AS (SELECT value ->> 's' AS s, value ->> 'q' AS qid, value ->> 'k' AS k FROM json_each(?1)),
       c AS (SELECT q.s AS survey_id, q.k, t.theme_id AS answered, coalesce(th.merged_into_id, th.id) AS theme_id, t.rank, sum(t.n) AS n
               FROM q
               JOIN answer_totals t ON t.survey_id = q.s AND t.question_id = q.qid AND t.rank > 0
               JOIN themes th ON th.id = t.theme_id
              GROUP BY q.s, q.qid, t.theme_id, t.rank),
       exact AS (SELECT DISTINCT survey_id FROM c GROUP BY survey_id, theme_id HAVING count(DISTINCT answered) > 1)
  SELECT survey_id, theme_id, sum(n * (k + 1 - rank)) AS borda, sum(n) AS ranked,
         sum(CASE WHEN rank = 1 THEN n ELSE 0 END) AS first, sum(n * rank) AS position_sum
    FROM c WHERE survey_id NOT IN exact
   GROUP BY survey_id, theme_id
  UNION ALL
  SELECT b.survey_id, b.theme_id, sum(b.points), count(*), sum(b.rank = 1), sum(b.rank)
    FROM (SELECT a.survey_id, a.response_id, coalesce(t.merged_into_id, t.id) AS theme_id,
                 min(a.rank) AS rank, max(q.k + 1 - a.rank) AS points
            FROM q
            JOIN responses r ON r.survey_id = q.s
            JOIN answers a ON a.response_id = r.id AND a.question_id = q.qid
            JOIN themes t ON t.id = a.theme_id
           WHERE a.rank IS NOT NULL AND q.s IN exact
           GROUP BY a.survey_id, a.response_id, 3) b
   GROUP BY b.survey_id, b.theme_id`;

/**
 * The ranking counters of every theme question of a series (?1 as in THEME_TALLIES), read once:
 * src/results/counters.ts (themeHistoryFromCounters) makes the tallies, ballots and ranks of
 * THEME_TALLIES, THEME_BALLOTS and THEME_RANKS from them, and names the surveys that need
 * THEME_TALLIES_EXACT. No GROUP BY: D1 counts a sort's rows as read too. A brief reads them
 * through SERIES_RANKING_ROWS, in its one batch, before it knows the list; this statement, by the
 * list, is the reference (test/counters.test.ts).
 */
export const THEME_ROWS = `
  SELECT t.survey_id, t.theme_id, t.rank, t.n
    FROM json_each(?1) q
    JOIN answer_totals t ON t.survey_id = q.value ->> 's' AND t.question_id = q.value ->> 'q' AND t.rank > 0`;

/**
 * The ranking counters of every ranking question of the series of session ?1 (drafts left out),
 * found in the surveys' definitions, for a brief's first and only batch: JavaScript keeps those of
 * the theme-ranking questions (THEME_ROWS's rows), which it alone picks. A series asks few
 * ranking questions besides the themes, so the extra rows are few. CROSS JOIN keeps the
 * definitions' questions outside, so answer_totals is searched by (survey, question): SQLite
 * would otherwise read each survey's counters once per question.
 */
export const SERIES_RANKING_ROWS = `
  SELECT t.survey_id, t.question_id, t.theme_id, t.rank, t.n
    FROM sessions se
    JOIN surveys su ON su.session_id = se.id AND su.status <> 'draft'
    CROSS JOIN json_each(su.definition, '$.questions') q
    CROSS JOIN answer_totals t ON t.survey_id = su.id AND t.question_id = q.value ->> 'id' AND t.rank > 0
   WHERE se.series_id = ${SESSION_SERIES} AND q.value ->> 'type' = 'ranking'`;

/**
 * THEME_TALLIES's count per respondent, for the surveys (?1, same shape) whose answers hold two
 * themes that a merge made one: only those surveys' answers are read, and only then.
 */
export const THEME_TALLIES_EXACT = `
  WITH q AS (SELECT value ->> 's' AS s, value ->> 'q' AS qid, value ->> 'k' AS k FROM json_each(?1))
  SELECT b.survey_id, b.theme_id, sum(b.points) AS borda, count(*) AS ranked, sum(b.rank = 1) AS first, sum(b.rank) AS position_sum
    FROM (SELECT a.survey_id, a.response_id, coalesce(t.merged_into_id, t.id) AS theme_id,
                 min(a.rank) AS rank, max(q.k + 1 - a.rank) AS points
            FROM q
            JOIN responses r ON r.survey_id = q.s
            JOIN answers a ON a.response_id = r.id AND a.question_id = q.qid
            JOIN themes t ON t.id = a.theme_id
           WHERE a.rank IS NOT NULL
           GROUP BY a.survey_id, a.response_id, 3) b
   GROUP BY b.survey_id, b.theme_id`;

/** Ballots per survey: every ranking has exactly one first position, so rank-1 answers count ballots. */
export const THEME_BALLOTS = `
  SELECT t.survey_id, sum(t.n) AS n
    FROM json_each(?1) q
    JOIN answer_totals t ON t.survey_id = q.value ->> 's' AND t.question_id = q.value ->> 'q' AND t.rank = 1
   GROUP BY t.survey_id`;

/**
 * Ballots with a p-th position, per survey and position: the agreement figure's maximum
 * (src/domain/agreement.ts). Rankings are contiguous from 1, so each ballot has one answer
 * at each of its positions.
 */
export const THEME_RANKS = `
  SELECT t.survey_id, t.rank, sum(t.n) AS n
    FROM json_each(?1) q
    JOIN answer_totals t ON t.survey_id = q.value ->> 's' AND t.question_id = q.value ->> 'q' AND t.rank > 0
   GROUP BY t.survey_id, t.rank`;

/** Proposals a coordinator handled (promoted into the catalogue or counted as a theme), by normalised text. */
export const PROPOSAL_DECISIONS = `SELECT proposal_key, theme_id FROM theme_proposal_decisions WHERE series_id = ${SESSION_SERIES}`;

/** Proposals a coordinator dismissed (not a theme), by normalised text. */
export const PROPOSAL_DISMISSALS = `SELECT proposal_key FROM proposal_dismissals WHERE series_id = ${SESSION_SERIES}`;

/** Respondents per survey, for the minimum-group-size rule, from the counters (survey_tallies). ?1 is a JSON list of survey ids. */
export const SURVEY_RESPONDENTS = `
  SELECT t.survey_id, t.responses AS n
    FROM json_each(?1) j JOIN survey_tallies t ON t.survey_id = j.value
   WHERE t.responses > 0`;

/**
 * Pre/post pairing, for surveys that are not anonymous only, from pair_tallies (0022, kept by
 * triggers on answers when the same person — the e-mail of their invitations — has answered
 * both surveys of the session): the respondents of the pre-survey (?1) who answered question ?2,
 * with a rating of question ?4 in the post-survey (?3); useful when it is at least ?5. The row
 * with option_id '' counts the people (the total); the others each option of ?2 they chose.
 * (options + 1) × rating values rows, in the key's order, whatever the number of respondents.
 */
export const PAIRING = `
  SELECT option_id, sum(n) AS paired, sum(CASE WHEN number >= ?5 THEN n ELSE 0 END) AS useful
    FROM pair_tallies
   WHERE pre_survey_id = ?1 AND post_survey_id = ?3 AND pre_question_id = ?2 AND post_question_id = ?4 AND n > 0
   GROUP BY option_id`;

/**
 * The pairing as it was read before 0022, from the rows (linear in respondents): kept as the
 * reference the counters must equal (test/counters.test.ts). The respondents of the pre-survey
 * (?1) who answered question ?2, matched by the e-mail of their invitations with a rating of
 * question ?4 in the post-survey (?3); useful when it is at least ?5. One row per paired
 * pre-survey response.
 */
const PAIRED = `
  SELECT rp.id AS response_id, u.number >= ?5 AS useful
    FROM (SELECT DISTINCT a.response_id FROM responses r JOIN answers a ON a.response_id = r.id AND a.question_id = ?2
           WHERE r.survey_id = ?1) e
    JOIN responses rp ON rp.id = e.response_id
    JOIN invitations ip ON ip.id = rp.invitation_id
    JOIN invitations iq ON iq.survey_id = ?3 AND iq.email = ip.email
    JOIN responses rq ON rq.invitation_id = iq.id AND rq.survey_id = ?3
    JOIN answers u ON u.response_id = rq.id AND u.question_id = ?4 AND u.number IS NOT NULL`;

/**
 * Per expectation named before: the paired respondents are matched once, then each of their
 * expectations is read from answers_by_response (covering), instead of matching every
 * expectation row again.
 */
export const PAIRING_BY_EXPECTATION_FROM_ROWS = `
  SELECT e.option_id, count(*) AS paired, sum(p.useful) AS useful
    FROM (${PAIRED}) p
    JOIN answers e ON e.response_id = p.response_id AND e.question_id = ?2 AND e.option_id IS NOT NULL
   GROUP BY e.option_id`;

export const PAIRING_TOTAL_FROM_ROWS = `
  SELECT count(*) AS paired, coalesce(sum(useful), 0) AS useful FROM (${PAIRED})`;

/**
 * A statement whose rows travel as ONE row: `packed`, a JSON array holding each row as an array
 * of `columns`, in that order (unpack reads it back). D1 hands its caller every row as an object
 * made from a JSON document; for the hundreds of counter rows a survey holds that cost a results
 * request more than the SQL (measured in workerd: a survey's 480 answer_tallies rows, 3.3–3.9 ms
 * a call as rows, 2.1–2.3 ms as one JSON value). The rows read, and their plan, are the
 * statement's own: SQLite reads the subquery in place (the query-plan test holds the packed text).
 */
export const packed = (sql: string, columns: readonly string[]) =>
  `SELECT json_group_array(json_array(${columns.join(', ')})) AS packed FROM (${sql})`;

/** The rows of a packed statement's result, as objects with `columns` (packed's order). */
export function unpack<T>(result: D1Result | undefined, columns: readonly (keyof T & string)[]): T[] {
  const text = (result?.results?.[0] as { packed?: string } | undefined)?.packed;
  if (!text) return [];
  return (JSON.parse(text) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
    return row as T;
  });
}

export const TIMELINE_COLUMNS = ['day', 'count'] as const satisfies readonly (keyof TimelineRow)[];
export const COUNTER_COLUMNS = [
  'question_id',
  'grp',
  'option_id',
  'theme_id',
  'rank',
  'number',
  'n',
] as const satisfies readonly (keyof CounterRow)[];
export const QUESTION_COUNTER_COLUMNS = ['question_id', 'grp', 'n'] as const satisfies readonly (keyof QuestionCounterRow)[];
export const SERIES_RANKING_COLUMNS = [
  'survey_id',
  'question_id',
  'theme_id',
  'rank',
  'n',
] as const satisfies readonly (keyof (ThemeCounterRow & { question_id: string }))[];
/** The statements of a survey's counters as results and briefs run them, packed. */
export const PACKED = {
  TIMELINE: packed(TIMELINE, TIMELINE_COLUMNS),
  QUESTION_COUNTERS: packed(QUESTION_COUNTERS, QUESTION_COUNTER_COLUMNS),
  ANSWER_COUNTERS: packed(ANSWER_COUNTERS, COUNTER_COLUMNS),
  ANSWER_TOTALS: packed(ANSWER_TOTALS, COUNTER_COLUMNS),
  SERIES_RANKING_ROWS: packed(SERIES_RANKING_ROWS, SERIES_RANKING_COLUMNS),
} as const;

/** Every aggregation statement as results and briefs run it, for the query-plan test and the bench. */
export const AGGREGATIONS = {
  PARTICIPATION,
  TIMELINE: PACKED.TIMELINE,
  QUESTION_COUNTERS: PACKED.QUESTION_COUNTERS,
  ANSWER_COUNTERS: PACKED.ANSWER_COUNTERS,
  ANSWER_TOTALS: PACKED.ANSWER_TOTALS,
  TOP_TEXTS,
  DEFINITION_TEXTS,
  SERIES_RANKING_ROWS: PACKED.SERIES_RANKING_ROWS,
  THEME_TALLIES_EXACT,
  SURVEY_RESPONDENTS,
  SERIES_RESPONDENTS,
  PAIRING,
} as const;

export interface SurveyContextRow {
  id: number;
  session_id: number;
  kind: 'pre' | 'post';
  status: 'draft' | 'open' | 'closed';
  anonymous: 0 | 1;
  closes_at: string | null;
  definition: string;
  opened_at: string | null;
  closed_at: string | null;
  session_number: number;
  starts_at: string;
  series_id: number;
  title: string;
  language: Language;
  min_group_size: number;
}

/**
 * The rows of one survey's aggregates are the shape the disclosure gate reads
 * (src/domain/disclosure.ts, RawAggregates): described once, there.
 */
type Row<K extends keyof RawAggregates> = RawAggregates[K] extends readonly (infer R)[] ? R : RawAggregates[K];
export type ParticipationRow = RawAggregates['participation'];
export type TimelineRow = Row<'timeline'>;
export type QuestionRespondentsRow = Row<'respondents'>;
export type OptionCountRow = Row<'options'>;
export type RankingTallyRow = Row<'rankings'>;
export type RatingCountRow = Row<'ratings'>;
export type TextCountRow = Row<'texts'>;
export type BreakdownCellRow = Row<'breakdownCells'>;
export type BreakdownGroupRow = Row<'breakdownGroups'>;

export interface SessionContextRow {
  id: number;
  number: number;
  starts_at: string;
  place: string | null;
  series_id: number;
  title: string;
  bassin: string | null;
  language: Language;
  min_group_size: number;
}
export interface SessionRow {
  id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
}
export interface SeriesSurveyRow {
  id: number;
  session_id: number;
  session_number: number;
  kind: 'pre' | 'post';
  status: 'draft' | 'open' | 'closed';
  anonymous: 0 | 1;
  closes_at: string | null;
  definition: string;
}
export interface ThemeRow {
  id: number;
  label_fr: string;
  label_nl: string | null;
  label_en: string | null;
  status: 'active' | 'archived';
  merged_into_id: number | null;
}
export interface ThemeTallyRow {
  survey_id: number;
  theme_id: number;
  borda: number;
  ranked: number;
  first: number;
  position_sum: number;
}
export interface SurveyCountRow {
  survey_id: number;
  n: number;
}
export interface PairingRow {
  /** '' for the people paired (the total). */
  option_id: string;
  paired: number;
  useful: number;
}
export interface PairingTotalRow {
  paired: number;
  useful: number;
}

export function surveyContext(db: D1Database, organisationId: number, surveyId: number) {
  return db.prepare(SURVEY_CONTEXT).bind(surveyId, organisationId).first<SurveyContextRow>();
}

export type SurveyAggregates = RawAggregates;

/**
 * The statements of one survey's aggregates, each counter table read once, to run in the
 * caller's batch (results read them with the survey, a brief with every survey it shows: one
 * D1 call each). `answers` is ANSWER_COUNTERS (with the profile groups) or ANSWER_TOTALS;
 * `texts` the statements of its texts, rows shaped like TextCountRow or DEFINITION_TEXTS's.
 */
function aggregateStatements(
  db: D1Database,
  surveyId: number,
  answers: string,
  texts: D1PreparedStatement[],
  prepare: OrganisationScope['prepare'] = (d, sql, ...params) => d.prepare(sql).bind(...params),
): D1PreparedStatement[] {
  return [
    prepare(db, HIDDEN_TEXTS, surveyId),
    prepare(db, PARTICIPATION, surveyId),
    prepare(db, PACKED.TIMELINE, surveyId),
    prepare(db, PACKED.QUESTION_COUNTERS, surveyId),
    prepare(db, answers, surveyId),
    ...texts,
  ];
}
const AGGREGATE_STATEMENTS = 5;

/** What aggregateStatements read (`results`, in its order), summed for the gate; `texts` already read from the rest. */
function readAggregates(
  results: D1Result[],
  texts: TextCountRow[],
  ranking: { q: string; k: number }[],
  profile: string | null,
  options: { includeHidden?: boolean },
): SurveyAggregates & { hidden: Set<string> } {
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[];
  // Texts a coordinator hid (src/moderation/) leave results and brief here, before the gate;
  // the answers stay, and the question's n still counts who wrote one.
  const hidden = hiddenSet(rows<HiddenTextRow>(0));
  const textRows = textsInOrder(texts);
  return {
    hidden,
    participation: rows<ParticipationRow>(1)[0] ?? { invited: 0, opened: 0, answered: 0, responses: 0 },
    timeline: unpack<TimelineRow>(results[2], TIMELINE_COLUMNS).sort((a, b) => binary(a.day, b.day)),
    ...aggregatesFromCounters(
      unpack<CounterRow>(results[4], COUNTER_COLUMNS),
      unpack<QuestionCounterRow>(results[3], QUESTION_COUNTER_COLUMNS),
      ranking,
      profile,
    ),
    texts: options.includeHidden || hidden.size === 0 ? textRows : textRows.filter((t) => !isHidden(hidden, t.question_id, t.text)),
  };
}

/**
 * One survey's aggregates as statements for a caller's batch, and how to read them back:
 * `ranking` lists the ranking questions with their K; `profile` the profile question when a
 * breakdown is wanted; `texts` the text questions whose groups are read (at most `textLimit`
 * each; null: all of them, for the CSV of one question).
 */
export function aggregatesBatch(
  db: D1Database,
  surveyId: number,
  ranking: { q: string; k: number }[],
  profile: string | null,
  texts: string[],
  textLimit: number | null = TEXT_LIMIT,
  options: { includeHidden?: boolean } = {},
) {
  const statements = aggregateStatements(
    db,
    surveyId,
    profile ? PACKED.ANSWER_COUNTERS : PACKED.ANSWER_TOTALS,
    // LIMIT -1: no limit.
    texts.map((q) => db.prepare(TOP_TEXTS).bind(surveyId, q, textLimit ?? -1)),
  );
  const read = (results: D1Result[]) =>
    readAggregates(
      results,
      texts.flatMap((_, i) => (results[AGGREGATE_STATEMENTS + i]?.results ?? []) as TextCountRow[]),
      ranking,
      profile,
      options,
    );
  return { statements, read };
}

/** DEFINITION_TEXTS's rows as TextCountRow. */
const definitionTexts = (result: D1Result | undefined): TextCountRow[] =>
  ((result?.results ?? []) as { question_id: string; groups: string }[]).flatMap((r) =>
    (JSON.parse(r.groups) as [string, number][]).map(([text, count]) => ({ question_id: r.question_id, text, count })),
  );

/**
 * One survey's aggregates without breakdown, as aggregatesBatch reads them, for a batch that names
 * the survey by an SQL expression rather than its id (a brief's, sessionSurveySql): `prepare`
 * binds a statement whose ?1 is the survey. `read` then needs the definition. `shown`: texts (from
 * DEFINITION_TEXTS, the definition's text questions read in SQL too), participation and timeline
 * are read; without it only the counters the figures come from (a survey whose expectations alone
 * a brief may show: rows read are billed, and a brief's stay under 1,000).
 */
export function aggregatesInBatch(prepare: (sql: string) => D1PreparedStatement, shown: boolean) {
  const counters = [PACKED.QUESTION_COUNTERS, PACKED.ANSWER_TOTALS];
  const statements = (shown ? [HIDDEN_TEXTS, PARTICIPATION, PACKED.TIMELINE, ...counters] : counters).map(prepare);
  if (shown) statements.push(prepare(withExpressions(DEFINITION_TEXTS, { 2: String(TEXT_LIMIT), 3: 'NULL' })));
  const read = (results: D1Result[], def: Definition) =>
    shown
      ? readAggregates(results, definitionTexts(results[AGGREGATE_STATEMENTS]), rankingQuestions(def), null, {})
      : // In aggregateStatements's places; hidden texts, participation and timeline left empty.
        readAggregates([undefined, undefined, undefined, ...results] as D1Result[], [], rankingQuestions(def), null, {});
  return { statements, read };
}

/** All aggregates of one survey in one round trip (aggregatesBatch, alone). */
export async function surveyAggregates(
  db: D1Database,
  surveyId: number,
  ranking: { q: string; k: number }[],
  profile: string | null,
  texts: string[],
  textLimit: number | null = TEXT_LIMIT,
  options: { includeHidden?: boolean } = {},
): Promise<SurveyAggregates & { hidden: Set<string> }> {
  const { statements, read } = aggregatesBatch(db, surveyId, ranking, profile, texts, textLimit, options);
  return read(await db.batch(statements));
}

/**
 * A survey's results read in ONE D1 call: the API key's check when the caller came with one
 * (`scope`, src/coordinators/key-scope.ts), its context (scoped to the organisation) and every
 * aggregate, before JavaScript has read its definition. The counters are read with the profile
 * groups (answer_tallies), which results need whenever the definition has a profile question;
 * without one every row of a survey is in the one group '', so answer_tallies holds as many rows
 * as answer_totals and the sums are the same. The texts come from DEFINITION_TEXTS (the
 * definition's text questions, `question` alone when given). An unknown or revoked key throws
 * 401 before any result is read (and its statements read no counter: scope.prepare); another
 * organisation's survey gives null: its counters were read in the batch but nothing of them is
 * returned.
 */
export async function surveyResultsData(
  db: D1Database,
  scope: OrganisationScope,
  surveyId: number,
  { question = null, textLimit = TEXT_LIMIT }: { question?: string | null; textLimit?: number | null } = {},
): Promise<{ ctx: SurveyContextRow; def: Definition; agg: SurveyAggregates & { hidden: Set<string> } } | null> {
  const [ctxResult, ...results] = scope.verified(
    await db.batch([
      ...scope.statements(db),
      db.prepare(surveyContextSql(scope.sql(2))).bind(surveyId, scope.param),
      ...aggregateStatements(
        db,
        surveyId,
        PACKED.ANSWER_COUNTERS,
        [scope.prepare(db, DEFINITION_TEXTS, surveyId, textLimit ?? -1, question)],
        scope.prepare,
      ),
    ]),
  );
  const ctx = (ctxResult?.results?.[0] ?? null) as SurveyContextRow | null;
  if (!ctx) return null;
  const def = JSON.parse(ctx.definition) as Definition;
  const texts = definitionTexts(results[AGGREGATE_STATEMENTS]);
  const profile = profileQuestion(def)?.id ?? null;
  return { ctx, def, agg: readAggregates(results, texts, rankingQuestions(def), profile, {}) };
}
