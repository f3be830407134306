"""What the sheet rules read in a text: words with their place, lemma and rarity; names,
figures and sentence openings.

Word knowledge comes from the libraries the focus checker already uses
(`workbook.domain.positioning.language`): `simplemma` (MIT) for lemmas and for whether a word
is in the language's dictionary at all, `wordfreq` (code Apache-2.0, data CC-BY-SA 4.0) for
how common a word is, on the Zipf scale (log10 of uses per billion words; its "small" lists
stop near 3, so a word below 3 is not in them). Both load on first use (about 0.5 s a
language, paid while the page builds); answers are cached per word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from workbook.domain.names import fold
from workbook.domain.positioning.language import lemma

# Sentence ends and openers: a capital after them is not a name's.
SENTENCE_OPENERS = frozenset(".!?…:;\n«\"“(")
# Apostrophes split words ("l'URSSAF", "I'd"); hyphens join them ("world-class").
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_FIGURE = re.compile(r"\d|[%€$£]")


@dataclass(frozen=True)
class Token:
    """One word of a text: as written, folded (lower case, no accents), where it is, and
    whether it opens a sentence."""

    text: str
    folded: str
    start: int
    end: int
    opens_sentence: bool
    lower: str = ""             # lower case with its accents (what the lemma lists expect)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


class _FoldTable(dict):
    """`str.translate` table folding one character to one, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char) if char.strip() else char
        self[code] = folded[0] if len(folded) == 1 else char.lower()
        return self[code]


_FOLD = _FoldTable({ord("’"): "'"})


@functools.lru_cache(maxsize=1024)
def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one (positions stay valid)."""
    return text.translate(_FOLD)


def opens_sentence(text: str, start: int) -> bool:
    """The word at `start` opens the text or a sentence (its capital is not a name's)."""
    before = text[max(0, start - 12):start].rstrip(" \t\u00a0")
    return not before or before[-1] in SENTENCE_OPENERS


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of `text`, in order (a sheet's fields are checked at every keystroke: the
    split is cached per text)."""
    folded = fold_same_length(text)
    return tuple(Token(m.group(0), folded[m.start():m.end()], m.start(), m.end(),
                       opens_sentence(text, m.start()), m.group(0).lower())
                 for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=1024)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text` (split after . ! ? ; and line breaks)."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?;…]+(?=\s|$)|\n+", text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(s for s in spans if text[s[0]:s[1]].strip())


def has_figure(text: str) -> bool:
    return bool(_FIGURE.search(text))


@functools.lru_cache(maxsize=50_000)
def lemma_of(word: str, lang: str) -> str:
    """The folded dictionary form of a lower-case word ("semblerait" -> "sembler"); each part of
    a hyphenated word on its own ("sous-traitants" -> "sous-traitant")."""
    if "-" in word:
        return "-".join(lemma(part, lang) for part in word.split("-"))
    return lemma(word, lang)


@functools.cache
def _frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict  # the same cached list the focus checker loads

    return get_frequency_dict(lang, wordlist="small")


@functools.lru_cache(maxsize=50_000)
def frequency(word: str, lang: str) -> float:
    """How common a lower-case word is in `lang` alone (Zipf scale; 0 below the small list,
    i.e. under about 1 use per million words), as written or as its lemma."""
    import math

    import simplemma

    table = _frequencies(lang)
    best = max(table.get(word, 0.0), table.get(simplemma.lemmatize(word, lang=lang), 0.0))
    return round(math.log10(best) + 9, 2) if best > 0 else 0.0


@functools.lru_cache(maxsize=50_000)
def in_dictionary(word: str, lang: str) -> bool:
    """Whether `simplemma`'s dictionary of `lang` knows a lower-case word (any form)."""
    import simplemma

    return simplemma.is_known(word, lang=lang) or simplemma.lemmatize(word, lang=lang) != word


@functools.cache
def _common_folded(lang: str) -> tuple[str, ...]:
    """The language's common words (Zipf ≥ 3.5), folded and sorted, to look up families."""
    return tuple(sorted({fold(w) for w, f in _frequencies(lang).items() if f >= 10 ** -5.5}))


@functools.lru_cache(maxsize=10_000)
def common_family(word: str, lang: str, prefix: int = 7) -> bool:
    """A long word whose first `prefix` letters start a common word: a plain derivation
    ("logisticien" from "logistique"), not jargon."""
    import bisect

    folded = fold(word)
    if len(folded) < prefix + 1:
        return False
    words = _common_folded(lang)
    stem = folded[:prefix]
    at = bisect.bisect_left(words, stem)
    return at < len(words) and words[at].startswith(stem)


def other(lang: str) -> str:
    return "en" if lang == "fr" else "fr"
