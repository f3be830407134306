"""Numbered schema migrations, recorded in the file (`PRAGMA user_version` + `schema_migrations`).

Add a change as the next `NNNN_name.sql`; never edit one that has shipped.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


class NewerSchemaError(RuntimeError):
    """The profile was written by a newer workbook than this one."""


def all_migrations() -> list[Migration]:
    found = []
    for entry in resources.files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(all_migrations())


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> list[str]:
    """The statements of a migration script, whole (a trigger's body stays in one piece)."""
    found, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                found.append(pending.strip())
            pending = ""
    if _has_code(pending):
        found.append(pending.strip())
    return found


def _has_code(text: str) -> bool:
    lines = (line.split("--", 1)[0] for line in text.splitlines())
    return bool("".join(lines).replace(";", "").strip())


def migrate(conn: sqlite3.Connection, target: int | None = None,
            before_upgrade: Callable[[int], None] | None = None) -> list[int]:
    """Apply every migration above the file's version (up to `target`); return those applied.

    Each migration is one `BEGIN IMMEDIATE` transaction, and the file's version is read again
    once the write lock is held: several processes opening a new profile at once apply each
    migration exactly once (the others find it done). A failure leaves the file at the
    previous version. `before_upgrade(version)` runs under the lock before the first
    migration applied to a file that already had a schema (the pre-upgrade copy).
    """
    migrations = all_migrations()
    target = len(migrations) if target is None else target
    if current_version(conn) > len(migrations):
        raise NewerSchemaError(f"schema version {current_version(conn)} > {len(migrations)}")
    applied = []
    for migration in migrations[:target]:
        if current_version(conn) >= migration.version:     # cheap check, no lock
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)                 # the truth, under the lock
            if version >= migration.version:
                conn.execute("COMMIT")
                continue
            if version > 0 and not applied and before_upgrade is not None:
                before_upgrade(version)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER"
                         " PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            for statement in statements(migration.sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?,"
                         " strftime('%Y-%m-%dT%H:%M:%S', 'now'))",
                         (migration.version, migration.name))
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
