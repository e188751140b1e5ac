/**
 * SQL of moderation: free texts a coordinator hid from results and brief, by their identity
 * (survey, question, normalised text), never by response or respondent.
 */
import { normaliseText } from '../domain/text-normalise.ts';

export const HIDDEN_TEXTS = 'SELECT question_id, text_key FROM hidden_texts WHERE survey_id = ?1';

export interface HiddenTextRow {
  question_id: string;
  text_key: string;
}

/** Keys `question_id + "\n" + normalised text` of hidden texts, as `isHidden` reads them. */
export const hiddenSet = (rows: readonly HiddenTextRow[]) => new Set(rows.map((r) => `${r.question_id}\n${r.text_key}`));
export const isHidden = (hidden: ReadonlySet<string>, questionId: string, text: string) =>
  hidden.has(`${questionId}\n${normaliseText(text)}`);

/** Hidden texts of every survey of a series (the waiting proposals read them). */
export async function hiddenTextsOfSeries(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare(
      `SELECT h.survey_id, h.question_id, h.text_key FROM hidden_texts h
         JOIN surveys su ON su.id = h.survey_id JOIN sessions se ON se.id = su.session_id WHERE se.series_id = ?`,
    )
    .bind(seriesId)
    .all<HiddenTextRow & { survey_id: number }>();
  return new Set(results.map((r) => `${r.survey_id}\n${r.question_id}\n${r.text_key}`));
}

export function hideTextStatement(db: D1Database, surveyId: number, questionId: string, key: string) {
  return db
    .prepare('INSERT INTO hidden_texts (survey_id, question_id, text_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    .bind(surveyId, questionId, key);
}

export function showTextStatement(db: D1Database, surveyId: number, questionId: string, key: string) {
  return db.prepare('DELETE FROM hidden_texts WHERE survey_id = ? AND question_id = ? AND text_key = ?').bind(surveyId, questionId, key);
}

export function dismissProposalStatement(db: D1Database, seriesId: number, key: string) {
  return db.prepare('INSERT INTO proposal_dismissals (series_id, proposal_key) VALUES (?, ?) ON CONFLICT DO NOTHING').bind(seriesId, key);
}
