"""Dates as exports write them, read without depending on the machine's locale.

Pure functions. Sources: LinkedIn "Connected On" (`14 Mar 2023`; French interface
`14 mars 2023`), Google Contacts (`1980-03-14`, `--03-14` for a birthday without year),
vCard (RFC 2426 `1980-03-14`/`19800314`, RFC 6350 `--0314`), Outlook (`14/03/1980` in French,
`3/14/1980` in US English, `0/0/00` for none) and French Excel (`14/03/2023`, `14/03/23`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from workbook.domain.names import fold

# English and French month names and abbreviations, folded (no accents, no dots).
_MONTHS = {
    **{m: i for i, m in enumerate(
        ("jan feb mar apr may jun jul aug sep oct nov dec").split(), 1)},
    **{m: i for i, m in enumerate(
        ("january february march april may june july august september october november "
         "december").split(), 1)},
    **{m: i for i, m in enumerate(
        ("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre "
         "decembre").split(), 1)},
    "sept": 9, "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "dec": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T[\dZ]*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: [\d:]+)?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:er)? ([a-z]+) (\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+) (\d{1,2}) (\d{2}|\d{4})$")
_LINKEDIN = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})$")
_NO_YEAR_DASHED = re.compile(r"^(?:--)?(\d{2})-?(\d{2})$")
_NO_YEAR_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")
_EMPTY_DATES = {"0/0/00", "00/00/0000", "0/0/0000", "00/00/00", "0000-00-00", "--", "-"}


class BadDate(ValueError):
    """A date-looking value that is not a real date."""


def full_year(year: str) -> int:
    """Four-digit year; two digits follow the POSIX `strptime %y` pivot (69–99 → 1900s,
    00–68 → 2000s)."""
    value = int(year)
    if len(year) <= 2:
        return value + (1900 if value >= 69 else 2000)
    return value


def _iso(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise BadDate(f"{year}-{month}-{day}") from None


def _month(name: str) -> int:
    month = _MONTHS.get(name)
    if month is None:
        raise BadDate(name)
    return month


@lru_cache(maxsize=8192)
def parse_date(value: str, day_first: bool = True) -> str | None:
    """ISO `YYYY-MM-DD` of a date as exports write it, None for a blank or "no date" marker
    (Outlook's `0/0/00`); `BadDate` when it cannot be a date. `day_first` decides `03/04/2023`
    (French and British order by default; US Outlook uses month first)."""
    text = (value or "").strip()
    if not text or text in _EMPTY_DATES:
        return None
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC.match(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), full_year(match[3])
        day, month = (first, second) if day_first else (second, first)
        return _iso(year, month, day)
    match = _LINKEDIN.match(text)             # fast path: "14 Mar 2023", most of an export
    if match and match[2].lower() in _MONTHS:
        return _iso(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    words = fold(text)
    match = _DAY_MONTH_NAME.match(words)
    if match:
        return _iso(full_year(match[3]), _month(match[2]), int(match[1]))
    match = _MONTH_NAME_DAY.match(words)
    if match:
        return _iso(full_year(match[3]), _month(match[1]), int(match[2]))
    raise BadDate(text)


@lru_cache(maxsize=8192)
def parse_birthday(value: str, day_first: bool = True) -> str:
    """A birthday as stored (`YYYY-MM-DD`, or `MM-DD` when the year is unknown, as Google's
    `--03-14`, vCard 4's `--0314`, our own export's `03-14` or a French `14/03`); '' when
    blank; `BadDate` otherwise."""
    text = (value or "").strip()
    if not text or text in _EMPTY_DATES:
        return ""
    match = _NO_YEAR_DASHED.match(text)
    if match:
        month, day = int(match[1]), int(match[2])
    else:
        match = _NO_YEAR_NUMERIC.match(text)
        if not match:
            return parse_date(text, day_first) or ""
        first, second = int(match[1]), int(match[2])
        day, month = (first, second) if day_first else (second, first)
    _iso(2000, month, day)                  # a leap year: 29 February is a birthday
    return f"{month:02d}-{day:02d}"


def infer_day_first(values: Iterable[str], default: bool) -> bool:
    """Whether a column of `a/b/yyyy` dates puts the day first: a first part above 12 says
    yes, a second part above 12 says no; otherwise the export's language decides (`default`:
    French headers → day first, English Outlook → month first)."""
    for value in values:
        match = _NUMERIC.match((value or "").strip())
        if not match:
            continue
        if int(match[1]) > 12:
            return True
        if int(match[2]) > 12:
            return False
    return default
