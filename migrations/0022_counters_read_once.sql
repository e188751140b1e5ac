-- Results and briefs at a constant number of rows read (issue 15: ≤ 1,000 a request at any
-- size), and the pre/post pairing as counters. Every table here is kept by triggers inside the
-- transaction of every write (submission batch, erasures and their cascades, seeds, imports),
-- like the counters of 0008, 0009 and 0015; test/tallies.test.ts holds them equal to a recount.

-- 1. answer_tallies without the profile group: what a brief and a survey without a profile
-- question read. answer_tallies multiplies every option by the number of profile groups (the
-- bench's 124 atoms become 428 rows); only the breakdowns need that. Same sentinels as
-- answer_tallies; rows at zero are deleted, so every row counts something.
CREATE TABLE answer_totals (
  survey_id    INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  option_id    TEXT NOT NULL DEFAULT '',
  theme_id     INTEGER NOT NULL DEFAULT 0,
  rank         INTEGER NOT NULL DEFAULT 0,
  number       INTEGER NOT NULL DEFAULT -1,
  n            INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question_id, option_id, theme_id, rank, number)
) WITHOUT ROWID;

INSERT INTO answer_totals (survey_id, question_id, option_id, theme_id, rank, number, n)
SELECT survey_id, question_id, option_id, theme_id, rank, number, sum(n)
  FROM answer_tallies GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER answers_total_insert AFTER INSERT ON answers WHEN NEW.text IS NULL
BEGIN
  INSERT INTO answer_totals (survey_id, question_id, option_id, theme_id, rank, number, n)
  VALUES (NEW.survey_id, NEW.question_id, coalesce(NEW.option_id, ''), coalesce(NEW.theme_id, 0), coalesce(NEW.rank, 0),
          coalesce(NEW.number, -1), 1)
  ON CONFLICT (survey_id, question_id, option_id, theme_id, rank, number) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER answers_total_delete AFTER DELETE ON answers WHEN OLD.text IS NULL
BEGIN
  UPDATE answer_totals SET n = n - 1
   WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND option_id = coalesce(OLD.option_id, '')
     AND theme_id = coalesce(OLD.theme_id, 0) AND rank = coalesce(OLD.rank, 0) AND number = coalesce(OLD.number, -1);
  DELETE FROM answer_totals
   WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND option_id = coalesce(OLD.option_id, '')
     AND theme_id = coalesce(OLD.theme_id, 0) AND rank = coalesce(OLD.rank, 0) AND number = coalesce(OLD.number, -1) AND n <= 0;
END;

-- 2. The most frequent texts of a question without reading the others: results and briefs show
-- at most a fixed number of text groups a question (src/results/results.queries.ts, TEXT_LIMIT).
CREATE INDEX text_tallies_by_count ON text_tallies(survey_id, question_id, n DESC, text);

-- 3. Pre/post pairing (surveys that are not anonymous): the same person — invitations of the
-- session's pre- and post-survey with the same e-mail — counted once per pre-survey choice
-- question and once per option they chose there (option_id '' = the person), by the rating
-- they gave to each question of the post-survey. The brief reads one (pre question, post
-- question) pair: (options + 1) × rating values rows, whatever the number of respondents.
-- Rows at zero stay (the read skips them): a delete would have to find them first.
CREATE TABLE pair_tallies (
  pre_survey_id     INTEGER NOT NULL,
  post_survey_id    INTEGER NOT NULL,
  pre_question_id   TEXT NOT NULL,
  post_question_id  TEXT NOT NULL,
  option_id         TEXT NOT NULL,
  number            INTEGER NOT NULL,
  n                 INTEGER NOT NULL,
  PRIMARY KEY (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number)
) WITHOUT ROWID;

-- Backfill from the rows as they are: every named pre-survey choice answer × the same person's
-- post-survey ratings, and the person once per pre question.
WITH pairs AS (
  SELECT sp.id AS pre, sq.id AS post, rp.id AS who, e.question_id AS pq, e.option_id AS opt, u.question_id AS uq, u.number AS num
    FROM surveys sp
    JOIN surveys sq ON sq.session_id = sp.session_id AND sq.kind = 'post'
    JOIN responses rp ON rp.survey_id = sp.id AND rp.invitation_id IS NOT NULL
    JOIN invitations ip ON ip.id = rp.invitation_id
    JOIN invitations iq ON iq.survey_id = sq.id AND iq.email = ip.email
    JOIN responses rq ON rq.invitation_id = iq.id AND rq.survey_id = sq.id
    JOIN answers u ON u.response_id = rq.id AND u.number IS NOT NULL
    JOIN answers e ON e.response_id = rp.id AND e.option_id IS NOT NULL AND e.rank IS NULL
   WHERE sp.kind = 'pre')
INSERT INTO pair_tallies (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number, n)
SELECT pre, post, pq, uq, opt, num, count(*) FROM pairs GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT pre, post, pq, uq, '', num, count(DISTINCT who) FROM pairs GROUP BY 1, 2, 3, 4, 6;

-- An answer row on the pre-survey side (a choice: an option without a rank, of a named
-- response) pairs with every rating of the same person's post-survey response; on the
-- post-survey side (a rating), with every choice of the person's pre-survey response. The
-- person's '' row counts once per pre question: on the pre side only for the first row of that
-- (response, question) inserted, or the last deleted (as question_tallies does); on the post
-- side for the first choice row of each pre question. Each (choice, rating) pair is counted
-- when the later of its two rows is written and uncounted when the earlier is deleted.
CREATE TRIGGER answers_pair_insert AFTER INSERT ON answers WHEN NEW.text IS NULL
BEGIN
  INSERT INTO pair_tallies (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number, n)
  SELECT NEW.survey_id, sq.id, NEW.question_id, u.question_id, CASE w.person WHEN 1 THEN '' ELSE NEW.option_id END, u.number, 1
    FROM surveys sp
    JOIN surveys sq ON sq.session_id = sp.session_id AND sq.kind = 'post'
    JOIN responses rp ON rp.id = NEW.response_id
    JOIN invitations ip ON ip.id = rp.invitation_id
    JOIN invitations iq ON iq.survey_id = sq.id AND iq.email = ip.email
    JOIN responses rq ON rq.invitation_id = iq.id AND rq.survey_id = sq.id
    JOIN answers u ON u.response_id = rq.id AND u.number IS NOT NULL
    JOIN (SELECT 0 AS person UNION ALL SELECT 1) w
   WHERE NEW.option_id IS NOT NULL AND NEW.rank IS NULL AND sp.id = NEW.survey_id AND sp.kind = 'pre'
     AND (w.person = 0 OR NOT EXISTS (SELECT 1 FROM answers x
                                        WHERE x.response_id = NEW.response_id AND x.question_id = NEW.question_id AND x.rowid <> NEW.rowid))
  ON CONFLICT (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number) DO UPDATE SET n = n + 1;
  INSERT INTO pair_tallies (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number, n)
  SELECT sp.id, NEW.survey_id, e.question_id, NEW.question_id, CASE w.person WHEN 1 THEN '' ELSE e.option_id END, NEW.number, 1
    FROM surveys sq
    JOIN surveys sp ON sp.session_id = sq.session_id AND sp.kind = 'pre'
    JOIN responses rq ON rq.id = NEW.response_id
    JOIN invitations iq ON iq.id = rq.invitation_id
    JOIN invitations ip ON ip.survey_id = sp.id AND ip.email = iq.email
    JOIN responses rp ON rp.invitation_id = ip.id AND rp.survey_id = sp.id
    JOIN answers e ON e.response_id = rp.id AND e.option_id IS NOT NULL AND e.rank IS NULL
    JOIN (SELECT 0 AS person UNION ALL SELECT 1) w
   WHERE NEW.number IS NOT NULL AND sq.id = NEW.survey_id AND sq.kind = 'post'
     AND (w.person = 0 OR NOT EXISTS (SELECT 1 FROM answers x
                                        WHERE x.response_id = rp.id AND x.question_id = e.question_id AND x.rowid < e.rowid))
  ON CONFLICT (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER answers_pair_delete AFTER DELETE ON answers WHEN OLD.text IS NULL
BEGIN
  INSERT INTO pair_tallies (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number, n)
  SELECT OLD.survey_id, sq.id, OLD.question_id, u.question_id, CASE w.person WHEN 1 THEN '' ELSE OLD.option_id END, u.number, -1
    FROM surveys sp
    JOIN surveys sq ON sq.session_id = sp.session_id AND sq.kind = 'post'
    JOIN responses rp ON rp.id = OLD.response_id
    JOIN invitations ip ON ip.id = rp.invitation_id
    JOIN invitations iq ON iq.survey_id = sq.id AND iq.email = ip.email
    JOIN responses rq ON rq.invitation_id = iq.id AND rq.survey_id = sq.id
    JOIN answers u ON u.response_id = rq.id AND u.number IS NOT NULL
    JOIN (SELECT 0 AS person UNION ALL SELECT 1) w
   WHERE OLD.option_id IS NOT NULL AND OLD.rank IS NULL AND sp.id = OLD.survey_id AND sp.kind = 'pre'
     AND (w.person = 0 OR NOT EXISTS (SELECT 1 FROM answers x
                                        WHERE x.response_id = OLD.response_id AND x.question_id = OLD.question_id))
  ON CONFLICT (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number) DO UPDATE SET n = n - 1;
  INSERT INTO pair_tallies (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number, n)
  SELECT sp.id, OLD.survey_id, e.question_id, OLD.question_id, CASE w.person WHEN 1 THEN '' ELSE e.option_id END, OLD.number, -1
    FROM surveys sq
    JOIN surveys sp ON sp.session_id = sq.session_id AND sp.kind = 'pre'
    JOIN responses rq ON rq.id = OLD.response_id
    JOIN invitations iq ON iq.id = rq.invitation_id
    JOIN invitations ip ON ip.survey_id = sp.id AND ip.email = iq.email
    JOIN responses rp ON rp.invitation_id = ip.id AND rp.survey_id = sp.id
    JOIN answers e ON e.response_id = rp.id AND e.option_id IS NOT NULL AND e.rank IS NULL
    JOIN (SELECT 0 AS person UNION ALL SELECT 1) w
   WHERE OLD.number IS NOT NULL AND sq.id = OLD.survey_id AND sq.kind = 'post'
     AND (w.person = 0 OR NOT EXISTS (SELECT 1 FROM answers x
                                        WHERE x.response_id = rp.id AND x.question_id = e.question_id AND x.rowid < e.rowid))
  ON CONFLICT (pre_survey_id, post_survey_id, pre_question_id, post_question_id, option_id, number) DO UPDATE SET n = n - 1;
END;

-- The pairing follows a person through their invitation and response rows: those must still be
-- there when their answers go. A foreign key's cascade deletes the children after the parent
-- row, so erasing a response (or an invitation) removes its answers (its responses) first.
CREATE TRIGGER responses_answers_first BEFORE DELETE ON responses
BEGIN
  DELETE FROM answers WHERE response_id = OLD.id;
END;
CREATE TRIGGER invitations_responses_first BEFORE DELETE ON invitations
BEGIN
  DELETE FROM responses WHERE invitation_id = OLD.id;
END;

-- A deleted survey (its series or session deleted, cascading) takes its pairs with it: its
-- answers' triggers no longer find it.
CREATE TRIGGER surveys_pair_delete AFTER DELETE ON surveys
BEGIN
  DELETE FROM pair_tallies WHERE pre_survey_id = OLD.id;
  DELETE FROM pair_tallies
   WHERE pre_survey_id = (SELECT id FROM surveys WHERE session_id = OLD.session_id AND kind = 'pre') AND post_survey_id = OLD.id;
END;

-- 4. Storage (issue 15: ≤ 1.5× the floor's bytes a response): answers_by_question_respondent was
-- a fifth of the database (401 of 2,111 bytes a response, bench/seed.ts's answers, vacuumed).
-- Its readers now read counters (the series export's aggregates: answer_totals; a series'
-- theme proposals: text_tallies; the pairing: pair_tallies) or go through the survey's responses
-- and answers_by_response (the exact theme history of merged themes, rare).
DROP INDEX answers_by_question_respondent;
