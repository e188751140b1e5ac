-- The brief becomes the minutes (issues 16 and 17): the coordinator's words per section,
-- the series' actions and what became of them, and moderation of free texts.

-- The coordinator's words for one section of a session's brief. Every save is a new version
-- (nothing is overwritten), so the workspace shows who changed it when and any earlier text.
CREATE TABLE brief_texts (
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  section         TEXT NOT NULL CHECK (section IN ('expectations', 'findings', 'needs', 'actions', 'save_the_date')),
  version         INTEGER NOT NULL CHECK (version >= 1),
  language        TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
  text            TEXT NOT NULL,
  coordinator_id  INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
  -- Kept as text so the version still says who wrote it after the coordinator's removal.
  actor           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (session_id, section, version)
) WITHOUT ROWID;

-- The series' collective actions: each option of a post-survey's `actions` question, once the
-- survey leaves draft, kept across sessions by its option id (the same action proposed again
-- in a later post-survey is the same action). The coordinator sets its status and a note.
CREATE TABLE series_actions (
  id               INTEGER PRIMARY KEY,
  series_id        INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  option_id        TEXT NOT NULL,
  -- The post-survey that proposed it first.
  first_survey_id  INTEGER REFERENCES surveys(id) ON DELETE SET NULL,
  -- The option's label (JSON {fr, nl?, en?}) as the latest post-survey words it.
  label            TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'dropped')),
  note             TEXT,
  updated_at       TEXT,
  UNIQUE (series_id, option_id)
);

INSERT INTO series_actions (series_id, option_id, first_survey_id, label)
SELECT se.series_id, o.value ->> 'id', su.id, json(o.value -> 'label')
  FROM surveys su JOIN sessions se ON se.id = su.session_id,
       json_each(su.definition, '$.questions') q, json_each(q.value, '$.options') o
 WHERE su.kind = 'post' AND su.status != 'draft' AND q.value ->> 'id' = 'actions' AND q.value ->> 'type' = 'multiple'
 ORDER BY su.id
ON CONFLICT (series_id, option_id) DO UPDATE SET label = excluded.label;

-- Whatever door opens or edits a post-survey (API, workspace, import, demo), its actions join
-- the series' list.
CREATE TRIGGER surveys_series_actions_insert AFTER INSERT ON surveys
WHEN NEW.kind = 'post' AND NEW.status != 'draft'
BEGIN
  INSERT INTO series_actions (series_id, option_id, first_survey_id, label)
  SELECT se.series_id, o.value ->> 'id', NEW.id, json(o.value -> 'label')
    FROM sessions se, json_each(NEW.definition, '$.questions') q, json_each(q.value, '$.options') o
   WHERE se.id = NEW.session_id AND q.value ->> 'id' = 'actions' AND q.value ->> 'type' = 'multiple'
  ON CONFLICT (series_id, option_id) DO UPDATE SET label = excluded.label;
END;

CREATE TRIGGER surveys_series_actions_update AFTER UPDATE OF status, definition ON surveys
WHEN NEW.kind = 'post' AND NEW.status != 'draft'
BEGIN
  INSERT INTO series_actions (series_id, option_id, first_survey_id, label)
  SELECT se.series_id, o.value ->> 'id', NEW.id, json(o.value -> 'label')
    FROM sessions se, json_each(NEW.definition, '$.questions') q, json_each(q.value, '$.options') o
   WHERE se.id = NEW.session_id AND q.value ->> 'id' = 'actions' AND q.value ->> 'type' = 'multiple'
  ON CONFLICT (series_id, option_id) DO UPDATE SET label = excluded.label;
END;

-- Proposals a coordinator dismissed (not a theme): they leave the waiting list and the
-- brief's pending count. Keyed like theme_proposal_decisions, by normalised text.
CREATE TABLE proposal_dismissals (
  series_id     INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  proposal_key  TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (series_id, proposal_key)
) WITHOUT ROWID;

-- A free text a coordinator hid from results and brief, by its identity: the survey, the
-- question and the text's normalised form. Nothing here names a response or a respondent, so
-- hiding a text of an anonymous survey links it to nobody; the answers themselves stay. The
-- reason is in the audit log.
CREATE TABLE hidden_texts (
  survey_id    INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  question_id  TEXT NOT NULL,
  text_key     TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (survey_id, question_id, text_key)
) WITHOUT ROWID;
