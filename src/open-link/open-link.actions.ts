/** A coordinator switching a survey's open link on or off and setting its cap, with its audit entry. */
import { writeAudit } from '../audit/audit.queries.ts';
import type { Coordinator, Env } from '../env.ts';
import { ownedSurvey } from '../surveys/surveys.actions.ts';
import { switchOpenLink } from './open-link.queries.ts';

export async function saveOpenLink(
  env: Env,
  actor: Coordinator,
  surveyId: number,
  input: { enabled: boolean; cap?: number | null | undefined },
) {
  const survey = await ownedSurvey(env, actor, surveyId);
  const entry = writeAudit(env.DB, actor, 'open-link.settings', `survey:${survey.id}`, {
    enabled: input.enabled,
    ...(input.cap !== undefined ? { cap: input.cap } : {}),
  });
  return switchOpenLink(env.DB, survey.id, input.enabled, input.cap, [entry]);
}
