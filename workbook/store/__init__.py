"""The only layer that knows SQL: schema, migrations, transactions, queries."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workbook.paths import profile_path
from workbook.store.db import DamagedProfileError, connect, damage_found, is_busy, transaction
from workbook.store.migrations import NewerSchemaError, current_version, latest_version, migrate

__all__ = ["open_profile", "open_path", "open_read_only", "transaction", "NewerSchemaError",
           "DamagedProfileError", "backup", "is_busy"]


BACKUP_PAGES_PER_STEP = 1024


def _backup_progress(status: int, remaining: int, total: int) -> None:
    """Called between steps of a copy (a place where a crash can cut it short)."""


def backup(conn: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of a live profile (SQLite's online backup), written beside the
    destination and renamed into place: a copy cut short (a crash, a kill) never takes the
    name of a usable backup."""
    partial = destination.with_name(destination.name + ".partial")
    target = sqlite3.connect(partial)
    try:
        conn.backup(target, pages=BACKUP_PAGES_PER_STEP, progress=_backup_progress)
    finally:
        target.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, destination)


def open_path(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade a profile file.

    Before upgrading a file that already holds data, SQLite checks it (`damage_found`: a
    damaged file is refused with `DamagedProfileError`, not upgraded) and a copy is kept
    beside it (`<name>.sqlite.v<N>.bak`): a job seeker's months of notes outlive a bad
    upgrade. The copy is taken under the upgrade's write lock, so it is the file as it was.
    """
    path = Path(path)
    conn = connect(path)
    try:
        # The copy reads through a connection of its own: in WAL mode a reader goes on while
        # `conn` holds the write lock (a backup through `conn` itself would wait on it).
        def keep_copy(version: int) -> None:
            reader = sqlite3.connect(path)
            try:
                problems = damage_found(reader)
                if problems:
                    raise DamagedProfileError(path, problems)
                backup(reader, path.with_name(f"{path.name}.v{version}.bak"))
            finally:
                reader.close()

        migrate(conn, before_upgrade=keep_copy)
    except BaseException:
        conn.close()
        raise
    return conn


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """A profile on read-only media (a write-protected stick, a read-only mount), opened only
    to be read, for an export. SQLite cannot create there the files it shares with writers
    (`-shm`), so it is told that nothing changes the file (`immutable`) — true of read-only
    media, and only safe where no write-ahead log is left beside the file (its writes would
    be missed): `sqlite3.OperationalError` then, as for any profile that cannot be opened.
    The file is not upgraded; `NewerSchemaError` for one from a newer workbook."""
    path = Path(path)
    log = path.with_name(path.name + "-wal")
    if log.exists() and log.stat().st_size:
        raise sqlite3.OperationalError(f"unable to open database file ({log} holds writes)")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        if current_version(conn) > latest_version():
            raise NewerSchemaError(f"schema version {current_version(conn)}")
    except BaseException:
        conn.close()
        raise
    return conn


def open_profile(name: str) -> sqlite3.Connection:
    """The migrated connection to profile `name` under the data home."""
    return open_path(profile_path(name))
