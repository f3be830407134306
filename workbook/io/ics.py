"""Calendar export: the networking routine as an iCalendar (.ics) file (RFC 5545).

Recurring slots carry an RRULE; every event has a UID stable across exports (re-importing
updates instead of duplicating) and a DTSTAMP; timed events are in the routine's time zone,
described by a VTIMEZONE; lines are folded at 75 octets (icalendar does it). Google Calendar
and Outlook both import such files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from workbook import __version__
from workbook.domain.routines import RoutineEvent
from workbook.i18n.dates import format_date
from workbook.io.files import replacing

PRODID = f"-//Networking Workbook//Routine {__version__}//EN"
UID_DOMAIN = "networking-workbook.invalid"
TZ_YEARS = 21


def event_uid(uid_key: str, profile: str) -> str:
    """A UID unique per profile and event, stable from one export to the next."""
    scope = hashlib.sha256(profile.encode("utf-8")).hexdigest()[:10]
    return f"{uid_key}.{scope}@{UID_DOMAIN}"


def build_calendar(events: Iterable[RoutineEvent], tr: Callable[..., str], *, timezone: str,
                   profile: str, calendar_name: str,
                   now: dt.datetime | None = None) -> icalendar.Calendar:
    """One VCALENDAR holding `events`, texts translated with `tr(key, **values)`."""
    zone = ZoneInfo(timezone)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(
        microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", timezone)
    events = list(events)
    for item in events:
        values = dict(item.values)
        if values.get("date"):  # ISO in the data, as people read it in the file
            values["date"] = format_date(values["date"], getattr(tr, "lang", "en"))
        event = icalendar.Event()
        event.add("uid", event_uid(item.uid_key, profile))
        event.add("dtstamp", stamp)
        event.add("summary", tr(item.summary_key, **values))
        event.add("description", tr(item.description_key, **values))
        if item.all_day:
            day = item.start.date()
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            start = item.start.replace(tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=item.minutes))
        if item.rrule:
            event.add("rrule", _rrule(item.rrule))
        calendar.add_component(event)
    # The VTIMEZONE covers the exported events and the next 20 years of their recurrences
    # (whole years: a 29 February start has no twin 20 years later).
    first = min((e.start.date() for e in events), default=stamp.date())
    calendar.add_missing_timezones(first_date=dt.date(first.year - 1, 1, 1),
                                   last_date=dt.date(first.year + TZ_YEARS, 12, 31))
    return calendar


def _rrule(parts: tuple[tuple[str, str], ...]) -> icalendar.vRecur:
    recur = {}
    for name, value in parts:
        recur[name] = [value] if name in ("BYDAY", "BYMONTH", "BYMONTHDAY") else value
    return icalendar.vRecur(recur)


def calendar_bytes(events: Iterable[RoutineEvent], tr: Callable[..., str], **options) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line ends, folded lines)."""
    return build_calendar(events, tr, **options).to_ical()


def write_calendar(path: Path | str, events: Iterable[RoutineEvent], tr: Callable[..., str],
                   **options) -> None:
    """Write `events` as an .ics file at `path`, whole or not at all: the bytes go to a
    temporary file in the same folder, renamed over `path` once complete (a full disk or a
    crash never leaves half a calendar, nor erases the previous one). `options` as for
    `build_calendar`. Raises OSError when the folder cannot be written."""
    write_bytes_atomically(Path(path), calendar_bytes(events, tr, **options))


def write_bytes_atomically(path: Path, payload: bytes) -> None:
    """`path` gets `payload` through a temporary sibling and a rename (atomic on one disk);
    only a regular file is replaced, never a link or a device (`workbook.io.files`)."""
    with replacing(path, force=True) as out:
        out.write(payload)
