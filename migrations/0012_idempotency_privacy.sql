-- Idempotency-Key records of participants were owned by 't:' || sha256(token), which equals
-- invitations.token_hash, and kept the submitted answers: D1 linked an anonymous answer to an
-- address. Their owner is now an HMAC under a Worker secret and they keep no answer
-- (src/http/idempotency.ts); the old ones go now rather than at their expiry. So do the kept
-- answers of a person's data export, which only an allow-list of routes may keep now.
DELETE FROM idempotency_keys WHERE scope LIKE 't:%';
UPDATE idempotency_keys SET body = NULL WHERE body LIKE '{"email":%';
