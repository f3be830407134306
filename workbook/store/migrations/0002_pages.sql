-- What the five pages keep beside the network itself.

-- Network map: target organisations (LAMP: Motivation, Posting, alumni/Advocacy)
ALTER TABLE organisations ADD COLUMN is_target INTEGER NOT NULL DEFAULT 0 CHECK (is_target IN (0, 1));
ALTER TABLE organisations ADD COLUMN motivation INTEGER CHECK (motivation BETWEEN 0 AND 3);
ALTER TABLE organisations ADD COLUMN posting INTEGER CHECK (posting BETWEEN 0 AND 3);
ALTER TABLE organisations ADD COLUMN advocacy INTEGER CHECK (advocacy BETWEEN 0 AND 3);
ALTER TABLE organisations ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- "can introduce to": a contact who can get me into an organisation (second degree)
CREATE TABLE introductions (
    id              INTEGER PRIMARY KEY,
    introducer_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    person_name     TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    UNIQUE (introducer_id, organisation_id, person_name)
);

-- Seed exercises: "the three brightest people I know", network-intelligence questions
CREATE TABLE bright_people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    why        TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE TABLE intelligence_log (
    id         INTEGER PRIMARY KEY,
    asked_on   TEXT NOT NULL,
    question   TEXT NOT NULL,      -- a code (new_entrants, competitors, key_players, …) or free text
    answer     TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE
);

-- Positioning: every saved statement is a version
CREATE TABLE positioning_versions (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    lang        TEXT NOT NULL DEFAULT 'fr',
    target_role TEXT NOT NULL DEFAULT '',
    sector      TEXT NOT NULL DEFAULT '',
    problem     TEXT NOT NULL DEFAULT '',
    audience    TEXT NOT NULL DEFAULT '',
    deliverable TEXT NOT NULL DEFAULT '',
    difference  TEXT NOT NULL DEFAULT '',
    one_liner   TEXT NOT NULL DEFAULT '',
    pitch       TEXT NOT NULL DEFAULT '',
    bio         TEXT NOT NULL DEFAULT '',
    score       INTEGER CHECK (score BETWEEN 0 AND 100)
);
CREATE TABLE repeat_backs (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES positioning_versions(id) ON DELETE CASCADE,
    connector_name TEXT NOT NULL,
    contact_id     INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    rephrasing     TEXT NOT NULL,
    recorded_on    TEXT NOT NULL
);

-- Journalist outreach
CREATE TABLE journalists (
    id                INTEGER PRIMARY KEY,
    contact_id        INTEGER NOT NULL UNIQUE REFERENCES contacts(id) ON DELETE CASCADE,
    outlet            TEXT NOT NULL DEFAULT '',
    beat              TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT ''
);
CREATE TABLE media_log (
    id            INTEGER PRIMARY KEY,
    journalist_id INTEGER NOT NULL REFERENCES journalists(id) ON DELETE CASCADE,
    occurred_on   TEXT NOT NULL,
    kind          TEXT NOT NULL,    -- pitch, call_back, interview, published, follow_up
    subject       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT ''
);
CREATE TABLE key_messages (
    id         INTEGER PRIMARY KEY,
    topic      TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    message    TEXT NOT NULL DEFAULT '',
    quotable   TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    UNIQUE (topic, position)
);

-- Maintain vs expand routines
CREATE TABLE layer_cadences (
    layer TEXT PRIMARY KEY,
    days  INTEGER NOT NULL CHECK (days > 0)
);
CREATE TABLE outreach (
    id              INTEGER PRIMARY KEY,
    contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    sent_on         TEXT NOT NULL,
    replied_on      TEXT,
    followed_up_on  TEXT,
    notes           TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_checkoffs (
    week_start TEXT NOT NULL,
    item_key   TEXT NOT NULL,
    done_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    PRIMARY KEY (week_start, item_key)
) WITHOUT ROWID;

-- Group sessions (a coach's profile): participants are not contacts; no contact data here
CREATE TABLE groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE TABLE participants (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    display_name   TEXT NOT NULL,
    target         TEXT NOT NULL DEFAULT '',
    shares_progress INTEGER NOT NULL DEFAULT 0 CHECK (shares_progress IN (0, 1)),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE TABLE progress_cards (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    week_start     TEXT NOT NULL,
    new_contacts   INTEGER NOT NULL DEFAULT 0,
    meetings       INTEGER NOT NULL DEFAULT 0,
    interviews     INTEGER NOT NULL DEFAULT 0,
    note           TEXT NOT NULL DEFAULT '',
    UNIQUE (participant_id, week_start)
);
CREATE TABLE pairing_rounds (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    round_no   INTEGER NOT NULL,
    held_on    TEXT NOT NULL,
    UNIQUE (group_id, round_no)
);
CREATE TABLE pairings (
    round_id       INTEGER NOT NULL REFERENCES pairing_rounds(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    table_no       INTEGER NOT NULL,
    PRIMARY KEY (round_id, participant_id)
) WITHOUT ROWID;
CREATE TABLE referrals (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    from_participant INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    to_participant   INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    organisation     TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
