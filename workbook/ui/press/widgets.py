"""Small pieces the press panels share: reading a typed date and time, showing one in the
user's language, and running a panel action with its feedback next to its button."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.press import KeyPoint, TopicSheet
from workbook.i18n.dates import format_date
from workbook.ui.common import StatusLine, act

_TIME = re.compile(r"^(\d{1,2})[:hH](\d{2})$")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_moment(text: str, today: dt.date) -> dt.datetime | None:
    """A moment typed as "14:30" (today), "2026-12-01 14:30", "01/12/2026 14h30" or a date
    alone (noon); None when it cannot be read."""
    parts = (text or "").strip().replace("T", " ").split()
    if not parts or len(parts) > 2:
        return None
    day: dt.date | None = today
    clock = dt.time(12, 0)
    for part in parts:
        time = _TIME.match(part)
        if time:
            hour, minute = int(time[1]), int(time[2])
            if hour > 23 or minute > 59:
                return None
            clock = dt.time(hour, minute)
            continue
        day = parse_day(part)
        if day is None:
            return None
    if len(parts) == 1 and not _TIME.match(parts[0]):
        clock = dt.time(12, 0)
    return dt.datetime.combine(day, clock)


def parse_day(text: str) -> dt.date | None:
    """A day typed as 2026-12-01 or 01/12/2026."""
    text = (text or "").strip()
    french = _FR_DATE.match(text)
    try:
        if french:
            return dt.date(int(french[3]), int(french[2]), int(french[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def show_day(day: dt.date | dt.datetime | None, lang: str) -> str:
    if day is None:
        return "—"
    if isinstance(day, dt.datetime):
        return f"{format_date(day.date(), lang)} {day:%H:%M}"
    return format_date(day, lang)


def typed_moment(moment: dt.datetime) -> str:
    """How a moment is pre-filled in a field (the format `parse_moment` reads back)."""
    return moment.strftime("%Y-%m-%d %H:%M")


def run_action(tr, status: StatusLine, action: Callable[[], str | None]) -> bool:
    """Run a panel action through the pages' one runner (`act`); True when it went through."""
    return act(status, tr, action)


def classed(widget: ipw.Widget, *classes: str) -> ipw.Widget:
    for css in classes:
        widget.add_class(css)
    return widget


def sheet_from_fields(topic: str, umbrella: str,
                      points: list[tuple[str, str, str, str]]) -> TopicSheet:
    """A sheet from the form's fields: (message, proof, quote, second quote) per point."""
    return TopicSheet(topic.strip(), umbrella.strip(), tuple(
        KeyPoint(m.strip(), p.strip(), tuple(q.strip() for q in (q1, q2) if q.strip()))
        for m, p, q1, q2 in points))
