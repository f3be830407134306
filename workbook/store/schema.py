"""What the schema says about itself: the tables, their columns, the foreign keys between
them — read from `sqlite_master` and `PRAGMA`s, so tables added by later migrations are
covered by whatever enumerates them (exports, restores, erasure)."""

from __future__ import annotations

import sqlite3

# Created by the migration runner, not by a migration: it says which migrations ran when.
MIGRATIONS_TABLE = "schema_migrations"
# What an SQLite INTEGER holds: a number outside it names no row (and would make the driver
# raise OverflowError instead of finding nothing).
SQLITE_INTEGERS = range(-2**63, 2**63)


def tuples(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[tuple]:
    """A query's rows as plain tuples: on tens of thousands of rows, building `sqlite3.Row`
    objects (the connection's row factory) costs more than the query itself."""
    cursor = conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


def table_names(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """Every table of the profile (SQLite's own `sqlite_*` tables left out), in the order
    they were created: parents before the tables that refer to them."""
    return [name for (name,) in tuples(
        conn, f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
              " AND name NOT LIKE 'sqlite%' ORDER BY rowid")]


def column_names(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    """The columns of `table`, in their order."""
    return [row[1] for row in tuples(conn, f'PRAGMA {schema}.table_info("{table}")')]


def tables_referencing(conn: sqlite3.Connection, parent: str,
                       skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to `parent`, `skip`ped tables left out."""
    found = []
    for table in table_names(conn):
        if table == parent or table in skip:
            continue
        for fk in tuples(conn, f'PRAGMA foreign_key_list("{table}")'):
            if fk[2] == parent:
                found.append((table, fk[3]))
    return found


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table."""
    return {table: tuples(conn, f'SELECT COUNT(*) FROM "{table}"')[0][0]
            for table in table_names(conn)}
