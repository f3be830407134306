"""The routine as calendar events (weekly slots, monthly review, greeting cards,
birthdays, pending follow-ups); `workbook.io.ics` writes them to a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from workbook.domain.routines.plan import birthday_on
from workbook.domain.routines.settings import RoutineSettings, parse_hhmm


@dataclass(frozen=True)
class RoutineEvent:
    """One calendar entry of the routine. `summary_key`/`description_key` are catalogue keys
    (formatted with `values`); `start` is local wall time in the routine's time zone;
    `rrule` holds RFC 5545 recurrence parts (e.g. {"FREQ": "WEEKLY", "BYDAY": "MO"}).
    An `all_day` event uses `start.date()` and lasts one day."""

    uid_key: str
    summary_key: str
    description_key: str
    start: dt.datetime
    minutes: int = 30
    rrule: tuple[tuple[str, str], ...] = ()
    values: tuple[tuple[str, object], ...] = ()
    all_day: bool = False


_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """The first date on or after `day` falling on `weekday` (0 = Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def first_weekday_of_month_from(day: dt.date, weekday: int) -> dt.date:
    """The first `weekday` of a month (0 = Monday) falling on or after `day`."""
    month_start = day.replace(day=1)
    candidate = next_weekday(month_start, weekday)
    if candidate < day:
        month_start = (month_start + dt.timedelta(days=32)).replace(day=1)
        candidate = next_weekday(month_start, weekday)
    return candidate


def routine_events(settings: RoutineSettings, today: dt.date, contacts: pd.DataFrame,
                   steps: pd.DataFrame | None = None) -> list[RoutineEvent]:
    """The routine as calendar events: a weekly maintain slot and a weekly expand slot (sized
    by the budget), a monthly review of who is drifting, the yearly greeting-card campaign,
    yearly birthdays of sorted contacts when known, and pending 3B7 follow-ups.
    SOURCE: method, step 4 (keeping up takes little time if organised); 3B7."""
    events = []
    slots = (("maintain", settings.maintain_day, settings.maintain_time,
              settings.maintain_minutes),
             ("expand", settings.expand_day, settings.expand_time, settings.expand_minutes))
    for name, day, time, minutes in slots:
        if minutes <= 0:
            continue
        start = dt.datetime.combine(next_weekday(today, day), parse_hhmm(time))
        events.append(RoutineEvent(
            f"routine-{name}", f"routines.ics.{name}.summary", f"routines.ics.{name}.description",
            start, minutes, (("FREQ", "WEEKLY"), ("BYDAY", _DAY_CODES[day])),
            (("minutes", minutes),)))
    review_day = first_weekday_of_month_from(today, settings.maintain_day)
    events.append(RoutineEvent(
        "routine-review", "routines.ics.review.summary", "routines.ics.review.description",
        dt.datetime.combine(review_day, parse_hhmm(settings.maintain_time)), 30,
        (("FREQ", "MONTHLY"), ("BYDAY", "1" + _DAY_CODES[settings.maintain_day]))))
    card_year = today.year if today < dt.date(today.year, 12, 1) else today.year + 1
    events.append(RoutineEvent(
        "routine-cards", "routines.ics.cards.summary", "routines.ics.cards.description",
        dt.datetime(card_year, 12, 1, 10, 0), 60,
        (("FREQ", "YEARLY"), ("BYMONTH", "12"), ("BYMONTHDAY", "1"))))
    for row in contacts.itertuples(index=False):
        if row.layer == "unsorted":
            continue
        first = _next_birthday(row.birthday, today)
        if first is not None:
            # A 29 February birthday recurs on the last day of February (RFC 5545 skips
            # a plain yearly 29 February in common years).
            leap_day = birthday_on(row.birthday, 2024) == dt.date(2024, 2, 29)
            rule = ((("FREQ", "YEARLY"), ("BYMONTH", "2"), ("BYMONTHDAY", "-1")) if leap_day
                    else (("FREQ", "YEARLY"),))
            events.append(RoutineEvent(
                f"birthday-{row.contact_id}", "routines.ics.birthday.summary",
                "routines.ics.birthday.description", dt.datetime.combine(first, dt.time()),
                rrule=rule, values=(("name", row.full_name),), all_day=True))
    if steps is not None:
        for row in steps.itertuples(index=False):
            if row.action in ("wait", "try_another", "follow_up"):
                day = max(row.follow_up_on, today)
                description = ("routines.ics.follow_up.description" if row.organisation
                               else "routines.ics.follow_up.description_no_org")
                events.append(RoutineEvent(
                    f"follow-up-{row.outreach_id}", "routines.ics.follow_up.summary",
                    description,
                    dt.datetime.combine(day, parse_hhmm(settings.maintain_time)), 15,
                    values=(("name", row.full_name), ("organisation", row.organisation),
                            ("date", row.sent_on.isoformat()))))
    return events


def _next_birthday(birthday: str | None, today: dt.date) -> dt.date | None:
    """The contact's next birthday on or after `today` (see `birthday_on`)."""
    for year in (today.year, today.year + 1):
        day = birthday_on(birthday, year)
        if day is not None and day >= today:
            return day
    return None
