"""Proof: what backs a key point — a figure, a named organisation or place, a dated example,
a case.

SOURCE: the method, step 3 (DESIGN.md) — no fluff; media training — a claim without proof is
not quoted, a figure is; "everyone in the trade says so" is not a source.

A capital letter alone is not a name: "I", a sentence's first word, a job title written in
capitals ("les DRH avec qui je travaille") are not sources. Hearsay ("every manager I have
worked with says so", "les clients me le disent") is no proof unless it brings a figure. A
proof that points back to an earlier one ("Same study", "Même enquête") is as good as it.
"""

from __future__ import annotations

import functools
import re

from workbook.domain.press.hedging import QUANTITY_WORDS
from workbook.domain.press.words import (
    fold_same_length,
    frequency,
    has_figure,
    in_dictionary,
    other,
    tokens,
)

EXAMPLE = re.compile(r"(?<![\w-])(?:par exemple|exemple|ex(?=\.)|comme chez|for example|"
                     r"for instance|example|e\.g|such as|case study|like at|"
                     r"(?:cas|case)(?=\s*:))(?![\w-])")
NUMBER_WORDS = QUANTITY_WORDS - {"un", "une", "a", "an", "tous", "toutes", "tout", "toute",
                                 "jamais", "toujours", "rien", "aucun", "aucune", "personne",
                                 "chaque", "all", "every", "each", "never", "always", "none",
                                 "nothing", "nobody", "entire", "whole", "fully", "entier",
                                 "entiere"} | {"doubled", "tripled", "halved", "fortnight",
                                               "decade", "decennie", "dozen", "douzaine"}
# Job titles and groups written in capitals: not a source.
TITLES = frozenset({"DRH", "RH", "HR", "PDG", "DG", "CEO", "CFO", "CTO", "COO", "DAF", "DSI",
                    "PME", "TPE", "SME", "SMES", "PMES", "GP", "GPS", "MP", "MPS"})
NAMELESS = frozenset({"i", "je", "j"})
HEARSAY = re.compile(
    r"(?<![\w-])(?:says? so|said so|tells? (?:me|us)|told (?:me|us)|(?:hear|hears|heard) it|"
    r"everyone knows|everybody knows|ask anyone|all agree|tout le monde|me le disent|"
    r"nous le disent|me l'ont dit|le confirment|le remarquent|le voient|le constate|"
    r"je constate|je le vois|i see it|we see it|in my experience|mon experience|"
    r"on le sait|c'est connu|bien connu|well known|common knowledge)(?![\w-])")
BACK_REFERENCE = re.compile(r"^\W*(?:same|meme|memes|ibid|idem|see above|voir plus haut)\b")


def _named(text: str, lang: str) -> bool:
    """A named organisation, place or person: a capital inside a sentence that is not "I" or
    a job title; a first word that no dictionary knows ("Ofwat, 2024")."""
    for token in tokens(text):
        if not token.capitalised or token.folded in NAMELESS:
            continue
        if token.all_caps and token.text.upper().rstrip("S") in TITLES | {
                t.rstrip("S") for t in TITLES}:
            continue
        if not token.opens_sentence:
            return True
        lower = token.lower
        if token.all_caps or (not in_dictionary(lower, lang) and frequency(lower, lang) < 3
                              and frequency(lower, other(lang)) < 3):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def has_evidence(text: str, lang: str = "fr") -> bool:
    """A figure, a named organisation or place, or an example marker — and not hearsay
    without a figure."""
    folded = fold_same_length(text)
    figure = has_figure(text) or any(t.folded in NUMBER_WORDS for t in tokens(text))
    if HEARSAY.search(folded) and not figure:
        return False
    return figure or bool(EXAMPLE.search(folded)) or _named(text, lang)


def refers_back(text: str) -> bool:
    """"Same study", "Même enquête": the proof is an earlier point's."""
    return bool(BACK_REFERENCE.search(fold_same_length(text)))
