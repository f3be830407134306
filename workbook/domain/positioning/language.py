"""Word knowledge the focus checker borrows: lemmas and how common a word is.

- Lemmas from `simplemma` (MIT; pure Python dictionaries for FR and EN): "recrute" and
  "recrutement", "hospital" and "hospitals" meet on a common form.
- Word frequency from `wordfreq` (code Apache-2.0, data CC-BY-SA 4.0), on the Zipf scale
  (log10 of occurrences per billion words: "team" 5.7, "franchise" 4.1, "oncology" 3.4). A
  focused statement uses rare, domain words; a vague one the everyday words of every profile.

Both load their data on first use (about 0.5 s a language); `warm_up` lets a page pay that
once while it builds, so no keystroke waits for it. Results are cached per word.
"""

from __future__ import annotations

import functools
import math

from workbook.domain.names import strip_accents

LANGUAGES = ("fr", "en")
# Below this Zipf frequency a word counts as rare: fewer than ~30 uses per million words
# ("franchise" 4.3, "oncology" 3.4; "team" 5.7, "opportunity" 5.0, "impact" 4.9).
RARE_ZIPF = 4.5


@functools.cache
def _frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict  # on first use: pages that never check a text skip it

    return get_frequency_dict(lang, wordlist="small")


@functools.lru_cache(maxsize=50_000)
def lemma(word: str, lang: str | tuple[str, ...]) -> str:
    """The dictionary form of a lower-case `word` in `lang` (or the first of several languages
    that knows it), folded (no accents): "réduis" -> "reduire", "hospitals" -> "hospital";
    the word itself (folded) when unknown."""
    import simplemma  # on first use; its dictionaries load per language

    return strip_accents(simplemma.lemmatize(word, lang=lang))


def _zipf(word: str, lang: str) -> float:
    frequency = _frequencies(lang).get(word, 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


@functools.lru_cache(maxsize=50_000)
def zipf(word: str, lang: str) -> float:
    """How common a lower-case `word` is (Zipf scale), in `lang` or, for a borrowed word, the
    other language ("team player" in a French text); inflected forms count as their
    lemma ("motivées" as "motivé"). 0 for a word neither list knows (rare)."""
    import simplemma

    other = "en" if lang == "fr" else "fr"
    base = simplemma.lemmatize(word, lang=lang)
    return max(_zipf(word, lang), _zipf(base, lang), _zipf(word, other))


_warm: set[str] = set()


def warm_up(lang: str) -> None:
    """Load now, not on the first keystroke, what analysing a statement in `lang` needs: its
    dictionary of lemmas and both frequency lists (about 0.5 s)."""
    lemma("recrute", lang)
    for each in LANGUAGES:
        _frequencies(each)
    _warm.add(lang)


def is_warm(lang: str) -> bool:
    """Whether `warm_up(lang)` has run in this process (the first analysis will not wait)."""
    return lang in _warm
