-- The series' contacts: one directory per series, so people are imported once and every
-- survey of the series can be sent to them, or to who was invited to, answered or attended
-- another one. And the attendance list of each session (who came to the meeting).

CREATE TABLE contacts (
  id            INTEGER PRIMARY KEY,
  series_id     INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  email         TEXT NOT NULL COLLATE NOCASE,
  name          TEXT,
  organisation  TEXT,
  -- NULL: the series' language.
  language      TEXT CHECK (language IS NULL OR language IN ('fr', 'nl', 'en')),
  -- Consent: set when the person asked to hear no more from the series; nobody is invited
  -- from the directory after that, whichever door (invite from the directory or another survey).
  opted_out_at  TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (series_id, email)
);

-- Who came to a session's meeting, ticked in the workspace or imported.
CREATE TABLE attendance (
  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (session_id, contact_id)
) WITHOUT ROWID;
-- Erasing or purging a contact finds its attendance.
CREATE INDEX attendance_by_contact ON attendance(contact_id);

-- The directory built from the invitations already made: per series and address (NOCASE),
-- the name, organisation and language of the latest invitation (SQLite takes the bare columns
-- from the row that gives max(id)). Purged invitations carry no address and are left out.
INSERT INTO contacts (series_id, email, name, organisation, language)
SELECT series_id, email, name, organisation_name, language
  FROM (SELECT se.series_id, i.email, i.name, i.organisation_name, i.language, max(i.id) AS latest
          FROM invitations i JOIN surveys su ON su.id = i.survey_id JOIN sessions se ON se.id = su.session_id
         WHERE i.email NOT LIKE '%@purged.invalid'
         GROUP BY se.series_id, i.email);

-- Every later invitation, whichever door makes it (the API, an import, the open link, a series
-- import), adds its person to the series' directory in the same transaction; a name or an
-- organisation already known is kept when the new invitation has none.
CREATE TRIGGER invitations_contact_insert AFTER INSERT ON invitations
  WHEN NEW.email NOT LIKE '%@purged.invalid'
BEGIN
  INSERT INTO contacts (series_id, email, name, organisation, language)
  SELECT se.series_id, NEW.email, NEW.name, NEW.organisation_name, NEW.language
    FROM surveys su JOIN sessions se ON se.id = su.session_id WHERE su.id = NEW.survey_id
  ON CONFLICT (series_id, email) DO UPDATE
     SET name = coalesce(excluded.name, contacts.name),
         organisation = coalesce(excluded.organisation, contacts.organisation),
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
