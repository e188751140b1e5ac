-- Hardening (issue 19): webhook signing secrets sealed at rest, and a retention period for
-- contact data by default.

-- A webhook's signing secret, sealed (AES-GCM) under a key derived from the SESSION_SECRET
-- Worker secret (src/webhooks/secrets.ts); D1 alone no longer lets anyone sign a delivery.
-- New endpoints leave `secret` empty. A migration cannot call WebCrypto, so endpoints created
-- before this one keep their plaintext until the first cron tick after the deploy seals it
-- and blanks `secret` (src/webhooks/secrets.ts, sealLegacySecrets); until then their
-- deliveries are signed with the plaintext. Backups taken before hold the plaintext: rotate
-- such an endpoint (delete it, create it again) where that matters.
ALTER TABLE webhooks ADD COLUMN secret_sealed TEXT;
-- The cron's sweep finds what is left to seal without reading the table.
CREATE INDEX webhooks_unsealed ON webhooks(id) WHERE secret_sealed IS NULL;

-- Contacts (names, addresses) of a series are purged by default 365 days after its last
-- session; a series without a setting had none (kept until erased). A coordinator may still
-- choose another period, or none.
UPDATE series SET retention_days = 365 WHERE retention_days IS NULL;
