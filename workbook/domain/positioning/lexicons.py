"""The lexicons of both languages, compiled into patterns over folded text.

Both languages are searched whatever the page language: French statements often carry English
buzzwords ("leader", "best practices") and the reverse. The words themselves are data, in
`lexicon_fr` and `lexicon_en`, with their sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbook.domain.names import fold
from workbook.domain.positioning import lexicon_en, lexicon_fr

LEXICONS = {"fr": lexicon_fr, "en": lexicon_en}


def _by_language(name: str) -> dict[str, tuple[str, ...]]:
    return {lang: getattr(module, name) for lang, module in LEXICONS.items()}


VAGUE_WORDS = _by_language("VAGUE_WORDS")
BUZZWORDS = _by_language("BUZZWORDS")
DELIVERABLE_VERBS = _by_language("DELIVERABLE_VERBS")
AUDIENCE_NOUNS = _by_language("AUDIENCE_NOUNS")
SECTORS = _by_language("SECTORS")
FUNCTIONS = _by_language("FUNCTIONS")
STOPWORDS = _by_language("STOPWORDS")
NUMBER_WORDS = {fold(word): digits for module in LEXICONS.values()
                for word, digits in module.NUMBER_WORDS.items()}
# Number words that make a figure ("deux", "half"; not "un"/"one", which are mostly articles).
FIGURE_WORDS = frozenset({word for word, digits in NUMBER_WORDS.items() if digits != "1"}
                         | {fold(word) for module in LEXICONS.values()
                            for word in module.FIGURE_WORDS})


def lexicon_regex(entries: Iterable[str]) -> re.Pattern:
    """One pattern over folded text matching any entry as whole words; an entry ending in "*"
    matches any ending, and any run of non-word characters matches between the words of an
    entry ("touche-à-tout" = "touche a tout")."""
    patterns = set()
    for entry in entries:
        prefix = entry.endswith("*")
        words = fold(entry.rstrip("*")).split()
        if not words:
            continue
        patterns.add(r"\W+".join(map(re.escape, words)) + (r"\w*" if prefix else ""))
    alternatives = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def both_languages(lexicon: dict[str, tuple[str, ...]]) -> re.Pattern:
    return lexicon_regex(word for words in lexicon.values() for word in words)


VAGUE = both_languages(VAGUE_WORDS)
BUZZ = both_languages(BUZZWORDS)
DELIVER = both_languages(DELIVERABLE_VERBS)
AUDIENCE = both_languages(AUDIENCE_NOUNS)
SECTOR = both_languages(SECTORS)
FUNCTION = both_languages(FUNCTIONS)
