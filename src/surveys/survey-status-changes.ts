/**
 * Opening and closing a survey, the same from the JSON API and from the workspace: the checks,
 * the theme refresh, the write with its webhook event (one batch), then the event's first attempt.
 */
import type { Definition } from '../domain/definition.ts';
import type { Env } from '../env.ts';
import { Problem } from '../http/problem.ts';
import { releaseAtClosing } from '../responses/ballots.ts';
import { activeCatalogue } from '../themes/themes.queries.ts';
import { deliverAfter } from '../webhooks/delivery.ts';
import { closeSurvey, openSurvey, refreshThemeOptions, type SurveyRow } from './surveys.queries.ts';

/** Hands post-write work to waitUntil (see `afterResponse`), or awaits it. */
type After = (work: Promise<unknown>) => unknown;

/** `alongside`: statements written in the same batch (the audit entry of whoever opens it). */
export async function openSurveyNow(env: Env, survey: SurveyRow, after: After, alongside: D1PreparedStatement[] = []): Promise<void> {
  if (survey.anonymous && !env.RESPONDENT_KEY) {
    throw new Problem(409, 'anonymity-not-configured', 'Anonymity not configured', {
      detail: 'Anonymous surveys need the RESPONDENT_KEY secret (wrangler secret put RESPONDENT_KEY).',
    });
  }
  // Theme options follow the catalogue until the first answer; afterwards they keep their meaning.
  const refreshed =
    survey.response_count + survey.held_back === 0
      ? refreshThemeOptions(JSON.parse(survey.definition) as Definition, await activeCatalogue(env.DB, survey.series_id))
      : null;
  await deliverAfter(env, await openSurvey(env.DB, survey.id, refreshed, alongside), after);
}

/**
 * Closing an anonymous survey releases its held answers when that describes enough people
 * (src/responses/ballots.ts, releasableBallots); otherwise they stay held (`held_back`) and a
 * re-opening may release them later. `survey.closed` carries the counts at closing; a release
 * at closing follows with its own `responses.released`. `alongside`: written in the batch that
 * closes it.
 */
export async function closeSurveyNow(env: Env, survey: SurveyRow, after: After, alongside: D1PreparedStatement[] = []): Promise<void> {
  await deliverAfter(env, await closeSurvey(env.DB, survey.id, alongside), after);
  if (survey.anonymous) await releaseAtClosing(env, { surveyId: survey.id, seriesId: survey.series_id }, { after });
}
