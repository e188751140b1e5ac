/**
 * The outbox of webhook events: the statement that writes an event's deliveries goes into the
 * SAME D1 batch as the write that causes it (a submission, an anonymous release, a survey
 * opened or closed). The batch is one transaction, so a committed write always holds its
 * event and a rolled-back one holds none; a retry that writes nothing adds none. Sending reads
 * these rows afterwards: the first attempt right after the write (src/webhooks/delivery.ts,
 * `deliverNow`), later ones by the hourly cron (`retryDueDeliveries`).
 *
 * Payloads are built here in SQL, in the statement that inserts them, so the counts they carry
 * (responses, invitations) are those of the transaction that wrote. Their shape is the one of
 * src/webhooks/events.ts (test/webhook-outbox.test.ts holds them to it).
 *
 * Statements that follow a guarded write use `changes()`: the rows changed by the statement
 * just before in the batch (triggers' rows not counted), i.e. whether that write happened.
 */
import type { WebhookEvent } from './events.ts';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * The counts every survey event carries, of survey `su`, from the counters the triggers of
 * migrations/0015 keep (already up to date inside this transaction): one row, not one index
 * entry per response or invitation.
 */
const COUNTS = `'responses', coalesce((SELECT tc.responses FROM survey_tallies tc WHERE tc.survey_id = su.id), 0),
      'invitations', coalesce((SELECT tc.invited FROM survey_tallies tc WHERE tc.survey_id = su.id), 0)`;

/**
 * One pending delivery per endpoint of the series of survey `su` (joined as `se`) that listens
 * to `event`, due now; `data` is the json_object arguments of the payload's data.
 */
function outboxInsert(event: WebhookEvent, data: string, from: string, where: string, occurredAt = NOW): string {
  return `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at)
    SELECT w.id, se.series_id, '${event}',
           json_object('event', '${event}', 'series_id', se.series_id, 'occurred_at', ${occurredAt}, 'data', json_object(${data})),
           ${NOW}
      FROM ${from}
      JOIN sessions se ON se.id = su.session_id
      JOIN webhooks w ON w.series_id = se.series_id AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = '${event}')
     WHERE ${where}
    RETURNING id`;
}

/** Both times are set by one statement on a first submission; a replacement keeps the first. */
const SUBMITTED_DATA = `'survey_id', su.id, 'kind', su.kind, 'session_number', se.number, 'anonymous', json('false'),
      'invitation_id', r.invitation_id, 'replaced', json(CASE WHEN r.created_at <> r.updated_at THEN 'true' ELSE 'false' END),
      ${COUNTS}`;

/**
 * `response.submitted` of a named survey, for the one-call batch (src/responses/responses.queries.ts,
 * KNOWN_SUBMISSION): placed right after the response's upsert, it writes only if that upsert did
 * (?1 token hash, ?2 survey id, as the batch's other statements).
 */
export const SUBMITTED_BY_TOKEN = outboxInsert(
  'response.submitted',
  SUBMITTED_DATA,
  `invitations i JOIN responses r ON r.survey_id = i.survey_id AND r.respondent_key = 'i:' || i.id
      JOIN surveys su ON su.id = r.survey_id`,
  `i.token_hash = ?1 AND i.survey_id = ?2 AND su.anonymous = 0 AND changes() > 0`,
);

/** `response.submitted` of a named survey, for the two-call batch (replaceResponse), right after its upsert: ?1 survey id, ?2 respondent key. */
export const SUBMITTED_BY_KEY = outboxInsert(
  'response.submitted',
  SUBMITTED_DATA,
  'responses r JOIN surveys su ON su.id = r.survey_id',
  'r.survey_id = ?1 AND r.respondent_key = ?2 AND su.anonymous = 0 AND changes() > 0',
);

/**
 * `responses.released` for the anonymous release batch (src/responses/ballots.queries.ts):
 * placed right after the statement that clears the released ballots' pending writes, so
 * `changes()` is how many this release applied (none: no event). `occurred_at` keeps the
 * second only, as src/webhooks/events.ts says why. ?1 survey id.
 */
export const RELEASED = outboxInsert(
  'responses.released',
  `'survey_id', su.id, 'kind', su.kind, 'session_number', se.number, 'anonymous', json('true'), 'released', changes(), ${COUNTS}`,
  'surveys su',
  'su.id = ?1 AND changes() > 0',
  `strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now')`,
);

/**
 * `survey.opened` / `survey.closed`, right after the statement that changed the survey's status
 * (only if it did: opening an open survey sends nothing). ?1 survey id.
 */
export function surveyChangedEvent(event: 'survey.opened' | 'survey.closed'): string {
  return outboxInsert(
    event,
    `'survey_id', su.id, 'session_id', se.id, 'session_number', se.number, 'kind', su.kind,
      'anonymous', json(CASE WHEN su.anonymous = 1 THEN 'true' ELSE 'false' END), 'status', su.status,
      'closes_at', su.closes_at, 'opened_at', su.opened_at, 'closed_at', su.closed_at, ${COUNTS}`,
    'surveys su',
    'su.id = ?1 AND changes() > 0',
  );
}

/**
 * `session.updated` / `session.cancelled` (shape: `sessionChanged` in events.ts), right after
 * the statement that changed the session, only if it did. ?1 session id.
 */
export function sessionChangedEvent(event: 'session.updated' | 'session.cancelled'): string {
  return `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at)
    SELECT w.id, se.series_id, '${event}',
           json_object('event', '${event}', 'series_id', se.series_id, 'occurred_at', ${NOW}, 'data', json_object(
             'session_id', se.id, 'session_number', se.number, 'starts_at', se.starts_at, 'ends_at', se.ends_at,
             'place', se.place, 'notes', se.notes, 'sequence', se.sequence, 'cancelled_at', se.cancelled_at)),
           ${NOW}
      FROM sessions se
      JOIN webhooks w ON w.series_id = se.series_id AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = '${event}')
     WHERE se.id = ?1 AND changes() > 0
    RETURNING id`;
}

/** The ids of the deliveries an outbox statement wrote (its result in the batch). */
export function deliveryIds(result: D1Result<unknown> | undefined): number[] {
  return ((result?.results ?? []) as { id: number }[]).map((r) => r.id);
}
