"""Profile-level settings: a small key/value table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbook.store.db import transaction


def get_setting(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)"
                     " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))



def saved_language(path: Path) -> str | None:
    """The language saved in the profile file at `path`, read without opening the profile for
    writing (no new file, no migration): the command line speaks it even in its error
    messages. None when there is no such file or it cannot be read."""
    if not path.is_file():
        return None
    try:
        # immutable: no lock, no -wal/-shm files left beside the profile (a command that
        # counts or deletes its files must find only its own); a choice still in the WAL
        # and not yet checkpointed is missed, and the language falls back to the default.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            return get_setting(conn, "lang")
        finally:
            conn.close()
    except sqlite3.Error:
        return None
