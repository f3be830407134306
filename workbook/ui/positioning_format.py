"""How the positioning page writes dates and shares in the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Tr = Callable[..., str]


def moment_label(moment: dt.datetime | None, fallback: str, tr: Tr) -> str:
    """A saved version's time (stored in UTC) on this computer's clock, written the way the
    user's language writes it ("9 nov. 2026 à 18 h 05", "9 Nov 2026, 18:05"); `fallback`
    when the stored time cannot be read."""
    if moment is None:
        return fallback
    local = moment.replace(tzinfo=dt.UTC).astimezone() if moment.tzinfo is None else moment
    month = tr(f"positioning.month.{local.month}")
    return tr("positioning.date.moment", day=local.day, month=month, year=local.year,
              hour=local.hour, minute=local.minute)


def day_label(iso_day: str, tr: Tr) -> str:
    """A day stored as ISO text ("2026-11-09"), written in the user's language; the stored
    text as is when it cannot be read."""
    try:
        day = dt.date.fromisoformat(str(iso_day)[:10])
    except ValueError:
        return str(iso_day)
    return tr("positioning.date.day", day=day.day, month=tr(f"positioning.month.{day.month}"),
              year=day.year)


def percent(share: float, tr: Tr) -> str:
    """A share 0–1 as a percentage in the user's language ("42 %", "42%")."""
    return tr("positioning.percent", value=round(100 * share))
