"""Contacts as vCard 3.0 (RFC 2426) for phone and mail apps: one card per contact.

Each card: FN, N, ORG, TITLE, EMAIL, TEL, URL, BDAY, NOTE, CATEGORIES (the contact's roles
in the user's language). Text values are escaped (`\\\\`, `\\,`, `\\;`, line breaks as `\\n`,
RFC 2426 §4); lines longer than 75 octets are folded with CRLF + space without cutting a
UTF-8 character (RFC 6350 §3.2). A birthday without a year is written `--MM-DD` (ISO 8601's
truncated form, as Google Contacts writes it).

Written here rather than with `vobject`, which builds an object per property and is slow
for tens of thousands of cards; the tests read the result back with vobject as an
independent parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import BinaryIO

_ESCAPES = str.maketrans({"\\": "\\\\", ",": "\\,", ";": "\\;", "\n": "\\n", "\r": ""})
MAX_OCTETS = 75


def escape(value: str) -> str:
    """A text value escaped for a vCard property (RFC 2426 §4: backslash, comma, semicolon,
    line break)."""
    return value.translate(_ESCAPES)


def fold(line: str) -> str:
    """One content line, folded every 75 octets (continuations start with a space), never
    inside a UTF-8 character; ends with CRLF."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return line + "\r\n"
    parts, start, limit = [], 0, MAX_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:   # a continuation byte
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, MAX_OCTETS - 1                      # the space counts
    return "\r\n ".join(parts) + "\r\n"


def birthday(value: str) -> str:
    """`YYYY-MM-DD` as is; `MM-DD` (year unknown) as `--MM-DD`; anything else ''."""
    if len(value) == 10:
        return value
    if len(value) == 5 and value[2] == "-":
        return f"--{value}"
    return ""


def card(row: dict, categories: list[str]) -> str:
    """One vCard 3.0 for a contact row (columns of `workbook.store.exports.EXPORT_COLUMNS`)."""
    full = row["full_name"] or row["email"] or "?"
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escape(full)}",
             f"N:{escape(row['last_name'])};{escape(row['first_name'])};;;"]
    if row["organisation"]:
        lines.append(f"ORG:{escape(row['organisation'])}")
    if row["position"]:
        lines.append(f"TITLE:{escape(row['position'])}")
    if row["email"]:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(row['email'])}")
    if row["phone"]:
        lines.append(f"TEL;TYPE=VOICE:{escape(row['phone'])}")
    if row["profile_url"]:
        lines.append(f"URL:{escape(row['profile_url'])}")
    bday = birthday(row["birthday"] or "")
    if bday:
        lines.append(f"BDAY:{bday}")
    if row["notes"]:
        lines.append(f"NOTE:{escape(row['notes'])}")
    if categories:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in categories))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def write_vcards(out: BinaryIO, records: list[dict], role_label: Callable[[str], str],
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Every contact (dicts with the columns of `workbook.store.exports.EXPORT_COLUMNS`) as
    vCards in UTF-8; `role_label(code)` names a role for CATEGORIES. Returns the count."""
    total = len(records)
    step = max(1, total // 50)
    chunk: list[str] = []
    for n, row in enumerate(records, 1):
        chunk.append(card(row, _labels(row["roles"], role_label)))
        if n % step == 0 or n == total:
            out.write("".join(chunk).encode("utf-8"))
            chunk = []
            if progress:
                progress(n, total)
    return total


def _labels(roles: str, role_label: Callable[[str], str]) -> list[str]:
    codes: Iterable[str] = (r for r in (roles or "").split(";") if r)
    return [role_label(code) for code in codes]
