-- Identical free texts counted together (theme proposals, remarks), kept up to date by triggers
-- like answer_tallies (0008): the brief then reads a few hundred rows instead of every text
-- answer of a survey (see BENCHMARKS.md). Texts are stored trimmed, so equal texts meet here.

CREATE TABLE text_tallies (
  survey_id    INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  text         TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (survey_id, question_id, text)
) WITHOUT ROWID;

INSERT INTO text_tallies (survey_id, question_id, text, n)
SELECT survey_id, question_id, text, count(*) FROM answers WHERE text IS NOT NULL GROUP BY 1, 2, 3;

CREATE TRIGGER answers_text_tally_insert AFTER INSERT ON answers WHEN NEW.text IS NOT NULL
BEGIN
  INSERT INTO text_tallies (survey_id, question_id, text, n) VALUES (NEW.survey_id, NEW.question_id, NEW.text, 1)
  ON CONFLICT (survey_id, question_id, text) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER answers_text_tally_delete AFTER DELETE ON answers WHEN OLD.text IS NOT NULL
BEGIN
  UPDATE text_tallies SET n = n - 1 WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND text = OLD.text;
  DELETE FROM text_tallies WHERE survey_id = OLD.survey_id AND question_id = OLD.question_id AND text = OLD.text AND n <= 0;
END;
