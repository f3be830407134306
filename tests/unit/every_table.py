"""Helpers for tests that must cover every table of a profile, including tables other
migrations add later: tables come from `sqlite_master`, never from a list in the test."""

from __future__ import annotations

import sqlite3

from workbook.store.schema import column_names, table_names

# Values that a careless export, spreadsheet or restore would change.
AWKWARD_TEXT = '=HYPERLINK("x") ; "quoted", line\nbreak, accents éè, 漢字, <img src=x onerror=alert(1)>'


def _candidates(table: str, column: str, declared: str):
    kind = (declared or "").upper()
    if "INT" in kind:
        return [1, 0, 2]
    if "REAL" in kind or "FLOA" in kind:
        return [1.5]
    return [f"{table}.{column} {AWKWARD_TEXT}", "2024-03-05", "x"]


def fill_every_table(conn: sqlite3.Connection) -> None:
    """Give every empty table one row (parents first, links to existing rows), so a test
    over all tables compares real rows. Fails naming a table it cannot fill."""
    empty = [t for t in table_names(conn)
             if not conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone()]
    for _ in range(len(empty) + 1):
        left = []
        for table in empty:
            if not _insert_one(conn, table):
                left.append(table)
        if not left:
            return
        empty = left
    raise AssertionError(f"cannot put a row in {empty}: give the demo profile rows there")


def _insert_one(conn: sqlite3.Connection, table: str) -> bool:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    links = {fk["from"]: (fk["table"], fk["to"])
             for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()}
    values = {}
    seen: dict[str, int] = {}
    for column in info:
        name = column["name"]
        if name in links:
            parent, to = links[name]
            nth = seen[parent] = seen.get(parent, -1) + 1     # two links: two different rows
            pick = f'SELECT {to or "rowid"} FROM "{parent}" ORDER BY 1 LIMIT 1 OFFSET '
            row = conn.execute(pick + str(nth)).fetchone() or conn.execute(pick + "0").fetchone()
            if row is None:
                return False                      # its parent is still empty: next round
            values[name] = [row[0]]
        elif column["dflt_value"] is not None and "CHECK" in _sql(conn, table).upper():
            continue                    # a coded column (direction, layer…): its default
        else:
            values[name] = _candidates(table, name, column["type"])
    for attempt in range(3):
        row = {n: v[min(attempt, len(v) - 1)] for n, v in values.items()}
        try:
            conn.execute(f'INSERT INTO "{table}"({", ".join(row)}) VALUES '
                         f'({", ".join("?" * len(row))})', tuple(row.values()))
            return True
        except sqlite3.IntegrityError:
            continue
    return False


def table_rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, keyed by table."""
    return {t: sorted((tuple(r) for r in conn.execute(
                f'SELECT {", ".join(chr(34) + c + chr(34) for c in column_names(conn, t))}'
                f' FROM "{t}"')), key=repr)
            for t in table_names(conn)}


def _sql(conn: sqlite3.Connection, table: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
