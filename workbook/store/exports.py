"""Read-only queries behind the exports."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from workbook.store.schema import tuples

if TYPE_CHECKING:
    import pandas as pd

EXPORT_COLUMNS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
                  "organisation", "position", "connected_on", "birthday", "layer", "roles",
                  "mutual_connections", "notes", "source")


def export_rows(conn: sqlite3.Connection) -> list[tuple[str, ...]]:
    """Every contact for export, by name: one tuple of text per contact, in the order of
    `EXPORT_COLUMNS` (roles: `;` separated codes; '' for what is unknown)."""
    return tuples(
        conn,
        "SELECT c.full_name, c.first_name, c.last_name, c.email, c.phone, c.profile_url,"
        " COALESCE(o.name, ''), c.position, COALESCE(c.connected_on, ''),"
        " COALESCE(c.birthday, ''), c.layer,"
        " COALESCE((SELECT group_concat(r.role, ';') FROM contact_roles r"
        "           WHERE r.contact_id = c.id), ''),"
        " COALESCE(CAST(c.mutual_connections AS TEXT), ''), c.notes, c.source"
        " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
        " ORDER BY c.full_name COLLATE NOCASE, c.id")


def export_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """`export_rows` as a frame, columns `EXPORT_COLUMNS`, all text."""
    import pandas as pd  # here only: the pages that offer an export start without pandas

    return pd.DataFrame(export_rows(conn), columns=list(EXPORT_COLUMNS), dtype="str")
