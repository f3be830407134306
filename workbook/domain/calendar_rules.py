"""Business days, public holidays and plausible dates, for follow-up rules such as 3B7.

Public holidays come from the `holidays` library (MIT, maintained), for the
calendar code kept in the profile settings: a country (ISO 3166 alpha-2) with an optional
subdivision, `FR`, `FR-57` (Alsace-Moselle), `GB-ENG`, `BE`, `CH`, `CA-QC`…, or `none`
(weekends only). Codes saved by earlier versions (`fr`, `fr_alsace`) still read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

# The calendars offered, in the order the settings list them.
HOLIDAY_CALENDARS = ("FR", "FR-57", "BE", "CH", "LU", "CA-QC", "CA-ON", "GB-ENG", "GB-SCT",
                     "IE", "US", "DE", "ES", "IT", "none")
_OLD_CODES = {"fr": "FR", "fr_alsace": "FR-57"}

# The region a language suggests before the user chooses (first run): (holidays, time zone).
REGION_BY_LANGUAGE = {"fr": ("FR", "Europe/Paris"), "en": ("GB-ENG", "Europe/London")}

# Dates a person can mean in this workbook: exchanges, connections, messages. A year before
# EARLIEST_YEAR is a typing slip (a two-digit year "26" stored as 0026), not history.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


def holiday_calendar(code: str | None) -> str:
    """The current code of a saved calendar code (`fr` -> `FR`); unknown codes give ValueError."""
    code = _OLD_CODES.get(code or "", code or "")
    if code not in HOLIDAY_CALENDARS:
        raise ValueError(f"unknown holiday calendar {code!r}")
    return code


@lru_cache(maxsize=64)
def _holidays(code: str, year: int) -> frozenset[dt.date]:
    import holidays  # loaded only when business days are counted

    if code == "none":
        return frozenset()
    country, _, subdivision = code.partition("-")
    return frozenset(holidays.country_holidays(country, subdiv=subdivision or None,
                                               years=year))


def holidays_for(calendar: str, years: Iterable[int]) -> frozenset[dt.date]:
    """Every public holiday of calendar code `calendar` (see `HOLIDAY_CALENDARS`) in `years`.
    SOURCE: the `holidays` library (national and regional calendars, e.g. Alsace-Moselle's
    Good Friday and 26 December, the UK's bank holidays)."""
    code = holiday_calendar(calendar)
    found: set[dt.date] = set()
    for year in years:
        found |= _holidays(code, year)
    return frozenset(found)


def holidays_around(calendar: str, day: dt.date) -> frozenset[dt.date]:
    """The holidays of the year before `day`'s, its own and the next: enough for business-day
    spans that start in the past or end after New Year."""
    return holidays_for(calendar, range(day.year - 1, day.year + 2))


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def is_business_day(day: dt.date, holidays: frozenset[dt.date] = frozenset()) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def add_business_days(start: dt.date, count: int,
                      holidays: frozenset[dt.date] = frozenset()) -> dt.date:
    """The day `count` business days after `start` (`start` itself is not counted, so a
    message sent on Friday has its 3rd business day on Wednesday)."""
    if count < 0:
        raise ValueError("count must be >= 0")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_business_day(day, holidays):
            remaining -= 1
    return day


def business_days_between(start: dt.date, end: dt.date,
                          holidays: frozenset[dt.date] = frozenset()) -> int:
    """Business days after `start` up to and including `end` (0 if `end` <= `start`)."""
    if end <= start:
        return 0
    full_weeks, extra = divmod((end - start).days, 7)
    count = full_weeks * 5
    day = start + dt.timedelta(days=full_weeks * 7)
    for _ in range(extra):
        day += dt.timedelta(days=1)
        count += day.weekday() < 5
    count -= sum(1 for h in holidays if start < h <= end and h.weekday() < 5)
    return count


def plausible_day(day: dt.date | None) -> bool:
    """Whether a stored or typed date can be meant: a year from EARLIEST_YEAR to LATEST_YEAR
    (a two-digit year typed into a date field arrives as year 26, and is refused)."""
    return day is not None and EARLIEST_YEAR <= day.year <= LATEST_YEAR


def stored_day(text: object) -> dt.date | None:
    """The date an ISO text held in the profile means ('2026-03-10', '2026-03-10T09:00'),
    None when empty, unreadable or implausible (see `plausible_day`): one bad row must not
    break a page."""
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day if plausible_day(day) else None


def day_problem(day: dt.date | None, today: dt.date, allow_future: bool = False) -> str | None:
    """Why a date typed for something that happened cannot be taken, as a code: `missing`,
    `implausible` (outside EARLIEST_YEAR..LATEST_YEAR, e.g. a two-digit year), `future`;
    None when it is fine."""
    if day is None:
        return "missing"
    if not plausible_day(day):
        return "implausible"
    if not allow_future and day > today:
        return "future"
    return None
