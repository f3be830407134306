"""Topic sheets ("message house"): one umbrella message and at most three key points, each
with a proof and one or two quotable lines — and the checker that says what a journalist
could not use.

SOURCE: the method, step 3 (docs/architecture.md) — journalists quote the first experts who call
back; take 10–15 minutes to write three key points and impactful phrasings (that is what gets
quoted); no fluff ("guimauve"). Media-training norms: three messages, each ≤ 10–15 words;
the main message said in ≤ 20 seconds; an evening-news quote lasts about 7 seconds.

Pure: text in, `Finding`s out (a stable code, where, and the words at fault). The page and
the command translate codes through `press.finding.<code>.why/.fix`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbook.domain.names import fold

MAX_POINTS = 3
POINT_MAX_WORDS = 15
WORDS_PER_SECOND = 2.5          # 150 words a minute, a calm interview pace
QUOTE_MAX_SECONDS = 8           # a broadcast quote lasts ~7 s
QUOTE_MAX_WORDS = int(QUOTE_MAX_SECONDS * WORDS_PER_SECOND)       # 20
UMBRELLA_MAX_SECONDS = 20
UMBRELLA_MAX_WORDS = int(UMBRELLA_MAX_SECONDS * WORDS_PER_SECOND)  # 50
MAX_ANALYSED_CHARS = 2000       # per field: a 20,000-character paste is cut, and said so
REPEAT_OVERLAP = 0.6
STEM = 5                        # "stocker" and "stockant" share "stock"
MAX_WORDS_SHOWN = 5

# Every code the checker can return, in the order the page lists them.
FINDING_CODES = ("empty", "no_umbrella", "no_points", "too_many_points", "umbrella_too_long",
                 "point_too_long", "quote_too_long", "no_quote", "no_proof", "hedging",
                 "fluff", "jargon", "repeated_point", "truncated")


@dataclass(frozen=True)
class KeyPoint:
    """One key point: the message, the proof behind it, one or two quotable lines."""

    message: str = ""
    proof: str = ""
    quotes: tuple[str, ...] = ()

    def is_blank(self) -> bool:
        return not (self.message.strip() or self.proof.strip()
                    or any(q.strip() for q in self.quotes))


@dataclass(frozen=True)
class TopicSheet:
    """A subject of the user's specialty, ready for a journalist's call."""

    topic: str = ""
    umbrella: str = ""
    points: tuple[KeyPoint, ...] = ()

    def filled_points(self) -> tuple[KeyPoint, ...]:
        return tuple(p for p in self.points if not p.is_blank())


@dataclass(frozen=True)
class Finding:
    """A problem with a sheet. `where` is "sheet", "umbrella", "point", "proof" or "quote";
    `point` is the 1-based point number (None for the sheet or its umbrella); `words` are the
    words at fault (shown to the user); `value` a number for the explanation."""

    code: str
    where: str = "sheet"
    point: int | None = None
    words: tuple[str, ...] = ()
    value: int | None = None


# ------------------------------------------------------------------------------ lexicons
# Hedging: words that make a journalist doubt you know (media training: assert, then prove).
HEDGING = {
    "fr": ("en quelque sorte", "assez", "un peu", "plutot", "peut-etre", "il me semble",
           "je pense que", "je crois que", "eventuellement", "relativement", "globalement",
           "d'une certaine maniere", "d'une certaine facon", "a priori", "on va dire",
           "disons", "sans doute", "potentiellement", "plus ou moins", "dans une certaine mesure",
           "un certain nombre", "quelque part"),
    "en": ("i think maybe", "i think", "i guess", "i feel like", "maybe", "perhaps", "sort of",
           "kind of", "somewhat", "quite", "rather", "a bit", "a little", "probably",
           "possibly", "more or less", "to some extent", "in a way", "basically", "arguably",
           "fairly", "pretty much", "it seems"),
}
# Phrases that look like a hedge but are not ("plutôt que" = "rather than").
_NOT_HEDGING = re.compile(r"\b(?:plutot que|plutot qu|rather than|assez de|quite a few)\b")

# Fluff ("guimauve"): empty praise and marketing words that no journalist quotes.
FLUFF = {
    "fr": ("innovant", "innovante", "innovants", "innovantes", "synergie", "synergies",
           "incontournable", "passionne", "passionnee", "dynamique", "leader", "excellence",
           "valeur ajoutee", "au coeur de", "a 360", "de pointe", "revolutionnaire",
           "disruptif", "disruptive", "gagnant-gagnant", "diverses choses", "beaucoup de choses",
           "des choses", "differents aspects", "un enjeu majeur", "enjeux majeurs",
           "tres important", "tres importante", "essentiel", "essentielle"),
    "en": ("innovative", "synergy", "synergies", "world-class", "cutting-edge", "passionate",
           "dynamic", "best-in-class", "game-changer", "game changer", "leverage",
           "holistic", "value-added", "revolutionary", "disruptive", "win-win", "next-level",
           "lots of things", "many things", "various things", "various aspects",
           "very important", "key challenge", "crucial", "essential"),
}
# Management jargon a reader has to decode (acronyms are found separately).
JARGON = {
    "fr": ("scalable", "scalabilite", "best practices", "kpi", "roi", "lead time", "sourcing",
           "benchmark", "reporting", "process", "onboarding"),
    "en": ("scalable", "scalability", "best practices", "kpi", "roi", "lead time",
           "bandwidth", "paradigm", "deliverables", "actionable", "onboarding", "stakeholders"),
}
# Acronyms every reader knows: not jargon.
COMMON_ACRONYMS = frozenset({"UE", "EU", "USA", "UK", "TV", "PME", "PDG", "CEO", "RH", "HR",
                             "OK", "PC", "SNCF", "ONU", "UN", "OMS", "WHO", "PIB", "GDP",
                             "CO2", "TVA", "VAT", "CDI", "CV", "MW", "GW"})
EXAMPLE_MARKERS = ("par exemple", "comme chez", "for example", "for instance", "such as", "e.g")
NUMBER_WORDS = frozenset({
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "vingt",
    "trente", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
    "moitie", "tiers", "quart", "double", "triple", "two", "three", "four", "five",
    "seven", "eight", "nine", "ten", "twenty", "thirty", "hundred", "thousand", "billion",
    "half", "third", "quarter", "twice", "doubled", "tripled"})
STOPWORDS = frozenset({
    "le", "la", "les", "un", "une", "des", "de", "du", "d", "l", "et", "ou", "en", "dans", "pour",
    "par", "sur", "avec", "que", "qui", "est", "sont", "a", "au", "aux", "ce", "ces", "se", "sa",
    "son", "ses", "nos", "notre", "vos", "votre", "il", "elle", "on", "nous", "vous", "ils",
    "pas", "ne", "plus", "the", "an", "and", "or", "of", "to", "in", "for", "with",
    "is", "are", "be", "it", "its", "that", "this", "we", "you", "our", "your", "by", "at",
    "as", "from", "not", "more", "than", "c", "s", "qu", "y", "j"})

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_ACRONYM = re.compile(r"(?<![\w(])([A-Z][A-Z0-9]{1,6})(?![\w)])")
_FIGURE = re.compile(r"\d|[%€$£]")
_SENTENCE_OPENERS = frozenset(".!?…:;\n«\"“")


def _lexicon_regex(entries: Iterable[str]) -> re.Pattern:
    alternatives = sorted({re.escape(e) for e in entries}, key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(alternatives) + r")(?![\w'-])")


_HEDGING = {lang: _lexicon_regex(words) for lang, words in HEDGING.items()}
_FLUFF = {lang: _lexicon_regex(words) for lang, words in FLUFF.items()}
_JARGON = {lang: _lexicon_regex(words) for lang, words in JARGON.items()}
_EXAMPLE = _lexicon_regex(EXAMPLE_MARKERS)


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def speech_seconds(text: str) -> float:
    """How long the text takes to say at a calm interview pace (150 words a minute)."""
    return count_words(text) / WORDS_PER_SECOND


def _cut(text: str) -> str:
    return (text or "")[:MAX_ANALYSED_CHARS]


def _lang(lang: str) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"


def _distinct(words: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.lower(), word)
    return tuple(seen.values())[:MAX_WORDS_SHOWN]


def _matches(pattern: re.Pattern, text: str) -> tuple[str, ...]:
    """The words of `text` (as written) that `pattern` finds in its folded form. Folding keeps
    the length of these texts (accents dropped one to one), so positions map back."""
    folded = fold_same_length(text)
    return _distinct(text[m.start():m.end()] for m in pattern.finditer(folded))


@functools.cache
def _fold_char(char: str) -> str:
    folded = fold(char) if char.strip() else char
    return folded[0] if len(folded) == 1 else char.lower()


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one (positions stay valid)."""
    return "".join(map(_fold_char, text.replace("’", "'")))


def _fields(sheet: TopicSheet) -> list[tuple[str, int | None, str]]:
    """(where, point number, text) of every field with text, cut to the analysed length."""
    found = [("umbrella", None, _cut(sheet.umbrella))]
    for number, point in enumerate(sheet.filled_points(), start=1):
        found.append(("point", number, _cut(point.message)))
        found.append(("proof", number, _cut(point.proof)))
        found.extend(("quote", number, _cut(q)) for q in point.quotes)
    return [f for f in found if f[2].strip()]


# ------------------------------------------------------------------------------ rules
def rule_structure(sheet: TopicSheet) -> list[Finding]:
    """An umbrella message and at most three key points. SOURCE: the method, step 3 — three
    key points; media training — three messages at most (a fourth one dilutes the others)."""
    points = sheet.filled_points()
    if not sheet.umbrella.strip() and not points:
        return [Finding("empty")]
    found = []
    if not sheet.umbrella.strip():
        found.append(Finding("no_umbrella", "umbrella"))
    if not points:
        found.append(Finding("no_points"))
    if len(points) > MAX_POINTS:
        found.append(Finding("too_many_points", value=len(points)))
    return found


def rule_lengths(sheet: TopicSheet) -> list[Finding]:
    """A point in ≤ 15 words; a quotable line in ≤ 8 s spoken (≈ 20 words); the main message
    said in ≤ 20 s. SOURCE: media-training norms — 3 messages of ≤ 10–15 words each, the main
    message in ≤ 20 seconds, an evening-news quote lasts about 7 seconds."""
    found = []
    umbrella = count_words(_cut(sheet.umbrella))
    if umbrella > UMBRELLA_MAX_WORDS:
        found.append(Finding("umbrella_too_long", "umbrella",
                             value=round(umbrella / WORDS_PER_SECOND)))
    for number, point in enumerate(sheet.filled_points(), start=1):
        words = count_words(_cut(point.message))
        if words > POINT_MAX_WORDS:
            found.append(Finding("point_too_long", "point", number, value=words))
        for quote in point.quotes:
            seconds = speech_seconds(_cut(quote))
            if seconds > QUOTE_MAX_SECONDS:
                found.append(Finding("quote_too_long", "quote", number, value=round(seconds)))
    return found


def rule_quotes(sheet: TopicSheet) -> list[Finding]:
    """Each point has at least one quotable line. SOURCE: the method, step 3 — prepare
    impactful phrasings: they are what gets quoted."""
    return [Finding("no_quote", "quote", number)
            for number, point in enumerate(sheet.filled_points(), start=1)
            if point.message.strip() and not any(q.strip() for q in point.quotes)]


def _starts_sentence(text: str, start: int) -> bool:
    """The word at `start` opens the text or a sentence (its capital is not a name's)."""
    before = text[max(0, start - 12):start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_OPENERS


def has_evidence(text: str) -> bool:
    """A figure, a named organisation or person, or an example marker."""
    text = _cut(text)
    if _FIGURE.search(text) or _EXAMPLE.search(fold_same_length(text)):
        return True
    for match in re.finditer(r"\w+", text):
        word = match.group(0)
        if fold(word) in NUMBER_WORDS:
            return True
        if word[:1].isupper() and not _starts_sentence(text, match.start()):
            return True        # a capital inside a sentence: a name
    return False


def rule_proof(sheet: TopicSheet) -> list[Finding]:
    """Every point is backed by a figure, an example or a name. SOURCE: the method, step 3 —
    no fluff; media training — a claim without proof is not quoted, a figure is."""
    return [Finding("no_proof", "proof", number)
            for number, point in enumerate(sheet.filled_points(), start=1)
            if point.message.strip()
            and not has_evidence(point.proof) and not has_evidence(point.message)]


def rule_hedging(sheet: TopicSheet, lang: str) -> list[Finding]:
    """No hedging ("en quelque sorte", "un peu", "plutôt", "I think maybe", "sort of"…).
    SOURCE: the method, step 3 — no fluff; media training — assert, then prove."""
    pattern = _HEDGING[_lang(lang)]
    found = []
    for where, number, text in _fields(sheet):
        cleaned = _NOT_HEDGING.sub(lambda m: "#" * len(m.group(0)), fold_same_length(text))
        words = _distinct(text[m.start():m.end()] for m in pattern.finditer(cleaned))
        if words:
            found.append(Finding("hedging", where, number, words))
    return found


def rule_fluff(sheet: TopicSheet, lang: str) -> list[Finding]:
    """No "guimauve": empty praise and marketing words. SOURCE: the method, step 3 — no fluff."""
    pattern = _FLUFF[_lang(lang)]
    found = []
    for where, number, text in _fields(sheet):
        words = _matches(pattern, text)
        if words:
            found.append(Finding("fluff", where, number, words))
    return found


def explained_acronyms(sheet: TopicSheet) -> set[str]:
    """Acronyms spelt out somewhere in the sheet: "ADEME (agence de la transition…)" or
    "(ADEME)" after the words it stands for."""
    text = " ".join(t for _, _, t in _fields(sheet)) + " " + sheet.topic
    return set(re.findall(r"\b([A-Z][A-Z0-9]{1,6})\s*\(", text)) | set(
        re.findall(r"\(([A-Z][A-Z0-9]{1,6})\)", text))


def rule_jargon(sheet: TopicSheet, lang: str) -> list[Finding]:
    """Acronyms and jargon explained, or left out. SOURCE: media training — speak to the
    outlet's readers, not to your peers; the method, step 3 — phrasings the public keeps."""
    explained = explained_acronyms(sheet)
    pattern = _JARGON[_lang(lang)]
    found = []
    for where, number, text in _fields(sheet):
        acronyms = [a for a in _ACRONYM.findall(text)
                    if a not in COMMON_ACRONYMS and a not in explained]
        words = _distinct([*acronyms, *(w for w in _matches(pattern, text)
                                        if w.upper() not in explained)])
        if words:
            found.append(Finding("jargon", where, number, words))
    return found


def _stems(text: str) -> set[str]:
    return {fold(w)[:STEM] for w in re.findall(r"\w+", _cut(text)) if fold(w) not in STOPWORDS}


def rule_repetition(sheet: TopicSheet) -> list[Finding]:
    """Each point says something the others do not. SOURCE: media training — three distinct
    messages; a point repeating another wastes one of the three."""
    points = sheet.filled_points()
    stems = [_stems(p.message) for p in points]
    found = []
    for later in range(len(points)):
        for earlier in range(later):
            a, b = stems[earlier], stems[later]
            if len(a) < 2 or len(b) < 2:
                continue
            shared = a & b
            # Overlap against the shorter point: a point restating another in fewer words,
            # or with a hedge added, still repeats it.
            if len(shared) >= 2 and len(shared) / min(len(a), len(b)) >= REPEAT_OVERLAP:
                words = tuple(w for w in re.findall(r"\w+", points[later].message)
                              if fold(w)[:STEM] in shared)
                found.append(Finding("repeated_point", "point", later + 1, _distinct(words),
                                     value=earlier + 1))
                break
    return found


def rule_truncated(sheet: TopicSheet) -> list[Finding]:
    """A field longer than the checker reads is cut, and the user is told (a 20,000-character
    paste is kept as written; only its start is checked)."""
    texts = [sheet.umbrella, *(t for p in sheet.points for t in (p.message, p.proof, *p.quotes))]
    return [Finding("truncated", value=MAX_ANALYSED_CHARS)] if any(
        len(t or "") > MAX_ANALYSED_CHARS for t in texts) else []


def check_sheet(sheet: TopicSheet, lang: str) -> list[Finding]:
    """Every finding on a sheet, ordered by `FINDING_CODES` then point. An empty list: the
    sheet is ready for a journalist's call."""
    structure = rule_structure(sheet)
    if structure and structure[0].code == "empty":
        return structure
    found = [*structure, *rule_lengths(sheet), *rule_quotes(sheet), *rule_proof(sheet),
             *rule_hedging(sheet, lang), *rule_fluff(sheet, lang), *rule_jargon(sheet, lang),
             *rule_repetition(sheet), *rule_truncated(sheet)]
    order = {code: i for i, code in enumerate(FINDING_CODES)}
    return sorted(found, key=lambda f: (order[f.code], f.point or 0))


def is_ready(findings: list[Finding]) -> bool:
    return not findings


@dataclass(frozen=True)
class SheetStatus:
    """What the readiness tab shows for one sheet."""

    sheet_id: int
    topic: str
    ready: bool
    findings: int
    prepared_at: str | None
    updated_at: str | None
    codes: tuple[str, ...] = field(default=())
