"""Contacts, organisations, roles, needs and interactions: the basic reads and writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from workbook.domain.calendar_rules import stored_day
from workbook.domain.names import organisation_key
from workbook.domain.vocabulary import DIRECTIONS, INTERACTION_KINDS, PURPOSES
from workbook.store.db import transaction

# Contact columns an import writes (`notes` only when it creates the contact).
FILE_FIELDS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
               "organisation_id", "position", "connected_on", "birthday", "mutual_connections")

_CONTACT_FIELDS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
                   "organisation_id", "position", "layer", "tie_strength", "mutual_connections",
                   "can_give", "cadence_days", "birthday", "connected_on", "source",
                   "import_batch_id", "notes", "layer_set_on")


def blank(value) -> bool:
    """Whether a stored or read value is empty: None, '' or NaN."""
    return value is None or value == "" or (isinstance(value, float) and value != value)


def organisation_id(conn: sqlite3.Connection, name: str, sector: str = "") -> int | None:
    """The id of organisation `name` (matched on its key), created if new; None for a blank name."""
    key = organisation_key(name)
    if not key:
        return None
    row = conn.execute("SELECT id FROM organisations WHERE name_key = ?", (key,)).fetchone()
    if row:
        return row[0]
    # Another window may create the same organisation between the look-up and here: the
    # insert then does nothing and the look-up under the write lock finds theirs.
    with transaction(conn):
        conn.execute("INSERT INTO organisations(name, name_key, sector) VALUES (?, ?, ?)"
                     " ON CONFLICT(name_key) DO NOTHING", (name.strip(), key, sector))
        return conn.execute("SELECT id FROM organisations WHERE name_key = ?",
                            (key,)).fetchone()[0]


def add_contact(conn: sqlite3.Connection, full_name: str, *, organisation: str = "",
                roles: Iterable[str] = (), needs: Iterable[str] = (), **fields) -> int:
    """Insert one contact (fields as in the `contacts` table) with its roles and needs."""
    unknown = set(fields) - set(_CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"unknown contact fields: {sorted(unknown)}")
    if fields.get("layer", "unsorted") != "unsorted":  # dates the layer (routines' clock)
        fields.setdefault("layer_set_on", dt.date.today().isoformat())
    with transaction(conn):
        if organisation:
            fields["organisation_id"] = organisation_id(conn, organisation)
        columns = ["full_name", *fields]
        contact = conn.execute(
            f"INSERT INTO contacts({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            (full_name, *fields.values())).lastrowid
        set_roles(conn, contact, roles)
        set_needs(conn, contact, needs)
    return contact


def set_roles(conn: sqlite3.Connection, contact_id: int, roles: Iterable[str]) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM contact_roles WHERE contact_id = ?", (contact_id,))
        conn.executemany("INSERT INTO contact_roles VALUES (?, ?)",
                         [(contact_id, role) for role in dict.fromkeys(roles)])


def set_needs(conn: sqlite3.Connection, contact_id: int, needs: Iterable[str]) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM contact_needs WHERE contact_id = ?", (contact_id,))
        conn.executemany("INSERT INTO contact_needs VALUES (?, ?)",
                         [(contact_id, need) for need in dict.fromkeys(needs)])


def log_interaction(conn: sqlite3.Connection, contact_id: int, occurred_on: dt.date | str,
                    kind: str, *, direction: str = "out", purpose: str = "maintain",
                    notes: str = "") -> int:
    """Log one interaction (codes from `domain.vocabulary`); returns its id."""
    if kind not in INTERACTION_KINDS or direction not in DIRECTIONS or purpose not in PURPOSES:
        raise ValueError(f"unknown code in {(kind, direction, purpose)}")
    if isinstance(occurred_on, dt.date):
        occurred_on = occurred_on.isoformat()
    if stored_day(occurred_on) is None:  # e.g. year 0026: would break every date rule
        raise ValueError(f"not a plausible date: {occurred_on!r}")
    with transaction(conn):
        return conn.execute(
            "INSERT INTO interactions(contact_id, occurred_on, kind, direction, purpose, notes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (contact_id, occurred_on, kind, direction, purpose, notes)).lastrowid


def delete_contact(conn: sqlite3.Connection, contact_id: int) -> None:
    """Erase a contact everywhere it appears, and from the file's free pages
    (`workbook.store.erasure.erase_contact`); nothing happens for an unknown id."""
    from workbook.store.erasure import erase_contact

    try:
        erase_contact(conn, contact_id)
    except KeyError:
        pass


def count_contacts(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]


def layer_role_counts(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """Contacts per (layer, role): (layer, role, contacts) rows; a contact with several roles
    counts once per role, and one with none under role ''."""
    rows = conn.execute(
        "SELECT c.layer, COALESCE(r.role, '') AS role, COUNT(*) AS contacts"
        " FROM contacts c LEFT JOIN contact_roles r ON r.contact_id = c.id"
        " GROUP BY c.layer, COALESCE(r.role, '')").fetchall()
    return [tuple(r) for r in rows]


def target_count(conn: sqlite3.Connection) -> int:
    """How many organisations are targets."""
    return conn.execute("SELECT COUNT(*) FROM organisations WHERE is_target = 1").fetchone()[0]


def last_interaction_on(conn: sqlite3.Connection) -> str | None:
    return conn.execute("SELECT MAX(occurred_on) FROM interactions").fetchone()[0]


def contact_ids(conn: sqlite3.Connection, layers: Iterable[str], *,
                with_organisation: bool = False) -> list[int]:
    """Ids of the contacts in `layers` (those with an organisation only, if asked), in the
    order they were added."""
    layers = list(layers)
    where = " AND organisation_id IS NOT NULL" if with_organisation else ""
    return [row[0] for row in conn.execute(
        f"SELECT id FROM contacts WHERE layer IN ({', '.join('?' * len(layers))}){where}"
        " ORDER BY id", layers)]


def set_birthday(conn: sqlite3.Connection, contact_id: int, birthday: str) -> None:
    """`birthday` as ISO `YYYY-MM-DD` (or `--MM-DD` when the year is unknown)."""
    with transaction(conn):
        conn.execute("UPDATE contacts SET birthday = ? WHERE id = ?", (birthday, contact_id))
