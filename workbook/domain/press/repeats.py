"""Repeated points: two key points that say the same thing in other words.

SOURCE: media training — three distinct messages; a point that repeats another wastes one of
the three places a journalist keeps.

Each point's message is reduced to its ideas: content words by lemma ("ramoner" and
"ramonage" by their family), words swapped for one another by group (`related.py`: "crime"
and "offences", "bus" and "coach"), and quantities that say the same ("four weeks" and "a
month", "24 hours" and "a day", "40 %" and "près de la moitié", "sept sur dix" and "la
plupart", "twice a year" and "à deux reprises chaque année"). Rare words weigh more than
common ones (Zipf frequency). Two points repeat when the ideas they share weigh at least
`REPEAT_SHARE` of the lighter point's and they share two ideas or more.

A small word-vector model could score meaning too; the only one installable here as a package
(spaCy's French "md" pipeline: 46 MB, LGPL-LR, French only, spaCy itself to install) is not
permissively licensed and has no English twin, so this rule reads groups and quantities.
"""

from __future__ import annotations

import functools
import re

from workbook.domain.press.related import PHRASES, RELATED
from workbook.domain.press.words import fold_same_length, frequency, lemma_of, tokens

REPEAT_SHARE = 0.5
QUANTITY_WEIGHT = 2.5
FAMILY = 5                       # "ramonage" and "ramoner" share "ramon"
SKIPPED = frozenset({
    "etre", "avoir", "faire", "aller", "pouvoir", "devoir", "falloir", "mettre", "donner",
    "prendre", "permettre", "rendre", "be", "have", "do", "make", "get", "go", "say", "will",
    "would", "can", "could", "may", "might", "should", "must", "let", "allow", "enable",
    "take", "give", "put", "le", "la", "les", "un", "une", "des", "de", "du", "d", "l", "et",
    "ou", "en", "dans", "pour", "par", "sur", "avec", "que", "qui", "ce", "ces", "se", "sa",
    "son", "ses", "nos", "notre", "vos", "votre", "leur", "leurs", "il", "elle", "on",
    "nous", "vous", "ils", "elles", "pas", "ne", "n", "y", "a", "au", "aux", "c", "s", "qu",
    "j", "m", "t", "the", "an", "and", "or", "of", "to", "in", "for", "with", "it", "its",
    "that", "this", "these", "those", "we", "you", "our", "your", "by", "at", "as", "from",
    "not", "than", "their", "they", "them", "who", "which", "what", "when", "into",
    "up", "out", "no", "so", "if", "all", "each", "every", "chaque", "tout", "tous", "toute",
    "toutes", "ca", "cela", "there", "then", "also", "aussi", "tres", "very", "just",
    "only", "seulement", "meme", "same", "sans", "without", "contre", "against", "apres",
    "after", "avant",
    "before"})

# ------------------------------------------------------------------ quantities
NUMBERS = {
    "un": 1, "une": 1, "one": 1, "a": 1, "an": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8,
    "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "onze": 11, "eleven": 11,
    "douze": 12, "twelve": 12, "quinze": 15, "fifteen": 15, "vingt": 20, "twenty": 20,
    "trente": 30, "thirty": 30, "quarante": 40, "forty": 40, "cinquante": 50, "fifty": 50,
    "cent": 100, "hundred": 100, "mille": 1000, "thousand": 1000}
DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "heure": 1 / 24, "h": 1 / 24, "hour": 1 / 24,
        "hr": 1 / 24, "jour": 1, "journee": 1, "day": 1, "semaine": 7, "week": 7,
        "quinzaine": 14, "fortnight": 14, "mois": 30, "month": 30, "trimestre": 91,
        "quarter": 91, "semestre": 182, "an": 365, "annee": 365, "year": 365, "decennie": 3650,
        "decade": 3650}
SHARES = ((r"(?:les |the )?(?:deux tiers|two thirds|two-thirds)", 2 / 3),
          (r"(?:trois quarts|three quarters|three-quarters)", 0.75),
          (r"(?:la |the )?(?:moitie|half|halve[sd]?|divis\w* par deux)", 0.5),
          (r"(?:un |le |d'un |a |one )?(?:tiers|third)", 1 / 3),
          (r"(?:un |le |d'un |a |one )?(?:quart|quarter)(?! d'heure| of an hour)", 0.25),
          (r"(?:(?:la |une )?(?:grande|large|vaste|ecrasante) majorite|(?:the |a )?(?:vast|"
           r"great|large|overwhelming) majority)", 0.8),
          (r"(?:la plupart|most|the majority|la majorite)", 0.7))
_NUM = r"(\d+(?:[  ,.]\d{3})*(?:[.,]\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) \
    + r")"
_UNIT = "|".join(sorted(DAYS, key=len, reverse=True))
_RATE = re.compile(rf"(?<![\w-]){_NUM}\s*(?:fois|reprises|times)\s+(?:par|per|a|an|chaque|"
                   rf"each|every)\s+({_UNIT})s?(?![\w-])|(?<![\w-])(twice|thrice)\s+(?:a|an|"
                   rf"per|every|each)\s+({_UNIT})(?![\w-])")
_DURATION = re.compile(rf"(?<![\w-]){_NUM}\s*({_UNIT})s?(?![\w-])")
_OUT_OF = re.compile(rf"(?<![\w-]){_NUM}(?:\s+[\w'-]+){{0,4}}?\s+(?:sur|in|out of)\s+{_NUM}"
                     r"(?![\w-])")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|pour ?cent|per ?cent)")
_SHARE = [(re.compile(r"(?<![\w-])" + pattern + r"(?![\w-])"), value)
          for pattern, value in SHARES]
_TIMES = re.compile(rf"(?<![\w-])(?:{_NUM}\s*fois|{_NUM}\s*times|(twice|double[sd]?|doubler|"
                    r"triple[sd]?|tripler))(?![\w-])")


_FEWER_TIMES = re.compile(rf"(?<![\w-]){_NUM}\s*fois moins(?![\w-])")


def _number(text: str) -> float:
    if text in NUMBERS:
        return NUMBERS[text]
    text = re.sub(r"[  ]|,(?=\d{3}\b)", "", text).replace(",", ".")
    return float(text)


def quantities(text: str) -> tuple[list[tuple[str, float]], list[tuple[int, int]], list[str]]:
    """The quantities a text states, as (kind, value) — "time" in days, "share" as a
    fraction, "rate" per day, "times" a multiplier — where they are, and the units of its
    durations ("an" in "un an", which is also the idea of a year)."""
    folded = fold_same_length(text)
    found, spans, units = [], [], []

    def keep(kind: str, value: float, span: tuple[int, int]) -> None:
        if not any(s <= span[0] < e for s, e in spans):
            found.append((kind, value))
            spans.append(span)

    for m in _RATE.finditer(folded):
        count = _number(m.group(1)) if m.group(1) else {"twice": 2, "thrice": 3}[m.group(3)]
        keep("rate", count / DAYS[m.group(2) or m.group(4)], m.span())
    for m in _PERCENT.finditer(folded):
        keep("share", _number(m.group(1)) / 100, m.span())
    for m in _OUT_OF.finditer(folded):
        part, whole = _number(m.group(1)), _number(m.group(2))
        if 0 < part < whole:
            keep("share", part / whole, m.span())
    for m in _DURATION.finditer(folded):
        keep("time", _number(m.group(1)) * DAYS[m.group(2)], m.span())
        units.append(m.group(2))
    for pattern, value in _SHARE:
        for m in pattern.finditer(folded):
            keep("share", value, m.span())
    for m in _FEWER_TIMES.finditer(folded):    # "deux fois moins": half as much
        keep("share", 1 / _number(m.group(1)), m.span())
    for m in _TIMES.finditer(folded):
        word = m.group(3)
        value = _number(m.group(1) or m.group(2)) if not word else (
            3 if word.startswith("tripl") else 2)
        keep("times", value, m.span())
    return found, spans, units


def same_quantity(a: tuple[str, float], b: tuple[str, float]) -> bool:
    """Two quantities that say the same: four weeks and a month, 40 % and about half."""
    if a[0] != b[0]:
        return False
    if a[0] == "share":
        return abs(a[1] - b[1]) <= 0.12
    low, high = sorted((a[1], b[1]))
    return low > 0 and high / low <= 1.15


# ------------------------------------------------------------------ ideas
@functools.lru_cache(maxsize=256)
def ideas(text: str, lang: str) -> tuple[dict[str, float], list[tuple[str, float]]]:
    """A message's ideas with their weights (rare words weigh more), and its quantities."""
    found, spans, units = quantities(text)
    folded = fold_same_length(text)
    weights: dict[str, float] = {RELATED[lang][u]: 1.0 for u in units if u in RELATED[lang]}
    for pattern, group in PHRASES[lang]:
        for m in re.finditer(pattern, folded):
            weights[group] = 1.5
            spans.append(m.span())
    for token in tokens(text):
        if any(s <= token.start < e for s, e in spans) or token.folded in SKIPPED or \
                token.folded.isdigit() or token.folded in NUMBERS:
            continue
        lemma = lemma_of(token.lower, lang)
        if lemma in SKIPPED:
            continue
        idea = RELATED[lang].get(lemma) or RELATED[lang].get(token.folded) or "~" + lemma
        weight = 1 + max(0.0, 5.5 - frequency(token.lower, lang)) / 1.5
        weights[idea] = max(weights.get(idea, 0.0), weight)
    return weights, tuple(found)


def _same_family(a: str, b: str) -> bool:
    """Two lemmas of one family: "toit" and "toiture", "ramoner" and "ramonage"."""
    if not (a.startswith("~") and b.startswith("~")):
        return False
    a, b = a[1:], b[1:]
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short[:FAMILY])


def overlap(a: tuple[dict[str, float], tuple], b: tuple[dict[str, float], tuple]) -> tuple[
        float, set[str]]:
    """The share of the lighter point's ideas the other one holds (by weight; 0 unless they
    share two ideas or more, a quantity counting as one), and the shared ideas."""
    (words_a, numbers_a), (words_b, numbers_b) = a, b
    shared: set[str] = set()
    pairs, weight = 0, 0.0
    for idea, value in words_a.items():
        match = idea if idea in words_b else next(
            (other for other in words_b if _same_family(idea, other)), None)
        if match is not None:
            shared |= {idea, match}
            pairs += 1
            weight += min(value, words_b[match])
    same_number = any(same_quantity(x, y) for x in numbers_a for y in numbers_b)
    weight += QUANTITY_WEIGHT * same_number
    total = min(sum(words_a.values()) + QUANTITY_WEIGHT * bool(numbers_a),
                sum(words_b.values()) + QUANTITY_WEIGHT * bool(numbers_b))
    return (weight / total if total and pairs + same_number >= 2 else 0.0), shared


def repeats(earlier: str, later: str, lang: str) -> list[str] | None:
    """The words of `later` that repeat `earlier`, or None if it says something else."""
    a, b = ideas(earlier, lang), ideas(later, lang)
    share, shared = overlap(a, b)
    if share < REPEAT_SHARE:
        return None
    words = []
    for token in tokens(later):
        lemma = lemma_of(token.lower, lang)
        idea = RELATED[lang].get(lemma) or RELATED[lang].get(token.folded) or "~" + lemma
        if idea in shared and token.folded not in SKIPPED:
            words.append(token.text)
    return words
