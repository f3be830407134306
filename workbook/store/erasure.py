"""Erasing a contact everywhere it appears, and leaving nothing of it in the file.

Rows are found from the schema (every foreign key that cascades from `contacts`, followed
down: interactions, introductions, journalists and their media log, repeat-backs,
outreach…), so tables added by later migrations are covered. Besides those rows, the
weekly plan's check-offs about the contact and the mentions of them in free text elsewhere
are removed (`workbook.domain.erasure`). Then the file itself is rewritten (`VACUUM`, with
`secure_delete`) and the write-ahead log emptied, so the erased text does not linger in
free pages where a file viewer could still read it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbook.domain.erasure import (
    checkoff_keys,
    mention_pattern,
    mention_terms,
    redact,
    search_needles,
)
from workbook.store.db import transaction
from workbook.store.schema import SQLITE_INTEGERS, table_names, tuples

CHECKOFF_TABLE = "plan_checkoffs"
CONTACT_FREE_TEXT = ("notes", "can_give")


@dataclass(frozen=True)
class Erasure:
    """What erasing a contact removes: rows per table (the contact's own row under
    `contacts`), check-offs, and texts elsewhere where the person is named."""

    name: str
    rows: dict[str, int] = field(default_factory=dict)
    redacted: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _cascades(conn: sqlite3.Connection, actions: tuple[str, ...] = ("CASCADE", "SET NULL")
              ) -> dict[str, list[tuple[str, str, str]]]:
    """Parent table → (child table, child column, parent column) of every foreign key whose
    ON DELETE is one of `actions`. A row that only loses its link (SET NULL: a journalist
    on the media list, their log) is still about the erased person, so erasure follows
    those links too and deletes the rows."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for table in table_names(conn):
        for fk in tuples(conn, f'PRAGMA foreign_key_list("{table}")'):
            parent, column, to, on_delete = fk[2], fk[3], fk[4], fk[6]
            if on_delete.upper() in actions:
                to = to or _primary_key(conn, parent)
                found.setdefault(parent, []).append((table, column, to))
    return found


def _primary_key(conn: sqlite3.Connection, table: str) -> str:
    keys = [row[1] for row in tuples(conn, f'PRAGMA table_info("{table}")') if row[5]]
    return keys[0] if len(keys) == 1 else "rowid"


def _linked_rows(conn: sqlite3.Connection, contact_ids: list[int]) -> dict[str, int]:
    """Rows per table that deleting the contacts deletes (the cascades, followed down)."""
    cascades = _cascades(conn)
    counts: dict[str, int] = {"contacts": len(contact_ids)}
    frontier = [("contacts", "id", list(contact_ids))]
    while frontier:
        parent, _, ids = frontier.pop()
        for child, column, to in cascades.get(parent, []):
            wanted = {to: ids}
            # values the grandchildren point at: the child's referenced columns
            refs = sorted({ref for _, _, ref in cascades.get(child, [])})
            selected = ", ".join(f'"{r}"' for r in refs) or "1"
            rows = _in(conn, f'SELECT {selected} FROM "{child}" WHERE "{column}" IN', wanted[to])
            if rows:
                counts[child] = counts.get(child, 0) + len(rows)
                for n, ref in enumerate(refs):
                    frontier.append((child, ref, [row[n] for row in rows]))
    return counts


def _in(conn: sqlite3.Connection, sql: str, values: list) -> list[tuple]:
    """`sql` followed by `(?, ?, …)` over `values`, in slices SQLite accepts."""
    rows: list[tuple] = []
    for start in range(0, len(values), 500):
        part = values[start:start + 500]
        rows += tuples(conn, f"{sql} ({', '.join('?' * len(part))})", tuple(part))
    return rows


def _checkoffs(conn: sqlite3.Connection, contact_ids: list[int]) -> list[str]:
    if CHECKOFF_TABLE not in table_names(conn):
        return []
    outreach = [r[0] for r in _in(conn, "SELECT id FROM outreach WHERE contact_id IN",
                                  contact_ids)] if "outreach" in table_names(conn) else []
    keys = checkoff_keys(contact_ids, outreach)
    return [r[0] for r in _in(conn, f"SELECT item_key FROM {CHECKOFF_TABLE} WHERE item_key IN",
                              keys)]


def _text_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every column declared TEXT (or untyped), where the person may be
    named: in `contacts`, only the free-text columns of the others — another contact with
    the same name or address is another record, never rewritten."""
    return [(table, row[1]) for table in table_names(conn)
            for row in tuples(conn, f'PRAGMA table_info("{table}")')
            if ("TEXT" in (row[2] or "TEXT").upper() or not row[2])
            and (table != "contacts" or row[1] in CONTACT_FREE_TEXT)]


def _mentions(conn: sqlite3.Connection, contact_id: int, apply: bool) -> int:
    """Texts outside the contact's own rows that name them; rewritten when `apply`."""
    row = tuples(conn, "SELECT full_name, email, phone, profile_url FROM contacts WHERE id = ?",
                 (contact_id,))
    terms = mention_terms(*row[0]) if row else []
    pattern = mention_pattern(terms)
    if pattern is None:
        return 0
    needles = search_needles(terms)
    conn.create_function("wb_names_person", 1,
                         lambda text: bool(text) and isinstance(text, str)
                         and pattern.search(text) is not None, deterministic=True)
    found = 0
    for table, column in _text_columns(conn):
        keys = _row_keys(conn, table)
        own = " AND id <> ?" if table == "contacts" else ""
        # SQLite's LIKE narrows the rows first (in C); the pattern decides
        like = " OR ".join(f'"{column}" LIKE ?' for _ in needles) if needles else "1"
        hits = tuples(conn, f'SELECT {", ".join(keys)}, "{column}" FROM "{table}"'
                            f' WHERE ({like}) AND wb_names_person("{column}"){own}',
                      tuple(f"%{n}%" for n in needles) + ((contact_id,) if own else ()))
        found += len(hits)
        if apply:
            where = " AND ".join(f"{k} = ?" for k in keys)
            for hit in hits:
                conn.execute(f'UPDATE OR REPLACE "{table}" SET "{column}" = ? WHERE {where}',
                             (redact(hit[-1], pattern)[0], *hit[:-1]))
    return found


def _row_keys(conn: sqlite3.Connection, table: str) -> list[str]:
    """How to point at one row: `rowid`, or the primary key of a WITHOUT ROWID table."""
    sql = tuples(conn, "SELECT sql FROM sqlite_master WHERE name = ?", (table,))[0][0] or ""
    if "WITHOUT ROWID" not in sql.upper():
        return ["rowid"]
    info = sorted((row[5], row[1]) for row in tuples(conn, f'PRAGMA table_info("{table}")')
                  if row[5])
    return [f'"{name}"' for _, name in info]


def erasure_preview(conn: sqlite3.Connection, contact_id: int) -> Erasure:
    """What `erase_contact` would remove; `KeyError` for an unknown contact."""
    if contact_id not in SQLITE_INTEGERS:
        raise KeyError(contact_id)
    row = tuples(conn, "SELECT full_name FROM contacts WHERE id = ?", (contact_id,))
    if not row:
        raise KeyError(contact_id)
    rows = _linked_rows(conn, [contact_id])
    checkoffs = _checkoffs(conn, [contact_id])
    if checkoffs:
        rows[CHECKOFF_TABLE] = rows.get(CHECKOFF_TABLE, 0) + len(checkoffs)
    return Erasure(row[0][0], rows, _mentions(conn, contact_id, apply=False))


def erase_contact(conn: sqlite3.Connection, contact_id: int) -> Erasure:
    """Erase a contact everywhere, in one transaction, then clear the file's free pages
    (`clear_free_pages`). Returns what went; `KeyError` for an unknown contact."""
    with transaction(conn):
        plan = erasure_preview(conn, contact_id)
        _mentions(conn, contact_id, apply=True)
        delete_checkoffs(conn, [contact_id])
        _delete_unlinked_rows(conn, "contacts", "id", [contact_id])
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
    clear_free_pages(conn)
    return plan


def _delete_unlinked_rows(conn: sqlite3.Connection, parent: str, key: str, ids: list,
                         links: tuple[dict, dict] | None = None) -> None:
    """Delete, deepest first, the rows that deleting `parent`'s rows would only unlink (ON
    DELETE SET NULL) — and theirs; cascading rows go with their parent anyway. The schema's
    links are read once and passed down."""
    unlinked, cascading = links or (_cascades(conn, ("SET NULL",)),
                                     _cascades(conn, ("CASCADE",)))
    for child, column, to in unlinked.get(parent, []) + cascading.get(parent, []):
        if to != key:
            continue
        child_key = _primary_key(conn, child)
        rows = [row[0] for row in _in(conn, f'SELECT "{child_key}" FROM "{child}"'
                                            f' WHERE "{column}" IN', ids)]
        if not rows:
            continue
        _delete_unlinked_rows(conn, child, child_key, rows, (unlinked, cascading))
        if (child, column, to) in unlinked.get(parent, []):
            for start in range(0, len(rows), 500):
                part = rows[start:start + 500]
                conn.execute(f'DELETE FROM "{child}" WHERE "{child_key}" IN'
                             f' ({", ".join("?" * len(part))})', part)


def delete_checkoffs(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> int:
    """Delete the weekly-plan check-offs about these contacts (inside the caller's
    transaction, before the contacts and their outreach are deleted)."""
    keys = _checkoffs(conn, list(contact_ids))
    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        conn.execute(f"DELETE FROM {CHECKOFF_TABLE} WHERE item_key IN"
                     f" ({', '.join('?' * len(part))})", part)
    return len(keys)


def clear_free_pages(conn: sqlite3.Connection) -> bool:
    """Rewrite the profile file so deleted rows leave no trace in it: `secure_delete` for
    this connection's writes, `VACUUM` (every page written afresh, free pages dropped), then
    the write-ahead log checkpointed and truncated. Returns False when another window held
    the file so that it could not be rewritten now (the rows are deleted all the same; their
    space is overwritten as the profile is used, and at the next erasure)."""
    conn.execute("PRAGMA secure_delete = ON")
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError:                 # busy: another connection is writing
        return False
    busy = tuples(conn, "PRAGMA wal_checkpoint(TRUNCATE)")[0][0]
    return not busy

