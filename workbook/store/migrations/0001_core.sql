-- The job seeker's network: profile settings, organisations, contacts, interactions.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE import_batches (
    id            INTEGER PRIMARY KEY,
    source_format TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    file_sha256   TEXT NOT NULL,
    imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_added    INTEGER NOT NULL DEFAULT 0,
    rows_updated  INTEGER NOT NULL DEFAULT 0,
    rows_skipped  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,          -- casefolded, accents and punctuation removed
    sector     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);

CREATE TABLE contacts (
    id                 INTEGER PRIMARY KEY,
    full_name          TEXT NOT NULL,
    first_name         TEXT NOT NULL DEFAULT '',
    last_name          TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    profile_url        TEXT NOT NULL DEFAULT '',
    organisation_id    INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    position           TEXT NOT NULL DEFAULT '',
    layer              TEXT NOT NULL DEFAULT 'unsorted'
                       CHECK (layer IN ('inner', 'close', 'active', 'target', 'dormant', 'unsorted')),
    tie_strength       INTEGER CHECK (tie_strength BETWEEN 1 AND 5),
    mutual_connections INTEGER CHECK (mutual_connections >= 0),
    can_give           TEXT NOT NULL DEFAULT '',
    cadence_days       INTEGER CHECK (cadence_days > 0),   -- overrides the layer's cadence
    birthday           TEXT,                                -- MM-DD or YYYY-MM-DD
    connected_on       TEXT,                                -- ISO date
    source             TEXT NOT NULL DEFAULT 'manual',
    import_batch_id    INTEGER REFERENCES import_batches(id) ON DELETE CASCADE,
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX contacts_organisation ON contacts(organisation_id);
CREATE INDEX contacts_email ON contacts(email) WHERE email <> '';
CREATE INDEX contacts_url ON contacts(profile_url) WHERE profile_url <> '';
CREATE INDEX contacts_batch ON contacts(import_batch_id);

-- connector, prescriber, decision_maker, journalist, alumni, ex_colleague, peer, expert
CREATE TABLE contact_roles (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    PRIMARY KEY (contact_id, role)
) WITHOUT ROWID;

-- what the contact seeks: influence, talent, information, visibility, business, …
CREATE TABLE contact_needs (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    need       TEXT NOT NULL,
    PRIMARY KEY (contact_id, need)
) WITHOUT ROWID;

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    occurred_on TEXT NOT NULL,                               -- ISO date
    kind        TEXT NOT NULL,                               -- message, call, coffee, lunch, …
    direction   TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('out', 'in', 'mutual')),
    purpose     TEXT NOT NULL DEFAULT 'maintain' CHECK (purpose IN ('maintain', 'expand')),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
CREATE INDEX interactions_contact ON interactions(contact_id, occurred_on);
