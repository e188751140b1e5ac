/** The survey doors' shared check of a definition's theme references against the survey's series. */
import { type Question, referencedThemes, themeReferenceIssues } from '../domain/definition.ts';
import { themesOfSeriesAmong } from '../themes/themes.queries.ts';

/** Issues naming each option whose theme is not of the series (none: no query when no option names a theme). */
export async function foreignThemeIssues(db: D1Database, seriesId: number, questions: readonly Question[], prefix = 'questions') {
  const referenced = referencedThemes(questions);
  if (referenced.length === 0) return [];
  return themeReferenceIssues(questions, await themesOfSeriesAmong(db, seriesId, referenced), prefix);
}
