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

import re
from dataclasses import dataclass, field

from workbook.domain.press.fluff import fluff_words, specific_things
from workbook.domain.press.hedging import hedges
from workbook.domain.press.jargon import explained_terms, jargon_words
from workbook.domain.press.proof import has_evidence, refers_back
from workbook.domain.press.repeats import repeats
from workbook.domain.press.words import fold_same_length

MAX_POINTS = 3
POINT_MAX_WORDS = 15
WORDS_PER_SECOND = 2.5          # 150 words a minute, a calm interview pace
QUOTE_MAX_SECONDS = 8           # a broadcast quote lasts ~7 s
QUOTE_MAX_WORDS = int(QUOTE_MAX_SECONDS * WORDS_PER_SECOND)       # 20
UMBRELLA_MAX_SECONDS = 20
UMBRELLA_MAX_WORDS = int(UMBRELLA_MAX_SECONDS * WORDS_PER_SECOND)  # 50
MAX_ANALYSED_CHARS = 2000       # per field: a 20,000-character paste is cut, and said so
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


_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def speech_seconds(text: str) -> float:
    """How long the text takes to say at a calm interview pace (150 words a minute)."""
    return count_words(text) / WORDS_PER_SECOND


def _cut(text: str) -> str:
    return (text or "")[:MAX_ANALYSED_CHARS]


def _lang(lang: str) -> str:
    return "en" if (lang or "").lower().startswith("en") else "fr"


def _distinct(words) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.lower(), word)
    return tuple(seen.values())[:MAX_WORDS_SHOWN]


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


def rule_proof(sheet: TopicSheet, lang: str = "fr") -> list[Finding]:
    """Every point is backed by a figure, a named organisation or place, a dated example or a
    case — in its proof, or in the message when the proof is left empty; hearsay and a
    capital letter are not proof; "Same study" is the earlier point's proof (`proof.py`).
    SOURCE: the method, step 3 — no fluff; media training — a claim without proof is not
    quoted, a figure is."""
    lang, found, backed = _lang(lang), [], False
    for number, point in enumerate(sheet.filled_points(), start=1):
        if not point.message.strip():
            continue
        proof = _cut(point.proof)
        if proof.strip():
            ok = has_evidence(proof, lang) or (backed and refers_back(proof))
        else:
            ok = has_evidence(_cut(point.message), lang)
        backed = backed or ok
        if not ok:
            found.append(Finding("no_proof", "proof", number))
    return found


def rule_hedging(sheet: TopicSheet, lang: str) -> list[Finding]:
    """No hedging: opinion and doubt markers, conditionals and modals used as a guess,
    approximators without a figure, read by grammar and lemma (`hedging.py`).
    SOURCE: the method, step 3 — no fluff; media training — assert, then prove."""
    lang, found = _lang(lang), []
    for where, number, text in _fields(sheet):
        words = hedges(text, lang)
        if words:
            found.append(Finding("hedging", where, number, _distinct(words)))
    return found


def _named_in_point(sheet: TopicSheet, lang: str) -> dict[int | None, bool]:
    """Whether the umbrella, and each point (message, proof and quotes), names anything."""
    named = {None: specific_things(_cut(sheet.umbrella), lang) > 0}
    for number, point in enumerate(sheet.filled_points(), start=1):
        named[number] = any(specific_things(_cut(t), lang) > 0
                            for t in (point.message, point.proof, *point.quotes))
    return named


def rule_fluff(sheet: TopicSheet, lang: str) -> list[Finding]:
    """No "guimauve": marketing words, and evaluative words with nothing specific around
    them (`fluff.py`). SOURCE: the method, step 3 — no fluff."""
    lang, found = _lang(lang), []
    named = _named_in_point(sheet, lang)
    for where, number, text in _fields(sheet):
        words = fluff_words(text, lang, named[number])
        if words:
            found.append(Finding("fluff", where, number, _distinct(words)))
    return found


def rule_jargon(sheet: TopicSheet, lang: str) -> list[Finding]:
    """Acronyms and words a general reader would not know, explained or left out
    (`jargon.py`). SOURCE: media training — speak to the outlet's readers, not to your peers;
    the method, step 3 — phrasings the public keeps."""
    lang = _lang(lang)
    fields = _fields(sheet)
    texts = [t for _, _, t in fields] + [sheet.topic]
    folded = [fold_same_length(t) for t in texts]
    explained = explained_terms(texts, folded)
    found = []
    for (where, number, text), fold in zip(fields, folded):
        words = jargon_words(text, fold, lang, explained)
        if words:
            found.append(Finding("jargon", where, number, _distinct(words)))
    return found


def rule_repetition(sheet: TopicSheet, lang: str = "fr") -> list[Finding]:
    """Each point says something the others do not: same ideas by lemma, related word or
    quantity count as a repeat (`repeats.py`). SOURCE: media training — three distinct
    messages; a point repeating another wastes one of the three."""
    lang = _lang(lang)
    messages = [_cut(p.message) for p in sheet.filled_points()]
    found = []
    for later in range(len(messages)):
        for earlier in range(later):
            words = repeats(messages[earlier], messages[later], lang)
            if words is not None:
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
    found = [*structure, *rule_lengths(sheet), *rule_quotes(sheet), *rule_proof(sheet, lang),
             *rule_hedging(sheet, lang), *rule_fluff(sheet, lang), *rule_jargon(sheet, lang),
             *rule_repetition(sheet, lang), *rule_truncated(sheet)]
    order = {code: i for i, code in enumerate(FINDING_CODES)}
    return sorted(found, key=lambda f: (order[f.code], f.point or 0))


def forget_texts() -> None:
    """Drop what the checker remembers per text (tokens, findings per field), keeping the
    word data: what a check costs when every field is new (a benchmark's worst case)."""
    from workbook.domain.press import fluff, hedging, jargon, proof, repeats, words

    for cached in (words.tokens, words.fold_same_length, words.sentences, hedging.hedges,
                   fluff.specific_things, fluff.fluff_words, jargon._explained,
                   jargon.jargon_words, repeats.ideas, proof.has_evidence):
        cached.cache_clear()


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
