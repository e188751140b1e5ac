/** SQL of the coordinator's words in a brief: one row per saved version of a section. */
import type { Language } from '../domain/language.ts';
import type { Coordinator } from '../env.ts';
import type { MinutesSection } from './brief.ts';

export interface BriefTextRow {
  section: MinutesSection;
  version: number;
  language: Language;
  text: string;
  actor: string | null;
  created_at: string;
}

const COLUMNS = 'section, version, language, text, actor, created_at';

/** The newest version of each section of a session's brief (one query, the primary key's range). */
export const LATEST_BRIEF_TEXTS = `
  SELECT ${COLUMNS} FROM brief_texts b
   WHERE session_id = ?1 AND version = (SELECT max(version) FROM brief_texts WHERE session_id = ?1 AND section = b.section)`;

export async function latestBriefTexts(db: D1Database, sessionId: number): Promise<BriefTextRow[]> {
  return (await db.prepare(LATEST_BRIEF_TEXTS).bind(sessionId).all<BriefTextRow>()).results;
}

/** Every version of one section, newest first. */
export async function briefTextVersions(db: D1Database, sessionId: number, section: MinutesSection): Promise<BriefTextRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM brief_texts WHERE session_id = ? AND section = ? ORDER BY version DESC`)
    .bind(sessionId, section)
    .all<BriefTextRow>();
  return results;
}

/** A new version, numbered after the newest in the same statement (the primary key refuses a duplicate). */
export function insertBriefText(
  db: D1Database,
  actor: Coordinator,
  sessionId: number,
  section: MinutesSection,
  input: { text: string; language: Language },
) {
  return db
    .prepare(
      `INSERT INTO brief_texts (session_id, section, version, language, text, coordinator_id, actor)
       SELECT ?1, ?2, coalesce(max(version), 0) + 1, ?3, ?4, ?5, ?6 FROM brief_texts WHERE session_id = ?1 AND section = ?2
       RETURNING ${COLUMNS}`,
    )
    .bind(sessionId, section, input.language, input.text, actor.id, actor.email);
}
