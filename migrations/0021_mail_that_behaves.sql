-- Mail that behaves (issue 18): opt-outs per series, and what the e-mail platform reports.

-- "No more e-mails from this series", from the one-click List-Unsubscribe (RFC 8058) or the
-- page's button. The address is kept only as a keyed hash (HMAC under SESSION_SECRET,
-- src/email/opt-out.ts): the opt-out outlives the retention purge of names and addresses,
-- and is honoured for a later invitation to the same address, without storing the address.
CREATE TABLE opt_outs (
  series_id    INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  address_key  TEXT NOT NULL,
  -- 'link': the participant's click; 'complaint': the platform reported a spam complaint.
  source       TEXT NOT NULL CHECK (source IN ('link', 'complaint')),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (series_id, address_key)
) WITHOUT ROWID;

-- The invitation's own mark, so that "not sent yet" counts and reminders skip it in SQL.
ALTER TABLE invitations ADD COLUMN opted_out_at TEXT;

-- The platform's id of each message it accepted (the binding's messageId), to match the
-- delivery events Email Sending publishes (bounced, failed, rejected, complained, delivered).
ALTER TABLE outbox ADD COLUMN provider_message_id TEXT;
CREATE INDEX outbox_by_provider_message ON outbox(provider_message_id) WHERE provider_message_id IS NOT NULL;
