/** SQL of paper answers: the invitation a keyed-in sheet answers through, and the count shown. */

/** A paper sheet's own invitation (created once per sheet), marked keyed in, in one batch with the audit entry. */
export function paperInvitationStatements(
  db: D1Database,
  sheet: { surveyId: number; email: string; name: string; language: string; tokenHash: string; keyedBy: number },
) {
  return [
    db
      .prepare(
        `INSERT INTO invitations (survey_id, email, name, language, token_hash) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (survey_id, email) DO NOTHING`,
      )
      .bind(sheet.surveyId, sheet.email, sheet.name, sheet.language, sheet.tokenHash),
    db
      .prepare(
        `INSERT INTO keyed_in_answers (invitation_id, survey_id, keyed_by)
         SELECT id, survey_id, ?3 FROM invitations WHERE survey_id = ?1 AND email = ?2
         ON CONFLICT (invitation_id) DO NOTHING`,
      )
      .bind(sheet.surveyId, sheet.email, sheet.keyedBy),
  ];
}

/** Undoes a sheet whose answers could not be stored: an unanswered paper invitation has no use. */
export function forgetUnansweredSheet(db: D1Database, surveyId: number, email: string) {
  return db.prepare('DELETE FROM invitations WHERE survey_id = ? AND email = ? AND answered = 0').bind(surveyId, email);
}

/** How many answers of a survey were keyed in from paper (who answered is no secret; what is). */
export async function keyedInCount(db: D1Database, surveyId: number): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM keyed_in_answers k JOIN invitations i ON i.id = k.invitation_id
        WHERE k.survey_id = ? AND i.answered = 1`,
    )
    .bind(surveyId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
