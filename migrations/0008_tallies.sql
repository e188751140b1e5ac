-- Counters kept beside the answers, so that results and briefs read a few rows per option
-- instead of aggregating every answer row at read time (BENCHMARKS.md: 13.5 s at 100k
-- responses). Triggers on `answers` maintain them inside the transaction of every write —
-- the submission batch, erasures and their FK cascades, the demo seed, imports, the bench —
-- so they can never disagree with the rows they count (test/tallies.test.ts checks it).

-- The respondent's profile group, repeated on each of their answer rows so that counters and
-- breakdowns need no self-join: the option id answered to the survey's `profile: true`
-- question, '' when none. A multiple-choice profile stores its chosen ids sorted and joined
-- by ',' (option ids cannot contain one); reads split it again. Every writer sets it: a
-- response's rows are always replaced together, never updated (see the trigger below).
ALTER TABLE answers ADD COLUMN grp TEXT NOT NULL DEFAULT '';

-- Non-text answer atoms per profile group. Absent values are sentinels, not NULL, so that the
-- primary key is unique (NULLs would never conflict, and upserts would add rows): option_id
-- '' (ids start with a letter or digit), theme_id 0 (ids start at 1), rank 0 (ranks start at
-- 1), number -1 (ratings are 0–10). Rows at zero are deleted, so every row counts something.
CREATE TABLE answer_tallies (
  survey_id    INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  grp          TEXT NOT NULL,
  option_id    TEXT NOT NULL DEFAULT '',
  theme_id     INTEGER NOT NULL DEFAULT 0,
  rank         INTEGER NOT NULL DEFAULT 0,
  number       INTEGER NOT NULL DEFAULT -1,
  n            INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question_id, grp, option_id, theme_id, rank, number)
) WITHOUT ROWID;

-- Respondents per question and profile group: the denominators (a respondent answers a
-- question with one row or several; they count once).
CREATE TABLE question_tallies (
  survey_id    INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  grp          TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question_id, grp)
) WITHOUT ROWID;

-- Backfill: groups from each response's profile answer (the profile question is named in the
-- survey's definition), then both counters from the rows as they are.
CREATE TABLE tally_backfill_groups (response_id INTEGER PRIMARY KEY, grp TEXT NOT NULL);
INSERT INTO tally_backfill_groups (response_id, grp)
SELECT a.response_id, group_concat(a.option_id, ',' ORDER BY a.option_id)
  FROM surveys su
  JOIN json_each(su.definition, '$.questions') q ON q.value ->> 'profile' = 1
  JOIN answers a ON a.survey_id = su.id AND a.question_id = q.value ->> 'id'
 WHERE a.option_id IS NOT NULL
 GROUP BY a.response_id;
UPDATE answers SET grp = g.grp FROM tally_backfill_groups g WHERE g.response_id = answers.response_id;
DROP TABLE tally_backfill_groups;

INSERT INTO answer_tallies (survey_id, question_id, grp, option_id, theme_id, rank, number, n)
SELECT survey_id, question_id, grp, coalesce(option_id, ''), coalesce(theme_id, 0), coalesce(rank, 0), coalesce(number, -1), count(*)
  FROM answers WHERE text IS NULL
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO question_tallies (survey_id, question_id, grp, n)
SELECT survey_id, question_id, grp, count(DISTINCT response_id)
  FROM answers
 GROUP BY 1, 2, 3;

-- A respondent counts once per question: only the first row of a (response, question) adds
-- to question_tallies (the probe is answers_by_response). Rows of one INSERT … SELECT fire
-- one by one, so the first row sees none of its siblings.
CREATE TRIGGER answers_tally_insert AFTER INSERT ON answers
BEGIN
  INSERT INTO answer_tallies (survey_id, question_id, grp, option_id, theme_id, rank, number, n)
  SELECT NEW.survey_id, NEW.question_id, NEW.grp, coalesce(NEW.option_id, ''), coalesce(NEW.theme_id, 0),
         coalesce(NEW.rank, 0), coalesce(NEW.number, -1), 1
   WHERE NEW.text IS NULL
  ON CONFLICT (survey_id, question_id, grp, option_id, theme_id, rank, number) DO UPDATE SET n = n + 1;
  INSERT INTO question_tallies (survey_id, question_id, grp, n)
  SELECT NEW.survey_id, NEW.question_id, NEW.grp, 1
   WHERE NOT EXISTS (SELECT 1 FROM answers
                      WHERE response_id = NEW.response_id AND question_id = NEW.question_id AND rowid <> NEW.rowid)
  ON CONFLICT (survey_id, question_id, grp) DO UPDATE SET n = n + 1;
END;

-- The mirror, for re-submissions, erasures and the cascades from responses, surveys, series:
-- the respondent leaves question_tallies with the last row of that (response, question).
CREATE TRIGGER answers_tally_delete AFTER DELETE ON answers
BEGIN
  UPDATE answer_tallies SET n = n - 1
   WHERE OLD.text IS NULL AND survey_id = OLD.survey_id AND question_id = OLD.question_id AND grp = OLD.grp
     AND option_id = coalesce(OLD.option_id, '') AND theme_id = coalesce(OLD.theme_id, 0)
     AND rank = coalesce(OLD.rank, 0) AND number = coalesce(OLD.number, -1);
  DELETE FROM answer_tallies
   WHERE OLD.text IS NULL AND survey_id = OLD.survey_id AND question_id = OLD.question_id AND grp = OLD.grp
     AND option_id = coalesce(OLD.option_id, '') AND theme_id = coalesce(OLD.theme_id, 0)
     AND rank = coalesce(OLD.rank, 0) AND number = coalesce(OLD.number, -1) AND n <= 0;
  UPDATE question_tallies SET n = n - 1
   WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND grp = OLD.grp
     AND NOT EXISTS (SELECT 1 FROM answers WHERE response_id = OLD.response_id AND question_id = OLD.question_id);
  DELETE FROM question_tallies
   WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND grp = OLD.grp AND n <= 0;
END;

-- The counters follow inserts and deletes only; an answer changed in place would leave them
-- wrong, so nothing may (every writer replaces a response's rows).
CREATE TRIGGER answers_no_update BEFORE UPDATE ON answers
BEGIN
  SELECT RAISE(ABORT, 'answers are replaced, never updated: answer_tallies and question_tallies count them');
END;

-- First submissions per day (results' timeline) from the index alone, in day order.
CREATE INDEX responses_by_created ON responses(survey_id, created_at);
