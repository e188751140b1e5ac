-- Anonymous submissions are held sealed here and applied to responses/answers only in steps of
-- at least the survey's effective minimum group size (src/responses/ballots.ts): results, the
-- brief, exports and webhooks then change only when enough people did, so diffing two snapshots
-- never isolates one person. Named surveys never use this table.
--
-- One row per respondent (the same HMAC key as responses.respondent_key). WITHOUT ROWID and no
-- timestamps: nothing here records the order or the time of a submission.
--   answers_mac  HMAC under a key derived from RESPONDENT_KEY (a Worker secret) of the answers
--                and their language: recognises a retry, unlike a plain hash it cannot be
--                brute-forced from a copy of D1, and differs between two people's equal answers.
--   readback     the answers sealed under a key derived from the personal link's token: only the
--                link that submitted them can show them back. NULL: nothing to show.
--   pending      what the release writes (rows, profile group, version, language), sealed under a
--                key derived from RESPONDENT_KEY; NULL once applied to responses/answers.
CREATE TABLE anonymous_ballots (
  survey_id      INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  respondent_key TEXT NOT NULL,
  answers_mac    TEXT NOT NULL,
  language       TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
  readback       TEXT,
  pending        TEXT,
  PRIMARY KEY (survey_id, respondent_key)
) WITHOUT ROWID;

-- Counting and reading a survey's held ballots (each submission, each closing, the cron) without
-- visiting the released ones.
CREATE INDEX anonymous_ballots_pending ON anonymous_ballots(survey_id) WHERE pending IS NOT NULL;

-- Anonymous responses stored before this migration were already visible: they count as released.
-- They get no readback (no token was kept to seal one under), so their earlier answers are no
-- longer shown back on the personal link; a new submission replaces them as before. The empty MAC
-- never matches, so such a submission is always stored.
INSERT INTO anonymous_ballots (survey_id, respondent_key, answers_mac, language)
SELECT r.survey_id, r.respondent_key, '', r.language
  FROM responses r JOIN surveys su ON su.id = r.survey_id
 WHERE su.anonymous = 1;

-- Times finer than the day must not exist for anonymous rows (they could be matched to one
-- person's opening of a link or to a release).
UPDATE invitations SET opened_at = substr(opened_at, 1, 10) || 'T00:00:00.000Z'
 WHERE opened_at IS NOT NULL AND survey_id IN (SELECT id FROM surveys WHERE anonymous = 1);
UPDATE responses SET created_at = substr(created_at, 1, 10), updated_at = substr(updated_at, 1, 10)
 WHERE invitation_id IS NULL AND survey_id IN (SELECT id FROM surveys WHERE anonymous = 1);
