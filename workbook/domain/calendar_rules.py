"""Business days: weekends and French public holidays, for follow-up rules such as 3B7.

Holiday calendars are named by a code kept in the profile settings: `fr` (France, the
default: most users are French job seekers), `fr_alsace` (adds Good Friday and 26 December,
observed in Alsace-Moselle) and `none` (weekends only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

HOLIDAY_CALENDARS = ("fr", "fr_alsace", "none")


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus, as given by Meeus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def french_public_holidays(year: int, alsace_moselle: bool = False) -> dict[dt.date, str]:
    """The eleven French public holidays ("jours fériés", Code du travail art. L3133-1) of
    `year`, as date -> code; Alsace-Moselle adds Good Friday and Saint Stephen's day."""
    easter = easter_sunday(year)
    days = {
        dt.date(year, 1, 1): "new_year",
        easter + dt.timedelta(days=1): "easter_monday",
        dt.date(year, 5, 1): "labour_day",
        dt.date(year, 5, 8): "victory_1945",
        easter + dt.timedelta(days=39): "ascension",
        easter + dt.timedelta(days=50): "whit_monday",
        dt.date(year, 7, 14): "national_day",
        dt.date(year, 8, 15): "assumption",
        dt.date(year, 11, 1): "all_saints",
        dt.date(year, 11, 11): "armistice_1918",
        dt.date(year, 12, 25): "christmas",
    }
    if alsace_moselle:
        days[easter - dt.timedelta(days=2)] = "good_friday"
        days[dt.date(year, 12, 26)] = "saint_stephen"
    return days


def holidays_for(calendar: str, years: Iterable[int]) -> frozenset[dt.date]:
    """Every holiday of calendar code `calendar` (see `HOLIDAY_CALENDARS`) in `years`."""
    if calendar not in HOLIDAY_CALENDARS:
        raise ValueError(f"unknown holiday calendar {calendar!r}")
    if calendar == "none":
        return frozenset()
    found: set[dt.date] = set()
    for year in years:
        found.update(french_public_holidays(year, alsace_moselle=calendar == "fr_alsace"))
    return frozenset(found)


def holidays_around(calendar: str, day: dt.date) -> frozenset[dt.date]:
    """The holidays of the year before `day`'s, its own and the next: enough for business-day
    spans that start in the past or end after New Year."""
    return holidays_for(calendar, range(day.year - 1, day.year + 2))


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
