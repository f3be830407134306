-- Imports: undoing a batch also puts back the fields it changed on contacts it did not
-- create, and removes the organisations it created; a "not the same person" answer to a
-- merge proposal is remembered so the proposal does not come back after every import.
ALTER TABLE organisations ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL;
CREATE INDEX organisations_batch ON organisations(import_batch_id);

CREATE TABLE import_updates (
    batch_id   INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    changes    TEXT NOT NULL,            -- JSON {field: [before, after]}
    PRIMARY KEY (batch_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX import_updates_contact ON import_updates(contact_id);

CREATE TABLE merge_dismissals (
    contact_a    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    contact_b    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    dismissed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    PRIMARY KEY (contact_a, contact_b),
    CHECK (contact_a < contact_b)
) WITHOUT ROWID;
