"""vCard files (.vcf): versions 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350).

Rules (pure functions over the decoded text):
- folded lines are joined (a line starting with a space or tab continues the previous one);
  version 2.1 values in QUOTED-PRINTABLE continue while a line ends with `=` and are decoded
  in their CHARSET (UTF-8 when absent, Windows-1252 if that fails);
- backslash escapes (`\\n`, `\\,`, `\\;`) are undone; N and ORG are split on unescaped `;`;
- the preferred value (`PREF`, `TYPE=pref`) of EMAIL, TEL and URL wins; a LinkedIn address
  (URL or X-SOCIALPROFILE) is the profile URL;
- a card without END before the next BEGIN or the end of file is skipped (`broken_card`).
"""

from __future__ import annotations

import codecs
import quopri
import re

from workbook.domain.records import ImportFileError, SkippedRow
from workbook.io.rows import RAW_FIELDS, Collected, collect

_SPLIT = re.compile(r"(?<!\\);")
_UNESCAPE = re.compile(r"\\([nN,;:\\])")


def looks_like_vcard(text: str) -> bool:
    """Whether the text starts (after blank lines) with `BEGIN:VCARD`."""
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def _params(parts: list[str]) -> dict[str, set[str]]:
    """`TYPE=WORK,PREF;CHARSET=UTF-8` (3.0/4.0) and bare `WORK;QUOTED-PRINTABLE` (2.1)."""
    found: dict[str, set[str]] = {}
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep:
            key, value = "TYPE", key
            if value.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
                key = "ENCODING"
        values = {v.strip().strip('"').upper() for v in value.split(",")}
        found.setdefault(key.strip().upper(), set()).update(values)
    return found


def _decode_qp(value: str, charset: str) -> str:
    """A quoted-printable value in its CHARSET, else UTF-8, else Windows-1252. A CHARSET that
    names no text encoding (`UNDEFINED`, `base64`, a typo) is passed over like one that does
    not fit: the codec named `undefined` raises `UnicodeError` on purpose."""
    raw = quopri.decodestring(value.encode("latin-1", "replace"))
    for encoding in (charset, "utf-8", "cp1252"):
        try:
            if not codecs.lookup(encoding)._is_text_encoding:
                continue
            return raw.decode(encoding)
        except (UnicodeError, LookupError, ValueError):
            continue
    return raw.decode("latin-1")


def _logical_lines(lines: list[str]):
    """`(line number, property line)` with folding and quoted-printable soft breaks undone.
    Version 2.1 folds at a space of the value (kept); 3.0 and 4.0 insert one (dropped)."""
    current: list[str] = []
    start = 0
    qp = False
    keep_space = False
    for number, line in enumerate(lines, 1):
        if current and qp and current[-1].endswith("="):
            current[-1] = current[-1][:-1]
            current.append(line)
            continue
        if current and line[:1] in (" ", "\t"):
            current.append(line if keep_space else line[1:])
            continue
        if current:
            yield start, "".join(current)
        current, start = [line], number
        head, _, value = line.partition(":")
        head = head.upper()
        qp = "QUOTED-PRINTABLE" in head
        if head == "VERSION":
            keep_space = value.strip() == "2.1"
        elif head == "BEGIN":
            keep_space = False
    if current:
        yield start, "".join(current)


def _preferred(values: list[tuple[str, set[str]]]) -> list[str]:
    preferred = [v for v, types in values if "PREF" in types or any(t.isdigit() for t in types)]
    return preferred + [v for v, _ in values if v not in preferred]


def read_vcards(text: str) -> Collected:
    """The contacts of a vCard file (see the module's rules)."""
    if not looks_like_vcard(text):
        raise ImportFileError("not_vcard", "no BEGIN:VCARD at the start")
    cards: list[tuple[int, dict[str, str]]] = []
    skipped: list[SkippedRow] = []
    card: dict | None = None
    card_line = 0
    # split on line breaks only (str.splitlines also splits on U+2028, form feeds…)
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line, prop in _logical_lines(physical):
        name_part, sep, value = prop.partition(":")
        if not sep:
            continue
        parts = name_part.split(";")
        name = parts[0].rsplit(".", 1)[-1].strip().upper()     # drop "item1." groups
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                skipped.append(SkippedRow(card_line, "broken_card", "no END:VCARD"))
            card, card_line = {"emails": [], "phones": [], "urls": []}, line
            continue
        if card is None:
            continue
        if name == "END":
            cards.append((card_line, _finish(card)))
            card = None
            continue
        params = _params(parts[1:])
        encoding = params.get("ENCODING", set())
        if encoding & {"B", "BASE64"}:
            continue                                          # photos, keys
        if "QUOTED-PRINTABLE" in encoding:
            charset = next(iter(params.get("CHARSET", {"UTF-8"})))
            value = _decode_qp(value, charset)
        _store(card, name, value, params)
    if card is not None:
        skipped.append(SkippedRow(card_line, "broken_card", "no END:VCARD"))
    fields = {name: [c.get(name, "") for _, c in cards] for name in RAW_FIELDS}
    return collect([line for line, _ in cards], fields, day_first=True, skipped=skipped)


def _store(card: dict, name: str, value: str, params: dict[str, set[str]]) -> None:
    types = params.get("TYPE", set()) | params.get("PREF", set())
    if name == "FN":
        card["full_name"] = _unescape(value)
    elif name == "N":
        parts = [_unescape(p) for p in _SPLIT.split(value)] + [""] * 5
        card.update(last_name=parts[0], first_name=parts[1], middle_name=parts[2])
    elif name == "EMAIL":
        card["emails"].append((_unescape(value), types))
    elif name == "TEL":
        card["phones"].append((_unescape(value).removeprefix("tel:"), types))
    elif name == "URL" or name == "X-SOCIALPROFILE":
        card["urls"].append((_unescape(value), types))
    elif name == "ORG":
        card["organisation"] = _unescape(_SPLIT.split(value)[0])
    elif name == "TITLE" or name == "ROLE" and "position" not in card:
        card["position"] = _unescape(value)
    elif name == "BDAY":
        card["birthday"] = value
    elif name == "NOTE":
        card["notes"] = _unescape(value)


def _finish(card: dict) -> dict[str, str]:
    emails = _preferred(card.pop("emails"))
    phones = _preferred(card.pop("phones"))
    urls = _preferred(card.pop("urls"))
    linkedin = [u for u in urls if "linkedin." in u.casefold()]
    fields = {k: v for k, v in card.items() if isinstance(v, str)}
    fields["email"] = emails[0] if emails else ""
    fields["phone"] = phones[0] if phones else ""
    fields["profile_url"] = (linkedin or urls or [""])[0]
    return fields
