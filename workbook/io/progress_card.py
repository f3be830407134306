"""Reading a progress card that comes from outside (a file, pasted text, a drop folder, or the
coach's own store): every field is untrusted input, checked for its type, range, length,
date and nesting before anything else sees it. A card that fails one check is refused with
one `CardError` whose detail names the field (`sections.network.total`); nothing of it is
kept. SOURCE: DESIGN.md "Who sees what" (everything from outside is validated field by
field, bounded in size, refused in one sentence).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from workbook.domain.positioning import CORE_PARTS
from workbook.domain.progress_card import (
    BEGIN,
    END,
    FORMAT,
    MAX_CARD_BYTES,
    MAX_COUNT,
    MAX_DEPTH,
    MAX_NAME,
    MAX_NAMES,
    MAX_TEXT,
    MAX_WEEKS,
    PRESS_LEVELS,
    SECTIONS,
    VERSION,
    CardError,
    ProgressCard,
)

_MARKED = re.compile(re.escape(BEGIN) + r"(.*?)(" + re.escape(END) + r"|$)", re.S)
_CARD_ID = re.compile(r"^[A-Za-z0-9]{1,64}$")
_GROUP = re.compile(r"^([a-z0-9][a-z0-9-]{0,59})?$")
_CODE = re.compile(r"^[a-z_]{1,40}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TOP = {"format", "version", "card_id", "participant", "group", "created", "sections",
        "checksum"}
EARLIEST = dt.date(2000, 1, 1)


def read_card(data: bytes | str, today: dt.date | None = None) -> ProgressCard:
    """A card from a file's bytes or its pasted text (other text around the marker lines is
    ignored); raises `CardError` with one code: empty, too_large, truncated (cut short or not
    a card at all), foreign (another program's JSON), too_new (a newer workbook's format),
    too_deep, tampered (changed after it was made), bad_field (a field no workbook writes:
    wrong type, out of range, too long, a date in the future…)."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="replace")
    if len(data) > MAX_CARD_BYTES:
        raise CardError("too_large", len(data))
    text = data.decode("utf-8", errors="replace").strip()
    if not text:
        raise CardError("empty")
    if BEGIN in text:
        match = _MARKED.search(text)
        if not match[2]:
            raise CardError("truncated", "end marker missing")
        try:
            data = base64.b64decode("".join(match[1].split()), validate=True)
        except (binascii.Error, ValueError):
            raise CardError("truncated", "base64") from None
    payload = _parse(data)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CardError("foreign")
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CardError("foreign", "version")
    if version > VERSION:
        raise CardError("too_new", version)
    if version < 1:
        raise CardError("bad_field", "version")
    if _depth(payload) > MAX_DEPTH:
        raise CardError("too_deep")
    claimed = payload.pop("checksum", None)
    if not isinstance(claimed, str) or claimed != hashlib.sha256(_canonical(payload)) \
            .hexdigest():
        raise CardError("tampered")
    return validated(payload, today or dt.date.today())


def _refuse_constant(name: str) -> float:
    raise ValueError(name)


def _parse(data: bytes) -> Any:
    """JSON with `Infinity` and `NaN` refused and nesting bounded (a deep list would
    otherwise exhaust the parser's recursion)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CardError("truncated", "utf-8") from None
    if _bracket_depth(text) > MAX_DEPTH + 2:
        raise CardError("too_deep")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError:
        raise CardError("truncated", "json") from None
    except (ValueError, RecursionError):      # NaN/Infinity, an integer of 4,300+ digits
        raise CardError("bad_field", "number") from None


def _bracket_depth(text: str) -> int:
    """How deep `[` and `{` nest outside strings (a cheap bound before parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _depth(value: Any) -> int:
    stack, deepest = [(value, 1)], 0
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


# ----------------------------------------------------------------------- field checks

def _fail(path: str) -> CardError:
    return CardError("bad_field", path)


def _count(value: Any, path: str) -> int:
    """A whole number 0 ≤ n < MAX_COUNT (never a bool, a float, Infinity or a string)."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_COUNT:
        raise _fail(path)
    return value


def _text(value: Any, path: str, limit: int, required: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or _CONTROL.search(value) \
            or (required and not value.strip()):
        raise _fail(path)
    return value


def _object(value: Any, path: str, allowed: set[str] | frozenset[str] | tuple) -> dict:
    if not isinstance(value, dict):
        raise _fail(path)
    extra = set(value) - set(allowed)
    if extra:
        raise _fail(f"{path}.{sorted(extra)[0][:40]}")
    return value


def _date(value: Any, path: str, today: dt.date) -> str:
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 \
            else None
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= today + dt.timedelta(days=1):
        raise _fail(path)
    return value


def _counts_by_code(value: Any, path: str) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_NAMES:
        raise _fail(path)
    for key, number in value.items():
        if not _CODE.match(key):
            raise _fail(f"{path}.{key[:40]}")
        _count(number, f"{path}.{key}")
    return value


def _names(value: Any, path: str) -> list[str]:
    if not isinstance(value, list) or len(value) > MAX_NAMES:
        raise _fail(path)
    for index, name in enumerate(value):
        _text(name, f"{path}[{index}]", MAX_TEXT, required=True)
    return value


def _positioning(value: Any, path: str, _today: dt.date) -> dict:
    _object(value, path, {"one_liner", "focus_score", "core"})
    _text(value.get("one_liner"), f"{path}.one_liner", MAX_TEXT, required=True)
    score = value.get("focus_score")
    if score is not None and (not isinstance(score, int) or isinstance(score, bool)
                              or not 0 <= score <= 100):
        raise _fail(f"{path}.focus_score")
    core = _object(value.get("core", {}), f"{path}.core", CORE_PARTS)
    for part, text in core.items():
        _text(text, f"{path}.core.{part}", MAX_TEXT)
    return value


def _network(value: Any, path: str, _today: dt.date) -> dict:
    _object(value, path, {"total", "by_layer", "by_role"})
    _count(value.get("total"), f"{path}.total")
    _counts_by_code(value.get("by_layer", {}), f"{path}.by_layer")
    _counts_by_code(value.get("by_role", {}), f"{path}.by_role")
    return value


_WEEK_COUNTS = ("planned_maintain", "done_maintain", "planned_expand", "done_expand",
                "planned_new", "new_people")


def _routine(value: Any, path: str, today: dt.date) -> dict:
    _object(value, path, {"weeks"})
    weeks = value.get("weeks")
    if not isinstance(weeks, list) or len(weeks) > MAX_WEEKS:
        raise _fail(f"{path}.weeks")
    for index, week in enumerate(weeks):
        where = f"{path}.weeks[{index}]"
        _object(week, where, {"week", *_WEEK_COUNTS})
        _date(week.get("week"), f"{where}.week", today)
        for name in _WEEK_COUNTS:
            _count(week.get(name, 0), f"{where}.{name}")
    return value


_PRESS_COUNTS = ("journalists", "key_messages", "pitched", "called_back")


def _press(value: Any, path: str, _today: dt.date) -> dict:
    _object(value, path, {*_PRESS_COUNTS, "level"})
    for name in _PRESS_COUNTS:
        _count(value.get(name), f"{path}.{name}")
    if value.get("level") not in PRESS_LEVELS:
        raise _fail(f"{path}.level")
    return value


_SECTION_CHECKS: dict[str, Callable[[Any, str, dt.date], Any]] = {
    "positioning": _positioning, "network": _network, "routine": _routine, "press": _press,
    "targets": lambda v, p, _t: _names(v, p), "introductions": lambda v, p, _t: _names(v, p)}


def validated(payload: dict, today: dt.date) -> ProgressCard:
    """The card once every field passed its check (see the module's docstring)."""
    unknown = set(payload) - _TOP
    if unknown:
        raise _fail(sorted(unknown)[0][:40])
    card_id = payload.get("card_id")
    if not isinstance(card_id, str) or not _CARD_ID.match(card_id):
        raise _fail("card_id")
    participant = " ".join(_text(payload.get("participant"), "participant", 400,
                                 required=True).split())
    if len(participant) > MAX_NAME:
        raise _fail("participant")
    group = payload.get("group")
    if not isinstance(group, str) or not _GROUP.match(group):
        raise _fail("group")
    created = _date(payload.get("created"), "created", today)
    sections = payload.get("sections")
    if not isinstance(sections, dict):
        raise _fail("sections")
    for name, value in sections.items():
        if name not in _SECTION_CHECKS:
            raise _fail(f"sections.{name[:40]}")
        _SECTION_CHECKS[name](value, f"sections.{name}", today)
    ordered = {name: sections[name] for name in SECTIONS if name in sections}
    return ProgressCard(card_id, participant, group, created, ordered, payload["version"])
