-- Who delivers a participant's cards on a cohort server: the Unix user owning the files they
-- drop in the group's folder. A card claiming their card id from another user's file is a
-- conflict the coach sees, never a silent replacement.
ALTER TABLE participants ADD COLUMN sender TEXT NOT NULL DEFAULT '';
