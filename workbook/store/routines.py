"""Routines page: the frames the routine rules read, and its writes (cadences, outreach,
check-offs, settings, touches)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable

import pandas as pd

from workbook.domain.calendar_rules import EARLIEST_YEAR, LATEST_YEAR, holiday_calendar
from workbook.domain.language import normalise_language
from workbook.domain.routines import (
    DEFAULT_CADENCE_DAYS,
    SITUATIONS,
    RoutineSettings,
    SkippedRow,
    regional_defaults,
    suggested_routine,
    valid_setting,
)
from workbook.store.contacts import log_interaction
from workbook.store.db import transaction
from workbook.store.network import update_contact
from workbook.store.schema import tuples
from workbook.store.settings import get_setting, set_setting

SETTINGS_KEY = "routines.settings"


def _dates(values) -> pd.Series:
    """Stored ISO dates as datetime64[ns] days; empty, unreadable or implausible ones
    (a year 0026: see `domain.calendar_rules.plausible_day`) are NaT, never an exception."""
    raw = pd.Series(values, dtype="object")
    if pd.api.types.infer_dtype(raw, skipna=True) in ("string", "empty"):
        text = raw.str.slice(0, 10)     # text and gaps only, as stored: no value by value check
    else:
        text = raw.where(raw.map(lambda v: isinstance(v, str))).str.slice(0, 10)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    plausible = parsed.dt.year.between(EARLIEST_YEAR, LATEST_YEAR)
    return parsed.where(plausible).astype("datetime64[ns]").reset_index(drop=True)


# The contacts a weekly plan can name (see `load_contacts`); `?`: a JSON list of ids.
_PLANNABLE = (" WHERE c.layer <> 'unsorted' OR c.id IN (SELECT value FROM json_each(?))"
              " OR c.id IN (SELECT contact_id FROM outreach)"
              " OR c.organisation_id IN (SELECT organisation_id FROM outreach)")


def load_contacts(conn: sqlite3.Connection, named: Iterable[int] | None = None,
                  only: Iterable[int] | None = None) -> pd.DataFrame:
    """Contacts as the routine rules read them (columns in `workbook.domain.routines`, plus
    `layer_set_on`: the day they were put in their layer, NaT if unknown).

    With `named` (the first-contact candidates), only the contacts a weekly plan can name:
    those sorted into a layer (touches, revivals, birthdays, cards), those `named`, those
    written to and the others at the organisations written to (3B7). The plan of a
    30,000-contact profile reads a few thousand instead of every one.

    With `only`: just those contacts (a page reading again the one it changed)."""
    if named is not None and only is not None:
        raise ValueError("load_contacts takes `named` or `only`, not both")
    where, params = ("", ()) if named is None else (
        _PLANNABLE, (json.dumps([int(i) for i in named]),))
    if only is not None:
        where, params = (" WHERE c.id IN (SELECT value FROM json_each(?))",
                         (json.dumps([int(i) for i in only]),))
    rows = tuples(
        conn, "SELECT c.id, c.full_name, c.layer, c.cadence_days, c.birthday, c.connected_on,"
        " c.layer_set_on, c.organisation_id, COALESCE(o.name, '') FROM contacts c"
        " LEFT JOIN organisations o ON o.id = c.organisation_id" + where
        + " ORDER BY c.full_name", params)
    frame = pd.DataFrame.from_records(rows, columns=[
        "contact_id", "full_name", "layer", "cadence_days", "birthday", "connected_on",
        "layer_set_on", "organisation_id", "organisation"])
    frame["contact_id"] = frame["contact_id"].astype("int64")
    frame["cadence_days"] = pd.array(frame["cadence_days"], dtype="Int64")
    frame["organisation_id"] = pd.array(frame["organisation_id"], dtype="Int64")
    frame["connected_on"] = _dates(frame["connected_on"]).to_numpy()
    frame["layer_set_on"] = _dates(frame["layer_set_on"]).to_numpy()
    frame["birthday"] = frame["birthday"].astype("object")
    return frame


def _interaction_rows(conn: sqlite3.Connection, after: int | None = None) -> pd.DataFrame:
    """Interactions as stored (`raw_date`) and read (`occurred_on`, NaT when unreadable),
    oldest first. Sorted here rather than in SQL, and without the people's names (only an
    unreadable row needs one): at 60,000 rows that halves the read."""
    where, params = ("", ()) if after is None else (" WHERE id > ?", (int(after),))
    rows = tuples(conn, "SELECT id, contact_id, occurred_on, kind, direction, purpose, notes"
                        " FROM interactions" + where, params)
    frame = pd.DataFrame.from_records(rows, columns=[
        "interaction_id", "contact_id", "raw_date", "kind", "direction", "purpose", "notes"])
    frame["interaction_id"] = frame["interaction_id"].astype("int64")
    frame["contact_id"] = frame["contact_id"].astype("int64")
    frame["occurred_on"] = _dates(frame["raw_date"]).to_numpy()
    return frame.sort_values(["occurred_on", "interaction_id"], kind="stable",
                             na_position="last").reset_index(drop=True)


def load_interactions(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every readable interaction (columns in `workbook.domain.routines`), oldest first;
    `unreadable_interactions` lists those left out."""
    return _readable(_interaction_rows(conn))


def interaction_ids(conn: sqlite3.Connection) -> set[int]:
    """The ids of every interaction stored (readable or not): what a page compares with the
    rows it holds to read again only those added and drop those removed."""
    return {row[0] for row in conn.execute("SELECT id FROM interactions")}


def interactions_after(conn: sqlite3.Connection, last_id: int
                       ) -> tuple[pd.DataFrame, tuple[SkippedRow, ...], int]:
    """The interactions stored with an id above `last_id`, as `load_interactions` reads them
    (oldest first), those of them left out as unreadable (see `unreadable_interactions`),
    and how many interactions are stored in all."""
    frame = _interaction_rows(conn, after=last_id)
    total = conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0]
    return _readable(frame), _unreadable(conn, frame), int(total)


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.dropna(subset=["occurred_on"]).drop(columns=["raw_date"]
                                                     ).reset_index(drop=True)


def unreadable_interactions(conn: sqlite3.Connection) -> tuple[SkippedRow, ...]:
    """Interactions whose date cannot be read or cannot be meant (year 0026): left out of
    every routine, listed so that the user can remove them."""
    return _unreadable(conn, _interaction_rows(conn))


def _unreadable(conn: sqlite3.Connection, frame: pd.DataFrame) -> tuple[SkippedRow, ...]:
    bad = frame[frame["occurred_on"].isna()]
    if bad.empty:
        return ()
    names = dict(tuples(conn, "SELECT id, full_name FROM contacts WHERE id IN"
                              " (SELECT value FROM json_each(?))",
                        (json.dumps(sorted({int(i) for i in bad["contact_id"]})),)))
    return tuple(SkippedRow("interactions", int(r.interaction_id), "bad_date", str(r.raw_date),
                            names.get(int(r.contact_id), "")) for r in bad.itertuples(index=False))


def delete_interaction(conn: sqlite3.Connection, interaction_id: int) -> None:
    """Remove one logged exchange (a check-off that logged it keeps its line, unlinked)."""
    with transaction(conn):
        conn.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,))


# --------------------------------------------------------------------------- cadences

def layer_cadences(conn: sqlite3.Connection) -> dict[str, int]:
    """Days between touches per scheduled layer: the saved value, else the default."""
    saved = dict(conn.execute("SELECT layer, days FROM layer_cadences").fetchall())
    return {layer: int(saved.get(layer, days)) for layer, days in DEFAULT_CADENCE_DAYS.items()}


def set_layer_cadences(conn: sqlite3.Connection, cadences: dict[str, int]) -> None:
    """Save the cadences of the scheduled layers (a value equal to the default is kept too)."""
    clean = {layer: int(days) for layer, days in cadences.items()
             if layer in DEFAULT_CADENCE_DAYS}
    if any(days <= 0 for days in clean.values()):
        raise ValueError("cadences must be positive")
    with transaction(conn):
        conn.executemany("INSERT INTO layer_cadences(layer, days) VALUES (?, ?)"
                         " ON CONFLICT(layer) DO UPDATE SET days = excluded.days",
                         list(clean.items()))


def reset_layer_cadences(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM layer_cadences")


def set_contact_cadence(conn: sqlite3.Connection, contact_id: int, days: int | None) -> None:
    """A contact's own rhythm (None: back to its layer's)."""
    if days is not None and days <= 0:
        raise ValueError("cadence must be positive")
    update_contact(conn, contact_id, cadence_days=days)


# --------------------------------------------------------------------------- settings

def settings_saved(conn: sqlite3.Connection) -> bool:
    """Whether the user has saved a routine (if not, the page asks where they live first)."""
    return get_setting(conn, SETTINGS_KEY) is not None


def load_settings(conn: sqlite3.Connection) -> RoutineSettings:
    """The saved routine, else the suggestion for the profile's situation and language
    (holidays and time zone); unreadable or out-of-range saved values fall back to defaults
    one by one (nothing crashes a page)."""
    situation = get_setting(conn, "situation")
    base = regional_defaults(normalise_language(get_setting(conn, "lang")),
                             suggested_routine(situation if situation in SITUATIONS
                                               else "job_search"))
    try:
        saved = json.loads(get_setting(conn, SETTINGS_KEY) or "{}")
    except json.JSONDecodeError:
        saved = {}
    if not isinstance(saved, dict):
        saved = {}
    values = {}
    for f in dataclasses.fields(RoutineSettings):
        if f.name in saved:
            candidate = saved[f.name]
            if f.name in ("sources", "card_layers") and isinstance(candidate, list):
                candidate = tuple(candidate)  # JSON has no tuples
            if f.name == "holidays":  # codes of earlier versions: fr, fr_alsace
                try:
                    candidate = holiday_calendar(candidate)
                except ValueError:
                    continue
            if valid_setting(f.name, candidate):
                values[f.name] = candidate
    return dataclasses.replace(base, **values)


def save_settings(conn: sqlite3.Connection, settings: RoutineSettings) -> None:
    """Save the routine (checked field by field: a bad value raises ValueError, nothing saved)."""
    data = dataclasses.asdict(settings)
    data["sources"] = list(settings.sources)
    data["card_layers"] = list(settings.card_layers)
    bad = [name for name, value in data.items()
           if not valid_setting(name, tuple(value) if isinstance(value, list) else value)]
    if bad:
        raise ValueError(f"invalid routine settings: {bad}")
    set_setting(conn, SETTINGS_KEY, json.dumps(data, ensure_ascii=False))


# --------------------------------------------------------------------------- outreach (3B7)

def load_outreach(conn: sqlite3.Connection) -> pd.DataFrame:
    """Outreach to new people (columns in `workbook.domain.routines`), oldest first."""
    rows = conn.execute(
        "SELECT id, contact_id, organisation_id, sent_on, replied_on, followed_up_on, notes"
        " FROM outreach ORDER BY sent_on, id").fetchall()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=[
        "outreach_id", "contact_id", "organisation_id", "sent_on", "replied_on",
        "followed_up_on", "notes"])
    frame["outreach_id"] = frame["outreach_id"].astype("int64")
    frame["contact_id"] = frame["contact_id"].astype("int64")
    frame["organisation_id"] = pd.array(frame["organisation_id"], dtype="Int64")
    for column in ("sent_on", "replied_on", "followed_up_on"):
        frame[column] = _dates(frame[column]).to_numpy()
    # a first message with no readable date has no 3B7 clock: left out
    return frame.dropna(subset=["sent_on"]).reset_index(drop=True)


def add_outreach(conn: sqlite3.Connection, contact_id: int, sent_on: dt.date,
                 notes: str = "", kind: str = "message") -> int:
    """Record a first message to a new person (at the contact's organisation) and log it as
    an expansion touch, so the clock and the week's split both see it."""
    with transaction(conn):
        row = conn.execute("SELECT organisation_id FROM contacts WHERE id = ?",
                           (contact_id,)).fetchone()
        if row is None:
            raise ValueError(f"no contact {contact_id}")
        outreach = conn.execute(
            "INSERT INTO outreach(contact_id, organisation_id, sent_on, notes) VALUES (?,?,?,?)",
            (contact_id, row[0], sent_on.isoformat(), notes)).lastrowid
        log_interaction(conn, contact_id, sent_on, kind, purpose="expand", notes=notes)
    return outreach


# The outreach column each step fills, and who wrote the message it logs.
_STEP_COLUMNS = {"replied_on": "in", "followed_up_on": "out"}


def _settle(conn: sqlite3.Connection, outreach_id: int, column: str, on: dt.date) -> int:
    """Date one step of an outreach and log its message as an expansion touch."""
    direction = _STEP_COLUMNS[column]
    with transaction(conn):
        row = conn.execute("SELECT contact_id FROM outreach WHERE id = ?",
                           (outreach_id,)).fetchone()
        if row is None:
            raise ValueError(f"no outreach {outreach_id}")
        conn.execute(f"UPDATE outreach SET {column} = ? WHERE id = ?",
                     (on.isoformat(), outreach_id))
        return log_interaction(conn, row[0], on, "message", direction=direction, purpose="expand")


def mark_replied(conn: sqlite3.Connection, outreach_id: int, on: dt.date) -> int:
    """The person answered: the outreach is settled and the reply is logged as a touch."""
    return _settle(conn, outreach_id, "replied_on", on)


def mark_followed_up(conn: sqlite3.Connection, outreach_id: int, on: dt.date) -> int:
    """The one follow-up was sent; logged as a touch. Returns the interaction id."""
    return _settle(conn, outreach_id, "followed_up_on", on)


def undo_follow_up(conn: sqlite3.Connection, outreach_id: int) -> None:
    """The follow-up was not sent after all: the outreach waits again."""
    with transaction(conn):
        conn.execute("UPDATE outreach SET followed_up_on = NULL WHERE id = ?", (outreach_id,))


# --------------------------------------------------------------------------- check-offs

def checkoffs(conn: sqlite3.Connection, week_start: dt.date) -> set[str]:
    """Keys of the plan lines ticked in the week starting `week_start`."""
    return {r[0] for r in conn.execute("SELECT item_key FROM plan_checkoffs WHERE week_start = ?",
                                       (week_start.isoformat(),))}


def check_off(conn: sqlite3.Connection, week_start: dt.date, item_key: str,
              interaction_id: int | None = None) -> None:
    """Tick a plan line; `interaction_id` is the touch logged by ticking it, if any."""
    with transaction(conn):
        conn.execute("INSERT INTO plan_checkoffs(week_start, item_key, interaction_id)"
                     " VALUES (?, ?, ?) ON CONFLICT(week_start, item_key) DO NOTHING",
                     (week_start.isoformat(), item_key, interaction_id))


def tick_line(conn: sqlite3.Connection, week_start: dt.date, item_key: str, on: dt.date, *,
              contact_id: int | None = None, kind: str | None = None, purpose: str = "maintain",
              follow_up_of: int | None = None) -> bool:
    """Tick a plan line, in one transaction, once: with `contact_id` and `kind` the touch is
    logged (on `on`); with `follow_up_of` that outreach's follow-up is dated and logged.
    A line already ticked (in another tab, say) is left as it is: nothing is logged twice.
    Returns whether this call ticked it."""
    with transaction(conn):
        if conn.execute("SELECT 1 FROM plan_checkoffs WHERE week_start = ? AND item_key = ?",
                        (week_start.isoformat(), item_key)).fetchone():
            return False
        interaction = None
        if follow_up_of is not None:
            interaction = mark_followed_up(conn, follow_up_of, on)
        elif contact_id is not None and kind is not None:
            interaction = log_interaction(conn, contact_id, on, kind, purpose=purpose)
        conn.execute("INSERT INTO plan_checkoffs(week_start, item_key, interaction_id)"
                     " VALUES (?, ?, ?)", (week_start.isoformat(), item_key, interaction))
    return True


def uncheck(conn: sqlite3.Connection, week_start: dt.date, item_key: str,
            follow_up_of: int | None = None) -> tuple[bool, int | None]:
    """Untick a plan line, in one transaction: the touch its ticking logged (if any) goes
    with it, and with `follow_up_of` that outreach waits again. A line not ticked (already
    unticked elsewhere) is left alone. Returns whether this call unticked it, and the id of
    the touch removed with it (None if none was)."""
    with transaction(conn):
        row = conn.execute("SELECT interaction_id FROM plan_checkoffs"
                           " WHERE week_start = ? AND item_key = ?",
                           (week_start.isoformat(), item_key)).fetchone()
        if row is None:
            return False, None
        conn.execute("DELETE FROM plan_checkoffs WHERE week_start = ? AND item_key = ?",
                     (week_start.isoformat(), item_key))
        if row[0] is not None:
            conn.execute("DELETE FROM interactions WHERE id = ?", (row[0],))
        if follow_up_of is not None:
            undo_follow_up(conn, follow_up_of)
    return True, row[0]


# --------------------------------------------------------------------------- one read for a page

@dataclasses.dataclass(frozen=True)
class RoutineData:
    """Everything the routine rules read, loaded together."""

    contacts: pd.DataFrame
    interactions: pd.DataFrame
    outreach: pd.DataFrame
    cadences: dict[str, int]
    settings: RoutineSettings
    skipped: tuple[SkippedRow, ...] = ()
    settings_saved: bool = True


def load_routine_data(conn: sqlite3.Connection, named: Iterable[int] | None = None
                      ) -> RoutineData:
    """Contacts, interactions, outreach, cadences and settings: one read for a page; rows
    that cannot be read are left out and listed in `skipped`. `named`: see `load_contacts`
    (only for the weekly plan)."""
    interactions = _interaction_rows(conn)                # read once, split in two
    return RoutineData(load_contacts(conn, named), _readable(interactions),
                       load_outreach(conn), layer_cadences(conn), load_settings(conn),
                       _unreadable(conn, interactions), settings_saved(conn))
