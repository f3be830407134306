"""What a participant's progress card reads from their own profile: counts and organisation
names only. No query here selects a contact's name, e-mail, phone, notes or interactions, so
none can reach a card."""

from __future__ import annotations

import datetime as dt
import sqlite3


def role_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Contacts per role (a contact with two roles counts under both)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT role, COUNT(*) FROM contact_roles GROUP BY role ORDER BY role")}


def layer_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Contacts per layer code (the layers holding someone)."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT layer, COUNT(*) FROM contacts GROUP BY layer ORDER BY layer")}


def target_names(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Target organisations' names, most motivated first."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM organisations WHERE is_target = 1"
        " ORDER BY COALESCE(motivation, -1) DESC, name LIMIT ?", (limit,))]


def introduction_names(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Organisations someone in my network can introduce me to — or, read the other way, where
    I can introduce a fellow member (organisation names only)."""
    return [r[0] for r in conn.execute(
        "SELECT o.name FROM introductions x JOIN organisations o ON o.id = x.organisation_id"
        " GROUP BY o.id ORDER BY COUNT(*) DESC, o.name LIMIT ?", (limit,))]


def press_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """journalists, key_messages (non-blank points of the best-filled topic sheet), pitched,
    called_back (requests answered, interviews and publications)."""
    journalists = conn.execute("SELECT COUNT(*) FROM journalists").fetchone()[0]
    messages = conn.execute(
        "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM key_messages"
        " WHERE TRIM(message) <> '' GROUP BY sheet_id)").fetchone()[0]
    kinds = dict(conn.execute("SELECT kind, COUNT(*) FROM media_log GROUP BY kind").fetchall())
    answered = conn.execute("SELECT COUNT(*) FROM media_log WHERE kind = 'request'"
                            " AND answered_at IS NOT NULL").fetchone()[0]
    return {"journalists": journalists, "key_messages": messages,
            "pitched": kinds.get("pitch", 0),
            "called_back": answered + kinds.get("interview", 0) + kinds.get("published", 0)}


def first_recorded_on(conn: sqlite3.Connection) -> dt.date | None:
    """The day anything was first recorded in this profile (an exchange logged, a contact
    added, a file imported), None for an empty profile: when its owner started using it."""
    row = conn.execute(
        "SELECT MIN(d) FROM (SELECT MIN(created_at) AS d FROM interactions"
        " UNION ALL SELECT MIN(created_at) FROM contacts"
        " UNION ALL SELECT MIN(imported_at) FROM import_batches)").fetchone()
    return dt.date.fromisoformat(row[0][:10]) if row and row[0] else None
