"""The profile as a whole: is there anything in it, and emptying it in place."""

from __future__ import annotations

import sqlite3

from workbook.store.db import transaction

# Bookkeeping of the file itself, kept when a profile is emptied.
_KEPT_TABLES = frozenset({"schema_migrations", "sqlite_sequence"})


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table that holds the user's data, read from the schema (so a table added by a
    later migration is covered without a list to keep up to date)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [name for (name,) in rows if name not in _KEPT_TABLES]


def has_contacts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM contacts)").fetchone()[0] == 1


def count_contacts(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]


def empty_profile(conn: sqlite3.Connection) -> None:
    """Erase every row of every data table, in the caller's transaction or one of its own.

    The file stays where it is: other windows and commands keep their connections, and a
    write they make afterwards lands in the emptied profile instead of a deleted file.
    """
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")   # checked at commit, when all is gone
        for table in data_tables(conn):
            conn.execute(f'DELETE FROM "{table}"')
