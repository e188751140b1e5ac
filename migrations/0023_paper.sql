-- Paper answers keyed in by a coordinator (issue #16, "Paper, for those who need it").
-- A paper answer is stored like any other: through an invitation of its own (an address
-- under the reserved .invalid domain, RFC 2606, so nothing can ever be sent to it) and the
-- ordinary submission, so it counts, is held as a ballot in an anonymous survey, and replaces
-- itself when the same sheet is keyed in again. This table marks those invitations as keyed
-- in, and by whom. Only the day is kept: a time would order paper answers against releases.
CREATE TABLE keyed_in_answers (
  invitation_id INTEGER PRIMARY KEY REFERENCES invitations(id) ON DELETE CASCADE,
  survey_id     INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  keyed_by      INTEGER REFERENCES coordinators(id) ON DELETE SET NULL,
  keyed_on      TEXT NOT NULL DEFAULT (date('now'))
);
CREATE INDEX keyed_in_by_survey ON keyed_in_answers(survey_id);
