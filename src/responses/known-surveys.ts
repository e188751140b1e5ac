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

/**
 * Links (token hashes) this isolate has resolved to a named survey: a submission that does not
 * name its survey (`PUT /api/s/:token` without `survey_id`) from a participant whose link was
 * read here before (the page, `GET /api/s/:token`) is stored in one D1 call too. Like the
 * surveys, nothing here is trusted: the write is guarded by the token and the survey together.
 * Anonymous surveys' links are never kept (their write needs the invitation read first).
 */
const LINK_CAPACITY = 4096;
/** Token hash → its survey, and whether the link was seen holding a response. */
const links = new Map<string, { surveyId: number; answered: boolean }>();

export function rememberLink(tokenHash: string, surveyId: number, answered: boolean): void {
  links.delete(tokenHash);
  links.set(tokenHash, { surveyId, answered });
  if (links.size > LINK_CAPACITY) {
    const oldest = links.keys().next().value;
    if (oldest !== undefined) links.delete(oldest);
  }
}

/**
 * The survey a submission that does not name one is most likely for: the survey its link was
 * last resolved to here, else the one named survey held here whose questions the answers name
 * — only when exactly one fits (several sessions of a series often ask the same questions: the
 * guess would then be a coin toss, and a wrong one costs a D1 call).
 */
export function likelySurvey(tokenHash: string, answers: Record<string, unknown>): number | undefined {
  const linked = links.get(tokenHash);
  if (linked !== undefined) return linked.surveyId;
  const named = Object.keys(answers);
  if (!named.length) return undefined;
  let fit: number | undefined;
  for (const survey of known.values()) {
    if (survey.anonymous) continue;
    const ids = new Set(survey.definition.questions.map((q) => q.id));
    if (!named.every((id) => ids.has(id))) continue;
    if (fit !== undefined) return undefined;
    fit = survey.surveyId;
  }
  return fit;
}

/**
 * Whether a link may hold a response already: seen answered here, or never seen here (then
 * false: most links are answered once, and a wrong guess costs the edit one more D1 call).
 */
export function linkAnswered(tokenHash: string): boolean {
  return links.get(tokenHash)?.answered ?? false;
}

/**
 * Empties what this isolate holds, as a cold isolate starts: only for the bench's cold-isolate
 * line (a request header honoured by src/lib/d1-timing.ts when RELAIS_TIMING = "1", which
 * production never sets), so that the path every cold isolate takes is measured too.
 */
export function forgetAll(): void {
  known.clear();
  links.clear();
}
