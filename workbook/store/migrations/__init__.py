"""Numbered schema migrations, recorded in the file (`PRAGMA user_version` + `schema_migrations`).

Add a change as the next `NNNN_name.sql`; never edit one that has shipped.
"""

from __future__ import annotations

import re
import sqlite3
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


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Apply every migration above the file's version (up to `target`); return those applied.

    Each migration is one transaction: a failure leaves the file at the previous version.
    """
    migrations = all_migrations()
    target = len(migrations) if target is None else target
    version = current_version(conn)
    if version > len(migrations):
        raise NewerSchemaError(f"schema version {version} > {len(migrations)}")
    applied = []
    for migration in migrations[version:target]:
        script = (
            "BEGIN IMMEDIATE;\n"
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
            f"{migration.sql}\n;"
            f"INSERT INTO schema_migrations VALUES ({migration.version}, '{migration.name}',"
            " strftime('%Y-%m-%dT%H:%M:%S', 'now'));\n"
            f"PRAGMA user_version = {migration.version};\n"
            "COMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
