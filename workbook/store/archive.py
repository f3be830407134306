"""Every table of a profile, out and back in: what whole-profile exports and restores read
and write. Tables are enumerated from the schema, so tables added by later migrations are
carried without anyone listing them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from workbook.store.db import transaction
from workbook.store.migrations import current_version
from workbook.store.schema import column_names, table_names, tuples


class RestoreError(Exception):
    """Rows that do not fit the schema: `code` is `unknown_table`, `unknown_column`,
    `broken_rule` (a CHECK, NOT NULL or UNIQUE constraint) or `broken_link` (a row pointing
    at a row that is not there); `detail` names the table."""

    def __init__(self, code: str, detail: str):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def schema_version(conn: sqlite3.Connection) -> int:
    return current_version(conn)


def dump_tables(conn: sqlite3.Connection) -> Iterator[tuple[str, list[str], list[tuple]]]:
    """`(table, columns, rows)` for every table (the migrations record included), rows in
    storage order, read inside one transaction so the tables agree with each other."""
    names = table_names(conn)
    conn.execute("BEGIN")                 # a consistent snapshot across tables (WAL readers)
    try:
        for table in names:
            columns = column_names(conn, table)
            quoted = ", ".join(f'"{c}"' for c in columns)
            yield table, columns, tuples(conn, f'SELECT {quoted} FROM "{table}"')
    finally:
        conn.execute("COMMIT")


def restore_tables(conn: sqlite3.Connection,
                   tables: Iterable[tuple[str, list[str], Iterable[Sequence]]]) -> int:
    """Replace the rows of every table named in `tables` (`(table, columns, rows)`) in one
    transaction; meant for a fresh file at the archive's schema version. Rows are consumed as
    they come (an archive being read), never held all at once. Links between rows are
    checked once all are in (deferred foreign keys), so the order of tables does not matter.
    Returns the rows written; `RestoreError` (nothing written) when they do not fit. An
    exception raised by `tables` or its rows (the archive turns out damaged) also leaves
    nothing written."""
    known = set(table_names(conn))
    written = 0
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table, columns, rows in tables:
            if table not in known:
                raise RestoreError("unknown_table", table)
            if not columns or len(set(columns)) != len(columns):
                raise RestoreError("unknown_column", f"{table}: no columns, or one twice")
            extra = set(columns) - set(column_names(conn, table))
            if extra:
                raise RestoreError("unknown_column", f"{table}.{sorted(extra)[0]}")
            conn.execute(f'DELETE FROM "{table}"')
            quoted = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            counted = _Counted(rows)
            try:
                conn.executemany(f'INSERT INTO "{table}"({quoted}) VALUES ({marks})', counted)
            except sqlite3.IntegrityError as problem:
                raise RestoreError("broken_rule", f"{table}: {problem}") from None
            written += counted.count
        broken = tuples(conn, "PRAGMA foreign_key_check")
        if broken:
            raise RestoreError("broken_link", f"{broken[0][0]} → {broken[0][2]}")
    return written


class _Counted:
    """An iterable of rows that counts what was taken from it."""

    def __init__(self, rows: Iterable[Sequence]):
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Sequence]:
        for row in self._rows:
            self.count += 1
            yield row


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether the profile holds nothing of its owner's (settings and the migrations record
    aside)."""
    return not any(tuples(conn, f'SELECT 1 FROM "{table}" LIMIT 1')
                   for table in table_names(conn)
                   if table not in ("settings", "schema_migrations"))
