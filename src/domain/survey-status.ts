/** When a survey accepts answers: open, and not past its closing date. */
export type SurveyStatus = 'draft' | 'open' | 'closed';

export function effectiveStatus(status: SurveyStatus, closesAt: string | null, now = new Date()): SurveyStatus {
  if (status === 'open' && closesAt && Date.parse(closesAt) <= now.getTime()) return 'closed';
  return status;
}
