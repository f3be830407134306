"""SQLite connections: WAL, busy timeout, foreign keys, and one `BEGIN IMMEDIATE` per write."""

from __future__ import annotations

import sqlite3
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
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Erased rows are overwritten with zeros, not left readable in free pages of the file:
    # a profile holds other people's personal data.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


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
