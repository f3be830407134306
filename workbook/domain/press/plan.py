"""Readiness (can a journalist reach me, are my topic sheets ready) and the visibility plan
(which topics to make visible where), exported as calendar events.

SOURCE: the method, step 3 (docs/architecture.md) — journalists should find you through your network
and visibility, not because you chased them; be reachable fast; prepare the three key points
in 10–15 minutes when a call comes in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the routines rules bring pandas: the press page opens without it
    from workbook.domain.routines import RoutineEvent

CHANNELS = ("post", "talk", "article", "association")
PREP_MINUTES = (10, 15)       # the method: 10–15 minutes to prepare before calling back
STALE_DAYS = 90               # a sheet not looked at for a season is re-read before a call
PLAN_WEEKS = 6
PLAN_HOUR = 9
PLAN_EVENT_MINUTES = {"post": 30, "talk": 90, "article": 120, "association": 60}


@dataclass(frozen=True)
class PressSettings:
    """Where a journalist reaches the user, and the call-back target."""

    phone: str = ""
    email: str = ""
    hours: str = ""
    callback_minutes: int = 60
    pitch_weeks: int = 8

    def reachable(self) -> bool:
        return bool(self.phone.strip() or self.email.strip())


def readiness_codes(settings: PressSettings, sheets_ready: int, sheets: int) -> list[str]:
    """What keeps a journalist from quoting the user (codes `press.readiness.<code>`).
    SOURCE: the method, step 3 — be reachable fast; have your key points ready."""
    codes = []
    if not settings.reachable():
        codes.append("unreachable")
    if sheets == 0:
        codes.append("no_sheet")
    elif sheets_ready == 0:
        codes.append("no_ready_sheet")
    return codes


def is_stale(prepared: dt.datetime | None, now: dt.datetime) -> bool:
    """Not prepared for `STALE_DAYS`: figures move; read it again before the next call."""
    return prepared is None or (now - prepared).days > STALE_DAYS


@dataclass(frozen=True)
class PlanItem:
    """One line of the visibility plan: a topic made visible on a channel on a day."""

    id: int
    topic: str
    channel: str
    planned_on: dt.date
    note: str = ""
    done: bool = False
    sheet_id: int | None = None


def suggest_plan(topics: list[tuple[int, str]], start: dt.date, weeks: int = PLAN_WEEKS,
                 taken: set[tuple[str, dt.date]] = frozenset()) -> list[PlanItem]:
    """A rotation over the next `weeks`: one ready topic a week, alternating channels
    (a post every week, then a talk, an article, an association meeting in turn), on the
    Tuesday of each week. SOURCE: the method, step 3 — be found through your visibility."""
    if not topics:
        return []
    tuesday = start + dt.timedelta(days=(1 - start.weekday()) % 7)
    items = []
    for week in range(weeks):
        sheet_id, topic = topics[week % len(topics)]
        channel = CHANNELS[week % len(CHANNELS)]
        day = tuesday + dt.timedelta(weeks=week)
        if (topic, day) not in taken:
            items.append(PlanItem(0, topic, channel, day, sheet_id=sheet_id))
    return items


def plan_events(items: list[PlanItem], channel_labels: dict[str, str]) -> list[RoutineEvent]:
    """Calendar events for the plan's open items (texts `press.ics.*`, channels named by
    `channel_labels`), for the routines page's .ics writer."""
    from workbook.domain.routines import RoutineEvent

    return [RoutineEvent(
        uid_key=f"press-plan-{item.id}", summary_key="press.ics.summary",
        description_key="press.ics.description",
        start=dt.datetime.combine(item.planned_on, dt.time(PLAN_HOUR)),
        minutes=PLAN_EVENT_MINUTES[item.channel],
        values=(("topic", item.topic),
                ("channel", channel_labels.get(item.channel, item.channel)),
                ("note", item.note)))
        for item in items if not item.done]
