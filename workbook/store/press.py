"""Journalist outreach: the media list, topic sheets, the media log, the visibility plan and
the page's settings. Every write is one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

from workbook.domain.errors import CodedError
from workbook.domain.press import (
    KINDS,
    MEDIA,
    KeyPoint,
    LogEntry,
    PlanItem,
    PressSettings,
    TopicSheet,
    entry_problems,
)
from workbook.domain.press.plan import CHANNELS
from workbook.store.db import transaction
from workbook.store.settings import get_setting, set_setting

SETTINGS_KEY = "press.settings"
JOURNALIST_FIELDS = ("name", "outlet", "medium", "beat", "language", "channels", "found_via",
                     "preferred_channel", "notes", "contact_id")
FLAGS = ("off_record", "asked_not_to_quote", "asked_to_reread", "qa_interview", "published",
         "quoted")


class PressInputError(CodedError, ValueError):
    """Input the store refuses; `codes` name why (`press.problem.<code>`), all at once."""

    catalogue = "press.problem"

    def __init__(self, codes: list[str]):
        super().__init__(codes[0] if codes else "", ", ".join(codes))
        self.codes = codes

    @property
    def keys(self) -> list[str]:
        return [f"{self.catalogue}.{code}" for code in self.codes]


def _stamp(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0, tzinfo=None).isoformat(timespec="minutes")


def _moment(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _now() -> str:
    return _stamp(dt.datetime.now())


# ------------------------------------------------------------------------ settings
def load_settings(conn: sqlite3.Connection) -> PressSettings:
    """The saved settings; a damaged or partial value falls back to the defaults."""
    try:
        saved = json.loads(get_setting(conn, SETTINGS_KEY) or "{}")
    except ValueError:
        saved = {}
    known = {f.name for f in dataclasses.fields(PressSettings)}
    values = {k: v for k, v in saved.items() if k in known} if isinstance(saved, dict) else {}
    try:
        settings = PressSettings(**values)
    except TypeError:
        return PressSettings()
    defaults = PressSettings()
    for name in ("callback_minutes", "pitch_weeks"):
        value = getattr(settings, name)
        if not isinstance(value, int) or value <= 0:
            settings = dataclasses.replace(settings, **{name: getattr(defaults, name)})
    return settings


def save_settings(conn: sqlite3.Connection, settings: PressSettings) -> None:
    set_setting(conn, SETTINGS_KEY, json.dumps(dataclasses.asdict(settings)))


# ------------------------------------------------------------------------ journalists
def add_journalist(conn: sqlite3.Connection, name: str, **fields) -> int:
    """Add a journalist to the media list (fields of the `journalists` table)."""
    unknown = set(fields) - set(JOURNALIST_FIELDS)
    if unknown:
        raise ValueError(f"unknown journalist fields: {sorted(unknown)}")
    if fields.get("medium", "") not in ("", *MEDIA):
        raise ValueError(f"unknown medium {fields['medium']!r}")
    if not name.strip():
        raise PressInputError(["no_name"])
    columns = ["name", *fields]
    with transaction(conn):
        return conn.execute(
            f"INSERT INTO journalists({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            (name.strip(), *fields.values())).lastrowid


def update_journalist(conn: sqlite3.Connection, journalist_id: int, **fields) -> None:
    unknown = set(fields) - set(JOURNALIST_FIELDS)
    if unknown or not fields:
        raise ValueError(f"unknown journalist fields: {sorted(unknown)}")
    with transaction(conn):
        conn.execute(f"UPDATE journalists SET {', '.join(f'{k} = ?' for k in fields)}"
                     " WHERE id = ?", (*fields.values(), journalist_id))
        if "name" in fields:    # the log shows the name the journalist has now
            conn.execute("UPDATE media_log SET journalist_name = ? WHERE journalist_id = ?",
                         (fields["name"], journalist_id))


def journalists(conn: sqlite3.Connection) -> list[dict]:
    """The media list, by name (columns of `journalists`)."""
    return [dict(r) for r in conn.execute(
        "SELECT * FROM journalists ORDER BY name COLLATE NOCASE, id")]


def journalist_contacts(conn: sqlite3.Connection) -> list[dict]:
    """Contacts of the network map with the role journalist, not yet on the media list:
    (id, full_name, organisation)."""
    return [dict(r) for r in conn.execute(
        "SELECT c.id, c.full_name, COALESCE(o.name, '') AS organisation FROM contacts c"
        " JOIN contact_roles r ON r.contact_id = c.id AND r.role = 'journalist'"
        " LEFT JOIN organisations o ON o.id = c.organisation_id"
        " WHERE c.id NOT IN (SELECT contact_id FROM journalists WHERE contact_id IS NOT NULL)"
        " ORDER BY c.full_name")]


def add_journalist_from_contact(conn: sqlite3.Connection, contact_id: int, **fields) -> int:
    """A journalist from a network-map contact: name and outlet copied, the link kept."""
    row = conn.execute(
        "SELECT c.full_name, COALESCE(o.name, '') FROM contacts c"
        " LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?",
        (contact_id,)).fetchone()
    if row is None:
        raise PressInputError(["no_contact"])
    fields.setdefault("outlet", row[1])
    return add_journalist(conn, row[0], contact_id=contact_id, **fields)


def delete_journalist(conn: sqlite3.Connection, journalist_id: int,
                      erase_log: bool = False) -> int:
    """Remove a journalist from the media list. By default their log entries stay, under the
    name they carry (the record of quotes and call-backs is the user's own history); with
    `erase_log` the entries go too. Returns how many log entries were erased."""
    with transaction(conn):
        erased = conn.execute("DELETE FROM media_log WHERE journalist_id = ?",
                              (journalist_id,)).rowcount if erase_log else 0
        conn.execute("DELETE FROM journalists WHERE id = ?", (journalist_id,))
    return erased


def log_count(conn: sqlite3.Connection, journalist_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM media_log WHERE journalist_id = ?",
                        (journalist_id,)).fetchone()[0]


# ------------------------------------------------------------------------ topic sheets
def save_sheet(conn: sqlite3.Connection, sheet: TopicSheet, lang: str,
               sheet_id: int | None = None) -> int:
    """Save a sheet whole (kept as written, findings or not); returns its id."""
    if not sheet.topic.strip():
        raise PressInputError(["no_topic"])
    points = sheet.filled_points()
    with transaction(conn):
        if sheet_id is None:
            sheet_id = conn.execute(
                "INSERT INTO topic_sheets(topic, umbrella, lang) VALUES (?, ?, ?)",
                (sheet.topic.strip(), sheet.umbrella, lang)).lastrowid
        else:
            conn.execute("UPDATE topic_sheets SET topic = ?, umbrella = ?, lang = ?,"
                         " updated_at = ? WHERE id = ?",
                         (sheet.topic.strip(), sheet.umbrella, lang, _now(), sheet_id))
            conn.execute("DELETE FROM key_messages WHERE sheet_id = ?", (sheet_id,))
        conn.executemany(
            "INSERT INTO key_messages(sheet_id, position, message, proof, quotable, quotable_2)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(sheet_id, n, p.message, p.proof, *(list(p.quotes) + ["", ""])[:2])
             for n, p in enumerate(points, start=1)])
    return sheet_id


def sheets(conn: sqlite3.Connection) -> list[dict]:
    """Every sheet: id, topic, lang, prepared_at, updated_at and `sheet` (a TopicSheet)."""
    points: dict[int, list[KeyPoint]] = {}
    for r in conn.execute("SELECT * FROM key_messages ORDER BY sheet_id, position"):
        points.setdefault(r["sheet_id"], []).append(KeyPoint(
            r["message"], r["proof"], tuple(q for q in (r["quotable"], r["quotable_2"]) if q)))
    return [{"id": r["id"], "topic": r["topic"], "lang": r["lang"],
             "prepared_at": _moment(r["prepared_at"]), "updated_at": _moment(r["updated_at"]),
             "sheet": TopicSheet(r["topic"], r["umbrella"], tuple(points.get(r["id"], ())))}
            for r in conn.execute("SELECT * FROM topic_sheets ORDER BY topic COLLATE NOCASE, id")]


def mark_prepared(conn: sqlite3.Connection, sheet_id: int, at: dt.datetime) -> None:
    with transaction(conn):
        conn.execute("UPDATE topic_sheets SET prepared_at = ? WHERE id = ?",
                     (_stamp(at), sheet_id))


def delete_sheet(conn: sqlite3.Connection, sheet_id: int) -> None:
    """A sheet and its points; log and plan lines that used it keep their text, unlinked."""
    with transaction(conn):
        conn.execute("DELETE FROM topic_sheets WHERE id = ?", (sheet_id,))


# ------------------------------------------------------------------------ media log
def log_media(conn: sqlite3.Connection, journalist_id: int, kind: str,
              received_at: dt.datetime, answered_at: dt.datetime | None = None, *,
              now: dt.datetime | None = None, subject: str = "", sheet_id: int | None = None,
              link: str = "", draft: str = "", notes: str = "", **flags: bool) -> int:
    """Log one exchange with a journalist. Refused (`PressInputError`, nothing written) when
    the journalist is unknown, the answer precedes the request, or a moment is in the future."""
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise ValueError(f"unknown flags: {sorted(unknown)}")
    row = conn.execute("SELECT name FROM journalists WHERE id = ?", (journalist_id,)).fetchone()
    problems = entry_problems(kind, received_at, answered_at, now or dt.datetime.now(),
                              journalist=row is not None)
    if problems:
        raise PressInputError(problems)
    minutes = None if answered_at is None else \
        int((answered_at - received_at).total_seconds() // 60)
    values = {"journalist_id": journalist_id, "journalist_name": row[0], "kind": kind,
              "received_at": _stamp(received_at),
              "answered_at": _stamp(answered_at) if answered_at else None,
              "response_minutes": minutes, "subject": subject, "sheet_id": sheet_id,
              "link": link, "draft": draft, "notes": notes,
              **{flag: int(bool(flags.get(flag, False))) for flag in FLAGS}}
    with transaction(conn):
        return conn.execute(
            f"INSERT INTO media_log({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values())).lastrowid


def set_answered(conn: sqlite3.Connection, entry_id: int, answered_at: dt.datetime,
                 now: dt.datetime | None = None) -> None:
    """Record the call-back (or the journalist's reply) of an entry logged earlier."""
    row = conn.execute("SELECT kind, received_at FROM media_log WHERE id = ?",
                       (entry_id,)).fetchone()
    if row is None:
        raise PressInputError(["no_entry"])
    received = _moment(row["received_at"])
    problems = entry_problems(row["kind"], received, answered_at, now or dt.datetime.now())
    if problems:
        raise PressInputError(problems)
    with transaction(conn):
        conn.execute("UPDATE media_log SET answered_at = ?, response_minutes = ? WHERE id = ?",
                     (_stamp(answered_at),
                      int((answered_at - received).total_seconds() // 60), entry_id))


def set_flags(conn: sqlite3.Connection, entry_id: int, **flags: bool) -> None:
    unknown = set(flags) - set(FLAGS)
    if unknown or not flags:
        raise ValueError(f"unknown flags: {sorted(unknown)}")
    with transaction(conn):
        conn.execute(f"UPDATE media_log SET {', '.join(f'{k} = ?' for k in flags)} WHERE id = ?",
                     (*(int(bool(v)) for v in flags.values()), entry_id))


def delete_entry(conn: sqlite3.Connection, entry_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM media_log WHERE id = ?", (entry_id,))


def media_log(conn: sqlite3.Connection) -> list[LogEntry]:
    """The whole log, oldest first; rows with an unreadable date are left out."""
    entries = []
    for r in conn.execute(
            "SELECT m.*, COALESCE(j.outlet, '') AS outlet, COALESCE(j.medium, '') AS medium"
            " FROM media_log m LEFT JOIN journalists j ON j.id = m.journalist_id"
            " ORDER BY m.received_at, m.id"):
        received = _moment(r["received_at"])
        if received is None or r["kind"] not in KINDS:
            continue
        entries.append(LogEntry(
            id=r["id"], journalist_id=r["journalist_id"], journalist_name=r["journalist_name"],
            kind=r["kind"], received_at=received, answered_at=_moment(r["answered_at"]),
            subject=r["subject"], sheet_id=r["sheet_id"], link=r["link"], draft=r["draft"],
            notes=r["notes"], outlet=r["outlet"], medium=r["medium"],
            **{flag: bool(r[flag]) for flag in FLAGS}))
    return entries


# ------------------------------------------------------------------------ visibility plan
def add_plan_item(conn: sqlite3.Connection, topic: str, channel: str, planned_on: dt.date,
                  note: str = "", sheet_id: int | None = None) -> int:
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    if not topic.strip():
        raise PressInputError(["no_topic"])
    with transaction(conn):
        return conn.execute(
            "INSERT INTO visibility_plan(sheet_id, topic, channel, planned_on, note)"
            " VALUES (?, ?, ?, ?, ?)",
            (sheet_id, topic.strip(), channel, planned_on.isoformat(), note)).lastrowid


def set_plan_done(conn: sqlite3.Connection, item_id: int, done: bool) -> None:
    with transaction(conn):
        conn.execute("UPDATE visibility_plan SET done = ? WHERE id = ?", (int(done), item_id))


def delete_plan_item(conn: sqlite3.Connection, item_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM visibility_plan WHERE id = ?", (item_id,))


def plan_items(conn: sqlite3.Connection) -> list[PlanItem]:
    items = []
    for r in conn.execute("SELECT * FROM visibility_plan ORDER BY planned_on, id"):
        try:
            day = dt.date.fromisoformat(r["planned_on"])
        except ValueError:
            continue
        items.append(PlanItem(r["id"], r["topic"], r["channel"], day, r["note"],
                              bool(r["done"]), r["sheet_id"]))
    return items
