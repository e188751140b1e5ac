/**
 * The profile group stored on every answer row of a response (answers.grp, see
 * migrations/0008_tallies.sql): what the respondent answered to the survey's profile
 * question, so that counters and breakdowns need no self-join. Every writer of answers
 * computes it here, from the rows it is about to write.
 */
import { type Definition, profileQuestion } from '../domain/definition.ts';

/** '' when the survey has no profile question or the respondent skipped it; several chosen options sorted and joined by ','. */
export function profileGroup(def: Definition, rows: readonly { question_id: string; option_id: string | null }[]): string {
  const profile = profileQuestion(def);
  if (!profile) return '';
  return rows
    .flatMap((r) => (r.question_id === profile.id && r.option_id !== null ? [r.option_id] : []))
    .sort()
    .join(',');
}
