-- Journalist outreach. The three press tables of 0002 are rebuilt under the same names
-- (SQLite cannot relax NOT NULL or widen a CHECK in place); every row is copied over:
--  * journalists: a journalist need not be a contact any more (contact_id may be NULL and is
--    set to NULL, not cascaded, when the contact is erased: the media list keeps the name);
--    name, medium, language, channels and how they find the user are added.
--  * media_log: a journalist erased from the media list leaves their log entries with a
--    readable name (journalist_name) and no link, so the good-client record and the history of
--    quotes do not change behind the user's back (erasing the entries too is an explicit
--    choice of store.press.delete_journalist). Old kinds are mapped (call_back -> request); an
--    unknown old kind becomes a request with the old kind kept in brackets in its notes.
--  * key_messages: points now belong to a topic sheet (message house); each old topic becomes
--    a sheet holding its points. The 1..3 position limit is lifted: a draft with five points is
--    kept as written, and the checker says why three is the norm.
-- Order matters: new tables are filled, then the old ones dropped child first, then renamed
-- (a rename rewrites the foreign keys that point at the renamed table).

CREATE TABLE journalists_v5 (
    id                INTEGER PRIMARY KEY,
    contact_id        INTEGER UNIQUE REFERENCES contacts(id) ON DELETE SET NULL,
    name              TEXT NOT NULL,
    outlet            TEXT NOT NULL DEFAULT '',
    medium            TEXT NOT NULL DEFAULT ''
                      CHECK (medium IN ('', 'press', 'radio', 'tv', 'web', 'podcast', 'newsletter')),
    beat              TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',
    channels          TEXT NOT NULL DEFAULT '',
    found_via         TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
INSERT INTO journalists_v5(id, contact_id, name, outlet, beat, preferred_channel, notes)
SELECT j.id, j.contact_id, COALESCE(c.full_name, ''), j.outlet, j.beat, j.preferred_channel,
       j.notes
FROM journalists j LEFT JOIN contacts c ON c.id = j.contact_id;

CREATE TABLE topic_sheets (
    id          INTEGER PRIMARY KEY,
    topic       TEXT NOT NULL,
    umbrella    TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL DEFAULT '',
    prepared_at TEXT,                       -- last run through "a journalist is calling"
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);
INSERT INTO topic_sheets(topic, updated_at)
SELECT topic, MAX(updated_at) FROM key_messages GROUP BY topic ORDER BY MIN(id);

CREATE TABLE key_messages_v5 (
    id         INTEGER PRIMARY KEY,
    sheet_id   INTEGER NOT NULL REFERENCES topic_sheets(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 1),
    message    TEXT NOT NULL DEFAULT '',
    proof      TEXT NOT NULL DEFAULT '',
    quotable   TEXT NOT NULL DEFAULT '',
    quotable_2 TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    UNIQUE (sheet_id, position)
);
INSERT INTO key_messages_v5(id, sheet_id, position, message, quotable, updated_at)
SELECT k.id, s.id, k.position, k.message, k.quotable, k.updated_at
FROM key_messages k JOIN topic_sheets s ON s.topic = k.topic;

CREATE TABLE media_log_v5 (
    id                 INTEGER PRIMARY KEY,
    journalist_id      INTEGER REFERENCES journalists_v5(id) ON DELETE SET NULL,
    journalist_name    TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL
                       CHECK (kind IN ('request', 'pitch', 'interview', 'published', 'follow_up')),
    received_at        TEXT NOT NULL,   -- a request: when it came in; a pitch: when it was sent
    answered_at        TEXT,            -- a request: when I called back; a pitch: their reply
    response_minutes   INTEGER CHECK (response_minutes >= 0),
    subject            TEXT NOT NULL DEFAULT '',
    sheet_id           INTEGER REFERENCES topic_sheets(id) ON DELETE SET NULL,
    off_record         INTEGER NOT NULL DEFAULT 0 CHECK (off_record IN (0, 1)),
    asked_not_to_quote INTEGER NOT NULL DEFAULT 0 CHECK (asked_not_to_quote IN (0, 1)),
    asked_to_reread    INTEGER NOT NULL DEFAULT 0 CHECK (asked_to_reread IN (0, 1)),
    qa_interview       INTEGER NOT NULL DEFAULT 0 CHECK (qa_interview IN (0, 1)),
    published          INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    quoted             INTEGER NOT NULL DEFAULT 0 CHECK (quoted IN (0, 1)),
    link               TEXT NOT NULL DEFAULT '',
    draft              TEXT NOT NULL DEFAULT '',   -- the reply or pitch as written
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
    CHECK (answered_at IS NULL OR answered_at >= received_at)
);
INSERT INTO media_log_v5(id, journalist_id, journalist_name, kind, received_at, subject,
                         published, notes)
SELECT m.id, m.journalist_id, COALESCE(j.name, ''),
       CASE m.kind WHEN 'call_back' THEN 'request'
                   WHEN 'pitch' THEN 'pitch' WHEN 'interview' THEN 'interview'
                   WHEN 'published' THEN 'published' WHEN 'follow_up' THEN 'follow_up'
                   ELSE 'request' END,
       m.occurred_on, m.subject, CASE m.kind WHEN 'published' THEN 1 ELSE 0 END,
       CASE WHEN m.kind IN ('call_back', 'pitch', 'interview', 'published', 'follow_up')
            THEN m.notes ELSE trim('[' || m.kind || '] ' || m.notes) END
FROM media_log m LEFT JOIN journalists_v5 j ON j.id = m.journalist_id;

DROP TABLE media_log;
DROP TABLE key_messages;
DROP TABLE journalists;
ALTER TABLE journalists_v5 RENAME TO journalists;
ALTER TABLE media_log_v5 RENAME TO media_log;
ALTER TABLE key_messages_v5 RENAME TO key_messages;
CREATE INDEX media_log_journalist ON media_log(journalist_id, received_at);
CREATE INDEX media_log_received ON media_log(received_at);

-- Visibility plan: which topic to make visible where, and when.
CREATE TABLE visibility_plan (
    id         INTEGER PRIMARY KEY,
    sheet_id   INTEGER REFERENCES topic_sheets(id) ON DELETE SET NULL,
    topic      TEXT NOT NULL DEFAULT '',
    channel    TEXT NOT NULL CHECK (channel IN ('post', 'talk', 'article', 'association')),
    planned_on TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
