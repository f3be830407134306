"""Demo data for the routines page: first messages to new people at every 3B7 stage, a
weekly budget, a few birthdays and a tick in this week's plan. Invented people only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3

from workbook.domain.calendar_rules import add_business_days, holidays_around, is_business_day
from workbook.domain.routines import suggested_routine, week_start
from workbook.store.contacts import contact_ids, set_birthday
from workbook.store.routines import (
    add_outreach,
    check_off,
    mark_followed_up,
    mark_replied,
    save_settings,
)


def _business_days_before(today: dt.date, count: int, holidays) -> dt.date:
    """The day from which `today` is `count` business days later."""
    day = today - dt.timedelta(days=count)
    while add_business_days(day, count, holidays) > today:
        day -= dt.timedelta(days=1)
    while add_business_days(day, count, holidays) < today:
        day += dt.timedelta(days=1)
    while not is_business_day(day, holidays):  # people write on working days
        day -= dt.timedelta(days=1)
    return day


def seed(conn: sqlite3.Connection, rng: random.Random, today: dt.date) -> None:
    routine = dataclasses.replace(suggested_routine("changing_sector"), weekly_minutes=300,
                                  expand_share=70)
    save_settings(conn, routine)
    holidays = holidays_around(routine.holidays, today)
    targets = contact_ids(conn, ["target"], with_organisation=True)
    picked = rng.sample(targets, min(6, len(targets)))
    # (business days ago, what happened since): one per 3B7 stage
    stages = ((1, None), (4, None), (9, None), (12, "followed"), (5, "replied"), (2, "replied"))
    for contact, (ago, outcome) in zip(picked, stages):
        sent = _business_days_before(today, ago, holidays)
        outreach = add_outreach(conn, contact, sent, notes="Premier message (démo)")
        if outcome == "replied":
            mark_replied(conn, outreach, min(today, add_business_days(sent, 2, holidays)))
        elif outcome == "followed":
            mark_followed_up(conn, outreach, add_business_days(sent, 7, holidays))
    close = contact_ids(conn, ["inner", "close"])
    for contact in rng.sample(close, min(4, len(close))):
        day = today + dt.timedelta(days=rng.randint(0, 40))
        set_birthday(conn, contact, f"{rng.randint(1965, 1995)}-{day.month:02d}-{day.day:02d}")
    check_off(conn, week_start(today), "new:events")
