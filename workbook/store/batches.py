"""Past imports: the list, and undoing one (its contacts erased, its changes put back)."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from workbook.store.contacts import FILE_FIELDS
from workbook.store.db import transaction
from workbook.store.erasure import clear_free_pages, delete_checkoffs
from workbook.store.schema import SQLITE_INTEGERS, tables_referencing, tuples

if TYPE_CHECKING:
    import pandas as pd


def list_batches(conn: sqlite3.Connection) -> pd.DataFrame:
    """Imports, newest first. Columns: batch_id, source_format, file_name, imported_at,
    rows_read, rows_added, rows_updated, rows_skipped, contacts (still from that batch)."""
    import pandas as pd

    rows = conn.execute(
        "SELECT b.id, b.source_format, b.file_name, b.imported_at, b.rows_read, b.rows_added,"
        " b.rows_updated, b.rows_skipped,"
        " (SELECT COUNT(*) FROM contacts c WHERE c.import_batch_id = b.id)"
        " FROM import_batches b ORDER BY b.imported_at DESC, b.id DESC").fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=[
        "batch_id", "source_format", "file_name", "imported_at", "rows_read", "rows_added",
        "rows_updated", "rows_skipped", "contacts"])


def undo_import(conn: sqlite3.Connection, batch_id: int) -> int:
    """Undo one import (erasure): the contacts it added are deleted with everything hanging
    on them (roles, needs, interactions, introductions… by cascade), the fields it changed on
    other contacts are put back where nobody changed them since, and the organisations it
    created that nothing else uses are deleted; so are the weekly-plan check-offs about the
    erased contacts. The file's free pages are cleared after (`clear_free_pages`). Returns
    the number of contacts erased; `KeyError` for an unknown batch."""
    if batch_id not in SQLITE_INTEGERS:
        raise KeyError(batch_id)
    with transaction(conn):
        if not conn.execute("SELECT 1 FROM import_batches WHERE id = ?", (batch_id,)).fetchone():
            raise KeyError(batch_id)
        ids = [r[0] for r in tuples(conn, "SELECT id FROM contacts WHERE import_batch_id = ?",
                                    (batch_id,))]
        erased = len(ids)
        delete_checkoffs(conn, ids)
        conn.execute("DELETE FROM contacts WHERE import_batch_id = ?", (batch_id,))
        _restore_updates(conn, batch_id)
        unused = "".join(f" AND NOT EXISTS (SELECT 1 FROM {table} u"
                         f" WHERE u.{column} = organisations.id)"
                         for table, column in tables_referencing(conn, "organisations"))
        conn.execute(
            "DELETE FROM organisations WHERE import_batch_id = ? AND is_target = 0"
            " AND notes = '' AND sector = '' AND motivation IS NULL AND posting IS NULL"
            " AND advocacy IS NULL" + unused, (batch_id,))
        conn.execute("DELETE FROM import_batches WHERE id = ?", (batch_id,))
    clear_free_pages(conn)
    return erased


def _restore_updates(conn: sqlite3.Connection, batch_id: int) -> None:
    for contact, changes in conn.execute(
            "SELECT contact_id, changes FROM import_updates WHERE batch_id = ?",
            (batch_id,)).fetchall():
        current = conn.execute(f"SELECT {', '.join(FILE_FIELDS)} FROM contacts WHERE id = ?",
                               (contact,)).fetchone()
        if current is None:
            continue
        restore = {name: before for name, (before, after) in json.loads(changes).items()
                   if name in FILE_FIELDS and current[name] == after}
        if restore:
            conn.execute(f"UPDATE contacts SET {', '.join(f'{n} = ?' for n in restore)}"
                         " WHERE id = ?", (*restore.values(), contact))
