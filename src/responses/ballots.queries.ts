/**
 * SQL of anonymous ballots (migrations/0011_anonymous_ballots.sql): an anonymous submission is
 * held sealed, then applied to responses/answers in steps of at least the survey's effective
 * minimum group size (src/responses/ballots.ts explains the design).
 */
import { ANONYMOUS_FLOOR } from '../domain/disclosure.ts';
import type { Language } from '../domain/language.ts';
import { RELEASED } from '../webhooks/outbox.queries.ts';

export interface BallotRow {
  language: Language;
  readback: string | null;
}

/** A held ballot as the release reads it; `pending` is also the guard of its write. */
export interface PendingBallot {
  respondent_key: string;
  pending: string;
}

export function ballotOf(db: D1Database, surveyId: number, respondentKey: string) {
  return db
    .prepare('SELECT language, readback FROM anonymous_ballots WHERE survey_id = ? AND respondent_key = ?')
    .bind(surveyId, respondentKey)
    .first<BallotRow>();
}

/** The effective minimum of survey ?1 in SQL: the series' minimum, never below ANONYMOUS_FLOOR (src/domain/disclosure.ts). */
const MINIMUM = `max(${ANONYMOUS_FLOOR}, (SELECT s.min_group_size FROM surveys su JOIN sessions se ON se.id = su.session_id
    JOIN series s ON s.id = se.series_id WHERE su.id = ?1))`;
/**
 * Held ballots are read through the partial index of held ones (INDEXED BY): without it the
 * planner walks every ballot the survey ever had, released ones included (BENCHMARKS.md).
 */
const HELD_BALLOTS = 'anonymous_ballots INDEXED BY anonymous_ballots_pending';
const HELD = `SELECT count(*) FROM ${HELD_BALLOTS} WHERE survey_id = ?1 AND pending IS NOT NULL`;

/**
 * The survey's held ballots when they may be released: at least the minimum of them, or, when
 * `closing`, any number as long as nothing was ever released (no response): then no earlier
 * release exists to subtract them from. After a release, fewer than the minimum stay held even
 * at closing: the difference would describe fewer people than the minimum.
 */
export function releasableBallots(db: D1Database, surveyId: number, closing: boolean) {
  return db.prepare(releasableSql()).bind(surveyId, closing ? 1 : 0);
}

/**
 * A submission's release takes at most RELEASE_LIMIT ballots: still a step of at least the
 * minimum (it is at most 50, src/series/series.schemas.ts), and the unsealing and the batch stay
 * bounded however many ballots piled up while releases raced or failed. A closing takes them
 * all, so that a first release at closing never splits into a step and a remainder under the
 * minimum.
 */
export const RELEASE_LIMIT = 50;

/**
 * `afterWrite`: right after a statement whose changes() say whether the submission wrote; when
 * it did not (a retry), LIMIT 0 — evaluated once, before anything is read — skips the query,
 * the count of held ballots included.
 */
function releasableSql(afterWrite = false) {
  return `SELECT respondent_key, pending FROM ${HELD_BALLOTS}
     WHERE survey_id = ?1 AND pending IS NOT NULL
       AND ((${HELD}) >= ${MINIMUM}
            OR (?2 = 1 AND NOT EXISTS (SELECT 1 FROM responses WHERE survey_id = ?1)))
     LIMIT CASE WHEN ?2 = 1 THEN -1 ${afterWrite ? 'WHEN changes() = 0 THEN 0 ' : ''}ELSE ${RELEASE_LIMIT} END`;
}

/** What the submission's batch found of the person's ballot before writing (storeBallotStatements' first statement). */
export interface PriorBallot {
  answers_mac: string;
  /** The same answers (MAC) and the same read-back tag: a retry from the device that gave them. */
  retry: 0 | 1;
  /**
   * The read-back, only when the caller opens it: a retry's (its day), or when the write was
   * left to the caller (an untagged ballot, a language to settle).
   */
  readback: string | null;
}

/**
 * The statements of an anonymous submission, for one batch (the whole submission after the
 * link's context: one D1 call):
 * 1. the person's ballot as it was (PriorBallot): whether one exists (its `createdAt` is
 *    null), whether this is a retry, and the read-back when the caller must open it;
 * 2. the ballot replaced (one person, one ballot) unless this is a retry — the same answers'
 *    MAC and the same read-back tag, which only the token and device that wrote them produce
 *    (src/responses/ballots.ts) — or the caller must settle it from the read-back first, as
 *    when it read the ballot before writing, then writes again with `force`: a ballot with no
 *    tag (written before migrations/0025), or any ballot when `fallbackLanguage` (the request
 *    named no language: the one this device reads back is kept). RETURNING tells whether it
 *    wrote. Whether a second call is needed thus depends on what the requester knows already
 *    (their request, that the person answered, that the ballot is older than the tags), never
 *    on the answers: a right and a wrong guess through a link take the same calls;
 * 3. the invitation flagged answered (who answered is not hidden: reminders need it; its
 *    opening keeps only the day), only if the ballot was written: a retry writes nothing;
 * 4. the survey's held ballots when they now reach the minimum — read in the same
 *    transaction, so the release that follows sees what was committed; not read at all after
 *    a retry.
 */
export function storeBallotStatements(
  db: D1Database,
  input: {
    surveyId: number;
    invitationId: number;
    respondentKey: string;
    answersMac: string;
    language: Language;
    readback: string;
    readbackTag: string;
    pending: string;
    /** Write whatever the ballot (the caller settled it from the read-back). */
    force?: boolean;
    /**
     * `language` is the invitation's standing in for the earlier answers' (the request named
     * none): right when no ballot exists; otherwise nothing is written and the caller settles
     * the language from the read-back.
     */
    fallbackLanguage?: boolean;
  },
) {
  const fallback = input.fallbackLanguage ? 1 : 0;
  return [
    db
      .prepare(
        `SELECT answers_mac, answers_mac = ?3 AND readback_tag IS ?4 AS retry,
                CASE WHEN (answers_mac = ?3 AND readback_tag IS ?4) OR readback_tag IS NULL OR ?5 = 1 THEN readback END AS readback
           FROM anonymous_ballots WHERE survey_id = ?1 AND respondent_key = ?2`,
      )
      .bind(input.surveyId, input.respondentKey, input.answersMac, input.readbackTag, fallback),
    // The same conditions as the statement above, checked again where it writes: the two agree
    // within the batch's transaction.
    db
      .prepare(
        `INSERT INTO anonymous_ballots (survey_id, respondent_key, answers_mac, language, readback, readback_tag, pending)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (survey_id, respondent_key) DO UPDATE SET
           answers_mac = excluded.answers_mac, language = excluded.language,
           readback = excluded.readback, readback_tag = excluded.readback_tag, pending = excluded.pending
         WHERE ?8 = 1 OR (?9 = 0 AND anonymous_ballots.readback_tag IS NOT NULL
            AND (anonymous_ballots.answers_mac <> excluded.answers_mac OR anonymous_ballots.readback_tag <> excluded.readback_tag))
         RETURNING 1 AS written`,
      )
      .bind(
        input.surveyId,
        input.respondentKey,
        input.answersMac,
        input.language,
        input.readback,
        input.readbackTag,
        input.pending,
        input.force ? 1 : 0,
        fallback,
      ),
    // Right after the ballot's write: changes() is 1 when it wrote, 0 for a retry.
    db
      .prepare(`UPDATE invitations SET answered = 1, opened_at = coalesce(opened_at, ${DAY}) WHERE id = ? AND changes() > 0`)
      .bind(input.invitationId),
    // A retry wrote nothing and counts towards no step: nothing to read (changes() is the invitation's).
    db.prepare(releasableSql(true)).bind(input.surveyId, 0),
  ];
}

/**
 * Times of anonymous rows keep only the day, as an instant at midnight UTC (the API's
 * timestamps stay ISO 8601): an opening or an answer cannot be matched to a release or a link.
 */
export const DAY = `strftime('%Y-%m-%dT00:00:00.000Z', 'now')`;

/**
 * One element of the release's list: [respondent_key, pending as read (the guard), language,
 * answers_hash, definition_version, grp, rows as [question_id, option_id, theme_id, rank, number, text]].
 */
export type ReleaseItem = [string, string, Language, string, number, string, unknown[][]];

/**
 * Ballots still as read (?1 survey, ?2 the list): a newer submission arriving meanwhile is left
 * for the next release. CROSS JOIN keeps the list as the outer loop, so each ballot (and below,
 * each response) is one primary-key probe instead of a walk of the whole survey.
 */
const CURRENT = `json_each(?2) j CROSS JOIN anonymous_ballots b
    ON b.survey_id = ?1 AND b.respondent_key = j.value ->> 0 AND b.pending = j.value ->> 1`;

/**
 * The release: five statements whatever the number of ballots (the list is one JSON
 * parameter), for one batch. Rows are written in the list's order, which the caller shuffled:
 * response ids and answer rowids do not follow submission order. The old answers are deleted
 * before the new ones are inserted, so the counters' triggers (migrations/0008, 0009) stay
 * right; the pending values are cleared last, each only if unchanged since it was read, so a
 * release run twice (or concurrently) writes nothing the second time. A fifth statement writes
 * the `responses.released` event in the same transaction, only when ballots were released.
 */
export function releaseStatements(db: D1Database, surveyId: number, items: ReleaseItem[]) {
  const list = JSON.stringify(items);
  return [
    db
      .prepare(
        `INSERT INTO responses (survey_id, invitation_id, respondent_key, language, answers_hash, definition_version, created_at, updated_at)
         SELECT ?1, NULL, j.value ->> 0, j.value ->> 2, j.value ->> 3, j.value ->> 4, strftime('%Y-%m-%d', 'now'), strftime('%Y-%m-%d', 'now')
           FROM ${CURRENT} WHERE true ORDER BY j.key
         ON CONFLICT (survey_id, respondent_key) DO UPDATE SET
           language = excluded.language, answers_hash = excluded.answers_hash,
           definition_version = excluded.definition_version, updated_at = excluded.updated_at`,
      )
      .bind(surveyId, list),
    db
      .prepare(
        `DELETE FROM answers WHERE response_id IN
           (SELECT r.id FROM ${CURRENT} CROSS JOIN responses r ON r.survey_id = ?1 AND r.respondent_key = j.value ->> 0)`,
      )
      .bind(surveyId, list),
    db
      .prepare(
        `INSERT INTO answers (response_id, survey_id, question_id, option_id, theme_id, rank, number, text, grp)
         SELECT r.id, ?1, a.value ->> 0, a.value ->> 1, a.value ->> 2, a.value ->> 3, a.value ->> 4, a.value ->> 5, j.value ->> 5
           FROM ${CURRENT} JOIN responses r ON r.survey_id = ?1 AND r.respondent_key = j.value ->> 0
           JOIN json_each(j.value, '$[6]') a
          ORDER BY j.key, a.key`,
      )
      .bind(surveyId, list),
    db
      .prepare(
        `UPDATE anonymous_ballots SET pending = NULL
          WHERE survey_id = ?1 AND (respondent_key, pending) IN (SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?2) j)
         RETURNING respondent_key`,
      )
      .bind(surveyId, list),
    // Right after the clearing: its changes() are the ballots released (src/webhooks/outbox.queries.ts).
    db.prepare(RELEASED).bind(surveyId),
  ];
}

/** Anonymous surveys holding ballots that may be released now (a failed release, a survey closed by date), for the cron. */
export function surveysWithReleasableBallots(db: D1Database, at: string, limit: number) {
  return db
    .prepare(
      `SELECT su.id, se.series_id, (su.status = 'closed' OR (su.closes_at IS NOT NULL AND su.closes_at <= ?1)) AS closing
         FROM surveys su JOIN sessions se ON se.id = su.session_id JOIN series s ON s.id = se.series_id
        WHERE su.anonymous = 1 AND EXISTS (SELECT 1 FROM anonymous_ballots b WHERE b.survey_id = su.id AND b.pending IS NOT NULL)
          AND ((SELECT count(*) FROM anonymous_ballots b WHERE b.survey_id = su.id AND b.pending IS NOT NULL) >= max(${ANONYMOUS_FLOOR}, s.min_group_size)
               OR ((su.status = 'closed' OR (su.closes_at IS NOT NULL AND su.closes_at <= ?1))
                   AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = su.id)))
        ORDER BY su.id LIMIT ?2`,
    )
    .bind(at, limit)
    .all<{ id: number; series_id: number; closing: 0 | 1 }>();
}

/** Deletes the ballots (held answers and read-back) of anonymous respondents, given as [[survey_id, respondent_key], …]. */
export function deleteBallots(db: D1Database, keys: [number, string][]) {
  return db
    .prepare(
      `DELETE FROM anonymous_ballots
        WHERE (survey_id, respondent_key) IN (SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?1) j)`,
    )
    .bind(JSON.stringify(keys));
}
