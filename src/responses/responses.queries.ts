/** SQL of the participant side: a personal link's context, and replacing a response atomically. */
import type { AnswerRow } from '../domain/answers.ts';
import type { Definition } from '../domain/definition.ts';
import { effectiveMinimum } from '../domain/disclosure.ts';
import type { Language } from '../domain/language.ts';
import type { SurveyStatus } from '../domain/survey-status.ts';
import { deliveryIds, SUBMITTED_BY_KEY, SUBMITTED_BY_TOKEN } from '../webhooks/outbox.queries.ts';
import { DAY } from './ballots.queries.ts';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

export interface SessionInfo {
  id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
}

/** Everything a personal link opens onto, read in one query. */
export interface LinkContext {
  invitationId: number;
  invitationLanguage: Language;
  openedAt: string | null;
  surveyId: number;
  /** With the id and the version, what tells one survey definition from another (ids are reused). */
  surveyCreatedAt: string;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: boolean;
  closesAt: string | null;
  definition: Definition;
  definitionVersion: number;
  seriesId: number;
  seriesTitle: string;
  /** The smallest group any published figure may describe (src/domain/disclosure.ts): an anonymous survey's release step. */
  minimum: number;
  session: SessionInfo;
  nextSession: SessionInfo | null;
  /** Whether any endpoint of the series listens to submissions (skips webhook work otherwise). */
  hasSubmissionWebhooks: boolean;
  /**
   * The earlier response of a named survey, read in the same query. `undefined` means "not
   * looked up": anonymous surveys hold a ballot instead, found by a key only the Worker can
   * compute (src/responses/ballots.ts).
   */
  stored?: StoredResponse | null;
}

/** The columns of a survey row a link's context reads (a `surveys` row fits). */
export interface LinkSurvey {
  id: number;
  created_at: string;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: 0 | 1;
  closes_at: string | null;
  definition: string;
  definition_version: number;
}

/**
 * The one shape of what a link opens onto, built from the survey, its series and session: the
 * participant's link reads them in one query, the editor's preview from the workspace's rows,
 * so the preview shows exactly what a participant would see.
 */
export function linkContextFrom(parts: {
  survey: LinkSurvey;
  series: { id: number; title: string; min_group_size: number };
  session: SessionInfo;
  nextSession: SessionInfo | null;
  invitation: { id: number; language: Language; openedAt: string | null };
  hasSubmissionWebhooks: boolean;
}): LinkContext {
  const { survey, series, session, invitation } = parts;
  return {
    invitationId: invitation.id,
    invitationLanguage: invitation.language,
    openedAt: invitation.openedAt,
    surveyId: survey.id,
    surveyCreatedAt: survey.created_at,
    kind: survey.kind,
    status: survey.status,
    anonymous: survey.anonymous === 1,
    closesAt: survey.closes_at,
    definition: JSON.parse(survey.definition) as Definition,
    definitionVersion: survey.definition_version,
    seriesId: series.id,
    seriesTitle: series.title,
    minimum: effectiveMinimum(series.min_group_size, survey.anonymous === 1),
    session: { id: session.id, number: session.number, starts_at: session.starts_at, ends_at: session.ends_at, place: session.place },
    nextSession: parts.nextSession,
    hasSubmissionWebhooks: parts.hasSubmissionWebhooks,
  };
}

/**
 * What a coordinator sees of a survey as a participant would (the editor's preview, the
 * paper key-in form): the same context, with no invitation behind it.
 */
export function coordinatorViewContext(parts: {
  survey: LinkSurvey;
  series: { id: number; title: string; min_group_size: number };
  session: SessionInfo;
  language: Language;
}): LinkContext {
  const { language, ...rest } = parts;
  return linkContextFrom({ ...rest, nextSession: null, invitation: { id: 0, language, openedAt: null }, hasSubmissionWebhooks: false });
}

interface LinkRow {
  invitation_id: number;
  language: Language;
  opened_at: string | null;
  survey_id: number;
  survey_created_at: string;
  kind: 'pre' | 'post';
  status: SurveyStatus;
  anonymous: 0 | 1;
  closes_at: string | null;
  definition: string;
  definition_version: number;
  series_id: number;
  title: string;
  min_group_size: number;
  session_id: number;
  number: number;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  next_session: string | null;
  has_submission_webhooks: 0 | 1;
  r_hash: string | null;
  r_language: Language | null;
  r_updated_at: string | null;
  r_rows: string | null;
}

export async function linkContext(db: D1Database, tokenHash: string): Promise<LinkContext | null> {
  const row = await db
    .prepare(
      `SELECT i.id AS invitation_id, i.language, i.opened_at,
              su.id AS survey_id, su.created_at AS survey_created_at, su.kind, su.status, su.anonymous, su.closes_at, su.definition, su.definition_version,
              s.id AS series_id, s.title, s.min_group_size, se.id AS session_id, se.number, se.starts_at, se.ends_at, se.place,
              (SELECT json_object('id', n.id, 'number', n.number, 'starts_at', n.starts_at, 'ends_at', n.ends_at, 'place', n.place)
                 FROM sessions n WHERE n.series_id = se.series_id AND n.number > se.number
                ORDER BY n.number LIMIT 1) AS next_session,
              EXISTS (SELECT 1 FROM webhooks w WHERE w.series_id = s.id
                         AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = 'response.submitted')) AS has_submission_webhooks,
              r.answers_hash AS r_hash, r.language AS r_language, r.updated_at AS r_updated_at,
              CASE WHEN r.id IS NOT NULL THEN
                (SELECT json_group_array(json_array(a.question_id, a.option_id, a.theme_id, a.rank, a.number, a.text))
                   FROM answers a WHERE a.response_id = r.id) END AS r_rows
         FROM invitations i
         JOIN surveys su ON su.id = i.survey_id
         JOIN sessions se ON se.id = su.session_id
         JOIN series s ON s.id = se.series_id
         -- A named survey's response is keyed by its invitation: one query serves the whole
         -- page or submission (the free plan counts every round trip).
         LEFT JOIN responses r ON su.anonymous = 0 AND r.survey_id = su.id AND r.respondent_key = 'i:' || i.id
        WHERE i.token_hash = ?`,
    )
    .bind(tokenHash)
    .first<LinkRow>();
  if (!row) return null;
  return {
    ...linkContextFrom({
      survey: {
        id: row.survey_id,
        created_at: row.survey_created_at,
        kind: row.kind,
        status: row.status,
        anonymous: row.anonymous,
        closes_at: row.closes_at,
        definition: row.definition,
        definition_version: row.definition_version,
      },
      series: { id: row.series_id, title: row.title, min_group_size: row.min_group_size },
      session: { id: row.session_id, number: row.number, starts_at: row.starts_at, ends_at: row.ends_at, place: row.place },
      nextSession: row.next_session ? (JSON.parse(row.next_session) as SessionInfo) : null,
      invitation: { id: row.invitation_id, language: row.language, openedAt: row.opened_at },
      hasSubmissionWebhooks: row.has_submission_webhooks === 1,
    }),
    ...(row.anonymous === 1
      ? {}
      : {
          stored:
            row.r_hash && row.r_language && row.r_updated_at
              ? storedFrom({ answers_hash: row.r_hash, language: row.r_language, updated_at: row.r_updated_at, rows: row.r_rows ?? '[]' })
              : null,
        }),
  };
}

export interface StoredResponse {
  answersHash: string;
  language: Language;
  updatedAt: string;
  rows: AnswerRow[];
}

function storedFrom(row: { answers_hash: string; language: Language; updated_at: string; rows: string }): StoredResponse {
  const tuples = JSON.parse(row.rows) as [string, string | null, number | null, number | null, number | null, string | null][];
  return {
    answersHash: row.answers_hash,
    language: row.language,
    updatedAt: row.updated_at,
    rows: tuples.map(([question_id, option_id, theme_id, rank, number, text]) => ({
      question_id,
      option_id,
      theme_id,
      rank,
      number,
      text,
    })),
  };
}

/**
 * Whether the answer row `a` is the element `j` of a submission's rows (json_each of
 * [question_id, option_id, theme_id, rank, number, text] tuples, validated: no two alike).
 * A re-submission deletes only the rows that are not among the new ones, and inserts only the
 * new ones that are not there yet: the counters' triggers (migrations 0008, 0009, 0022) then
 * work for the answers that changed, not for all of them (a participant correcting one answer
 * of twenty wrote forty rows and their counters before). Every row carries the profile group:
 * when it changes, every row is replaced.
 */
const SAME_ROW = (a: string, j: string) =>
  `${a}.question_id = ${j}.value ->> 0 AND ${a}.option_id IS ${j}.value ->> 1 AND ${a}.theme_id IS ${j}.value ->> 2
   AND ${a}.rank IS ${j}.value ->> 3 AND ${a}.number IS ${j}.value ->> 4 AND ${a}.text IS ${j}.value ->> 5`;

/** An anonymous survey's invitation keeps only the day of the opening (see DAY). */
export function markOpened(db: D1Database, invitationId: number, anonymous: boolean) {
  return db
    .prepare(`UPDATE invitations SET opened_at = ${anonymous ? DAY : NOW} WHERE id = ? AND opened_at IS NULL`)
    .bind(invitationId)
    .run();
}

/**
 * A named survey's submission (anonymous ones are held as ballots: src/responses/ballots.ts).
 * Replaces the respondent's answers in one D1 batch (a single transaction): the response row,
 * its answers, the invitation's "answered" flag and the `response.submitted` event change
 * together or not at all. Returns null when the response already held these answers (a retry
 * of a batch that committed): then nothing changed and no second event was written. The
 * answers travel as one JSON parameter, so any submission fits D1's bound-parameter limit.
 * The old answers that are not among the new ones are deleted before the new ones that are not
 * there yet are inserted (SAME_ROW): the triggers of migrations/0008_tallies.sql take the old
 * rows out of the counters (under the old profile group) before the new rows go in, all in
 * this one transaction.
 */
export async function replaceResponse(
  db: D1Database,
  input: {
    surveyId: number;
    invitationId: number;
    /** Only named surveys come here. */
    anonymous?: false;
    respondentKey: string;
    language: Language;
    answersHash: string;
    definitionVersion: number;
    rows: AnswerRow[];
    /** The respondent's profile group (src/results/profile-group.ts), written on every row. */
    grp: string;
    /** Whether an endpoint of the series listens to submissions: the event's deliveries are written in the batch. */
    withEvent?: boolean;
  },
): Promise<{ createdAt: string; updatedAt: string; deliveries: number[] } | null> {
  const now = NOW;
  const tuples = input.rows.map((r) => [r.question_id, r.option_id, r.theme_id, r.rank, r.number, r.text]);
  const event = input.withEvent ? [db.prepare(SUBMITTED_BY_KEY).bind(input.surveyId, input.respondentKey)] : [];
  const [upsert, ...rest] = await db.batch<{ created_at: string; updated_at: string }>([
    db
      .prepare(
        `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ${now}, ${now})
         ON CONFLICT (survey_id, respondent_key) DO UPDATE SET
           language = excluded.language, answers_hash = excluded.answers_hash,
           definition_version = excluded.definition_version, updated_at = excluded.updated_at
           WHERE responses.answers_hash IS NOT excluded.answers_hash OR responses.language IS NOT excluded.language
         RETURNING created_at, updated_at`,
      )
      .bind(input.surveyId, input.invitationId, input.respondentKey, input.language, input.answersHash, input.definitionVersion),
    // The event, in the same transaction, only if the upsert wrote (src/webhooks/outbox.queries.ts).
    ...event,
    db
      .prepare(
        `DELETE FROM answers WHERE response_id = (SELECT id FROM responses WHERE survey_id = ?1 AND respondent_key = ?2)
           AND (grp IS NOT ?4 OR NOT EXISTS (SELECT 1 FROM json_each(?3) j WHERE ${SAME_ROW('answers', 'j')}))`,
      )
      .bind(input.surveyId, input.respondentKey, JSON.stringify(tuples), input.grp),
    db
      .prepare(
        `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
         SELECT r.id, r.survey_id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, ?4
           FROM responses r, json_each(?3) j
          WHERE r.survey_id = ?1 AND r.respondent_key = ?2
            AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND ${SAME_ROW('a', 'j')})`,
      )
      .bind(input.surveyId, input.respondentKey, JSON.stringify(tuples), input.grp),
    db.prepare(`UPDATE invitations SET answered = 1, opened_at = coalesce(opened_at, ${NOW}) WHERE id = ?`).bind(input.invitationId),
  ]);
  const times = upsert?.results[0];
  // No row: these very answers were stored already (a retried batch that had committed).
  if (!times) return null;
  return { createdAt: times.created_at, updatedAt: times.updated_at, deliveries: input.withEvent ? deliveryIds(rest[0]) : [] };
}

/**
 * The link's invitation and response, when the survey is the one the Worker validated the
 * answers against (?2 id, ?3 creation time, ?4 definition version), named, open and not past
 * its closing time; otherwise no row, and the statements built on it write nothing. ?1 is the
 * token's hash. ?7 = 1 says the batch carries the `response.submitted` event's statement; without
 * it, an endpoint of the series listening to submissions (one registered since the caller
 * looked) also makes the batch a no-op, so no submission is stored without its event.
 */
const WRITABLE_LINK = `FROM invitations i
    JOIN surveys su ON su.id = i.survey_id
    LEFT JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id
   WHERE i.token_hash = ?1 AND su.id = ?2 AND su.created_at = ?3 AND su.definition_version = ?4
     AND su.anonymous = 0 AND su.status = 'open'
     AND (su.closes_at IS NULL OR julianday(su.closes_at) > julianday('now'))
     AND (?7 = 1 OR NOT EXISTS (SELECT 1 FROM sessions se JOIN webhooks w ON w.series_id = se.series_id
                                 WHERE se.id = su.session_id
                                   AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = 'response.submitted')))`;

/** The response behind the link ?1 that now holds the answers of hash ?5 (of survey ?2). */
const HOLDING = `SELECT r.id FROM invitations i
    JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id
   WHERE i.token_hash = ?1 AND i.survey_id = ?2 AND r.answers_hash = ?5`;

/** The four statements of storeKnownSubmission, in batch order (test/query-plans.test.ts reads their plans). */
export const KNOWN_SUBMISSION = {
  /** Old answers go only when the answers or their language change, and only those not among the new ones (?8, group ?9). */
  DELETE_OLD_ANSWERS: `DELETE FROM answers WHERE response_id =
    (SELECT r.id ${WRITABLE_LINK} AND (r.answers_hash IS NOT ?5 OR r.language IS NOT coalesce(?6, r.language)))
    AND (grp IS NOT ?9 OR NOT EXISTS (SELECT 1 FROM json_each(?8) j WHERE ${SAME_ROW('answers', 'j')}))`,
  UPSERT_RESPONSE: `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
    SELECT su.id, i.id, 'i:' || i.id, coalesce(?6, r.language, i.language), ?5, ?4, ${NOW}, ${NOW} ${WRITABLE_LINK}
    ON CONFLICT (survey_id, respondent_key) DO UPDATE SET
      language = excluded.language, answers_hash = excluded.answers_hash,
      definition_version = excluded.definition_version, updated_at = excluded.updated_at
      WHERE responses.answers_hash IS NOT excluded.answers_hash OR responses.language IS NOT excluded.language
    RETURNING created_at, updated_at, language`,
  INSERT_ANSWERS: `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
    SELECT h.id, ?2, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, ?7
      FROM (${HOLDING}) h, json_each(?6) j
     WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = h.id AND ${SAME_ROW('a', 'j')})`,
  FLAG_INVITATION: `UPDATE invitations SET answered = 1, opened_at = coalesce(opened_at, ${NOW})
    WHERE token_hash = ?1 AND (answered = 0 OR opened_at IS NULL) AND EXISTS (${HOLDING})`,
};

/**
 * A first submission's batch: the response inserted only if the link has none yet (the guard's
 * LEFT JOIN found no row), then INSERT_ANSWERS and FLAG_INVITATION as above. No DELETE: every
 * statement that changes answers compiles the counters' triggers into its program
 * (migrations 0008, 0009, 0022), so a delete with nothing to delete still cost a first
 * submission nearly half of its statements' preparation. An edit makes it a no-op (nothing
 * returned); the full batch then follows.
 */
export const FIRST_SUBMISSION = {
  INSERT_RESPONSE: `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
    SELECT su.id, i.id, 'i:' || i.id, coalesce(?6, i.language), ?5, ?4, ${NOW}, ${NOW} ${WRITABLE_LINK} AND r.id IS NULL
    ON CONFLICT (survey_id, respondent_key) DO NOTHING
    RETURNING created_at, updated_at, language`,
};

/** What the one-call submission tells when it wrote. */
export interface KnownSubmissionWritten {
  created_at: string;
  updated_at: string;
  language: Language;
  /** The deliveries of its `response.submitted` event, written in the same batch. */
  deliveries: number[];
}

/**
 * A named survey's submission in **one** D1 call and four statements (the floor's count), for
 * answers already validated against a definition held in memory (src/responses/known-surveys.ts).
 * One batch, one transaction:
 *
 * 1. the old answers that are not among the new ones deleted, only if the answers or their
 *    language change (SAME_ROW);
 * 2. the response upserted, only if they change, returning what the caller reports;
 *    (2b. when an endpoint of the series listens, the `response.submitted` event's deliveries,
 *    only if 2 wrote: src/webhooks/outbox.queries.ts — a fifth statement, in the same call);
 * 3. the new answers that are not there yet inserted, only into a response that holds these
 *    answers (a hash names the answers, so an unchanged response keeps its rows);
 * 4. the invitation flagged answered.
 *
 * 1 and 2 are guarded by WRITABLE_LINK, 3 and 4 follow from them (HOLDING): a survey that
 * changed, closed or is not the one named — or answers already stored as they are — make the
 * whole batch a no-op. It then returns null and the caller takes the two-call path, which
 * explains a refusal or recognises a retry. The rows are the same as replaceResponse's, so
 * the counters' triggers see the same deletes and inserts.
 */
export async function storeKnownSubmission(
  db: D1Database,
  input: {
    tokenHash: string;
    surveyId: number;
    surveyCreatedAt: string;
    definitionVersion: number;
    answersHash: string;
    /** The language asked for; null keeps the one answered in before, else the invitation's. */
    language: Language | null;
    rows: AnswerRow[];
    grp: string;
    /** Whether an endpoint of the series listened when the survey was last read (see WRITABLE_LINK's ?7). */
    withEvent: boolean;
    /**
     * True when the link is not known to hold a response: the first-submission batch is tried
     * first (FIRST_SUBMISSION), and the full one only if the link turns out to hold one.
     */
    first?: boolean;
  },
): Promise<KnownSubmissionWritten | null> {
  const guard = [
    input.tokenHash,
    input.surveyId,
    input.surveyCreatedAt,
    input.definitionVersion,
    input.answersHash,
    input.language,
    input.withEvent ? 1 : 0,
  ];
  const holding = [input.tokenHash, input.surveyId, null, null, input.answersHash];
  const tuples = input.rows.map((r) => [r.question_id, r.option_id, r.theme_id, r.rank, r.number, r.text]);
  const event = input.withEvent ? [db.prepare(SUBMITTED_BY_TOKEN).bind(input.tokenHash, input.surveyId)] : [];
  if (input.first) {
    const results = await db.batch([
      db.prepare(FIRST_SUBMISSION.INSERT_RESPONSE).bind(...guard),
      ...event,
      db.prepare(KNOWN_SUBMISSION.INSERT_ANSWERS).bind(...holding, JSON.stringify(tuples), input.grp),
      db.prepare(KNOWN_SUBMISSION.FLAG_INVITATION).bind(...holding),
    ]);
    const inserted = results[0]?.results[0] as Omit<KnownSubmissionWritten, 'deliveries'> | undefined;
    if (inserted) return { ...inserted, deliveries: input.withEvent ? deliveryIds(results[1]) : [] };
    // Not a first submission after all (or not writable): the full batch decides.
  }
  const results = await db.batch([
    db.prepare(KNOWN_SUBMISSION.DELETE_OLD_ANSWERS).bind(...guard, JSON.stringify(tuples), input.grp),
    db.prepare(KNOWN_SUBMISSION.UPSERT_RESPONSE).bind(...guard),
    // Right after the upsert: its changes() say whether the submission wrote.
    ...event,
    db.prepare(KNOWN_SUBMISSION.INSERT_ANSWERS).bind(...holding, JSON.stringify(tuples), input.grp),
    db.prepare(KNOWN_SUBMISSION.FLAG_INVITATION).bind(...holding),
  ]);
  const upserted = results[1]?.results[0] as Omit<KnownSubmissionWritten, 'deliveries'> | undefined;
  if (!upserted) return null;
  return { ...upserted, deliveries: input.withEvent ? deliveryIds(results[2]) : [] };
}
