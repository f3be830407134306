"""Positioning versions, repeat-backs and the unsaved draft (tables `positioning_versions`,
`repeat_backs`; the draft is one JSON value in `settings`)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from workbook.domain.positioning import (
    CARD_FIELDS,
    REPEAT_BACK_ROLES,
    STEPS,
    Card,
    Statement,
    Version,
)
from workbook.store.db import transaction
from workbook.store.settings import get_setting, set_setting

DRAFT_SETTING = "positioning.draft"
_VERSION_COLUMNS = ("id", "created_at", "lang", *STEPS, *CARD_FIELDS, "score")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def save_version(conn: sqlite3.Connection, statement: Statement, card: Card, lang: str,
                 score: int | None, created_at: str | None = None) -> int:
    """Store a new version (never overwrites one); returns its id."""
    values = {**{name: getattr(statement, name) for name in STEPS},
              **{name: getattr(card, name) for name in CARD_FIELDS},
              "lang": lang, "score": score, "created_at": created_at or _now()}
    with transaction(conn):
        return conn.execute(
            f"INSERT INTO positioning_versions({', '.join(values)})"
            f" VALUES ({', '.join('?' * len(values))})", tuple(values.values())).lastrowid


def _version(row: sqlite3.Row) -> Version:
    return Version(
        id=row["id"], created_at=row["created_at"], lang=row["lang"],
        statement=Statement(**{name: row[name] for name in STEPS}),
        card=Card(**{name: row[name] for name in CARD_FIELDS}), score=row["score"])


def list_versions(conn: sqlite3.Connection) -> list[Version]:
    """Every version, oldest first."""
    rows = conn.execute(f"SELECT {', '.join(_VERSION_COLUMNS)} FROM positioning_versions"
                        " ORDER BY created_at, id").fetchall()
    return [_version(row) for row in rows]


def latest_version(conn: sqlite3.Connection) -> Version | None:
    row = conn.execute(f"SELECT {', '.join(_VERSION_COLUMNS)} FROM positioning_versions"
                       " ORDER BY created_at DESC, id DESC LIMIT 1").fetchone()
    return _version(row) if row else None


def set_version_score(conn: sqlite3.Connection, version_id: int, score: int) -> None:
    with transaction(conn):
        conn.execute("UPDATE positioning_versions SET score = ? WHERE id = ?", (score, version_id))


def add_repeat_back(conn: sqlite3.Connection, version_id: int, connector_name: str,
                    rephrasing: str, recorded_on: str, contact_id: int | None = None) -> int:
    with transaction(conn):
        return conn.execute(
            "INSERT INTO repeat_backs(version_id, connector_name, contact_id, rephrasing,"
            " recorded_on) VALUES (?, ?, ?, ?, ?)",
            (version_id, connector_name, contact_id, rephrasing, recorded_on)).lastrowid


def list_repeat_backs(conn: sqlite3.Connection, version_id: int) -> list[dict]:
    """Repeat-backs of one version, in the order recorded: dicts with id, connector_name,
    contact_id, rephrasing, recorded_on."""
    rows = conn.execute(
        "SELECT id, connector_name, contact_id, rephrasing, recorded_on FROM repeat_backs"
        " WHERE version_id = ? ORDER BY recorded_on, id", (version_id,)).fetchall()
    return [dict(row) for row in rows]


def delete_repeat_back(conn: sqlite3.Connection, repeat_back_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM repeat_backs WHERE id = ?", (repeat_back_id,))


def connector_contacts(conn: sqlite3.Connection, limit: int = 500) -> list[tuple[str, int]]:
    """(name, id) of contacts with one of `REPEAT_BACK_ROLES`: who should hear the pitch."""
    rows = conn.execute(
        "SELECT DISTINCT c.full_name, c.id FROM contacts c JOIN contact_roles r"
        f" ON r.contact_id = c.id WHERE r.role IN ({', '.join('?' * len(REPEAT_BACK_ROLES))})"
        " ORDER BY c.full_name LIMIT ?", (*REPEAT_BACK_ROLES, limit)).fetchall()
    return [(row[0], row[1]) for row in rows]


def save_draft(conn: sqlite3.Connection, statement: Statement, card: Card) -> None:
    """Keep the text being typed, so a closed tab loses nothing that was not saved yet."""
    value = {**{name: getattr(statement, name) for name in STEPS},
             **{name: getattr(card, name) for name in CARD_FIELDS}}
    set_setting(conn, DRAFT_SETTING, json.dumps(value, ensure_ascii=False))


def load_draft(conn: sqlite3.Connection) -> tuple[Statement, Card] | None:
    """The last draft, or None (none kept, or unreadable: then the latest version is used)."""
    raw = get_setting(conn, DRAFT_SETTING)
    if not raw:
        return None
    try:
        value = json.loads(raw)
        statement = Statement(**{name: str(value.get(name, "")) for name in STEPS})
        card = Card(**{name: str(value.get(name, "")) for name in CARD_FIELDS})
    except (ValueError, TypeError, AttributeError):
        return None
    return statement, card
