"""The lexicons of both languages, compiled for the checker.

Word lists are searched in both languages whatever the page language: French statements often
carry English buzzwords ("leader", "team player") and the reverse. The words themselves are
data, in `lexicon_fr` and `lexicon_en`, with their sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbook.domain.names import fold
from workbook.domain.positioning import lexicon_en, lexicon_fr

LEXICONS = {"fr": lexicon_fr, "en": lexicon_en}


def _by_language(name: str) -> dict:
    return {lang: getattr(module, name) for lang, module in LEXICONS.items()}


def _union(name: str) -> frozenset[str]:
    return frozenset(fold(word) for module in LEXICONS.values() for word in getattr(module, name))


VAGUE_WORDS = _by_language("VAGUE_WORDS")
BUZZWORDS = _by_language("BUZZWORDS")
CLICHES = _by_language("CLICHES")
AUDIENCE_NOUNS = _by_language("AUDIENCE_NOUNS")
SECTORS = _by_language("SECTORS")
FUNCTIONS = _by_language("FUNCTIONS")
STOPWORDS = _by_language("STOPWORDS")
CLICHE_FAMILIES = tuple(lexicon_en.CLICHES)
NUMBER_WORDS = {fold(word): digits for module in LEXICONS.values()
                for word, digits in module.NUMBER_WORDS.items()}
# Number words that make a figure ("deux", "half"; not "un"/"one", which are mostly articles).
FIGURE_WORDS = frozenset({word for word, digits in NUMBER_WORDS.items() if digits != "1"}
                         | _union("FIGURE_WORDS"))

# Structure: folded word lists, by language.
PHRASE_SKIP = {lang: frozenset(m.PHRASE_SKIP) for lang, m in LEXICONS.items()}
PHRASE_END = {lang: frozenset(m.PHRASE_END) for lang, m in LEXICONS.items()}
GENERIC_NOUNS = _union("GENERIC_NOUNS")
NON_RESULT_VERBS = {lang: frozenset(m.NON_RESULT_VERBS) for lang, m in LEXICONS.items()}
RESULT_VERBS = {lang: frozenset(m.RESULT_VERBS) for lang, m in LEXICONS.items()}
RESULT_MARKERS = {lang: frozenset(m.RESULT_MARKERS) for lang, m in LEXICONS.items()}
AUDIENCE_CUES = {lang: tuple(sorted({tuple(fold(cue).split()) for cue in m.AUDIENCE_CUES},
                                    key=len, reverse=True))
                 for lang, m in LEXICONS.items()}


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
    alternatives = "|".join(sorted(patterns, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def both_languages(lexicon: dict[str, Iterable[str]]) -> re.Pattern:
    return lexicon_regex(word for words in lexicon.values() for word in words)


VAGUE = both_languages(VAGUE_WORDS)
BUZZ = both_languages(BUZZWORDS)
AUDIENCE = both_languages(AUDIENCE_NOUNS)
SECTOR = both_languages(SECTORS)
FUNCTION = both_languages(FUNCTIONS)
CLICHE = {family: lexicon_regex(word for lang in LEXICONS for word in CLICHES[lang][family])
          for family in CLICHE_FAMILIES}
RESULT_PHRASE = both_languages(_by_language("RESULT_PHRASES"))
EXPERIENCE = both_languages(_by_language("EXPERIENCE_PHRASES"))
