/**
 * The coordinator's words in a session's brief, the same through every door (API, workspace
 * page): each save checks the session, writes a new version and its audit entry in one batch.
 */
import { writeAudit } from '../audit/audit.queries.ts';
import type { Language } from '../domain/language.ts';
import type { Coordinator, Env } from '../env.ts';
import { notFound } from '../http/problem.ts';
import { getSeries } from '../series/series.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import type { MinutesSection } from './brief.ts';
import { type BriefTextRow, briefTextVersions, insertBriefText } from './brief-texts.queries.ts';

export async function writeBriefSection(
  env: Env,
  actor: Coordinator,
  sessionId: number,
  section: MinutesSection,
  input: { text: string; language?: Language | undefined },
): Promise<{ version: BriefTextRow; unchanged: boolean }> {
  const db = env.DB;
  const session = await getSession(db, actor.organisationId, sessionId);
  if (!session) throw notFound('session');
  const language = input.language ?? (await getSeries(db, actor.organisationId, session.series_id))?.language ?? 'fr';
  const [newest] = await briefTextVersions(db, session.id, section);
  // A retry of the same save (or saving the page unchanged) adds no version.
  if (newest && newest.text === input.text && newest.language === language) return { version: newest, unchanged: true };
  if (!newest && input.text === '') return { version: emptyVersion(section, language), unchanged: true };
  const [inserted] = await db.batch<BriefTextRow>([
    insertBriefText(db, actor, session.id, section, { text: input.text, language }),
    writeAudit(db, actor, 'brief.section', `session:${session.id}`, { section, language, length: input.text.length }),
  ]);
  const version = inserted?.results[0];
  if (!version) throw notFound('session');
  return { version, unchanged: false };
}

const emptyVersion = (section: MinutesSection, language: Language): BriefTextRow => ({
  section,
  version: 0,
  language,
  text: '',
  actor: null,
  created_at: new Date(0).toISOString(),
});
