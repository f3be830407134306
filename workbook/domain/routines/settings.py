"""A profile's routine: situation, weekly time budget and split, expansion goals,
calendar slots, time zone and public-holiday calendar; what each setting accepts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, available_timezones

from workbook.domain.calendar_rules import REGION_BY_LANGUAGE, holiday_calendar
from workbook.domain.names import fold

SITUATIONS = ("employed", "job_search", "changing_sector")
# Where new contacts come from (method, step 4; The 2-Hour Job Search: alumni first).
SOURCES = ("events", "introductions", "alumni", "associations", "online")


@dataclass(frozen=True)
class RoutineSettings:
    """A profile's routine: situation, weekly time budget and split, expansion goals, calendar.

    `expand_share` is the percentage of the budget spent on new connections. Slots are a
    weekday (0 = Monday) and a local time 'HH:MM' in `timezone` (IANA name).
    """

    situation: str = "job_search"
    weekly_minutes: int = 300
    expand_share: int = 60
    new_per_week: int = 5
    sources: tuple[str, ...] = ("events", "introductions", "alumni")
    timezone: str = "Europe/Paris"
    holidays: str = "FR"
    maintain_day: int = 0
    maintain_time: str = "09:00"
    expand_day: int = 3
    expand_time: str = "09:00"
    card_layers: tuple[str, ...] = ("inner", "close")
    card_limit: int = 40

    @property
    def maintain_minutes(self) -> int:
        return round(self.weekly_minutes * (100 - self.expand_share) / 100)

    @property
    def expand_minutes(self) -> int:
        return self.weekly_minutes - self.maintain_minutes


MAX_WEEKLY_MINUTES = 40 * 60
MAX_NEW_PER_WEEK = 100
# Layers a greeting card can go to, and the most cards one person writes by hand in a season
# (a personal word each: a few dozen, not thousands). SOURCE: method, step 4.
CARD_LAYER_CHOICES = ("inner", "close", "active", "target", "dormant")
MAX_CARDS = 300
# Bounds of each number a user types, for `read_number`.
NUMBER_BOUNDS = {"weekly_minutes": (0, MAX_WEEKLY_MINUTES), "new_per_week": (0, MAX_NEW_PER_WEEK),
                 "card_limit": (0, MAX_CARDS), "cadence_days": (1, 3650)}


def valid_setting(name: str, value) -> bool:
    """Whether `value` is acceptable for the RoutineSettings field `name`: known codes, a
    budget within a working week, a share in percent, a weekday 0-6, an 'HH:MM' time, an IANA
    time zone, a holiday calendar of `calendar_rules`. SOURCE: method, step 4 (a time budget)."""
    try:
        if name == "situation":
            return value in SITUATIONS
        if name == "weekly_minutes":
            return isinstance(value, int) and 0 <= value <= MAX_WEEKLY_MINUTES
        if name == "expand_share":
            return isinstance(value, int) and 0 <= value <= 100
        if name == "new_per_week":
            return isinstance(value, int) and 0 <= value <= MAX_NEW_PER_WEEK
        if name == "sources":
            return all(s in SOURCES for s in value)
        if name == "timezone":
            ZoneInfo(value)
            return True
        if name == "holidays":
            return holiday_calendar(value) == value
        if name == "card_layers":
            return isinstance(value, tuple) and all(v in CARD_LAYER_CHOICES for v in value)
        if name == "card_limit":
            return isinstance(value, int) and 0 <= value <= MAX_CARDS
        if name in ("maintain_day", "expand_day"):
            return isinstance(value, int) and 0 <= value <= 6
        if name in ("maintain_time", "expand_time"):
            parse_hhmm(value)
            return True
    except (ValueError, TypeError, KeyError, AttributeError, OSError):
        return False
    return False


def read_number(text: object, name: str) -> tuple[int | None, str | None]:
    """A whole number typed for setting `name` (bounds in NUMBER_BOUNDS): (value, None), or
    (None, problem) with problem `missing`, `not_whole` ("15.7", "ten") or `out_of_range`.
    Nothing is rounded or clamped: a surprising value is refused, never silently changed."""
    low, high = NUMBER_BOUNDS[name]
    raw = str(text if text is not None else "").strip().replace("\u202f", "").replace(" ", "")
    if not raw:
        return None, "missing"
    if not re.fullmatch(r"\d+", raw):
        return None, "not_whole"
    value = int(raw)
    if not low <= value <= high:
        return None, "out_of_range"
    return value, None


def regional_defaults(lang: str, base: RoutineSettings | None = None) -> RoutineSettings:
    """The holidays and time zone a language suggests before the user chooses (first run):
    French -> France, Europe/Paris; English -> England, Europe/London."""
    holidays, zone = REGION_BY_LANGUAGE.get(lang, REGION_BY_LANGUAGE["en"])
    return replace(base or RoutineSettings(), holidays=holidays, timezone=zone)


def suggested_routine(situation: str, base: RoutineSettings | None = None) -> RoutineSettings:
    """The suggested budget, split and goals for a situation; calendar choices are kept.

    Employed and stable: 1 h a week, mostly keeping up (a quarter on new people, ~1 a week).
    Job search: 5 h a week, 60 % expanding, ~5 new people. Changing sector: 6 h, 75 %
    expanding, ~6 new people — a new sector needs a new network built methodically.
    SOURCE: method, step 4 (expand more when changing sector or job); The 2-Hour Job Search.
    """
    base = base or RoutineSettings()
    table = {
        "employed": (60, 25, 1, ("events", "alumni")),
        "job_search": (300, 60, 5, ("events", "introductions", "alumni")),
        "changing_sector": (360, 75, 6, ("events", "introductions", "associations")),
    }
    if situation not in table:
        raise ValueError(f"unknown situation {situation!r}")
    minutes, share, new, sources = table[situation]
    return replace(base, situation=situation, weekly_minutes=minutes, expand_share=share,
                   new_per_week=new, sources=sources)


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?\s*$")


def parse_hhmm(text: str) -> dt.time:
    """A time of day as people write it: '09:30', '9:30', '9h30', '9h', '9' -> time(9, 30)
    (or 9:00); raises ValueError on anything else (e.g. '25h', '9:3')."""
    match = _TIME.match(text or "")
    if not match:
        raise ValueError(f"not a time of day: {text!r}")
    return dt.time(int(match.group(1)), int(match.group(2) or 0))


def resolve_timezone(text: str) -> str | None:
    """An IANA time zone from what the user typed: the exact name ('Europe/Paris'), or a city
    of the tz database in any case, with or without accents and spaces ('paris', 'Montréal',
    'New York' -> 'America/New_York').
    None when nothing matches. SOURCE: the IANA time zone database (zoneinfo)."""
    name = (text or "").strip()
    if not name:
        return None
    if valid_setting("timezone", name):
        return name
    city = fold(name.replace(" ", "_"))
    matches = sorted(zone for zone in available_timezones()
                     if "/" in zone and fold(zone.rsplit("/", 1)[-1]) == city)
    return matches[0] if matches else None
