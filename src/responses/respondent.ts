/** Who a response belongs to, as the survey sees it. */
import { Problem } from '../http/problem.ts';
import { hmacHex } from '../lib/crypto.ts';

/**
 * Named surveys key a response by its invitation. Anonymous surveys key it by an HMAC of the
 * invitation under a Worker secret that D1 never holds: the participant's link still finds
 * their answers, but no table joins an answer to a person.
 */
export async function respondentKey(
  secret: string | undefined,
  survey: { surveyId: number; anonymous: boolean },
  invitationId: number,
): Promise<string> {
  if (!survey.anonymous) return `i:${invitationId}`;
  if (!secret) {
    throw new Problem(503, 'anonymity-not-configured', 'Anonymity not configured', {
      detail: 'This anonymous survey cannot take answers until the RESPONDENT_KEY secret is set.',
    });
  }
  return `a:${await hmacHex(secret, `${survey.surveyId}:${invitationId}`)}`;
}
