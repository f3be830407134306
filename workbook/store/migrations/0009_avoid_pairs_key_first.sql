-- The "not to be paired" couples again, primary-key columns first. SQLite 3.40 (Debian 12's,
-- the one Python uses there) misreads a WITHOUT ROWID table whose NOT NULL column comes
-- before its primary-key columns: `PRAGMA integrity_check` reported "NULL value in
-- avoid_pairs.group_id" on every profile holding a couple, although no row holds a NULL.
CREATE TABLE avoid_pairs_keyed (
    participant_a INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    participant_b INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    group_id      INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (participant_a, participant_b),
    CHECK (participant_a < participant_b)
) WITHOUT ROWID;
INSERT INTO avoid_pairs_keyed(participant_a, participant_b, group_id)
    SELECT participant_a, participant_b, group_id FROM avoid_pairs;
DROP TABLE avoid_pairs;
ALTER TABLE avoid_pairs_keyed RENAME TO avoid_pairs;
