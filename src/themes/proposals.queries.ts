import { gateProposalTexts } from '../domain/disclosure.ts';
import { normaliseText } from '../domain/text-normalise.ts';
import { hiddenTextsOfSeries } from '../moderation/moderation.queries.ts';

/** SQL of theme proposals (free texts participants proposed) and the coordinator's decisions on them. */

/**
 * Counts of identical proposal texts of a series (text_tallies: what a GROUP BY over the answers
 * gave, with the responses counted in survey_tallies), through the disclosure gate: a question's
 * proposals count only when its survey and the question reach the survey's minimum group
 * size. Grouping across spellings is done by the caller. Texts a coordinator hid are left out.
 */
export async function proposalCounts(db: D1Database, seriesId: number) {
  const hidden = await hiddenTextsOfSeries(db, seriesId);
  const { results } = await db
    .prepare(
      `SELECT a.survey_id, a.question_id, su.anonymous, s.min_group_size, a.text, a.n AS count,
              (SELECT coalesce(sum(st.responses), 0) FROM survey_tallies st WHERE st.survey_id = a.survey_id) AS survey_n,
              (SELECT coalesce(sum(qt.n), 0) FROM question_tallies qt WHERE qt.survey_id = a.survey_id AND qt.question_id = a.question_id) AS question_n
         FROM sessions se JOIN series s ON s.id = se.series_id JOIN surveys su ON su.session_id = se.id
         JOIN json_each(su.definition, '$.questions') q ON q.value ->> 'role' = 'theme_proposal'
         JOIN text_tallies a ON a.survey_id = su.id AND a.question_id = q.value ->> 'id'
        WHERE se.series_id = ? AND trim(a.text) != ''
        ORDER BY a.survey_id, a.question_id, a.text`,
    )
    .bind(seriesId)
    .all<{
      survey_id: number;
      question_id: string;
      anonymous: 0 | 1;
      min_group_size: number;
      text: string;
      count: number;
      survey_n: number;
      question_n: number;
    }>();
  return gateProposalTexts(
    hidden.size ? results.filter((r) => !hidden.has(`${r.survey_id}\n${r.question_id}\n${normaliseText(r.text)}`)) : results,
  );
}

/** Proposals handled: promoted, counted as a theme, or dismissed. */
export async function decidedProposals(db: D1Database, seriesId: number) {
  const { results } = await db
    .prepare(
      'SELECT proposal_key FROM theme_proposal_decisions WHERE series_id = ?1 UNION SELECT proposal_key FROM proposal_dismissals WHERE series_id = ?1',
    )
    .bind(seriesId)
    .all<{ proposal_key: string }>();
  return new Set(results.map((r) => r.proposal_key));
}

export function decideProposal(db: D1Database, seriesId: number, key: string, themeId: number) {
  return db
    .prepare(
      `INSERT INTO theme_proposal_decisions (series_id, proposal_key, theme_id) VALUES (?, ?, ?)
       ON CONFLICT (series_id, proposal_key) DO UPDATE SET theme_id = excluded.theme_id`,
    )
    .bind(seriesId, key, themeId);
}

/** A theme created with the id the decision needs, in the same batch (all-or-nothing). */
export function promoteProposal(db: D1Database, seriesId: number, key: string, label: string) {
  return [
    db.prepare('INSERT INTO themes (series_id, label_fr) VALUES (?, ?)').bind(seriesId, label),
    db
      .prepare(
        `INSERT INTO theme_proposal_decisions (series_id, proposal_key, theme_id) VALUES (?, ?, last_insert_rowid())
         ON CONFLICT (series_id, proposal_key) DO NOTHING`,
      )
      .bind(seriesId, key),
  ];
}

export async function proposalTheme(db: D1Database, seriesId: number, key: string) {
  const row = await db
    .prepare('SELECT theme_id FROM theme_proposal_decisions WHERE series_id = ? AND proposal_key = ?')
    .bind(seriesId, key)
    .first<{ theme_id: number }>();
  return row?.theme_id ?? null;
}
