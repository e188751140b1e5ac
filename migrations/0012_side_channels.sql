-- Idempotency-Key records of participants were owned by 't:' || sha256(token), which equals
-- invitations.token_hash, and kept the submitted answers: D1 linked an anonymous answer to an
-- address. Their owner is now an HMAC under a Worker secret and they keep no answer
-- (src/http/idempotency.ts); the old ones go now rather than at their expiry. So do the kept
-- answers of a person's data export, which only an allow-list of routes may keep now.
DELETE FROM idempotency_keys WHERE scope LIKE 't:%';
UPDATE idempotency_keys SET body = NULL WHERE body LIKE '{"email":%';

-- The open link answers every address with the same page; what differs goes by e-mail only,
-- and a newcomer past the cap gets "no places left" in a message that has no invitation.
-- One such message per survey, address and ten-minute slot, as for invitations.
CREATE UNIQUE INDEX outbox_uninvited_once ON outbox(survey_id, to_email, slot) WHERE invitation_id IS NULL;
