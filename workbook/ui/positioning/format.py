"""How the positioning page writes dates and shares in the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workbook.i18n.dates import format_date, format_datetime
from workbook.i18n.numbers import format_percent

Tr = Callable[..., str]


def moment_label(moment: dt.datetime | None, fallback: str, tr: Tr) -> str:
    """A saved version's time (stored in UTC) on this computer's clock, written by the one
    date formatter of the workbook (`workbook.i18n.dates`); `fallback` when the stored time
    cannot be read."""
    if moment is None:
        return fallback
    local = moment.replace(tzinfo=dt.UTC).astimezone() if moment.tzinfo is None else moment
    return format_datetime(local.replace(tzinfo=None), tr.lang)


def day_label(iso_day: str, tr: Tr) -> str:
    """A day stored as ISO text ("2026-11-09"), in the user's language; the stored text as
    is when it cannot be read."""
    return format_date(iso_day, tr.lang, fallback=str(iso_day))


def percent(share: float, tr: Tr) -> str:
    """A share 0–1 as a percentage in the user's language ("42 %", "42%")."""
    return format_percent(share, tr.lang)
