"""Read-only queries behind the exports."""

from __future__ import annotations

import sqlite3

import pandas as pd


def export_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every contact for export, by name. Columns: full_name, first_name, last_name, email,
    phone, profile_url, organisation, position, connected_on, birthday, layer, roles (`;`
    separated codes), notes, source."""
    rows = conn.execute(
        "SELECT c.full_name, c.first_name, c.last_name, c.email, c.phone, c.profile_url,"
        " COALESCE(o.name, ''), c.position, COALESCE(c.connected_on, ''),"
        " COALESCE(c.birthday, ''), c.layer,"
        " COALESCE((SELECT group_concat(r.role, ';') FROM contact_roles r"
        "           WHERE r.contact_id = c.id), ''), c.notes, c.source"
        " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
        " ORDER BY c.full_name COLLATE NOCASE, c.id").fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=[
        "full_name", "first_name", "last_name", "email", "phone", "profile_url", "organisation",
        "position", "connected_on", "birthday", "layer", "roles", "notes", "source"],
        dtype="str")
