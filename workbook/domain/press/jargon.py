"""Jargon: acronyms and words the outlet's readers would not know, unless the sheet explains
them.

SOURCE: media training — speak to the outlet's readers, not to your peers; the method,
step 3 — phrasings the public keeps.

Found:
- acronyms in any form: capitals ("MCO", "PGI"), a plural or a mixed case ("ETPs", "DSOs",
  "LAs", "DevOps"), with digits ("H2"), unless every reader of the country knows them
  ("SNCF", "CAF", "NHS", "GP": a short list, and any acronym frequent in the language that
  is not also a word — "ROI" in French is a king);
- words a general reader would not know: rare (below the Zipf 3 of the word lists),
  unknown to the language's dictionary, not two common words run together ("taproom") nor
  a derivation of a common word ("logisticien"): "zircone", "calage", "lineside"; or, in a
  French sheet, an English word French does not use ("backlog", "onboarding", "reporting");
- management jargon by lemma ("headcount", "deliverables", "stakeholders", "best
  practices", "lead time", "bandwidth").
Not jargon once explained anywhere in the sheet: in brackets ("TCO (coût total)", "coût
total (TCO)"), by apposition ("l'URSSAF, l'organisme qui collecte les cotisations",
"Ofwat, the water regulator"), or by a definition ("X means…", "X, c'est-à-dire…").
A name is not jargon ("Pedal Post", "Orkney"), nor a word opening a sentence (often one).
"""

from __future__ import annotations

import functools
import re

from workbook.domain.press.words import (
    Token,
    common_family,
    frequency,
    in_dictionary,
    lemma_of,
    other,
    tokens,
)

# Acronyms every reader of the country knows (in both languages' press).
COMMON_ACRONYMS = frozenset({
    "UE", "EU", "USA", "US", "UK", "TV", "PME", "TPE", "PDG", "CEO", "RH", "HR", "DRH", "OK",
    "PC", "SNCF", "RATP", "EDF", "ONU", "UN", "OMS", "WHO", "PIB", "GDP", "CO2", "TVA",
    "VAT", "CDI", "CDD", "CV", "SMIC", "RSA", "CAF", "CPAM", "SAMU", "CHU", "HLM", "EHPAD",
    "BTP", "TGV", "RER", "SMS", "GPS", "ADN", "DNA", "VIH", "HIV", "SIDA", "AIDS", "COVID",
    "OGM", "HT", "TTC", "NHS", "GP", "MP", "BBC", "ICU", "MBA", "PHD", "NGO", "ONG", "FAQ",
    "USB", "ATM", "PIN", "ID", "IT", "DIY", "LED", "MOT", "BAC", "BTS", "IUT", "INSEE",
    "KM", "KG", "KWH", "MW", "GW", "PS", "AM", "PM", "UFC", "SA", "SAS", "SARL", "LTD",
    "PLC", "II", "III", "IV", "XX", "XXI"})
COMMON_ZIPF = 3.5
JARGON = {
    "fr": ("scalable", "scalabilite", "best practices?", "lead time", "sourcing", "benchmark",
           "reporting", "process", "onboarding", "backlog", "roadmap", "feuille de route",
           "livrables?", "parties prenantes", "mutualiser", "mutualisation", "churn",
           "headcount", "lean", "kick-off", "workflow", "brief", "deadline", "staffing",
           "monitoring", "pipe", "pipeline", "use case", "quick wins?"),
    "en": ("scalable", "scalability", "best practices?", "lead time", "bandwidth", "paradigm",
           "deliverables?", "actionable", "onboarding", "offboarding", "stakeholders?",
           "headcount", "backlog", "throughput", "cycle time", "touchpoints?",
           "pain points?", "deep dive", "low-hanging fruit", "move the needle", "upskill",
           "backlog grooming", "headcount planning",
           "upskilling", "learnings", "workstreams?", "synergies", "ideation", "granular",
           "dead mileage", "value chain", "use case", "quick wins?", "run rate"),
}
# Longest first: "backlog grooming" before "backlog".
_JARGON = {lang: re.compile(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True))
                            + r")(?![\w-])") for lang, words in JARGON.items()}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6})(s?)(?![\w])|"
                      r"(?<![\w-])([A-Z][a-z]+[A-Z][A-Za-z]*)(?![\w])")
_DEFINED_BY = r"(?:\s*\(|\s*,\s*(?:c'est-a-dire|c'est|soit|i\.e\.|that is|meaning|which is|" \
              r"l'|la |le |les |un |une |the |a |an |our |notre |leur |their )|" \
              r"\s+(?:means|stands for|signifie|veut dire)\b)"


@functools.lru_cache(maxsize=1024)
def _explained(text: str, folded: str) -> frozenset[str]:
    """Words and acronyms the sheet explains (see the module): their folded forms."""
    found = {m.group(1).lower() for m in re.finditer(
        r"\(([A-Za-z][\w&-]{1,15})s?\)", text)}           # "coût total (TCO)"
    for match in re.finditer(r"([\w&-]{2,30})" + _DEFINED_BY, folded):
        found.add(match.group(1))
    return frozenset(found)


def known_acronym(acronym: str, lang: str) -> bool:
    """Every reader knows it: on the short list, or frequent in the language without being
    a word of its own."""
    upper = acronym.upper()
    if upper in COMMON_ACRONYMS or upper.rstrip("S") in COMMON_ACRONYMS:
        return True
    lower = acronym.lower()
    # Two letters collide with too many abbreviations ("PL", "pl." for "place"): listed only.
    return len(lower) >= 3 and frequency(lower, lang) >= COMMON_ZIPF and \
        not in_dictionary(lower, lang)


def _is_name(text: str, match_start: int, match_end: int) -> bool:
    """An acronym joined to a name ("UFC-Que Choisir", "Cars du Val") is part of it."""
    return text[match_end:match_end + 2].startswith("-") and text[match_end + 1:][:1].isupper()


def _rare_word(token: Token, lang: str) -> bool:
    """A word a general reader would not know (see the module)."""
    word = token.lower
    if not token.folded.replace("-", "").isalpha() or len(word) < 4:
        return False
    if frequency(word, lang) >= 3.0:
        return False
    parts = word.split("-")
    if all(in_dictionary(p, lang) or frequency(p, lang) >= 3.0 for p in parts) or \
            _compound_of_known(word, lang) or common_family(word, lang):
        return False
    # An English word in a French sheet is jargon; a word common in the other language is
    # not (a French word in an English sheet: "terroir"). Only word lists here: loading the
    # other language's dictionary would cost the page as much again.
    if lang == "fr" and frequency(word, "en") >= 3.0:
        return True
    return frequency(word, other(lang)) < 3.0


def _compound_of_known(word: str, lang: str) -> bool:
    """"brewhouse", "taproom": two common words written as one read as plainly as apart."""
    return any(frequency(word[:i], lang) >= 4.0 and frequency(word[i:], lang) >= 4.0
               for i in range(3, len(word) - 2))


@functools.lru_cache(maxsize=1024)
def jargon_words(text: str, folded: str, lang: str, explained: frozenset[str]) -> tuple[str, ...]:
    """The jargon of one field (as written), acronyms first, each once."""
    found: list[str] = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1) or match.group(3)
        if match.group(3) and frequency(acronym.lower(), lang) >= COMMON_ZIPF:
            continue                                 # "LinkedIn", "YouTube"
        if acronym.lower() in explained or known_acronym(acronym, lang) or \
                _is_name(text, match.start(), match.end()):
            continue
        found.append(match.group(0))
    for match in _JARGON[lang].finditer(folded):
        if match.group(0) not in explained:
            found.append(text[match.start():match.end()])
    for token in tokens(text):
        if token.capitalised or token.folded in explained or any(
                token.folded in f.lower() for f in found):
            continue
        if _rare_word(token, lang) and lemma_of(token.lower, lang) not in explained:
            found.append(token.text)
    seen: dict[str, str] = {}
    for word in found:
        seen.setdefault(word.lower(), word)
    return tuple(seen.values())


def explained_terms(texts: list[str], folded: list[str]) -> frozenset[str]:
    """Everything the sheet explains somewhere, folded."""
    return frozenset().union(*(_explained(t, f) for t, f in zip(texts, folded)))
