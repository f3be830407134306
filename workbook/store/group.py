"""A coach's groups: roster, sessions and attendance, imported progress cards, pairing
history, avoid pairs, referrals, pitch-round notes and the intelligence board.

Participants are display names only (plus the id their workbook puts on its cards): this
module never touches a contact table.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from workbook.domain.errors import CodedError
from workbook.domain.group.members import CLOSE, name_closeness
from workbook.domain.names import fold
from workbook.domain.progress_card import ProgressCard, card_bytes
from workbook.store.db import transaction

CONFLICTS = ("group_name_taken", "duplicate_name", "blank_name", "same_person",
             "unknown_sender", "card_id_taken", "no_participant", "no_group", "no_session",
             "blank_note")


class GroupConflict(CodedError, ValueError):
    """A write the store refuses (nothing changed); `code` is one of CONFLICTS."""

    catalogue = "group.conflict"


def slugify(name: str) -> str:
    """A folder-safe name: "Club Emploi Cadres – mardi" → "club-emploi-cadres-mardi"."""
    return "-".join(fold(name).split())[:60] or "group"


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, params).fetchall()]


# ------------------------------------------------------------------------------- groups

def create_group(conn: sqlite3.Connection, name: str, odd_mode: str = "trio") -> int:
    name = " ".join(name.split())
    if not name:
        raise GroupConflict("blank_name")
    slug = slugify(name)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM groups WHERE slug = ?", (slug,)).fetchone():
            raise GroupConflict("group_name_taken", name)
        return conn.execute("INSERT INTO groups(name, slug, odd_mode) VALUES (?, ?, ?)",
                            (name, slug, odd_mode)).lastrowid


def list_groups(conn: sqlite3.Connection) -> list[dict]:
    """Columns: id, name, slug, odd_mode; oldest first."""
    return _rows(conn, "SELECT id, name, slug, odd_mode FROM groups ORDER BY id")


def set_odd_mode(conn: sqlite3.Connection, group_id: int, odd_mode: str) -> None:
    with transaction(conn):
        conn.execute("UPDATE groups SET odd_mode = ? WHERE id = ?", (odd_mode, group_id))


# ------------------------------------------------------------------------------ roster

def _name_key(name: str) -> str:
    return fold(name)


def _same_name(conn: sqlite3.Connection, group_id: int, name: str,
               other_than: int | None = None) -> dict | None:
    for row in _rows(conn, "SELECT id, display_name, card_id, active FROM participants"
                     " WHERE group_id = ?", (group_id,)):
        if row["id"] != other_than and _name_key(row["display_name"]) == _name_key(name):
            return row
    return None


def add_participant(conn: sqlite3.Connection, group_id: int, display_name: str,
                    card_id: str = "") -> int:
    """A new participant; two participants of one group never share a display name (case
    and accents ignored), since the projector and the pairs show names only."""
    name = " ".join(display_name.split())[:80]
    if not name:
        raise GroupConflict("blank_name")
    with transaction(conn):
        if _same_name(conn, group_id, name):
            raise GroupConflict("duplicate_name", name)
        return conn.execute("INSERT INTO participants(group_id, display_name, card_id,"
                            " shares_progress) VALUES (?, ?, ?, ?)",
                            (group_id, name, card_id, int(bool(card_id)))).lastrowid


def rename_participant(conn: sqlite3.Connection, participant_id: int, display_name: str) -> None:
    name = " ".join(display_name.split())[:80]
    if not name:
        raise GroupConflict("blank_name")
    with transaction(conn):
        group_id = conn.execute("SELECT group_id FROM participants WHERE id = ?",
                                (participant_id,)).fetchone()[0]
        if _same_name(conn, group_id, name, other_than=participant_id):
            raise GroupConflict("duplicate_name", name)
        conn.execute("UPDATE participants SET display_name = ? WHERE id = ?",
                     (name, participant_id))


def set_active(conn: sqlite3.Connection, participant_id: int, active: bool,
               on: dt.date | None = None) -> None:
    """Remove a participant from new rounds (their history and cards stay), or bring them
    back."""
    with transaction(conn):
        conn.execute("UPDATE participants SET active = ?, removed_on = ? WHERE id = ?",
                     (int(active), None if active else (on or dt.date.today()).isoformat(),
                      participant_id))


def participants(conn: sqlite3.Connection, group_id: int, include_removed: bool = False
                 ) -> list[dict]:
    """Columns: id, display_name, card_id, sender, active, removed_on; by name."""
    where = "" if include_removed else " AND active = 1"
    rows = _rows(conn, "SELECT id, display_name, card_id, sender, active, removed_on"
                 " FROM participants"
                 f" WHERE group_id = ?{where}", (group_id,))
    return sorted(rows, key=lambda r: (_name_key(r["display_name"]), r["id"]))


# ----------------------------------------------------------------------------- sessions

def open_session(conn: sqlite3.Connection, group_id: int, held_on: dt.date,
                 agenda: str = "") -> int:
    """The group's session on that date (created if new); returns its id."""
    with transaction(conn):
        conn.execute("INSERT INTO group_sessions(group_id, held_on, agenda) VALUES (?, ?, ?)"
                     " ON CONFLICT(group_id, held_on) DO NOTHING",
                     (group_id, held_on.isoformat(), agenda))
        return conn.execute("SELECT id FROM group_sessions WHERE group_id = ? AND held_on = ?",
                            (group_id, held_on.isoformat())).fetchone()[0]


def update_session(conn: sqlite3.Connection, session_id: int, *, agenda: str | None = None,
                   notes: str | None = None) -> None:
    with transaction(conn):
        if agenda is not None:
            conn.execute("UPDATE group_sessions SET agenda = ? WHERE id = ?", (agenda, session_id))
        if notes is not None:
            conn.execute("UPDATE group_sessions SET notes = ? WHERE id = ?", (notes, session_id))


def sessions(conn: sqlite3.Connection, group_id: int) -> list[dict]:
    """Columns: id, held_on, agenda, notes; oldest first."""
    return _rows(conn, "SELECT id, held_on, agenda, notes FROM group_sessions"
                 " WHERE group_id = ? ORDER BY held_on", (group_id,))


def set_attendance(conn: sqlite3.Connection, session_id: int, participant_id: int,
                   present: bool) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO attendance VALUES (?, ?, ?) ON CONFLICT(session_id,"
                     " participant_id) DO UPDATE SET present = excluded.present",
                     (session_id, participant_id, int(present)))


def absent_ids(conn: sqlite3.Connection, session_id: int) -> set[int]:
    """Participants marked absent at a session (everyone else counts as present)."""
    return {r[0] for r in conn.execute("SELECT participant_id FROM attendance"
                                       " WHERE session_id = ? AND present = 0", (session_id,))}


# -------------------------------------------------------------------------------- cards

def import_card(conn: sqlite3.Connection, group_id: int, session_id: int | None,
                card: ProgressCard, *, member: int | None = None, new: bool = False,
                sender: str = "") -> tuple[int, bool]:
    """Store a checked card for its participant at a session, in one transaction; returns
    (participant id, whether the participant was added to the roster).

    The participant is, in this order: the one already holding the card's id; the one the
    coach chose (`member`, now linked to the card's id); the one whose cards come from the
    same Unix user (`sender`, a drop folder file's owner); a new participant (`new`). A
    sender the group does not know otherwise is refused (`unknown_sender`): the coach
    chooses. A card claiming a participant's card id while dropped by a Unix user not yet
    known to deliver their cards, or under a name not close to theirs, is refused
    (`card_id_taken`) unless the coach chose that very participant. A second card for the
    same session replaces the first.
    """
    sender = sender[:64]
    with transaction(conn):
        owner = _one(conn, "SELECT id, display_name, sender FROM participants"
                     " WHERE group_id = ? AND card_id = ?", (group_id, card.card_id))
        added = False
        if owner is not None:
            if member is not None and member != owner["id"]:
                raise GroupConflict("card_id_taken", owner["display_name"])
            # a server user delivering this card id for the first time, or another one than
            # before: the coach confirms (a forger could copy a card id seen in a chat)
            other_sender = sender and owner["sender"] != sender
            if member is None and (other_sender or name_closeness(
                    card.participant, owner["display_name"]) < CLOSE):
                raise GroupConflict("card_id_taken", owner["display_name"])
            participant_id = owner["id"]
        elif member is not None:
            if _one(conn, "SELECT id FROM participants WHERE id = ? AND group_id = ?",
                    (member, group_id)) is None:
                raise GroupConflict("no_participant")
            participant_id = member
        else:
            known = _one(conn, "SELECT id FROM participants WHERE group_id = ? AND sender = ?"
                         " AND sender <> ''", (group_id, sender)) if sender else None
            if known is not None:
                participant_id = known["id"]
            elif new:
                participant_id = add_participant(conn, group_id, card.participant, card.card_id)
                added = True
            else:
                raise GroupConflict("unknown_sender", card.participant)
        conn.execute("UPDATE participants SET card_id = ?, shares_progress = 1,"
                     " sender = CASE WHEN ? <> '' THEN ? ELSE sender END WHERE id = ?",
                     (card.card_id, sender, sender, participant_id))
        held_on = card.created
        if session_id is not None:
            held_on = conn.execute("SELECT held_on FROM group_sessions WHERE id = ?",
                                   (session_id,)).fetchone()[0]
        network = card.sections.get("network", {})
        conn.execute(
            "INSERT INTO progress_cards(participant_id, week_start, session_id, card_json,"
            " imported_at, new_contacts) VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%S',"
            " 'now'), ?) ON CONFLICT(participant_id, week_start) DO UPDATE SET"
            " session_id = excluded.session_id, card_json = excluded.card_json,"
            " imported_at = excluded.imported_at, new_contacts = excluded.new_contacts",
            (participant_id, held_on, session_id, card_bytes(card).decode("utf-8"),
             int(network.get("total", 0) or 0)))
    return participant_id, added


def _one(conn: sqlite3.Connection, sql: str, params: tuple) -> dict | None:
    row = conn.execute(sql, params).fetchone()
    return dict(row) if row is not None else None


def merge_participants(conn: sqlite3.Connection, keep: int, other: int) -> None:
    """One person entered twice: `other`'s cards, attendance, rounds, kept-apart couples,
    introductions, pitch notes and board entries move to `keep`, then `other` goes — in one
    transaction. Where both hold the same thing (a card for the same session, a seat in the
    same round, a couple with the same third person), `keep`'s stays; `keep` takes `other`'s
    card id and sender when it has none."""
    if keep == other:
        raise GroupConflict("same_person")
    with transaction(conn):
        rows = {r["id"]: r for r in _rows(conn, "SELECT id, group_id, card_id, sender"
                                          " FROM participants WHERE id IN (?, ?)",
                                          (keep, other))}
        if len(rows) != 2 or rows[keep]["group_id"] != rows[other]["group_id"]:
            raise GroupConflict("no_participant")
        kept, gone = rows[keep], rows[other]
        for table, column in (("progress_cards", "participant_id"),
                              ("attendance", "participant_id"),
                              ("pairings", "participant_id"),
                              ("referrals", "from_participant"),
                              ("referrals", "to_participant")):
            conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?",
                         (keep, other))
        conn.execute("DELETE FROM referrals WHERE from_participant = to_participant")
        conn.execute("UPDATE pitch_notes SET speaker_id = ? WHERE speaker_id = ?", (keep, other))
        conn.execute("UPDATE board_entries SET participant_id = ? WHERE participant_id = ?",
                     (keep, other))
        for a, b in conn.execute("SELECT participant_a, participant_b FROM avoid_pairs"
                                 " WHERE ? IN (participant_a, participant_b)",
                                 (other,)).fetchall():
            third = b if a == other else a
            if third != keep:
                low, high = sorted((keep, third))
                conn.execute("INSERT OR IGNORE INTO avoid_pairs(group_id, participant_a,"
                             " participant_b) VALUES (?, ?, ?)", (kept["group_id"], low, high))
        conn.execute("DELETE FROM participants WHERE id = ?", (other,))
        conn.execute("UPDATE participants SET card_id = ?, sender = ?, shares_progress ="
                     " MAX(shares_progress, ?) WHERE id = ?",
                     (kept["card_id"] or gone["card_id"], kept["sender"] or gone["sender"],
                      int(bool(gone["card_id"])), keep))


def cards(conn: sqlite3.Connection, group_id: int) -> list[dict]:
    """Every stored card of the group. Columns: participant_id, session_id, held_on,
    card_json, imported_at; by date."""
    return _rows(conn, "SELECT p.participant_id, p.session_id, p.week_start AS held_on,"
                 " p.card_json, p.imported_at FROM progress_cards p"
                 " JOIN participants x ON x.id = p.participant_id"
                 " WHERE x.group_id = ? AND p.card_json <> '' ORDER BY p.week_start, p.id",
                 (group_id,))


# ------------------------------------------------------------------------------ pairing

def save_round(conn: sqlite3.Connection, group_id: int, session_id: int | None,
               held_on: dt.date, groups: Sequence[Sequence[int]]) -> int:
    """One round: each group a table (1, 2, …); someone sitting out is at table 0."""
    with transaction(conn):
        number = conn.execute("SELECT COALESCE(MAX(round_no), 0) + 1 FROM pairing_rounds"
                              " WHERE group_id = ?", (group_id,)).fetchone()[0]
        round_id = conn.execute("INSERT INTO pairing_rounds(group_id, round_no, held_on,"
                                " session_id) VALUES (?, ?, ?, ?)",
                                (group_id, number, held_on.isoformat(), session_id)).lastrowid
        _seat(conn, round_id, groups)
        return round_id


def rounds(conn: sqlite3.Connection, group_id: int) -> list[dict]:
    """Every round, oldest first: id, round_no, held_on, session_id, groups (tuples of
    participant ids; a 1-tuple sat out)."""
    result = _rows(conn, "SELECT id, round_no, held_on, session_id FROM pairing_rounds"
                   " WHERE group_id = ? ORDER BY round_no", (group_id,))
    seats = conn.execute("SELECT p.round_id, p.participant_id, p.table_no FROM pairings p"
                         " JOIN pairing_rounds r ON r.id = p.round_id WHERE r.group_id = ?"
                         " ORDER BY p.round_id, p.table_no, p.participant_id",
                         (group_id,)).fetchall()
    by_round: dict[int, dict[tuple, list[int]]] = {}
    for round_id, participant, table in seats:
        key = (table, participant) if table == 0 else (table, 0)
        by_round.setdefault(round_id, {}).setdefault(key, []).append(participant)
    for row in result:
        tables = by_round.get(row["id"], {})
        row["groups"] = [tuple(tables[k]) for k in sorted(tables, key=lambda k: (k[0] == 0, k))]
    return result


def replace_round(conn: sqlite3.Connection, round_id: int,
                  groups: Sequence[Sequence[int]]) -> None:
    """New tables for a round already saved: same number, same day, same session; the old
    tables are gone (their pairs no longer count as having met)."""
    with transaction(conn):
        conn.execute("DELETE FROM pairings WHERE round_id = ?", (round_id,))
        _seat(conn, round_id, groups)


def _seat(conn: sqlite3.Connection, round_id: int, groups: Sequence[Sequence[int]]) -> None:
    table = 0
    for group in groups:
        if len(group) > 1:
            table += 1
        conn.executemany("INSERT INTO pairings VALUES (?, ?, ?)",
                         [(round_id, p, table if len(group) > 1 else 0) for p in group])


def delete_round(conn: sqlite3.Connection, round_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM pairing_rounds WHERE id = ?", (round_id,))


def add_avoid(conn: sqlite3.Connection, group_id: int, first: int, second: int) -> None:
    if first == second:
        raise GroupConflict("same_person")
    a, b = sorted((first, second))
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO avoid_pairs(group_id, participant_a, participant_b)"
                     " VALUES (?, ?, ?)", (group_id, a, b))


def remove_avoid(conn: sqlite3.Connection, first: int, second: int) -> None:
    a, b = sorted((first, second))
    with transaction(conn):
        conn.execute("DELETE FROM avoid_pairs WHERE participant_a = ? AND participant_b = ?",
                     (a, b))


def avoid_pairs(conn: sqlite3.Connection, group_id: int) -> list[tuple[int, int]]:
    return [tuple(r) for r in conn.execute("SELECT participant_a, participant_b FROM avoid_pairs"
                                           " WHERE group_id = ? ORDER BY 1, 2", (group_id,))]


# ---------------------------------------------------------------------------- referrals

def record_referrals(conn: sqlite3.Connection, group_id: int, session_id: int | None,
                     suggestions: Iterable[tuple[int, int, str]]) -> int:
    """Keep suggested introductions (introducer, seeker, organisation); known ones stay as
    they are. Returns how many are new."""
    with transaction(conn):
        before = conn.total_changes
        conn.executemany("INSERT OR IGNORE INTO referrals(group_id, from_participant,"
                         " to_participant, organisation, session_id) VALUES (?, ?, ?, ?, ?)",
                         [(group_id, a, b, org, session_id) for a, b, org in suggestions])
        return conn.total_changes - before


def set_referral_status(conn: sqlite3.Connection, referral_id: int, status: str,
                        note: str | None = None) -> None:
    with transaction(conn):
        conn.execute("UPDATE referrals SET status = ?, note = COALESCE(?, note) WHERE id = ?",
                     (status, note, referral_id))


def referrals(conn: sqlite3.Connection, group_id: int) -> list[dict]:
    """Columns: id, from_participant (introducer), to_participant (seeker), organisation,
    note, status, session_id."""
    return _rows(conn, "SELECT id, from_participant, to_participant, organisation, note, status,"
                 " session_id FROM referrals WHERE group_id = ? ORDER BY organisation, id",
                 (group_id,))


# --------------------------------------------------------------------------- pitch round

def add_pitch_note(conn: sqlite3.Connection, session_id: int, speaker_id: int, listener: str,
                   remembered: str) -> int:
    with transaction(conn):
        return conn.execute("INSERT INTO pitch_notes(session_id, speaker_id, listener,"
                            " remembered) VALUES (?, ?, ?, ?)",
                            (session_id, speaker_id, listener.strip()[:80],
                             remembered.strip()[:2000])).lastrowid


def pitch_notes(conn: sqlite3.Connection, session_id: int) -> list[dict]:
    """Columns: id, speaker_id, listener, remembered; in the order noted."""
    return _rows(conn, "SELECT id, speaker_id, listener, remembered FROM pitch_notes"
                 " WHERE session_id = ? ORDER BY id", (session_id,))


def delete_pitch_note(conn: sqlite3.Connection, note_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM pitch_notes WHERE id = ?", (note_id,))


# ---------------------------------------------------------------------- intelligence board

def add_board_entry(conn: sqlite3.Connection, session_id: int, question: str,
                    participant_id: int | None, answer: str) -> int:
    with transaction(conn):
        return conn.execute("INSERT INTO board_entries(session_id, question, participant_id,"
                            " answer) VALUES (?, ?, ?, ?)",
                            (session_id, question, participant_id,
                             answer.strip()[:1000])).lastrowid


def board_entries(conn: sqlite3.Connection, session_id: int) -> list[dict]:
    """Columns: id, question, participant_id, answer; in the order given."""
    return _rows(conn, "SELECT id, question, participant_id, answer FROM board_entries"
                 " WHERE session_id = ? ORDER BY id", (session_id,))


def delete_board_entry(conn: sqlite3.Connection, entry_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM board_entries WHERE id = ?", (entry_id,))
