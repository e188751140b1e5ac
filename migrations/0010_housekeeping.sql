-- The hourly cron's housekeeping (src/cron/scheduled.ts) removes webhook deliveries that are
-- settled (delivered or failed) once older than WEBHOOK_LOG_DAYS: their payloads name surveys
-- and invitation ids, and the log is for debugging an endpoint, not an archive. This index
-- finds them oldest first without reading pending deliveries or the whole table.
CREATE INDEX webhook_deliveries_settled_by_age ON webhook_deliveries(created_at) WHERE status <> 'pending';
