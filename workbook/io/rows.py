"""From the raw fields of exported rows to contact rows, or a reason to skip each row.

Rules shared by every format:
- every value is text, trimmed; nothing is evaluated (`=HYPERLINK(…)`, `<b>` stay as typed).
  A leading apostrophe before `= + - @` is dropped: it is how our own export (and Excel)
  neutralises formulas, so a re-import gives back the original value. Control characters
  (stray bytes) are dropped and line breaks become `\\n`;
- the name is the export's full name, else first + middle + last, else the e-mail address;
  a row with neither name nor e-mail is skipped (`no_name`), and a value that shows nothing
  (only spaces, zero-width or filler characters: `domain.names.has_visible_character`)
  counts as none;
- a value longer than `MAX_FIELD_CHARS` skips the row (`field_too_long`): no contact field
  is that long, it is a broken export;
- a row identical to an earlier one in the same file is skipped (`duplicate_row`);
- an unreadable date keeps the row with the date left empty and a `bad_date` warning.

Work is done column by column (a 30,000-row export is read in a fraction of a second).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from workbook.domain.names import has_visible_character
from workbook.domain.records import CONTACT_COLUMNS, SkippedRow
from workbook.escaping import shorten
from workbook.io.dates import BadDate, parse_birthday, parse_date

MAX_FIELD_CHARS = 10_000
DETAIL_CHARS = 80                 # a value quoted in a skipped row's detail
RAW_FIELDS = ("full_name", "first_name", "middle_name", "last_name", "email", "phone",
              "profile_url", "organisation", "position", "connected_on", "birthday", "notes",
              "mutual_connections")
# LinkedIn caps a network at 30,000 connections: no two people share more.
MAX_MUTUAL = 30_000
_NEUTRALISED = ("'=", "'+", "'-", "'@")
# What names a row: a value here that shows nothing is no name (`_visible_or_blank`).
_NAME_PARTS = ("full_name", "first_name", "middle_name", "last_name", "email")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    """A trimmed value with `\\n` line breaks and no control characters, our own export's
    formula neutralisation undone."""
    text = value.strip()
    if "\r" in text:                          # vCard 2.1 and Mac exports: one kind of line break
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isprintable():                # C0/C1 controls are stray bytes, not content
        text = _CONTROLS.sub("", text)
    if text.startswith(_NEUTRALISED):
        text = text[1:]
    return text


def _visible_or_blank(values: list[str]) -> list[str]:
    """A name part that shows nothing (zero-width or filler characters only) counts as no
    name; plain ASCII was settled by the trim already."""
    if "".join(values).isascii():
        return values
    return [v if v.isascii() or has_visible_character(v) else "" for v in values]


def clean_column(values: list[str]) -> list[str]:
    """`clean` over a column, with a fast path for the common all-plain column."""
    stripped = [v.strip() for v in values]
    joined = "\n".join(stripped)
    if "\n'" in "\n" + joined or not joined.replace("\n", "").isprintable():
        return [clean(v) for v in stripped]
    return stripped



@dataclass
class Collected:
    """Contact columns (`CONTACT_COLUMNS` → list) and the rows skipped or warned about."""

    columns: dict[str, list]
    skipped: list[SkippedRow]
    warnings: list[SkippedRow]


def _parse_column(values: list[str], parse, day_first: bool, lines: list[int], name: str,
                  warnings: list[SkippedRow], blank):
    """Each distinct date of a column parsed once; unreadable ones left `blank` with a
    `bad_date` warning on their line."""
    if not any(values):                     # a column the export does not have
        return [blank] * len(values)
    parsed: dict[str, object] = {"": blank}
    for value in set(values):
        if value:
            try:
                parsed[value] = parse(value, day_first)
            except BadDate:
                parsed[value] = BadDate
    result = [parsed[value] for value in values]
    if BadDate in parsed.values():
        for i, (line, value) in enumerate(zip(lines, values)):
            if result[i] is BadDate:
                detail = f"{name}: {shorten(value, DETAIL_CHARS)}"
                warnings.append(SkippedRow(line, "bad_date", detail))
                result[i] = blank
    return result


def parse_mutual(value: str) -> int | None:
    """A number of mutual connections as a sheet writes it ("12", " 12 ", "12.0"; blank:
    unknown), or `ValueError` for anything else — words, fractions, negative numbers, more
    than `MAX_MUTUAL`."""
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    whole = text[:-2] if text.endswith((".0", ",0")) else text
    if not whole.isascii() or not whole.isdigit() or len(whole) > 6 or int(whole) > MAX_MUTUAL:
        raise ValueError(value)
    return int(whole)


def _mutual_column(values: list[str], reasons: dict[int, tuple[str, str]]) -> list:
    """`parse_mutual` over a column; an unreadable number skips its row (`bad_number`): a
    wrong count would put the contact in the wrong place of the weak-ties ranking."""
    if not any(values):
        return [None] * len(values)
    parsed = []
    for i, value in enumerate(values):
        try:
            parsed.append(parse_mutual(value))
        except ValueError:
            parsed.append(None)
            if i not in reasons:
                reasons[i] = ("bad_number",
                              f"mutual_connections: {shorten(value, DETAIL_CHARS)}")
    return parsed


def _all_different(columns: dict[str, list], count: int) -> bool:
    """Whether no two rows are identical: at once when a column (profile address, e-mail,
    phone) has no repeated value, as in most exports; otherwise from whole rows."""
    for name in ("profile_url", "email", "phone"):
        if len(set(columns[name])) == count:
            return True
    return len(set(zip(*(columns[c] for c in CONTACT_COLUMNS)))) == count


def collect(lines: list[int], fields: dict[str, list[str]], day_first: bool = True,
            skipped: list[SkippedRow] | None = None) -> Collected:
    """Contact columns from raw field columns (keys of `RAW_FIELDS`, all the same length as
    `lines`, the file line of each row), applying the module's rules."""
    count = len(lines)
    empty = [""] * count
    skipped = list(skipped or [])
    warnings: list[SkippedRow] = []
    reasons: dict[int, tuple[str, str]] = {}
    raw = {name: fields.get(name) or empty for name in RAW_FIELDS}
    for name, values in raw.items():
        if values is not empty and max(map(len, values), default=0) > MAX_FIELD_CHARS:
            for i, value in enumerate(values):
                if len(value) > MAX_FIELD_CHARS and i not in reasons:
                    reasons[i] = ("field_too_long", f"{name}: {len(value)} characters")
    col = {name: (clean_column(values) if values is not empty else empty)
           for name, values in raw.items()
           if name not in ("connected_on", "birthday", "mutual_connections")}
    for name in _NAME_PARTS:
        col[name] = _visible_or_blank(col[name])
    full = col["full_name"]
    if not all(full):
        first, middle, last = col["first_name"], col["middle_name"], col["last_name"]
        if middle is empty:                   # the common case, without a generator per row
            full = [f or (f"{a} {z}" if a and z else a or z)
                    for f, a, z in zip(full, first, last)]
        else:
            full = [f or " ".join(p for p in (a, m, z) if p)
                    for f, a, m, z in zip(full, first, middle, last)]
    if not all(full):
        full = [f or e for f, e in zip(full, col["email"])]
        for i, name in enumerate(full):
            if not name and i not in reasons:
                reasons[i] = ("no_name", shorten(" ".join(
                    v[i] for v in col.values() if v[i]) or "—", DETAIL_CHARS))
    dates = {name: empty if raw[name] is empty else [v.strip() for v in raw[name]]
             for name in ("connected_on", "birthday")}
    connected = _parse_column(dates["connected_on"], parse_date, day_first, lines,
                              "connected_on", warnings, None)
    birthday = _parse_column(dates["birthday"], parse_birthday, day_first, lines,
                             "birthday", warnings, "")
    mutual = _mutual_column(raw["mutual_connections"], reasons)
    columns = {"full_name": full, "first_name": col["first_name"],
               "last_name": col["last_name"], "email": col["email"], "phone": col["phone"],
               "profile_url": col["profile_url"], "organisation": col["organisation"],
               "position": col["position"], "connected_on": connected, "birthday": birthday,
               "notes": col["notes"], "mutual_connections": mutual}
    keep = list(range(count))
    if reasons or not _all_different(columns, count):
        table = list(zip(*(columns[c] for c in CONTACT_COLUMNS)))
        seen: set[tuple] = set()
        keep = []
        for i, row in enumerate(table):
            if i in reasons:
                continue
            if row in seen:
                reasons[i] = ("duplicate_row", shorten(row[0], DETAIL_CHARS))
                continue
            seen.add(row)
            keep.append(i)
    if reasons:
        skipped += [SkippedRow(lines[i], reason, detail) for i, (reason, detail) in reasons.items()]
        skipped.sort(key=lambda s: s.line)
        wanted = set(keep)
        warnings = [w for w in warnings if bisect_left(lines, w.line) in wanted]
        columns = {name: [values[i] for i in keep] for name, values in columns.items()}
    warnings.sort(key=lambda w: w.line)
    return Collected(columns, skipped, warnings)

