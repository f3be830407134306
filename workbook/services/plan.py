"""The weekly plan and the routine's calendar file: what the routines page and `workbook plan`
both show and write. Reads the profile through the store, plans with the domain rules and
puts the result in the user's words (catalogue, dates in their language)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook.domain.calendar_rules import holidays_around, week_start
from workbook.domain.network import rank_contacts, with_role_columns
from workbook.domain.routines import (
    PlanItem,
    RoutineEvent,
    WeekPlan,
    carried_out,
    done_keys,
    plan_weeks,
    routine_events,
    three_b_seven,
    weekly_plan,
)
from workbook.i18n.dates import format_date
from workbook.i18n.numbers import format_list
from workbook.store.plan import never_contacted_frame
from workbook.store.routines import RoutineData, checkoffs, load_routine_data

# Candidates for first contacts kept from the ranking: enough for the longest plan
# (12 weeks of MAX_FIRST_CONTACTS) with room for those skipped.
RANKED_CANDIDATES = 120

ICS_FILE_NAME = "networking-routine.ics"


@dataclass(frozen=True)
class PlannedWeek:
    """One week's plan and which of its lines are done (`done`), ticked by hand (`ticked`)."""

    plan: WeekPlan
    done: frozenset[str]
    ticked: frozenset[str]


def holidays_for(data: RoutineData, today: dt.date) -> frozenset[dt.date]:
    """The public holidays of the profile's calendar around `today` (3B7 counts business days)."""
    return holidays_around(data.settings.holidays, today)


def first_contact_ranking(conn: sqlite3.Connection, today: dt.date) -> pd.DataFrame:
    """People never in touch, best first by "whom to contact next" (the network page's
    ranking: connectors, prescribers, who can introduce to a target organisation…), sorted
    into a layer or not. Columns: id, reasons (codes of `workbook.domain.network.REASONS`),
    introduces_to_target, mutual_connections. Reads only what the ranking needs."""
    never = with_role_columns(never_contacted_frame(conn))
    ranked = rank_contacts(never, today, top=RANKED_CANDIDATES)
    return ranked[["id", "reasons", "introduces_to_target", "mutual_connections"]]


def plan_for(data: RoutineData, today: dt.date, offset: int = 0,
             ranked: pd.DataFrame | None = None) -> WeekPlan:
    """The plan of the week `offset` weeks from this one: later weeks assume the earlier
    plans are carried out; earlier weeks are planned from the log as it stood."""
    first = week_start(today) + dt.timedelta(weeks=min(offset, 0))
    return plan_weeks(data.contacts, data.interactions, data.cadences, data.outreach,
                      data.settings, first, max(offset, 0) + 1, holidays_for(data, today),
                      ranked)[-1]


def plan_after(data: RoutineData, today: dt.date, earlier: list[WeekPlan],
               ranked: pd.DataFrame | None = None) -> WeekPlan:
    """The plan of the week after `earlier` — this week's plan and the next ones', in order,
    as `plan_for` makes them from `data` — without planning those weeks again: the same plan
    as `plan_for(data, today, len(earlier), ranked)`, one week's work instead of several."""
    log, sent = data.interactions, data.outreach
    for plan in earlier:
        log, sent = carried_out(plan, log, sent)
    week = week_start(today) + dt.timedelta(weeks=len(earlier))
    return weekly_plan(data.contacts, log, data.cadences, sent, data.settings, week,
                       holidays_for(data, today), ranked)


def with_progress(conn: sqlite3.Connection, data: RoutineData, plan: WeekPlan) -> PlannedWeek:
    """`plan` with its done lines: ticked in the profile, or settled by an exchange logged."""
    ticked = checkoffs(conn, plan.week_start)
    return PlannedWeek(plan, frozenset(done_keys(plan, data.interactions, ticked)),
                       frozenset(ticked))


def weeks_ahead(conn: sqlite3.Connection, data: RoutineData, today: dt.date,
                weeks: int, ranked: pd.DataFrame | None = None) -> list[PlannedWeek]:
    """This week and the next `weeks - 1`, each with its progress. `ranked`: the
    `first_contact_ranking` when already read."""
    if ranked is None:
        ranked = first_contact_ranking(conn, today)
    # Public holidays only matter to the 3B7 business-day counts, on first messages sent.
    holidays = holidays_for(data, today) if len(data.outreach) else frozenset()
    plans = plan_weeks(data.contacts, data.interactions, data.cadences, data.outreach,
                       data.settings, week_start(today), weeks, holidays, ranked)
    return [with_progress(conn, data, plan) for plan in plans]


def plan_data(conn: sqlite3.Connection, today: dt.date) -> tuple[RoutineData, pd.DataFrame]:
    """What a weekly plan reads (`workbook plan`): the `first_contact_ranking`, and the
    routine's data with only the contacts a plan can name (see
    `workbook.store.routines.load_contacts`) — the plans are the same as from every contact."""
    ranked = first_contact_ranking(conn, today)
    return load_routine_data(conn, named=ranked["id"].tolist()), ranked


def describe_item(item: PlanItem, tr: Callable[..., str]) -> str:
    """The plan line in words: `routines.reason.<reason>` filled with the item's values,
    codes (layer) translated, dates in the reader's language, counts with their plural."""
    lang = getattr(tr, "lang", "en")
    values = {"name": item.name, **item.value_dict()}
    if "layer" in values:
        values["layer"] = tr(f"vocab.layer.{values['layer']}")
    if "reasons" in values:  # codes of the network page's ranking
        numbers = {"count": values.pop("introduces", 0), "mutual": values.pop("mutual", 0),
                   "days": 0}
        values["reasons"] = format_list(
            [tr.count(f"network.reason.{code}", numbers["count"],
                      **{k: v for k, v in numbers.items() if k != "count"})
             if tr.has(f"network.reason.{code}.one") else tr(f"network.reason.{code}", **numbers)
             for code in str(values["reasons"]).split()], lang, "unit") or "—"
    for key in ("date", "due"):
        if values.get(key):
            values[key] = format_date(values[key], lang)
    key = f"routines.reason.{item.reason}"
    if "count" in values and tr.has(f"{key}.one"):  # a text with a plural
        return tr.count(key, values.pop("count"), **values)
    return tr(key, **values)


def routine_calendar_events(data: RoutineData, today: dt.date) -> list[RoutineEvent]:
    """The routine as calendar events, with the 3B7 follow-ups pending today."""
    steps = three_b_seven(data.outreach, data.contacts, today, holidays_for(data, today),
                          data.interactions)
    return routine_events(data.settings, today, data.contacts, steps)


def routine_calendar(data: RoutineData, today: dt.date, tr: Callable[..., str],
                     profile: str) -> tuple[bytes, int]:
    """The routine's .ics file as bytes, and how many events it holds."""
    from workbook.io.ics import calendar_bytes  # icalendar: only when a calendar is made

    events = routine_calendar_events(data, today)
    payload = calendar_bytes(events, tr, timezone=data.settings.timezone, profile=profile,
                             calendar_name=tr("routines.ics.calname"))
    return payload, len(events)


def save_routine_calendar(path: Path, data: RoutineData, today: dt.date,
                          tr: Callable[..., str], profile: str) -> int:
    """Write the routine's .ics file to `path` (whole or not at all); the number of events."""
    from workbook.io.ics import write_calendar  # icalendar: only when a calendar is made

    events = routine_calendar_events(data, today)
    write_calendar(path, events, tr, timezone=data.settings.timezone, profile=profile,
                   calendar_name=tr("routines.ics.calname"))
    return len(events)
