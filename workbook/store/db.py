"""SQLite connections: WAL, busy timeout, foreign keys, and one `BEGIN IMMEDIATE` per write."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A write waits this long for another one (a big import, another tab) before giving up; an
# import of 30,000 contacts holds the lock for well under this.
BUSY_TIMEOUT_MS = 30_000


def is_busy(problem: BaseException) -> bool:
    """True when SQLite gave up waiting for another writer: the file is fine, only busy."""
    text = str(problem).lower()
    return isinstance(problem, sqlite3.OperationalError) and (
        "locked" in text or "busy" in text)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a profile file without migrating it (see `workbook.store.open_profile`).

    Autocommit mode (`isolation_level=None`): the only transactions are the explicit
    ones opened by `transaction`, so a write never hides in an implicit one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Erased rows are overwritten with zeros, not left readable in free pages of the file:
    # a profile holds other people's personal data.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL. On a new file opened by several windows at once, the switch
    can answer "locked" at once (SQLite does not wait on it): retry until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as problem:
            if not is_busy(problem) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write: `BEGIN IMMEDIATE` … `COMMIT`, or `ROLLBACK` on any error.

    Nested use becomes a savepoint, so a helper that writes can be called both alone
    and inside a larger transaction (an import, say) that must commit whole.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def fold_into_one_file(conn: sqlite3.Connection) -> None:
    """Write the write-ahead log back and leave WAL mode, so the file alone holds everything
    (before it is renamed or copied as a whole)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes when another connection (another page, another process) commits
    to this profile; this connection's own writes leave it as it is (SQLite's
    `PRAGMA data_version`). One cheap read tells a drawn view whether it shows old data."""
    return conn.execute("PRAGMA data_version").fetchone()[0]
