"""The only layer that knows SQL: schema, migrations, transactions, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbook.paths import profile_path
from workbook.store.db import connect, transaction
from workbook.store.migrations import NewerSchemaError, current_version, latest_version, migrate

__all__ = ["open_profile", "open_path", "transaction", "NewerSchemaError", "backup"]


def backup(conn: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of a live profile (SQLite's online backup)."""
    target = sqlite3.connect(destination)
    try:
        conn.backup(target)
    finally:
        target.close()


def open_path(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade a profile file.

    Before upgrading a file that already holds data, a copy is kept beside it
    (`<name>.sqlite.v<N>.bak`): a job seeker's months of notes outlive a bad upgrade.
    """
    path = Path(path)
    conn = connect(path)
    try:
        version = current_version(conn)
        if 0 < version < latest_version():
            backup(conn, path.with_name(f"{path.name}.v{version}.bak"))
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def open_profile(name: str) -> sqlite3.Connection:
    """The migrated connection to profile `name` under the data home."""
    return open_path(profile_path(name))
