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


class DamagedProfileError(sqlite3.DatabaseError):
    """SQLite's own check found the file damaged: `path` and `problems` (its first findings).
    A `DatabaseError`, so whatever already tells the user a file cannot be read says it."""

    def __init__(self, path: str | Path, problems: list[str]):
        super().__init__(f"{path}: {'; '.join(problems)}")
        self.path = Path(path)
        self.problems = problems


def damage_found(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """What `PRAGMA quick_check` finds wrong with the file (at most `limit` findings; [] when
    it is sound). It reads every page but skips comparing indexes with their tables: seconds
    on the largest profiles, run after a restore and before an upgrade, not at every open.
    SQLite 3.40 misreads the `avoid_pairs` table of schema versions 5-7 (NOT NULL column
    before its primary key, migration 8): that report is dropped once the rows are seen to
    hold no NULL, so the upgrade that cures it can run."""
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as problem:        # too damaged to be checked at all
        return [str(problem)]
    # one finding per line, without the "*** in database main ***" heading
    found = [line for row in rows for line in str(row).splitlines()
             if line and not line.startswith("***")]
    if found == ["ok"]:
        return []
    if _AVOID_PAIRS_MISREAD in found and not conn.execute(
            "SELECT COUNT(*) FROM avoid_pairs WHERE group_id IS NULL").fetchone()[0]:
        found = [line for line in found if line != _AVOID_PAIRS_MISREAD]
    return found


_AVOID_PAIRS_MISREAD = "NULL value in avoid_pairs.group_id"


# SQLite's primary result codes (the low byte of `sqlite_errorcode`) → what the user is told.
_KINDS = {5: "busy", 6: "busy", 8: "read_only", 10: "io_error", 11: "damaged", 13: "disk_full",
          14: "cannot_open", 26: "damaged"}


def problem_kind(problem: BaseException) -> str:
    """What an SQLite error says about the profile file: `busy` (another writer), `disk_full`,
    `read_only` (read-only media or folder), `cannot_open` (its folder is missing or not
    writable), `io_error` (the disk failed), `damaged`, else `other`."""
    if isinstance(problem, DamagedProfileError):
        return "damaged"
    if not isinstance(problem, sqlite3.Error):
        return "other"
    code = getattr(problem, "sqlite_errorcode", None)
    if code is not None:
        return _KINDS.get(code & 0xFF, "other")
    return "busy" if is_busy(problem) else "other"


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
            if conn.in_transaction:
                conn.execute("ROLLBACK TO nested")
                conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite rolls back by itself on some errors (a full disk, out of memory): then the
        # original error is the one to report, not "no transaction is active"
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:            # the commit itself refused (a full disk): nothing stays
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


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
