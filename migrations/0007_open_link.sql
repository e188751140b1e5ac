-- The open link of a survey: a public /o/<slug> that a coordinator prints in the agenda or a
-- newsletter. A visitor leaves an address and receives a personal link like any invitee.

-- One per survey. The slug outlives switching the link off and on, so a printed agenda keeps
-- working when the coordinator reopens it; `cap` bounds how many people may join through it.
CREATE TABLE open_links (
  survey_id   INTEGER PRIMARY KEY REFERENCES surveys(id) ON DELETE CASCADE,
  slug        TEXT NOT NULL UNIQUE,
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  cap         INTEGER CHECK (cap IS NULL OR cap >= 1),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- How the invitation came about, so the coordinator can tell invitees from people who joined
-- on their own; the organisation is what a visitor typed (invitees have none).
ALTER TABLE invitations ADD COLUMN source TEXT NOT NULL DEFAULT 'coordinator' CHECK (source IN ('coordinator', 'open_link'));
ALTER TABLE invitations ADD COLUMN organisation_name TEXT;

-- Serves the cap: counting one survey's open-link joins inside the joining statement.
CREATE INDEX invitations_by_source ON invitations(survey_id, source);
