/** SQL of webhooks and their deliveries; every coordinator-facing read is scoped to the organisation. */
import type { WebhookEvent } from './events.ts';

export interface WebhookRow {
  id: number;
  series_id: number;
  url: string;
  events: string;
  created_at: string;
}

export function webhookJson(w: WebhookRow) {
  return { id: w.id, series_id: w.series_id, url: w.url, events: JSON.parse(w.events) as WebhookEvent[], created_at: w.created_at };
}

export interface DeliveryRow {
  id: number;
  webhook_id: number;
  series_id: number;
  url: string;
  event: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export function deliveryJson(d: DeliveryRow) {
  return {
    id: d.id,
    webhook_id: d.webhook_id,
    url: d.url,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? d.next_attempt_at : null,
    last_status: d.last_status,
    last_error: d.last_error,
    created_at: d.created_at,
    delivered_at: d.delivered_at,
  };
}

/**
 * Inserts only into a series of the organisation; RETURNING nothing when the series is not
 * theirs. The signing secret arrives sealed (secrets.ts); the plaintext column stays empty.
 */
export function insertWebhook(
  db: D1Database,
  organisationId: number,
  seriesId: number,
  url: string,
  events: readonly string[],
  sealedSecret: string,
) {
  return db
    .prepare(
      `INSERT INTO webhooks (series_id, url, events, secret, secret_sealed)
       SELECT id, ?, ?, '', ? FROM series WHERE id = ? AND organisation_id = ?
       RETURNING id, series_id, url, events, created_at`,
    )
    .bind(url, JSON.stringify(events), sealedSecret, seriesId, organisationId);
}

/** Endpoints created before secrets were sealed (migrations/0014), still holding theirs in plaintext. */
export async function legacySecrets(db: D1Database, limit: number) {
  const { results } = await db
    .prepare(`SELECT id, series_id, url, secret FROM webhooks WHERE secret_sealed IS NULL AND secret <> '' ORDER BY id LIMIT ?`)
    .bind(limit)
    .all<{ id: number; series_id: number; url: string; secret: string }>();
  return results;
}

/** Stores each sealed secret and blanks the plaintext, in one statement. */
export function storeSealedSecrets(db: D1Database, rows: { id: number; sealed: string }[]) {
  return db
    .prepare(
      `UPDATE webhooks SET secret_sealed = j.value ->> 'sealed', secret = ''
         FROM json_each(?) j WHERE webhooks.id = j.value ->> 'id' AND webhooks.secret_sealed IS NULL`,
    )
    .bind(JSON.stringify(rows))
    .run();
}

export async function listWebhooks(db: D1Database, organisationId: number, seriesId: number) {
  const { results } = await db
    .prepare(
      `SELECT w.id, w.series_id, w.url, w.events, w.created_at
         FROM webhooks w JOIN series s ON s.id = w.series_id
        WHERE w.series_id = ? AND s.organisation_id = ? ORDER BY w.id`,
    )
    .bind(seriesId, organisationId)
    .all<WebhookRow>();
  return results;
}

export function deleteWebhook(db: D1Database, organisationId: number, id: number) {
  return db
    .prepare(`DELETE FROM webhooks WHERE id = ? AND series_id IN (SELECT id FROM series WHERE organisation_id = ?) RETURNING id`)
    .bind(id, organisationId);
}

const SELECT_DELIVERY = `
  SELECT d.id, d.webhook_id, d.series_id, w.url, d.event, d.status, d.attempts, d.next_attempt_at,
         d.last_status, d.last_error, d.created_at, d.delivered_at
    FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id`;

export async function listDeliveries(db: D1Database, organisationId: number, seriesId: number, limit = 100) {
  const { results } = await db
    .prepare(
      `${SELECT_DELIVERY} JOIN series s ON s.id = d.series_id
        WHERE d.series_id = ? AND s.organisation_id = ? ORDER BY d.id DESC LIMIT ?`,
    )
    .bind(seriesId, organisationId, limit)
    .all<DeliveryRow>();
  return results;
}

export interface ClaimedDelivery {
  id: number;
  event: WebhookEvent;
  payload: string;
  attempts: number;
  webhookId: number;
  seriesId: number;
  url: string;
  /** Sealed under SESSION_SECRET; opened only to sign this delivery. */
  secretSealed: string | null;
  /** Only for an endpoint the cron has not sealed yet (created before migrations/0012). */
  legacySecret: string;
}

/**
 * Takes due deliveries for one attempt: counts the attempt and pushes next_attempt_at past a
 * lease, so the cron and a request's waitUntil never send the same delivery at once, and a
 * Worker that dies mid-attempt leaves the delivery to be retried after the lease.
 */
export async function claimDue(db: D1Database, now: string, leaseUntil: string, options: { ids?: number[]; limit?: number } = {}) {
  const { results } = await db
    .prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?2
        WHERE id IN (SELECT id FROM webhook_deliveries
                      WHERE status = 'pending' AND next_attempt_at <= ?1
                        AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))
                      ORDER BY next_attempt_at LIMIT ?4)
       RETURNING id, webhook_id, event, payload, attempts`,
    )
    .bind(now, leaseUntil, options.ids ? JSON.stringify(options.ids) : null, options.limit ?? 50)
    .all<{ id: number; webhook_id: number; event: WebhookEvent; payload: string; attempts: number }>();
  if (results.length === 0) return [];
  const { results: hooks } = await db
    .prepare('SELECT id, series_id, url, secret, secret_sealed FROM webhooks WHERE id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify([...new Set(results.map((r) => r.webhook_id))]))
    .all<{ id: number; series_id: number; url: string; secret: string; secret_sealed: string | null }>();
  const byId = new Map(hooks.map((h) => [h.id, h]));
  return results.flatMap((r): ClaimedDelivery[] => {
    const hook = byId.get(r.webhook_id);
    return hook
      ? [
          {
            id: r.id,
            event: r.event,
            payload: r.payload,
            attempts: r.attempts,
            webhookId: hook.id,
            seriesId: hook.series_id,
            url: hook.url,
            secretSealed: hook.secret_sealed,
            legacySecret: hook.secret,
          },
        ]
      : [];
  });
}

export interface AttemptOutcome {
  id: number;
  status: 'pending' | 'delivered' | 'failed';
  httpStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

/** Records every attempt of a round in one statement, so a cron tick's D1 queries do not grow with its deliveries. */
export function recordAttempts(db: D1Database, outcomes: AttemptOutcome[]) {
  return db
    .prepare(
      `UPDATE webhook_deliveries SET status = j.value ->> 'status', last_status = j.value ->> 'httpStatus',
              last_error = j.value ->> 'error', next_attempt_at = j.value ->> 'nextAttemptAt',
              delivered_at = CASE WHEN j.value ->> 'status' = 'delivered' THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE delivered_at END
         FROM json_each(?) j WHERE webhook_deliveries.id = j.value ->> 'id'`,
    )
    .bind(JSON.stringify(outcomes))
    .run();
}

export interface MissedSurveyEvent {
  event: 'survey.opened' | 'survey.closed';
  /** When it happened: the survey's opened_at or closed_at. */
  at: string;
  webhook_id: number;
  series_id: number;
  survey_id: number;
  session_id: number;
  session_number: number;
  kind: 'pre' | 'post';
  anonymous: 0 | 1;
  status: string;
  closes_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  responses: number;
  invitations: number;
}

/**
 * Survey events that reached no endpoint because they did not go through the API: a survey
 * closed at its closing date (by the cron) or opened or closed from the workspace, since
 * `since`, for endpoints that existed then and have no delivery of that very change yet.
 */
export async function missedSurveyEvents(db: D1Database, since: string, limit: number) {
  const { results } = await db
    .prepare(
      `WITH changes (survey_id, event, at, at_path) AS (
         SELECT id, 'survey.closed', closed_at, '$.data.closed_at' FROM surveys WHERE status = 'closed' AND closed_at >= ?1
         UNION ALL
         SELECT id, 'survey.opened', opened_at, '$.data.opened_at' FROM surveys WHERE status = 'open' AND opened_at >= ?1
       )
       SELECT c.event, c.at, w.id AS webhook_id, se.series_id, su.id AS survey_id, se.id AS session_id, se.number AS session_number,
              su.kind, su.anonymous, su.status, su.closes_at, su.opened_at, su.closed_at,
              (SELECT count(*) FROM responses r WHERE r.survey_id = su.id) AS responses,
              (SELECT count(*) FROM invitations i WHERE i.survey_id = su.id) AS invitations
         FROM changes c
         JOIN surveys su ON su.id = c.survey_id
         JOIN sessions se ON se.id = su.session_id
         JOIN webhooks w ON w.series_id = se.series_id
        WHERE c.at >= w.created_at
          AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = c.event)
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                           WHERE d.webhook_id = w.id AND d.event = c.event
                             AND d.payload ->> '$.data.survey_id' = su.id AND json_extract(d.payload, c.at_path) = c.at)
        ORDER BY c.at LIMIT ?2`,
    )
    .bind(since, limit)
    .all<MissedSurveyEvent>();
  return results;
}

/** Pending deliveries, due at `now`, each for its own endpoint and frozen payload. */
export function enqueueEach(
  db: D1Database,
  rows: { webhook_id: number; series_id: number; event: WebhookEvent; payload: string }[],
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO webhook_deliveries (webhook_id, series_id, event, payload, next_attempt_at)
       SELECT j.value ->> 'webhook_id', j.value ->> 'series_id', j.value ->> 'event', j.value ->> 'payload', ?2 FROM json_each(?1) j`,
    )
    .bind(JSON.stringify(rows), now)
    .run();
}
