"""The analysed text: folded for matching, with the way back to the words as typed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbook.domain.names import fold, strip_accents_with_origin

TOKEN = re.compile(r"\w+|[/&,]")


class AnalysedText:
    """`raw` as typed and `norm`, its folded form (lower case, no accents); a match in `norm`
    is quoted back with `original`, as the user typed it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.norm, self._origin = strip_accents_with_origin(raw)

    def original(self, start: int, end: int) -> str:
        if self._origin is None:
            return self.raw[start:end]
        return self.raw[self._origin[start]:self._origin[end - 1] + 1]

    def matches(self, pattern: re.Pattern) -> list[re.Match]:
        return list(pattern.finditer(self.norm))


def distinct(words: Iterable[str], limit: int = 5) -> tuple[str, ...]:
    """The first `limit` words, each once whatever its case or accents, as first typed."""
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(fold(word), word)
    return tuple(seen.values())[:limit]
