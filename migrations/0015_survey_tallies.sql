-- Participation counted at write time, like the answers' counters (0008): results and briefs
-- then read one row per survey (invited, opened, answered, responses) and one per day of first
-- submissions, instead of one index entry per invitation and response (about 40 ms each at
-- 100k responses, BENCHMARKS.md). Triggers on invitations and responses keep them inside the
-- transaction of every write, the foreign keys' cascades included, so they cannot drift from
-- the rows they count (test/survey-tallies.test.ts checks it against a recount).

CREATE TABLE survey_tallies (
  survey_id  INTEGER NOT NULL PRIMARY KEY,
  invited    INTEGER NOT NULL DEFAULT 0,
  opened     INTEGER NOT NULL DEFAULT 0,
  answered   INTEGER NOT NULL DEFAULT 0,
  responses  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- First submissions per survey and day (the day of responses.created_at, as the timeline shows it).
CREATE TABLE response_days (
  survey_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (survey_id, day)
) WITHOUT ROWID;

INSERT INTO survey_tallies (survey_id, invited, opened, answered, responses)
SELECT survey_id, sum(invited), sum(opened), sum(answered), sum(responses)
  FROM (SELECT survey_id, count(*) AS invited, count(opened_at) AS opened, sum(answered) AS answered, 0 AS responses
          FROM invitations GROUP BY survey_id
        UNION ALL
        SELECT survey_id, 0, 0, 0, count(*) FROM responses GROUP BY survey_id)
 GROUP BY survey_id;

INSERT INTO response_days (survey_id, day, n)
SELECT survey_id, substr(created_at, 1, 10), count(*) FROM responses GROUP BY 1, 2;

CREATE TRIGGER invitations_tally_insert AFTER INSERT ON invitations
BEGIN
  INSERT INTO survey_tallies (survey_id, invited, opened, answered)
  VALUES (NEW.survey_id, 1, NEW.opened_at IS NOT NULL, NEW.answered)
  ON CONFLICT (survey_id) DO UPDATE
     SET invited = invited + 1, opened = opened + excluded.opened, answered = answered + excluded.answered;
END;

CREATE TRIGGER invitations_tally_delete AFTER DELETE ON invitations
BEGIN
  UPDATE survey_tallies
     SET invited = invited - 1, opened = opened - (OLD.opened_at IS NOT NULL), answered = answered - OLD.answered
   WHERE survey_id = OLD.survey_id;
  DELETE FROM survey_tallies WHERE survey_id = OLD.survey_id AND invited <= 0 AND responses <= 0;
END;

-- Only a change that counts does any work: a re-submission sets answered = 1 again.
CREATE TRIGGER invitations_tally_update AFTER UPDATE OF survey_id, opened_at, answered ON invitations
  WHEN OLD.survey_id IS NOT NEW.survey_id OR (OLD.opened_at IS NULL) <> (NEW.opened_at IS NULL) OR OLD.answered <> NEW.answered
BEGIN
  UPDATE survey_tallies
     SET invited = invited - 1, opened = opened - (OLD.opened_at IS NOT NULL), answered = answered - OLD.answered
   WHERE survey_id = OLD.survey_id;
  INSERT INTO survey_tallies (survey_id, invited, opened, answered)
  VALUES (NEW.survey_id, 1, NEW.opened_at IS NOT NULL, NEW.answered)
  ON CONFLICT (survey_id) DO UPDATE
     SET invited = invited + 1, opened = opened + excluded.opened, answered = answered + excluded.answered;
  DELETE FROM survey_tallies WHERE survey_id = OLD.survey_id AND invited <= 0 AND responses <= 0;
END;

-- A re-submission is the upsert's UPDATE (answers_hash, updated_at): no INSERT trigger fires.
CREATE TRIGGER responses_tally_insert AFTER INSERT ON responses
BEGIN
  INSERT INTO survey_tallies (survey_id, responses) VALUES (NEW.survey_id, 1)
  ON CONFLICT (survey_id) DO UPDATE SET responses = responses + 1;
  INSERT INTO response_days (survey_id, day, n) VALUES (NEW.survey_id, substr(NEW.created_at, 1, 10), 1)
  ON CONFLICT (survey_id, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER responses_tally_delete AFTER DELETE ON responses
BEGIN
  UPDATE survey_tallies SET responses = responses - 1 WHERE survey_id = OLD.survey_id;
  DELETE FROM survey_tallies WHERE survey_id = OLD.survey_id AND invited <= 0 AND responses <= 0;
  UPDATE response_days SET n = n - 1 WHERE survey_id = OLD.survey_id AND day = substr(OLD.created_at, 1, 10);
  DELETE FROM response_days WHERE survey_id = OLD.survey_id AND day = substr(OLD.created_at, 1, 10) AND n <= 0;
END;

CREATE TRIGGER responses_tally_update AFTER UPDATE OF survey_id, created_at ON responses
  WHEN OLD.survey_id IS NOT NEW.survey_id OR substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
BEGIN
  UPDATE survey_tallies SET responses = responses - 1 WHERE survey_id = OLD.survey_id;
  UPDATE response_days SET n = n - 1 WHERE survey_id = OLD.survey_id AND day = substr(OLD.created_at, 1, 10);
  INSERT INTO survey_tallies (survey_id, responses) VALUES (NEW.survey_id, 1)
  ON CONFLICT (survey_id) DO UPDATE SET responses = responses + 1;
  INSERT INTO response_days (survey_id, day, n) VALUES (NEW.survey_id, substr(NEW.created_at, 1, 10), 1)
  ON CONFLICT (survey_id, day) DO UPDATE SET n = n + 1;
  DELETE FROM survey_tallies WHERE survey_id = OLD.survey_id AND invited <= 0 AND responses <= 0;
  DELETE FROM response_days WHERE survey_id = OLD.survey_id AND day = substr(OLD.created_at, 1, 10) AND n <= 0;
END;
