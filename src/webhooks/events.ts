/**
 * The events a series' webhooks receive and the exact payloads. Plain TypeScript so that what
 * an anonymous survey may reveal is decided (and tested) in one place.
 */

export const WEBHOOK_EVENTS = [
  'response.submitted',
  'responses.released',
  'survey.opened',
  'survey.closed',
  'session.updated',
  'session.cancelled',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Envelope<D> {
  event: WebhookEvent;
  series_id: number;
  occurred_at: string;
  data: D;
}

export interface SubmissionFacts {
  seriesId: number;
  surveyId: number;
  kind: 'pre' | 'post';
  sessionNumber: number;
  anonymous: boolean;
  invitationId: number;
  /** Whether this submission replaced earlier answers of the same respondent. */
  replaced: boolean;
  responses: number;
  invitations: number;
}

/**
 * An anonymous survey's event carries counts only: no invitation id (it names a person
 * through the invitation list) and nothing that could be matched to one link. A named
 * survey's event carries the invitation id, never the token (the token is the credential).
 */
export function responseSubmitted(f: SubmissionFacts, now: Date): Envelope<Record<string, unknown>> {
  return {
    event: 'response.submitted',
    series_id: f.seriesId,
    occurred_at: now.toISOString(),
    data: {
      survey_id: f.surveyId,
      kind: f.kind,
      session_number: f.sessionNumber,
      anonymous: f.anonymous,
      ...(f.anonymous ? {} : { invitation_id: f.invitationId, replaced: f.replaced }),
      responses: f.responses,
      invitations: f.invitations,
    },
  };
}

export interface ReleaseFacts {
  seriesId: number;
  surveyId: number;
  kind: 'pre' | 'post';
  sessionNumber: number;
  /** How many held submissions this release applied. */
  released: number;
  responses: number;
  invitations: number;
}

/**
 * An anonymous survey sends no event per submission (its time and count would single out the
 * person who just answered): its held submissions are applied in steps of at least the
 * minimum group size (src/responses/ballots.ts), and each step sends this. `occurred_at` is
 * the release's time, which is nobody's time of answering.
 */
export function responsesReleased(f: ReleaseFacts, now: Date): Envelope<Record<string, unknown>> {
  return {
    event: 'responses.released',
    series_id: f.seriesId,
    occurred_at: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
    data: {
      survey_id: f.surveyId,
      kind: f.kind,
      session_number: f.sessionNumber,
      anonymous: true,
      released: f.released,
      responses: f.responses,
      invitations: f.invitations,
    },
  };
}

export interface SurveyFacts {
  seriesId: number;
  surveyId: number;
  sessionId: number;
  sessionNumber: number;
  kind: 'pre' | 'post';
  anonymous: boolean;
  status: string;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  responses: number;
  invitations: number;
}

export function surveyChanged(event: 'survey.opened' | 'survey.closed', f: SurveyFacts, now: Date): Envelope<Record<string, unknown>> {
  return {
    event,
    series_id: f.seriesId,
    occurred_at: now.toISOString(),
    data: {
      survey_id: f.surveyId,
      session_id: f.sessionId,
      session_number: f.sessionNumber,
      kind: f.kind,
      anonymous: f.anonymous,
      status: f.status,
      closes_at: f.closesAt,
      opened_at: f.openedAt,
      closed_at: f.closedAt,
      responses: f.responses,
      invitations: f.invitations,
    },
  };
}

export interface SessionFacts {
  seriesId: number;
  sessionId: number;
  sessionNumber: number;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  notes: string | null;
  sequence: number;
  cancelledAt: string | null;
}

/** A session moved, re-placed or cancelled: what a calendar or a website shows of it, never who is invited. */
export function sessionChanged(
  event: 'session.updated' | 'session.cancelled',
  f: SessionFacts,
  now: Date,
): Envelope<Record<string, unknown>> {
  return {
    event,
    series_id: f.seriesId,
    occurred_at: now.toISOString(),
    data: {
      session_id: f.sessionId,
      session_number: f.sessionNumber,
      starts_at: f.startsAt,
      ends_at: f.endsAt,
      place: f.place,
      notes: f.notes,
      sequence: f.sequence,
      cancelled_at: f.cancelledAt,
    },
  };
}
