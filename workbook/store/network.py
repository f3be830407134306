"""Network map queries: the contacts frame, edits, bulk tags, target organisations,
"can introduce to" links and the method's exercises (bright people, intelligence log).

Basic contact writes (add, delete, roles, needs) live in `workbook.store.contacts`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from workbook.domain.contacts_matching import target_matches_organisation
from workbook.domain.names import organisation_key
from workbook.domain.network_terms import need_codes, role_codes
from workbook.domain.vocabulary import LAYERS, NEEDS, ROLES
from workbook.store.contacts import organisation_id, set_needs, set_roles
from workbook.store.db import transaction

if TYPE_CHECKING:     # the frames import pandas when read: the page opens without it
    import pandas as pd

# Correlated sub-queries: each uses an index on contact_id, so reading one contact after an
# edit costs the same small lookups as one row of the full read.
_FRAME_SQL = """
SELECT c.id, c.full_name, c.email, c.organisation_id,
       COALESCE(o.name, '') AS organisation, COALESCE(o.sector, '') AS sector,
       c.position, c.layer, c.tie_strength, c.mutual_connections, c.can_give,
       COALESCE((SELECT group_concat(role, ' ') FROM contact_roles r
                 WHERE r.contact_id = c.id), '') AS roles,
       COALESCE((SELECT group_concat(need, ' ') FROM contact_needs n
                 WHERE n.contact_id = c.id), '') AS needs,
       (SELECT MAX(occurred_on) FROM interactions i WHERE i.contact_id = c.id) AS last_contact,
       COALESCE(o.is_target, 0) AS at_target,
       (SELECT COUNT(DISTINCT x.organisation_id) FROM introductions x
        JOIN organisations ot ON ot.id = x.organisation_id
        WHERE x.introducer_id = c.id AND ot.is_target = 1) AS introduces_to_target,
       c.source
FROM contacts c
LEFT JOIN organisations o ON o.id = c.organisation_id
{where}
ORDER BY c.id
"""

# Every UPDATE of a contact stamps it (the schema only sets `updated_at` on insert).
_TOUCH = "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now')"
# A move to another layer dates the move: the stay-in-touch clock of someone never in touch
# starts there (routines). `?` is the new layer; the CASE reads the row's old one.
_LAYER_DATE = ("layer_set_on = CASE WHEN layer <> ? THEN date('now', 'localtime')"
               " ELSE layer_set_on END")

_EDITABLE = {"full_name", "first_name", "last_name", "email", "phone", "profile_url", "position",
             "layer", "tie_strength", "mutual_connections", "can_give", "notes", "cadence_days"}


def _frame(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> pd.DataFrame:
    import pandas as pd

    cursor = conn.execute(_FRAME_SQL.format(where=where), params)
    names = [d[0] for d in cursor.description]
    frame = pd.DataFrame.from_records([tuple(row) for row in cursor.fetchall()], columns=names)
    for column in ("full_name", "email", "organisation", "sector", "position", "layer",
                   "can_give", "roles", "needs", "source"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame.astype({"id": "int64", "organisation_id": "Int64", "tie_strength": "float64",
                         "mutual_connections": "float64", "at_target": "bool",
                         "introduces_to_target": "int64"}).assign(
        last_contact=pd.to_datetime(frame["last_contact"], errors="coerce"))


def contacts_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every contact as one row (columns documented in `workbook.domain.network`)."""
    return _frame(conn)


def contacts_frame_for(conn: sqlite3.Connection, ids: Iterable[int]) -> pd.DataFrame:
    """The frame rows of some contacts (after an edit), same columns as `contacts_frame`."""
    ids = [int(i) for i in ids]
    # one JSON parameter instead of thousands of placeholders (a bulk tag re-reads many rows)
    return _frame(conn, "WHERE c.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))


def contact_details(conn: sqlite3.Connection, contact_id: int) -> dict | None:
    """One contact's editable fields, organisation name, roles and needs; None if gone."""
    row = conn.execute(
        "SELECT c.*, COALESCE(o.name, '') AS organisation FROM contacts c"
        " LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?",
        (contact_id,)).fetchone()
    if row is None:
        return None
    details = dict(row)
    details["roles"] = role_codes(" ".join(r for (r,) in conn.execute(
        "SELECT role FROM contact_roles WHERE contact_id = ?", (contact_id,))))
    details["needs"] = need_codes(" ".join(n for (n,) in conn.execute(
        "SELECT need FROM contact_needs WHERE contact_id = ?", (contact_id,))))
    return details


def update_contact(conn: sqlite3.Connection, contact_id: int, *, organisation: str | None = None,
                   roles: Iterable[str] | None = None, needs: Iterable[str] | None = None,
                   **fields) -> None:
    """Save an edit of one contact: only the given fields change (one transaction)."""
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "layer" in fields and fields["layer"] not in LAYERS:
        raise ValueError(f"unknown layer {fields['layer']!r}")
    with transaction(conn):
        if organisation is not None:
            fields["organisation_id"] = organisation_id(conn, organisation)   # None if blank
        if fields:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            dated = (f"{_LAYER_DATE}, ", (fields["layer"],)) if "layer" in fields else ("", ())
            conn.execute(f"UPDATE contacts SET {dated[0]}{assignments}, {_TOUCH} WHERE id = ?",
                         (*dated[1], *fields.values(), contact_id))
        if roles is not None:
            set_roles(conn, contact_id, [r for r in roles if r in ROLES])
        if needs is not None:
            set_needs(conn, contact_id, [n for n in needs if n in NEEDS])


def _rows_changed(conn: sqlite3.Connection, sql: str, rows: list[tuple]) -> int:
    """Run one statement over many rows in one transaction; the number of rows it changed."""
    with transaction(conn):
        before = conn.total_changes
        conn.executemany(sql, rows)
        return conn.total_changes - before


def add_role_to(conn: sqlite3.Connection, contact_ids: Iterable[int], role: str) -> int:
    """Bulk tag: give `role` to every listed contact (kept if present). Returns rows tagged."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    return _rows_changed(conn, "INSERT OR IGNORE INTO contact_roles(contact_id, role)"
                               " VALUES (?, ?)", [(int(i), role) for i in contact_ids])


def set_layer_of(conn: sqlite3.Connection, contact_ids: Iterable[int], layer: str) -> int:
    """Bulk move to `layer`. Returns the number of contacts changed."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    return _rows_changed(conn, f"UPDATE contacts SET {_LAYER_DATE}, layer = ?, {_TOUCH}"
                               " WHERE id = ? AND layer <> ?",
                         [(layer, layer, int(i), layer) for i in contact_ids])


class TagSnapshot(NamedTuple):
    """The layer, layer date and roles some contacts had before a bulk tagging, to put them
    back (`restore_tags`): rows of (contact_id, layer, layer_set_on, role codes)."""

    rows: tuple[tuple[int, str, str | None, tuple[str, ...]], ...]


def _ids_json(ids: Iterable[int]) -> str:
    return json.dumps(sorted({int(i) for i in ids}))


def _snapshot(conn: sqlite3.Connection, ids_json: str) -> TagSnapshot:
    roles: dict[int, list[str]] = {}
    for contact, role in conn.execute(
            "SELECT contact_id, role FROM contact_roles WHERE contact_id IN"
            " (SELECT value FROM json_each(?))", (ids_json,)):
        roles.setdefault(contact, []).append(role)
    return TagSnapshot(tuple(
        (contact, layer, layer_set_on, role_codes(" ".join(roles.get(contact, ()))))
        for contact, layer, layer_set_on in conn.execute(
            "SELECT id, layer, layer_set_on FROM contacts WHERE id IN"
            " (SELECT value FROM json_each(?)) ORDER BY id", (ids_json,))))


def bulk_add_role(conn: sqlite3.Connection, contact_ids: Iterable[int], role: str
                  ) -> tuple[int, TagSnapshot]:
    """`add_role_to`, and in the same transaction what the contacts it changes had before
    (for `restore_tags`). Returns (contacts tagged, snapshot)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with transaction(conn):
        lacking = _ids_json(contact for (contact,) in conn.execute(
            "SELECT value FROM json_each(?) WHERE value NOT IN"
            " (SELECT contact_id FROM contact_roles WHERE role = ?)",
            (_ids_json(contact_ids), role)))
        snapshot = _snapshot(conn, lacking)
        changed = add_role_to(conn, [row[0] for row in snapshot.rows], role)
    return changed, snapshot


def bulk_set_layer(conn: sqlite3.Connection, contact_ids: Iterable[int], layer: str
                   ) -> tuple[int, TagSnapshot]:
    """`set_layer_of`, and in the same transaction what the contacts it moves had before
    (for `restore_tags`). Returns (contacts moved, snapshot)."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    with transaction(conn):
        moving = _ids_json(contact for (contact,) in conn.execute(
            "SELECT id FROM contacts WHERE layer <> ? AND id IN"
            " (SELECT value FROM json_each(?))", (layer, _ids_json(contact_ids))))
        snapshot = _snapshot(conn, moving)
        changed = set_layer_of(conn, [row[0] for row in snapshot.rows], layer)
    return changed, snapshot


def restore_tags(conn: sqlite3.Connection, snapshot: TagSnapshot) -> int:
    """Put back the layers, layer dates and roles of a `TagSnapshot` in one transaction
    (contacts erased since are left alone). Returns the number of contacts restored."""
    restored = 0
    with transaction(conn):
        for contact, layer, layer_set_on, roles in snapshot.rows:
            cursor = conn.execute(f"UPDATE contacts SET layer = ?, layer_set_on = ?, {_TOUCH}"
                                  " WHERE id = ?", (layer, layer_set_on, contact))
            if not cursor.rowcount:
                continue
            restored += 1
            set_roles(conn, contact, roles)
    return restored


def interaction_count(conn: sqlite3.Connection, contact_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM interactions WHERE contact_id = ?",
                        (contact_id,)).fetchone()[0]


# ---------------------------------------------------------------- target organisations

def organisation_names(conn: sqlite3.Connection, limit: int = 2000) -> list[str]:
    """Organisation names with the most contacts first (for suggestions)."""
    return [r[0] for r in conn.execute(
        "SELECT o.name FROM organisations o LEFT JOIN contacts c ON c.organisation_id = o.id"
        " GROUP BY o.id ORDER BY COUNT(c.id) DESC, o.name LIMIT ?", (limit,))]


def targets_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Target organisations. Columns: organisation_id, name, sector, motivation, posting,
    advocacy (floats, NaN unknown), notes."""
    import pandas as pd

    rows = conn.execute("SELECT id, name, sector, motivation, posting, advocacy, notes"
                        " FROM organisations WHERE is_target = 1 ORDER BY name").fetchall()
    frame = pd.DataFrame([tuple(r) for r in rows],
                         columns=["organisation_id", "name", "sector", "motivation", "posting",
                                  "advocacy", "notes"])
    return frame.astype({"organisation_id": "int64", "motivation": "float64",
                         "posting": "float64", "advocacy": "float64"})


def save_target(conn: sqlite3.Connection, name: str, *, motivation: int | None = None,
                posting: int | None = None, advocacy: int | None = None,
                notes: str = "") -> int:
    """Mark organisation `name` as a target with its LAMP scores (0–3), and with it every
    organisation whose name it leads (`target_matches_organisation`: "Auto Trader" is also
    "Auto Trader UK"). Returns the organisation under the typed name — the stored one of
    that key, else the matched one with most contacts, else a new one."""
    if not organisation_key(name):
        raise ValueError("organisation name is blank")
    with transaction(conn):
        matched = [org for org, _name, _count in _matching(conn, name)]
        exact = conn.execute("SELECT id FROM organisations WHERE name_key = ?",
                             (organisation_key(name),)).fetchone()
        org = exact[0] if exact else matched[0] if matched else organisation_id(conn, name)
        conn.executemany("UPDATE organisations SET is_target = 1, motivation = ?, posting = ?,"
                         " advocacy = ?, notes = ? WHERE id = ?",
                         [(motivation, posting, advocacy, notes, each)
                          for each in dict.fromkeys([org, *matched])])
    return org


def _matching(conn: sqlite3.Connection, name: str) -> list[tuple[int, str, int]]:
    """(id, name, contacts) of the organisations `name` leads, most contacts first."""
    rows = conn.execute("SELECT o.id, o.name, COUNT(c.id) FROM organisations o"
                        " LEFT JOIN contacts c ON c.organisation_id = o.id GROUP BY o.id"
                        " ORDER BY COUNT(c.id) DESC, o.name").fetchall()
    return [(r[0], r[1], r[2]) for r in rows if target_matches_organisation(name, r[1])]


def target_matches(conn: sqlite3.Connection, name: str) -> list[tuple[str, int]]:
    """(name, contacts) of the organisations with contacts a target typed as `name` counts,
    where their stored name is not what was typed — what the user is told she matched."""
    typed = " ".join(name.split()).casefold()
    return [(org_name, count) for _id, org_name, count in _matching(conn, name)
            if count and org_name.casefold() != typed]


def drop_target(conn: sqlite3.Connection, organisation: int) -> None:
    """No longer a target (the organisation, its contacts and introductions stay)."""
    with transaction(conn):
        conn.execute("UPDATE organisations SET is_target = 0 WHERE id = ?", (organisation,))


# ---------------------------------------------------------------- "can introduce to"

def add_introduction(conn: sqlite3.Connection, introducer_id: int, organisation: str,
                     person_name: str = "", notes: str = "") -> int:
    """Record that contact `introducer_id` can introduce me to someone at `organisation`."""
    with transaction(conn):
        org = organisation_id(conn, organisation)
        if org is None:
            raise ValueError("organisation name is blank")
        conn.execute("INSERT INTO introductions(introducer_id, organisation_id, person_name, notes)"
                     " VALUES (?, ?, ?, ?) ON CONFLICT(introducer_id, organisation_id, person_name)"
                     " DO UPDATE SET notes = excluded.notes",
                     (introducer_id, org, person_name.strip(), notes))
        return conn.execute("SELECT id FROM introductions WHERE introducer_id = ? AND"
                            " organisation_id = ? AND person_name = ?",
                            (introducer_id, org, person_name.strip())).fetchone()[0]


def delete_introduction(conn: sqlite3.Connection, introduction_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM introductions WHERE id = ?", (introduction_id,))


def introductions_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Columns: id, introducer_id, introducer, organisation_id, organisation, is_target,
    person_name, notes."""
    import pandas as pd

    rows = conn.execute(
        "SELECT x.id, x.introducer_id, c.full_name, x.organisation_id, o.name, o.is_target,"
        " x.person_name, x.notes FROM introductions x"
        " JOIN contacts c ON c.id = x.introducer_id"
        " JOIN organisations o ON o.id = x.organisation_id"
        " ORDER BY o.name, c.full_name").fetchall()
    return pd.DataFrame([tuple(r) for r in rows],
                        columns=["id", "introducer_id", "introducer", "organisation_id",
                                 "organisation", "is_target", "person_name", "notes"]).astype(
        {"id": "int64", "introducer_id": "int64", "organisation_id": "int64", "is_target": "bool"})


# ---------------------------------------------------------------- exercises

def add_bright_person(conn: sqlite3.Connection, name: str, why: str = "",
                      contact_id: int | None = None) -> int:
    with transaction(conn):
        return conn.execute("INSERT INTO bright_people(name, why, contact_id) VALUES (?, ?, ?)",
                            (name.strip(), why.strip(), contact_id)).lastrowid


def bright_people(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT id, name, why, contact_id, created_at FROM bright_people ORDER BY id")]


def delete_bright_person(conn: sqlite3.Connection, person_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM bright_people WHERE id = ?", (person_id,))


def log_intelligence(conn: sqlite3.Connection, asked_on: str, question: str, answer: str = "",
                     contact_id: int | None = None) -> int:
    """One network-intelligence question and its answer (question: a code or free text)."""
    with transaction(conn):
        return conn.execute("INSERT INTO intelligence_log(asked_on, question, answer, contact_id)"
                            " VALUES (?, ?, ?, ?)",
                            (asked_on, question.strip(), answer.strip(), contact_id)).lastrowid


def intelligence_log(conn: sqlite3.Connection, limit: int = 200) -> list[dict]:
    """The latest entries first, with the name of the contact who answered ('' if none)."""
    return [dict(r) for r in conn.execute(
        "SELECT l.id, l.asked_on, l.question, l.answer, l.contact_id,"
        " COALESCE(c.full_name, '') AS contact FROM intelligence_log l"
        " LEFT JOIN contacts c ON c.id = l.contact_id ORDER BY l.asked_on DESC, l.id DESC LIMIT ?",
        (limit,))]


def delete_intelligence(conn: sqlite3.Connection, entry_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM intelligence_log WHERE id = ?", (entry_id,))
