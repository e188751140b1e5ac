/**
 * The survey definitions this isolate has read, so that a submission naming its survey can be
 * checked and stored in one D1 call instead of two (read the questions, then write).
 *
 * Nothing here is trusted on its own: the write that follows is guarded in SQL by the survey's
 * id, creation time and definition version (ids can be reused after a deletion; every change
 * of the questions bumps the version). A stale or wrong entry therefore writes nothing and
 * the submission takes the ordinary path, which reads the survey afresh and replaces it here.
 */
import type { Definition } from '../domain/definition.ts';

export interface KnownSurvey {
  surveyId: number;
  createdAt: string;
  definitionVersion: number;
  anonymous: boolean;
  definition: Definition;
  /**
   * Whether an endpoint of the series listened to submissions when the survey was read: the
   * one-call batch then writes the event too. Stale either way is safe: its guard (?7 of
   * WRITABLE_LINK) refuses to write without the event when one listens.
   */
  hasSubmissionWebhooks: boolean;
}

/** A few dozen surveys are open at once across all organisations; beyond that, oldest out. */
const CAPACITY = 64;
const known = new Map<number, KnownSurvey>();

export function rememberSurvey(survey: KnownSurvey): void {
  // Deleted first so that the Map's order is the order of use.
  known.delete(survey.surveyId);
  known.set(survey.surveyId, survey);
  if (known.size > CAPACITY) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) known.delete(oldest);
  }
}

export function knownSurvey(surveyId: number): KnownSurvey | undefined {
  return known.get(surveyId);
}
