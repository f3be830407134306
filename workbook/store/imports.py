"""Storing imported contacts as one batch (see `workbook.store.batches` to list and undo).

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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat

import pandas as pd

from workbook.domain.contacts_matching import email_keys, match_keys, person_name_key
from workbook.domain.names import organisation_key
from workbook.domain.records import CONTACT_COLUMNS, ImportReport, ReadResult
from workbook.store.contacts import FILE_FIELDS, blank
from workbook.store.db import transaction
from workbook.store.merges import UrlKeys, merge_candidates
from workbook.store.schema import tuples

Progress = Callable[[int, int], None]


class _NothingChanged(Exception):
    """Raised inside the import transaction to roll back an empty batch."""


def _organisation_ids(conn: sqlite3.Connection, names: Iterable[str], batch_id: int
                      ) -> dict[str, int | None]:
    """Organisation id per name written in the file, creating the missing ones (set-based,
    in the order the file names them)."""
    key_of = {name: organisation_key(name) for name in dict.fromkeys(names) if name}
    known = dict(tuples(conn, "SELECT name_key, id FROM organisations"))
    new: dict[str, str] = {}
    for name, key in key_of.items():
        if key and key not in known and key not in new:
            new[key] = name.strip()
    if new:
        conn.executemany("INSERT INTO organisations(name, name_key, import_batch_id)"
                         " VALUES (?, ?, ?)", [(n, k, batch_id) for k, n in new.items()])
        known.update(tuples(conn, "SELECT name_key, id FROM organisations"
                                   " WHERE import_batch_id = ?", (batch_id,)))
    return {name: known.get(key) for name, key in key_of.items()}


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

    def __init__(self, conn: sqlite3.Connection, source: str, url_keys: UrlKeys):
        rows = tuples(conn, f"SELECT id, {', '.join(FILE_FIELDS)} FROM contacts"
                             " WHERE source = ?", (source,))
        ids = [row[0] for row in rows]
        self.values: dict[int, tuple] = {row[0]: row[1:] for row in rows}
        self._org_keys: dict[int, str] = dict(tuples(
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
        """The stored contact this row updates, if any, looked up in the order of
        `workbook.domain.contacts_matching.match_keys`; among several, the one already equal
        to the row, else the oldest. `url_key`, `email_key`: the row's keys."""
        for kind, key in match_keys(url_key, email_key, name, organisation):
            found = self._take(self._index_of(kind).get(key), incoming)
            if found is not None:
                return found
        return None

    def _index_of(self, kind: str) -> dict[str, list[int]]:
        return self.by_url if kind == "url" else self.by_email if kind == "email" \
            else self.by_name

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
                   [None if blank(c) else c for c in col["connected_on"]],
                   [b or None for b in col["birthday"]],
                   [None if blank(m) else int(m) for m in col["mutual_connections"]]]
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
    held = tuples(conn, f"SELECT COUNT(*) FROM {table}")[0][0]
    if rows_coming < DEFER_INDEXES_FROM or rows_coming <= held:
        yield
        return
    plain = {row[1] for row in tuples(conn, f"PRAGMA index_list('{table}')")
             if row[3] == "c" and not row[2]}
    indexes = [(name, sql) for name, sql in tuples(
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
            stamp = tuples(conn, "SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now')")[0][0]
            org_ids = _organisation_ids(conn, frame["organisation"].tolist(), batch_id)
            batch = _Batch.of(frame, org_ids, result.format, batch_id, stamp)
            url_keys = UrlKeys()
            existing = _Existing(conn, result.format, url_keys)
            with _indexes_deferred(conn, "contacts", total):
                updated_ids = _store_rows(conn, batch, existing, url_keys, counts, progress)
            if not counts["added"] and not counts["updated"]:
                raise _NothingChanged
            conn.execute("UPDATE import_batches SET rows_read = ?, rows_added = ?,"
                         " rows_updated = ?, rows_skipped = ? WHERE id = ?",
                         (total + len(result.skipped), counts["added"], counts["updated"],
                          len(result.skipped), batch_id))
            added_ids = [r[0] for r in tuples(
                conn, "SELECT id FROM contacts WHERE import_batch_id = ?", (batch_id,))]
            candidates = merge_candidates(conn, set(added_ids) | set(updated_ids), url_keys)
    except _NothingChanged:
        batch_id = None
        candidates = merge_candidates(conn, set(existing.claimed), url_keys)
    if progress:
        progress(total, total)
    return ImportReport(batch_id, total + len(result.skipped), counts["added"],
                        counts["updated"], counts["unchanged"], list(result.skipped),
                        candidates, list(result.warnings), result.format)


def _store_rows(conn: sqlite3.Connection, batch: _Batch, existing: _Existing,
                url_keys: UrlKeys, counts: dict[str, int], progress: Progress | None
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
    rows, by_url, claimed = batch.rows, existing.by_url, existing.claimed
    for i in chunk:
        incoming = rows[i]
        # The usual row of a newer export: its profile address names one stored contact not
        # claimed yet. That is what `claim` decides first too, without its generator of keys.
        found = by_url.get(url_keys[i]) if url_keys[i] else None
        if found is not None and len(found) == 1 and found[0] not in claimed:
            match = found[0]
            claimed.add(match)
        else:
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
                   if not blank(new) and new != cur}
        if not changed:
            counts["unchanged"] += 1
            continue
        updates.setdefault(tuple(changed), []).append(
            tuple(after for _, after in changed.values()) + (batch.stamp, match))
        changes.append((batch.batch_id, match, json.dumps(changed, ensure_ascii=False)))
    return inserts, updates, changes
