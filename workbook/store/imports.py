"""Storing imported contacts as batches that can be undone; merge proposals and merges.

An import is one transaction: it commits whole or changes nothing. A row is matched to a
contact of the same source (profile URL, then e-mail, then name at the same organisation —
`workbook.domain.contacts_matching`); a match is updated with the file's non-empty values
(a value the export no longer carries is kept, and the user's own notes, layer, roles and
needs are never touched); no match is a new contact of the batch. Look-alikes across
sources are only *proposed* for merging.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat
from typing import NamedTuple

import pandas as pd

from workbook.domain.contacts_matching import (
    email_keys,
    name_org_key,
    person_name_key,
    profile_url_keys,
)
from workbook.domain.names import organisation_key
from workbook.io.model import CONTACT_COLUMNS, ReadResult, SkippedRow
from workbook.store.db import transaction

Progress = Callable[[int, int], None]

# Contact columns an import writes; `notes` only when it creates the contact.
FILE_FIELDS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
               "organisation_id", "position", "connected_on", "birthday")
# A generic address shared by more contacts than this (info@…) proposes no merge.
MAX_GROUP = 10


class MergeCandidate(NamedTuple):
    """Two contacts that may be one person: `first_id` < `second_id`, `reason` one of
    `workbook.domain.contacts_matching.MERGE_REASONS`."""

    first_id: int
    second_id: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did. `batch_id` is None when nothing changed (a re-import of the same
    file). `read` counts the file's contact rows, so read = added + updated + unchanged +
    len(skipped). `warnings` lists rows kept with something left out (e.g. `bad_date`).
    `merge_candidates` are look-alikes involving the contacts this import added or updated."""

    batch_id: int | None
    read: int
    added: int
    updated: int
    unchanged: int
    skipped: list[SkippedRow] = field(default_factory=list)
    merge_candidates: list[MergeCandidate] = field(default_factory=list)
    warnings: list[SkippedRow] = field(default_factory=list)
    format: str = ""


class _NothingChanged(Exception):
    """Raised inside the import transaction to roll back an empty batch."""


def _blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _tuples(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[tuple]:
    """A query's rows as plain tuples: on tens of thousands of rows, building `sqlite3.Row`
    objects (the connection's row factory) costs more than the query itself."""
    cursor = conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


def _organisation_ids(conn: sqlite3.Connection, names: Iterable[str], batch_id: int
                      ) -> dict[str, int | None]:
    """Organisation id per name written in the file, creating the missing ones (set-based,
    in the order the file names them)."""
    key_of = {name: organisation_key(name) for name in dict.fromkeys(names) if name}
    known = dict(_tuples(conn, "SELECT name_key, id FROM organisations"))
    new: dict[str, str] = {}
    for name, key in key_of.items():
        if key and key not in known and key not in new:
            new[key] = name.strip()
    if new:
        conn.executemany("INSERT INTO organisations(name, name_key, import_batch_id)"
                         " VALUES (?, ?, ?)", [(n, k, batch_id) for k, n in new.items()])
        known.update(_tuples(conn, "SELECT name_key, id FROM organisations"
                                   " WHERE import_batch_id = ?", (batch_id,)))
    return {name: known.get(key) for name, key in key_of.items()}


class _UrlKeys(dict):
    """Profile address → match key, each address keyed once per import: matching stored
    contacts, matching the file's rows and proposing merges all key the same addresses."""

    def of(self, urls: Iterable[str]) -> list[str]:
        """The key of each address."""
        urls = list(urls)
        if not self:                             # nothing keyed yet: no look-ups
            keys = profile_url_keys(urls)
            self.update(zip(urls, keys))
            return keys
        missing = list({url for url in urls if url not in self})
        self.update(zip(missing, profile_url_keys(missing)))
        return [self[url] for url in urls]


def _index(ids: Iterable[int], keys: Iterable[str]) -> dict[str, list[int]]:
    """Ids per non-blank key, in id order."""
    index: dict[str, list[int]] = {}
    for contact, key in zip(ids, keys):
        if key:
            if key in index:
                index[key].append(contact)
            else:
                index[key] = [contact]
    return index


class _Existing:
    """Contacts of one source, indexed by match key; each can be claimed once per import."""

    def __init__(self, conn: sqlite3.Connection, source: str, url_keys: _UrlKeys):
        rows = _tuples(conn, f"SELECT id, {', '.join(FILE_FIELDS)} FROM contacts"
                             " WHERE source = ?", (source,))
        ids = [row[0] for row in rows]
        self.values: dict[int, tuple] = {row[0]: row[1:] for row in rows}
        self._org_keys: dict[int, str] = dict(_tuples(
            conn, "SELECT id, name_key FROM organisations")) if rows else {}
        self.by_url = _index(ids, url_keys.of(row[6] for row in rows))
        self.by_email = _index(ids, email_keys(row[4] for row in rows))
        self._by_name: dict[str, list[int]] | None = None
        self.claimed: set[int] = set()

    @property
    def by_name(self) -> dict[str, list[int]]:
        if self._by_name is None:            # built only when a row needs it
            self._by_name = {}
            org_index = FILE_FIELDS.index("organisation_id")
            for contact, values in self.values.items():
                person = person_name_key(values[0])
                org = self._org_keys.get(values[org_index], "")
                if person and org:
                    self._by_name.setdefault(f"{person}@{org}", []).append(contact)
        return self._by_name

    def claim(self, url_key: str, email_key: str, name: str, organisation: str,
              incoming: tuple) -> int | None:
        """The stored contact this row updates, if any (URL, then e-mail, then name at the
        organisation); among several, the one already equal to the row, else the oldest.
        `url_key`, `email_key`: the row's keys (`_UrlKeys`, `email_keys`)."""
        for index, key in ((self.by_url, url_key), (self.by_email, email_key)):
            if key and key in index:
                found = self._take(index[key], incoming)
                if found is not None:
                    return found
        key = name_org_key(name, organisation)
        return self._take(self.by_name.get(key) if key else None, incoming)

    def _take(self, candidates: list[int] | None, incoming: tuple) -> int | None:
        if not candidates:
            return None
        if len(candidates) == 1:                 # the usual case: one contact per key
            only = candidates[0]
            if only in self.claimed:
                return None
            self.claimed.add(only)
            return only
        free = [c for c in candidates if c not in self.claimed]
        if not free:
            return None
        chosen = next((c for c in free if self.values[c] == incoming), free[0])
        self.claimed.add(chosen)
        return chosen


@dataclass
class _Batch:
    """One import's values as they would be stored, one list per `FILE_FIELDS` column
    (organisation id for the name, NULL for a blank date or birthday), plus what the batch
    writes besides."""

    columns: list[list]
    names: list[str]
    organisations: list[str]
    urls: list[str]
    emails: list[str]
    notes: list[str]
    source: str
    batch_id: int
    stamp: str                               # created_at / updated_at of every row written

    @classmethod
    def of(cls, frame: pd.DataFrame, org_ids: dict[str, int | None], source: str,
           batch_id: int, stamp: str) -> _Batch:
        col = {name: frame[name].tolist() for name in CONTACT_COLUMNS}
        orgs = col["organisation"]
        columns = [col["full_name"], col["first_name"], col["last_name"], col["email"],
                   col["phone"], col["profile_url"],
                   [org_ids.get(org) if org else None for org in orgs], col["position"],
                   [None if _blank(c) else c for c in col["connected_on"]],
                   [b or None for b in col["birthday"]]]
        return cls(columns, col["full_name"], orgs, col["profile_url"], col["email"],
                   col["notes"], source, batch_id, stamp)

    @cached_property
    def rows(self) -> list[tuple]:
        """One tuple of `FILE_FIELDS` values per row (to compare with stored contacts)."""
        return list(zip(*self.columns))

    def insert_values(self, indexes: range | list[int]) -> list[tuple]:
        """Values of `_INSERT_COLUMNS` for the rows at `indexes`."""
        tail = (self.source, self.batch_id, self.stamp, self.stamp)
        if isinstance(indexes, range):          # a run of rows: straight from the columns
            run = slice(indexes.start, indexes.stop)
            return list(zip(*(c[run] for c in self.columns), self.notes[run],
                            *map(repeat, tail)))
        return [self.rows[i] + (self.notes[i],) + tail for i in indexes]


_INSERT_COLUMNS = FILE_FIELDS + ("notes", "source", "import_batch_id", "created_at",
                                 "updated_at")
_INSERT = f"INSERT INTO contacts({', '.join(_INSERT_COLUMNS)}) VALUES "
_INSERT_ROW = f"({', '.join('?' * len(_INSERT_COLUMNS))})"
# From this many new rows (and more than the table holds), contact indexes are built after.
DEFER_INDEXES_FROM = 1000


def _insert_contacts(conn: sqlite3.Connection, values: list[tuple]) -> None:
    """INSERT rows of `_INSERT_COLUMNS` a hundred per statement: SQLite sets up each
    statement execution (the CHECK `layer IN (…)` builds its lookup table once per
    execution), so one statement per row (executemany) costs about half as much again."""
    most = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(_INSERT_COLUMNS)
    per = max(1, min(100, most))
    for start in range(0, len(values), per):
        part = values[start:start + per]
        conn.execute(_INSERT + ", ".join([_INSERT_ROW] * len(part)),
                     list(chain.from_iterable(part)))


@contextmanager
def _indexes_deferred(conn: sqlite3.Connection, table: str, rows_coming: int
                      ) -> Iterator[None]:
    """While more rows than `table` holds (and at least `DEFER_INDEXES_FROM`) are written,
    drop its plain indexes (created by CREATE INDEX, not unique) and build them again after
    from their own SQL: one sort beats tens of thousands of B-tree insertions. Meant inside
    the import's transaction, so a failure puts them back untouched; unique indexes, which
    enforce rules, are never dropped. SQLite refuses DDL while a statement of the connection
    is still being read (a caller's half-read cursor): then the rows go in the usual way."""
    held = _tuples(conn, f"SELECT COUNT(*) FROM {table}")[0][0]
    if rows_coming < DEFER_INDEXES_FROM or rows_coming <= held:
        yield
        return
    plain = {row[1] for row in _tuples(conn, f"PRAGMA index_list('{table}')")
             if row[3] == "c" and not row[2]}
    indexes = [(name, sql) for name, sql in _tuples(
        conn, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
        " ORDER BY rowid", (table,)) if name in plain and sql]
    dropped: list[str] = []
    try:
        for name, sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
            dropped.append(sql)
    except sqlite3.OperationalError:          # "database table is locked": keep them all
        for sql in dropped:
            conn.execute(sql)
        dropped = []
    yield
    for sql in dropped:
        conn.execute(sql)


def import_contacts(conn: sqlite3.Connection, result: ReadResult, file_name: str,
                    file_sha256: str, progress: Progress | None = None) -> ImportReport:
    """Store what `read_contacts` read as one batch, in one transaction (all or nothing).

    Matching (same `source` = format only): profile URL, then e-mail, then name at the same
    organisation. A matched contact gets the file's non-empty values for `FILE_FIELDS`
    (never its notes, layer, roles or needs); the previous values are kept so `undo_import`
    can put them back. Unmatched rows become contacts of the batch (layer `unsorted`).
    `progress(done, total)` is called about every 1% of rows. Returns an `ImportReport`;
    `batch_id` is None and nothing is written when nothing changed.
    """
    frame = result.contacts
    total = len(frame)
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    try:
        with transaction(conn):
            batch_id = conn.execute(
                "INSERT INTO import_batches(source_format, file_name, file_sha256)"
                " VALUES (?, ?, ?)", (result.format, file_name, file_sha256)).lastrowid
            stamp = _tuples(conn, "SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now')")[0][0]
            org_ids = _organisation_ids(conn, frame["organisation"].tolist(), batch_id)
            batch = _Batch.of(frame, org_ids, result.format, batch_id, stamp)
            url_keys = _UrlKeys()
            existing = _Existing(conn, result.format, url_keys)
            with _indexes_deferred(conn, "contacts", total):
                updated_ids = _store_rows(conn, batch, existing, url_keys, counts, progress)
            if not counts["added"] and not counts["updated"]:
                raise _NothingChanged
            conn.execute("UPDATE import_batches SET rows_read = ?, rows_added = ?,"
                         " rows_updated = ?, rows_skipped = ? WHERE id = ?",
                         (total + len(result.skipped), counts["added"], counts["updated"],
                          len(result.skipped), batch_id))
            added_ids = [r[0] for r in _tuples(
                conn, "SELECT id FROM contacts WHERE import_batch_id = ?", (batch_id,))]
            candidates = _merge_candidates(conn, set(added_ids) | set(updated_ids), url_keys)
    except _NothingChanged:
        batch_id = None
        candidates = _merge_candidates(conn, set(existing.claimed), url_keys)
    if progress:
        progress(total, total)
    return ImportReport(batch_id, total + len(result.skipped), counts["added"],
                        counts["updated"], counts["unchanged"], list(result.skipped),
                        candidates, list(result.warnings), result.format)


def _store_rows(conn: sqlite3.Connection, batch: _Batch, existing: _Existing,
                url_keys: _UrlKeys, counts: dict[str, int], progress: Progress | None
                ) -> list[int]:
    """Insert or update every row in chunks of ~1%, reporting progress; returns the ids of
    the updated contacts."""
    total = len(batch.names)
    step = max(1, total // 100)
    row_url_keys = url_keys.of(batch.urls) if existing.values else []
    mail_keys = email_keys(batch.emails) if existing.values else []
    updated_ids: list[int] = []
    for start in range(0, total, step):
        chunk = range(start, min(start + step, total))
        if existing.values:
            inserts, updates, changes = _match_chunk(batch, existing, chunk, row_url_keys,
                                                     mail_keys, counts)
        else:                                # a source seen for the first time: all new
            inserts, updates, changes = chunk, {}, []
        if inserts:
            _insert_contacts(conn, batch.insert_values(inserts))
        for fields, values in updates.items():
            conn.executemany(f"UPDATE contacts SET {', '.join(f'{f} = ?' for f in fields)},"
                             " updated_at = ? WHERE id = ?", values)
        if changes:
            conn.executemany("INSERT OR REPLACE INTO import_updates(batch_id, contact_id,"
                             " changes) VALUES (?, ?, ?)", changes)
            updated_ids += [change[1] for change in changes]
        counts["added"] += len(inserts)
        counts["updated"] += len(changes)
        if progress:
            progress(chunk.stop, total)
    return updated_ids


def _match_chunk(batch: _Batch, existing: _Existing, chunk: range, url_keys: list[str],
                 mail_keys: list[str], counts: dict[str, int]
                 ) -> tuple[list[int], dict[tuple[str, ...], list[tuple]], list[tuple]]:
    """Rows of `chunk` to insert (indexes); contact updates grouped by the fields they
    change (new values + updated_at + id: only those columns are written, so indexes on the
    others are left alone); and their `import_updates` records. Rows equal to their contact
    count as unchanged."""
    inserts: list[int] = []
    updates: dict[tuple[str, ...], list[tuple]] = {}
    changes: list[tuple] = []
    for i in chunk:
        incoming = batch.rows[i]
        match = existing.claim(url_keys[i], mail_keys[i], batch.names[i],
                               batch.organisations[i], incoming)
        if match is None:
            inserts.append(i)
            continue
        current = existing.values[match]
        if current == incoming:
            counts["unchanged"] += 1
            continue
        changed = {f: [cur, new] for f, new, cur in zip(FILE_FIELDS, incoming, current)
                   if not _blank(new) and new != cur}
        if not changed:
            counts["unchanged"] += 1
            continue
        updates.setdefault(tuple(changed), []).append(
            tuple(after for _, after in changed.values()) + (batch.stamp, match))
        changes.append((batch.batch_id, match, json.dumps(changed, ensure_ascii=False)))
    return inserts, updates, changes


def list_batches(conn: sqlite3.Connection) -> pd.DataFrame:
    """Imports, newest first. Columns: batch_id, source_format, file_name, imported_at,
    rows_read, rows_added, rows_updated, rows_skipped, contacts (still from that batch)."""
    rows = conn.execute(
        "SELECT b.id, b.source_format, b.file_name, b.imported_at, b.rows_read, b.rows_added,"
        " b.rows_updated, b.rows_skipped,"
        " (SELECT COUNT(*) FROM contacts c WHERE c.import_batch_id = b.id)"
        " FROM import_batches b ORDER BY b.imported_at DESC, b.id DESC").fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=[
        "batch_id", "source_format", "file_name", "imported_at", "rows_read", "rows_added",
        "rows_updated", "rows_skipped", "contacts"])


def undo_import(conn: sqlite3.Connection, batch_id: int) -> int:
    """Undo one import (erasure): the contacts it added are deleted with everything hanging
    on them (roles, needs, interactions, introductions… by cascade), the fields it changed on
    other contacts are put back where nobody changed them since, and the organisations it
    created that nothing else uses are deleted. Returns the number of contacts erased;
    `KeyError` for an unknown batch."""
    with transaction(conn):
        if not conn.execute("SELECT 1 FROM import_batches WHERE id = ?", (batch_id,)).fetchone():
            raise KeyError(batch_id)
        erased = conn.execute("SELECT COUNT(*) FROM contacts WHERE import_batch_id = ?",
                              (batch_id,)).fetchone()[0]
        conn.execute("DELETE FROM contacts WHERE import_batch_id = ?", (batch_id,))
        _restore_updates(conn, batch_id)
        unused = "".join(f" AND NOT EXISTS (SELECT 1 FROM {table} u"
                         f" WHERE u.{column} = organisations.id)"
                         for table, column in _tables_referencing(conn, "organisations"))
        conn.execute(
            "DELETE FROM organisations WHERE import_batch_id = ? AND is_target = 0"
            " AND notes = '' AND sector = '' AND motivation IS NULL AND posting IS NULL"
            " AND advocacy IS NULL" + unused, (batch_id,))
        conn.execute("DELETE FROM import_batches WHERE id = ?", (batch_id,))
    return erased


def _restore_updates(conn: sqlite3.Connection, batch_id: int) -> None:
    for contact, changes in conn.execute(
            "SELECT contact_id, changes FROM import_updates WHERE batch_id = ?",
            (batch_id,)).fetchall():
        current = conn.execute(f"SELECT {', '.join(FILE_FIELDS)} FROM contacts WHERE id = ?",
                               (contact,)).fetchone()
        if current is None:
            continue
        restore = {name: before for name, (before, after) in json.loads(changes).items()
                   if name in FILE_FIELDS and current[name] == after}
        if restore:
            conn.execute(f"UPDATE contacts SET {', '.join(f'{n} = ?' for n in restore)}"
                         " WHERE id = ?", (*restore.values(), contact))


def merge_candidates(conn: sqlite3.Connection, among: set[int] | None = None
                     ) -> list[MergeCandidate]:
    """Pairs of contacts that may be one person: same profile URL (`same_url`), same e-mail
    (`same_email`) or near-identical name at the same organisation (`similar_name`), each
    pair once with its strongest reason, minus pairs the user dismissed. With `among`, only
    pairs involving one of those ids. Never merges anything (see `merge_contacts`).

    O(n): contacts are grouped by key with hashing, never compared pairwise."""
    return _merge_candidates(conn, among, _UrlKeys())


def _merge_candidates(conn: sqlite3.Connection, among: set[int] | None, url_keys: _UrlKeys
                      ) -> list[MergeCandidate]:
    """`merge_candidates`, reusing the addresses an import has already keyed."""
    if among is not None and not among:
        return []
    rows = _tuples(conn, "SELECT id, profile_url, email, full_name, organisation_id"
                         " FROM contacts")
    if not rows:
        return []
    dismissed = set(_tuples(conn, "SELECT contact_a, contact_b FROM merge_dismissals"))
    found: dict[tuple[int, int], str] = {}
    for reason, contacts, keys in _merge_keys(rows, url_keys):  # strongest reason first
        for members in _shared_key_groups(contacts, keys):
            if among is not None and among.isdisjoint(members):
                continue
            members.sort()
            for n, first in enumerate(members):
                for second in members[n + 1:]:
                    pair = (first, second)
                    if pair in found or pair in dismissed:
                        continue
                    if among is None or first in among or second in among:
                        found[pair] = reason
    return [MergeCandidate(a, b, reason) for (a, b), reason in sorted(found.items())]


def _merge_keys(rows: list[tuple], url_keys: _UrlKeys
                ) -> Iterator[tuple[str, Iterable[int], list]]:
    """`(reason, contact ids, their keys)` per merge reason, strongest first, from rows of
    (id, profile_url, email, full_name, organisation_id). Names are keyed only where the
    organisation is shared, each distinct name once."""
    ids, urls, emails, names, orgs = zip(*rows)
    yield "same_url", ids, url_keys.of(urls)
    yield "same_email", ids, email_keys(emails)
    shared_org = {o for o, n in Counter(orgs).items() if n > 1 and o is not None}
    at_shared = [(i, name, o) for i, name, o in zip(ids, names, orgs) if o in shared_org]
    name_key = {name: person_name_key(name) for name in {name for _, name, _ in at_shared}}
    keyed = [(i, (o, name_key[name])) for i, name, o in at_shared if name_key[name]]
    yield "similar_name", [i for i, _ in keyed], [key for _, key in keyed]


def _shared_key_groups(contacts: Iterable[int], keys: list) -> list[list[int]]:
    """Ids sharing a non-blank key, one list per key held by 2 to `MAX_GROUP` contacts (a
    generic address like info@… shared by more proposes nothing)."""
    shared = {key for key, n in Counter(keys).items() if 1 < n <= MAX_GROUP and key}
    if not shared:
        return []
    groups: dict = {}
    for contact, key in zip(contacts, keys):
        if key in shared:
            groups.setdefault(key, []).append(contact)
    return list(groups.values())


def dismiss_merge(conn: sqlite3.Connection, first_id: int, second_id: int) -> None:
    """Remember that two contacts are different people: never propose them again."""
    a, b = sorted((first_id, second_id))
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO merge_dismissals(contact_a, contact_b) VALUES (?, ?)",
                     (a, b))


def _tables_referencing(conn: sqlite3.Connection, parent: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to `parent`, read from the schema so tables added
    by later migrations are covered too."""
    found = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                 " AND name NOT IN ('import_updates', 'merge_dismissals')"):
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')").fetchall():
            if fk["table"] == parent and table != parent:
                found.append((table, fk["from"]))
    return found


def merge_contacts(conn: sqlite3.Connection, keep_id: int, drop_id: int) -> int:
    """Merge contact `drop_id` into `keep_id` (only ever on the user's explicit request).

    `keep_id`'s values win; its blanks are filled from `drop_id`; notes are joined; the
    earliest `connected_on`, the stronger tie and a sorted layer win over `unsorted`.
    Everything hanging on `drop_id` (roles, needs, interactions, introductions, outreach…)
    moves to `keep_id`, then `drop_id` is deleted. A contact merged across batches no longer
    belongs to one import (`import_batch_id` NULL), so undoing an import cannot erase it.
    Returns `keep_id`; `KeyError` if either is missing, `ValueError` if they are the same.
    """
    if keep_id == drop_id:
        raise ValueError("a contact cannot be merged into itself")
    with transaction(conn):
        keep = conn.execute("SELECT * FROM contacts WHERE id = ?", (keep_id,)).fetchone()
        drop = conn.execute("SELECT * FROM contacts WHERE id = ?", (drop_id,)).fetchone()
        if keep is None or drop is None:
            raise KeyError(keep_id if keep is None else drop_id)
        merged = {name: keep[name] if not _blank(keep[name]) else drop[name]
                  for name in FILE_FIELDS + ("cadence_days", "can_give")}
        dates = [d for d in (keep["connected_on"], drop["connected_on"]) if d]
        merged["connected_on"] = min(dates) if dates else None
        merged["notes"] = "\n\n".join(dict.fromkeys(
            n for n in (keep["notes"], drop["notes"]) if n.strip()))
        merged["layer"] = keep["layer"] if keep["layer"] != "unsorted" else drop["layer"]
        ties = [t for t in (keep["tie_strength"], drop["tie_strength"]) if t is not None]
        merged["tie_strength"] = max(ties) if ties else None
        mutual = [m for m in (keep["mutual_connections"], drop["mutual_connections"])
                  if m is not None]
        merged["mutual_connections"] = max(mutual) if mutual else None
        same_batch = keep["import_batch_id"] == drop["import_batch_id"]
        merged["import_batch_id"] = keep["import_batch_id"] if same_batch else None
        for table, column in _tables_referencing(conn, "contacts"):
            conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?",
                         (keep_id, drop_id))
        conn.execute("DELETE FROM contacts WHERE id = ?", (drop_id,))
        conn.execute(f"UPDATE contacts SET {', '.join(f'{n} = ?' for n in merged)},"
                     " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                     (*merged.values(), keep_id))
    return keep_id


def export_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every contact for export, by name. Columns: full_name, first_name, last_name, email,
    phone, profile_url, organisation, position, connected_on, birthday, layer, roles (`;`
    separated codes), notes, source."""
    rows = conn.execute(
        "SELECT c.full_name, c.first_name, c.last_name, c.email, c.phone, c.profile_url,"
        " COALESCE(o.name, ''), c.position, COALESCE(c.connected_on, ''),"
        " COALESCE(c.birthday, ''), c.layer,"
        " COALESCE((SELECT group_concat(r.role, ';') FROM contact_roles r"
        "           WHERE r.contact_id = c.id), ''), c.notes, c.source"
        " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
        " ORDER BY c.full_name COLLATE NOCASE, c.id").fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=[
        "full_name", "first_name", "last_name", "email", "phone", "profile_url", "organisation",
        "position", "connected_on", "birthday", "layer", "roles", "notes", "source"],
        dtype="str")
