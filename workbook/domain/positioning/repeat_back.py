"""The repeat-back test: how much of the core a connector kept when rephrasing it.

SOURCE: the method, step 1 — a connector must be able to repeat your role, for whom you work
and what you deliver; if they cannot, they cannot recommend you.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from workbook.domain.names import fold
from workbook.domain.positioning import language
from workbook.domain.positioning.analysis import MAX_ANALYSED_CHARS, rule_language
from workbook.domain.positioning.lexicons import NUMBER_WORDS, STOPWORDS
from workbook.domain.positioning.statement import CORE_PARTS, Statement

# A part counts as lost when, on average, connectors kept less than half of its words.
LOST_THRESHOLD = 0.5
_STEM_LENGTH = 6
_IGNORED = STOPWORDS["fr"] | STOPWORDS["en"] | {
    "a", "un", "une", "de", "en", "il", "elle", "ils", "elles", "se", "sa", "son", "ses", "leur",
    "leurs", "est", "fait", "on", "as", "he", "she", "they", "his", "her", "their", "does", "it",
    "je", "moi", "me", "m", "s", "c", "n", "y", "ne", "pas", "not", "very", "tres", "chez"}


_WORD = re.compile(r"\w+")


def core_tokens(text: str, lang: str | None = None) -> frozenset[str]:
    """The content words of `text` as comparable stems: function words dropped, number words
    turned into digits ("cinq" = "5"), each word turned into its lemma (`language.lemma`:
    "livrons" = "livré" = "livrer", "hired" = "hires" = "hire") in `lang`, or French then
    English when no language is given; folded, plural "s"/"x" dropped, then cut to their
    first six letters ("recrute" ~ "recrutement", "contrôleuse" ~ "contrôleur")."""
    langs = (rule_language(lang),) if lang else language.LANGUAGES
    stems = set()
    for word in _WORD.findall(text[:MAX_ANALYSED_CHARS].lower()):
        token = fold(word)
        token = NUMBER_WORDS.get(token, token)
        if token in _IGNORED or (len(token) < 2 and not token.isdigit()):
            continue
        if not token.isdigit():
            token = language.lemma(word, langs)
        if len(token) > 3 and token[-1] in "sx":
            token = token[:-1]
        stems.add(token[:_STEM_LENGTH])
    return frozenset(stems)


def retention(part_text: str, rephrasing: str, lang: str | None = None) -> float | None:
    """Share (0–1) of a core part's content words found in a connector's rephrasing; None when
    the part is blank (nothing to measure).

    Measure: |stems(part) ∩ stems(rephrasing)| / |stems(part)| on lemmas (see
    `core_tokens`), so another form of the same word counts as kept ("recrute" for
    "recrutement", "hospital" for "hospitals"). Limits: synonyms and acronyms are not
    recognised ("DAF" vs "directeur financier" counts as lost), word order and negation are
    ignored, two words sharing their first six letters count as the same, and a rephrasing
    that recites every word scores full marks even if it garbles the meaning. It is a
    coaching signal, not a judgement: read the rephrasings themselves.
    """
    wanted = core_tokens(part_text, lang)
    if not wanted:
        return None
    return len(wanted & core_tokens(rephrasing, lang)) / len(wanted)


@dataclass(frozen=True)
class RepeatBack:
    """One connector's rephrasing of the specialty, and what it kept of each core part."""

    connector: str
    rephrasing: str
    kept: dict[str, float | None] = field(hash=False)

    @property
    def overall(self) -> float | None:
        measured = [v for v in self.kept.values() if v is not None]
        return sum(measured) / len(measured) if measured else None


@dataclass(frozen=True)
class RepeatBackSummary:
    """Every connector's result, the average per core part and overall, and the part that gets
    lost (lowest average, below `LOST_THRESHOLD`), or None when nothing is lost."""

    results: tuple[RepeatBack, ...]
    mean_by_part: dict[str, float | None] = field(hash=False)
    overall: float | None
    lost_part: str | None


def repeat_back_summary(statement: Statement, rephrasings: Sequence[tuple[str, str]],
                        lang: str | None = None) -> RepeatBackSummary:
    """Measure how much of the core (role, audience, deliverable) several connectors kept
    when they rephrased the specialty. `rephrasings` are (connector name, their words);
    `lang` the statement's language when known. See `retention` for the measure and its
    limits."""
    results = tuple(
        RepeatBack(name, words, {part: retention(getattr(statement, part), words, lang)
                                 for part in CORE_PARTS})
        for name, words in rephrasings)
    mean_by_part: dict[str, float | None] = {}
    for part in CORE_PARTS:
        values = [r.kept[part] for r in results if r.kept[part] is not None]
        mean_by_part[part] = sum(values) / len(values) if values else None
    measured = {p: v for p, v in mean_by_part.items() if v is not None}
    overall = sum(measured.values()) / len(measured) if measured else None
    lost = min(measured, key=measured.get) if measured else None
    if lost is not None and measured[lost] >= LOST_THRESHOLD:
        lost = None
    return RepeatBackSummary(results, mean_by_part, overall, lost)
