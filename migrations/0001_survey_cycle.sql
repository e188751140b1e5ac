-- Relais schema: organisation → coordinators → series → sessions / themes → surveys →
-- invitations → responses → answers. Answers are normalised rows so that every aggregate
-- (counts, Borda scores, rating distributions) is one indexed GROUP BY in SQL.

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE coordinators (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  email            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX coordinators_by_organisation ON coordinators(organisation_id);

-- API keys are shown once and stored as SHA-256 hex: they carry 256 random bits, so a fast
-- hash is enough (no dictionary to attack) and lookup stays one indexed read.
CREATE TABLE api_keys (
  id              INTEGER PRIMARY KEY,
  coordinator_id  INTEGER NOT NULL REFERENCES coordinators(id) ON DELETE CASCADE,
  key_hash        TEXT NOT NULL UNIQUE,
  label           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  revoked_at      TEXT
);
CREATE INDEX api_keys_by_coordinator ON api_keys(coordinator_id);

CREATE TABLE series (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title            TEXT NOT NULL,
  bassin           TEXT,
  language         TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'nl', 'en')),
  -- Results never show a cell counting fewer respondents than this.
  min_group_size   INTEGER NOT NULL DEFAULT 3 CHECK (min_group_size >= 1),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX series_by_organisation ON series(organisation_id, id);

CREATE TABLE sessions (
  id         INTEGER PRIMARY KEY,
  series_id  INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL CHECK (number >= 1),
  starts_at  TEXT NOT NULL,
  ends_at    TEXT,
  place      TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (series_id, number)
);

CREATE TABLE themes (
  id              INTEGER PRIMARY KEY,
  series_id       INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  label_fr        TEXT NOT NULL,
  label_nl        TEXT,
  label_en        TEXT,
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  -- A merged theme keeps its row (and its history in earlier answers) and points to the
  -- theme that absorbed it; it is then archived.
  merged_into_id  INTEGER REFERENCES themes(id),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX themes_by_series ON themes(series_id, status);

CREATE TABLE surveys (
  id                  INTEGER PRIMARY KEY,
  session_id          INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  kind                TEXT NOT NULL CHECK (kind IN ('pre', 'post')),
  status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  anonymous           INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  closes_at           TEXT,
  -- The question definition (JSON, validated by src/domain/definition.ts). Every change
  -- bumps definition_version so an answer can be traced to the wording it answered.
  definition          TEXT NOT NULL,
  definition_version  INTEGER NOT NULL DEFAULT 1,
  opened_at           TEXT,
  closed_at           TEXT,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (session_id, kind)
);

CREATE TABLE invitations (
  id           INTEGER PRIMARY KEY,
  survey_id    INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  email        TEXT NOT NULL COLLATE NOCASE,
  name         TEXT,
  language     TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'nl', 'en')),
  -- SHA-256 hex of the personal link's token; the token itself is never stored.
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  opened_at    TEXT,
  -- Only "answered or not" is kept here, so that an anonymous survey's answers cannot be
  -- joined back to a person through the invitation.
  answered     INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
  UNIQUE (survey_id, email)
);

CREATE TABLE responses (
  id             INTEGER PRIMARY KEY,
  survey_id      INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  -- Set only for surveys that are not anonymous (pairing, erasure, export of one person).
  invitation_id  INTEGER REFERENCES invitations(id) ON DELETE CASCADE,
  -- Who answered, as the survey sees it: 'i:<invitation id>' for named surveys, an HMAC
  -- of the invitation for anonymous ones (see src/responses/respondent.ts).
  respondent_key TEXT NOT NULL,
  language       TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
  -- Hash of the last stored submission: a retry of the same submission writes nothing.
  answers_hash   TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (survey_id, respondent_key)
);
CREATE INDEX responses_by_invitation ON responses(invitation_id) WHERE invitation_id IS NOT NULL;

-- One row per atom of an answer: a chosen option, a ranked option (with its rank), a rating
-- (number) or a text. survey_id is repeated here so that aggregation never joins responses.
CREATE TABLE answers (
  response_id  INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  survey_id    INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  option_id    TEXT,
  theme_id     INTEGER,
  rank         INTEGER,
  number       INTEGER,
  text         TEXT
);
-- Serves every per-option aggregate (counts, Borda sums, first choices, mean position) as a
-- covering index scan of one (survey, question) range.
CREATE INDEX answers_by_question ON answers(survey_id, question_id, option_id, rank, number);
-- Serves replacing one response's answers, and profile breakdowns (join on response).
CREATE INDEX answers_by_response ON answers(response_id, question_id, option_id);
-- Serves the theme history of a series across sessions (brief trend).
CREATE INDEX answers_by_theme ON answers(theme_id, survey_id, rank) WHERE theme_id IS NOT NULL;
