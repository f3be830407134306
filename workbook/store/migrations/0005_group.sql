-- Group sessions (a coach's profile): sessions, attendance, imported progress cards, pairing
-- history, avoid pairs, referrals, pitch-round notes and the network-intelligence board.
-- Participants stay display names only: no contact data is ever stored here.
ALTER TABLE groups ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN odd_mode TEXT NOT NULL DEFAULT 'trio' CHECK (odd_mode IN ('trio', 'sit_out'));
UPDATE groups SET slug = 'group-' || id WHERE slug = '';
CREATE UNIQUE INDEX groups_slug ON groups(slug);

-- card_id: the id a participant's workbook puts on every card it makes (links cards to a
-- participant even when two share a display name); removed_on keeps a removed participant's
-- history while taking them out of new rounds.
ALTER TABLE participants ADD COLUMN card_id TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN removed_on TEXT;
CREATE UNIQUE INDEX participants_card ON participants(group_id, card_id) WHERE card_id <> '';

CREATE TABLE group_sessions (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    held_on    TEXT NOT NULL,                     -- ISO date
    agenda     TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    UNIQUE (group_id, held_on)
);
CREATE TABLE attendance (
    session_id     INTEGER NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    present        INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    PRIMARY KEY (session_id, participant_id)
) WITHOUT ROWID;

-- An imported card, whole (its JSON as received) per participant per session.
ALTER TABLE progress_cards ADD COLUMN session_id INTEGER REFERENCES group_sessions(id) ON DELETE SET NULL;
ALTER TABLE progress_cards ADD COLUMN card_json TEXT NOT NULL DEFAULT '';
ALTER TABLE progress_cards ADD COLUMN imported_at TEXT;

ALTER TABLE pairing_rounds ADD COLUMN session_id INTEGER REFERENCES group_sessions(id) ON DELETE SET NULL;

CREATE TABLE avoid_pairs (
    group_id      INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    participant_a INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    participant_b INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    PRIMARY KEY (participant_a, participant_b),
    CHECK (participant_a < participant_b)
) WITHOUT ROWID;

-- Referrals: suggested from cards, then made (or dismissed) by the coach.
ALTER TABLE referrals ADD COLUMN status TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'made', 'dismissed'));
ALTER TABLE referrals ADD COLUMN session_id INTEGER REFERENCES group_sessions(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX referrals_once ON referrals(from_participant, to_participant, organisation);

CREATE TABLE pitch_notes (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    listener   TEXT NOT NULL DEFAULT '',
    remembered TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);

CREATE TABLE board_entries (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
    question       TEXT NOT NULL,     -- new_on_market, competitors, key_players, client_mood, talked_to, most_interesting
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    answer         TEXT NOT NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
