"""Dates and times as people read them in their language, in local time (Babel, CLDR data).

One formatter per need, for every page and command: `format_date` (10 mars 2026 /
10 Mar 2026), `format_time` (09:30 / 09:30), `format_datetime` (a moment shown in the
user's time zone). A value that is not a date (None, NaT, garbage from an old row) gives
`fallback` rather than an exception: a bad row must not break a page.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.dates import get_datetime_format

# The Babel locale of each catalogue language: English dates read the British way
# (10 Mar 2026, 24-hour clock), as most English-speaking users in Europe expect.
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


def as_date(value: object) -> dt.date | None:
    """A date from a date, a datetime, a pandas Timestamp or an ISO string; None otherwise."""
    if value is None or value != value:  # NaT and NaN are not equal to themselves
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT has it too, and fails)
        try:
            value = value.to_pydatetime()
        except (ValueError, TypeError):
            return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def format_date(value: object, lang: str, fallback: str = "—") -> str:
    """A day as people read it: "10 mars 2026" in French, "10 Mar 2026" in English."""
    day = as_date(value)
    if day is None:
        return fallback
    return _babel_date(day, format="medium", locale=_locale(lang))


def format_time(value: dt.time, lang: str) -> str:
    """A time of day: 09:30 in both languages (24-hour clock)."""
    return _babel_time(value, format="short", locale=_locale(lang))


def format_datetime(moment: dt.datetime, lang: str, timezone: str | None = None) -> str:
    """A moment in the user's time zone (`timezone`, an IANA name; naive datetimes are taken
    as already local), e.g. "10 mars 2026, 09:30"."""
    if moment.tzinfo is not None and timezone:
        moment = moment.astimezone(ZoneInfo(timezone))
    locale = _locale(lang)
    pattern = str(get_datetime_format("medium", locale=locale))  # e.g. "{1}, {0}"
    return pattern.replace("{1}", format_date(moment.date(), lang)).replace(
        "{0}", format_time(moment.time(), lang))
