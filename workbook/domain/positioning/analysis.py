"""How focused a positioning statement is: a score 0–100 and one finding per problem.

SOURCE: the method, step 1 (docs/architecture.md): too generalist or vague and you interest nobody —
"a hand surgeon, not a general surgeon who does a hand now and then": focus, focus, focus.
Findings are stable codes with the words at fault and the values their explanation needs;
the explanation and the fix are in the catalogue (`positioning.finding.<code>.why/.fix`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbook.domain.names import fold
from workbook.domain.positioning.lengths import (
    BIO_MAX_CHARS,
    MIN_WORDS,
    ONE_LINER_MAX_WORDS,
    PITCH_MAX_WORDS,
    count_words,
    first_sentence,
    speech_seconds,
)
from workbook.domain.positioning.lexicons import (
    BUZZ,
    CLICHE,
    CLICHE_FAMILIES,
    FUNCTION,
    SECTOR,
    STOPWORDS,
    VAGUE,
)
from workbook.domain.positioning.statement import Card
from workbook.domain.positioning.structure import read_structure
from workbook.domain.positioning.text import TOKEN, AnalysedText, distinct

# The analyser runs on every debounced keystroke: it reads at most this many characters.
MAX_ANALYSED_CHARS = 4000
FOCUSED_SCORE = 75
ALMOST_SCORE = 50
# Findings saying nobody can repeat the one-liner: while one stands, the verdict cannot say
# "a connector can repeat it" (the score stays below FOCUSED_SCORE).
UNREPEATABLE = ("one_liner_too_long", "one_liner_answers_too_long")
LANGUAGES = ("fr", "en")

# Fewer content words than this that are rare in everyday language: the statement speaks
# like every profile (see `structure`).
MIN_RARE_WORDS = 2

# Finding codes, most damaging first; each has `positioning.finding.<code>.label/.why/.fix`.
FINDING_CODES = ("empty", "vague_words", "no_deliverable", "too_many_targets", "no_audience",
                 "cliches", "generic_words", "buzzwords", "too_short", "one_liner_too_long",
                 "bio_too_long", "pitch_too_long", "one_liner_answers_too_long",
                 "bio_answers_too_long", "pitch_answers_too_long", "no_figure",
                 "mixed_language", "markup", "emoji", "truncated")

# Points taken off a perfect 100. Per-word penalties are capped. The weights follow the
# method's order of importance: vagueness and no result kill a referral; clichés and
# everyday words make you forgettable; length and jargon make it harder to repeat.
PENALTIES = {
    "empty": 100, "vague_words": 15, "no_deliverable": 25, "too_many_targets": 20,
    "no_audience": 20, "cliches": 7, "generic_words": 15, "buzzwords": 6, "too_short": 15,
    "one_liner_too_long": 10, "bio_too_long": 5, "pitch_too_long": 10, "no_figure": 8,
    # The same lines composed from answers too long to fit (see `fit`): the same cost.
    "one_liner_answers_too_long": 10, "bio_answers_too_long": 5, "pitch_answers_too_long": 10,
    "mixed_language": 5, "markup": 5, "emoji": 3, "truncated": 0,
}
PENALTY_CAPS = {"vague_words": 40, "cliches": 28, "buzzwords": 24}

# Words that join several targets, and words allowed between the joined items.
_COORDINATORS = frozenset({"et", "ou", "and", "or", "/", "&", ",", "plus"})
_FILLERS = frozenset({"le", "la", "les", "l", "de", "des", "du", "d", "en", "dans", "the", "a",
                      "an", "in", "of", "un", "une", "secteur", "sector", "bien", "also",
                      "aussi", "either", "soit"})
_AND_OR = re.compile(r"(?<!\w)(?:et|and)\s*/\s*(?:ou|or)(?!\w)")  # "et/ou": aiming at both
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,200}>")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]")


@dataclass(frozen=True)
class Finding:
    """One problem in a statement: a stable code, the words at fault (as typed, at most a
    few), the values its explanation needs (`{count}`, `{limit}`…) and the points it cost."""

    code: str
    words: tuple[str, ...]
    penalty: int
    values: Mapping[str, int] = field(default_factory=dict, hash=False)
    # Codes that refine the finding (the families of clichés found: "traits", "claims"…),
    # each with its own advice at `positioning.finding.<code>.<detail>`.
    details: tuple[str, ...] = ()
    # The steps whose answers to shorten, for a line composed from them (see `fit`).
    steps: tuple[str, ...] = ()

    @property
    def label_key(self) -> str:
        return f"positioning.finding.{self.code}.label"

    @property
    def why_key(self) -> str:
        return f"positioning.finding.{self.code}.why"

    @property
    def fix_key(self) -> str:
        return f"positioning.finding.{self.code}.fix"

    @property
    def detail_keys(self) -> tuple[str, ...]:
        return tuple(f"positioning.finding.{self.code}.{detail}" for detail in self.details)


@dataclass(frozen=True)
class FocusReport:
    """How focused a statement is: a score 0–100 (higher is more focused) and its findings,
    most damaging first; words and estimated seconds of speech of the whole statement."""

    score: int
    findings: tuple[Finding, ...]
    words: int
    seconds: float
    one_liner_words: int
    lang: str
    truncated: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    @property
    def level(self) -> str:
        """'focused', 'almost' or 'vague' (page colour and label)."""
        return focus_level(self.score)


def focus_level(score: int | None) -> str:
    """'focused' from 75, 'almost' from 50, else 'vague' (and for a missing score)."""
    if score is None or score < ALMOST_SCORE:
        return "vague"
    return "focused" if score >= FOCUSED_SCORE else "almost"


def rule_language(lang: str | None) -> str:
    """The language whose rules apply: 'en' for any English code ("en-GB"), else 'fr'."""
    return "en" if (lang or "").strip().lower()[:2] == "en" else "fr"


def _joined_targets(text: AnalysedText, pattern: re.Pattern,
                    at_most: int | None = None) -> list[str]:
    """Items of one class (sectors, or functions) that a statement aims at together: two joined
    by "et/ou/and/or//," with only small words (and at most one other word, as in "directeur
    financier ou contrôleur") between them; or, with `at_most`, more distinct items than that
    anywhere in the text."""
    found = text.matches(pattern)
    items = {fold(m.group()).rstrip("s"): m for m in found}
    at_fault: list[str] = []
    for left, right in zip(found, found[1:]):
        between = TOKEN.findall(text.norm[left.end():right.start()])
        others = [t for t in between if t not in _COORDINATORS and t not in _FILLERS]
        if (fold(left.group()).rstrip("s") != fold(right.group()).rstrip("s")
                and len(between) <= 6 and len(others) <= 1
                and any(t in _COORDINATORS for t in between)):
            at_fault += [text.original(*left.span()), text.original(*right.span())]
    if at_most is not None and len(items) > at_most:
        at_fault += [text.original(*m.span()) for m in items.values()]
    return at_fault


def analyze(statement: str, lang: str, *, one_liner: str | None = None,
            bio: str | None = None) -> FocusReport:
    """Score how focused a positioning statement is, 0–100, with one finding per problem.
    A one-liner too long to repeat (UNREPEATABLE) keeps the score under FOCUSED_SCORE: the
    verdict never says "a connector can repeat it" beside a finding saying nobody can.

    `statement` is the spoken text (the pitch); the one-liner is `one_liner` when given, else
    the statement's first sentence (what a listener retains first); `bio`, when given, is
    checked against LinkedIn's 220-character headline. Length is judged at ~150 words a
    minute: a one-liner over ~20 words cannot be repeated, a pitch over ~75 words takes more
    than 30 seconds. The audience, the deliverable and the proof are read from the
    sentence's structure as well as from word lists (see `structure`). At most 4,000
    characters are read, so a 20,000-character paste costs the same as a long pitch.
    SOURCE: the method, step 1 ("too generalist or vague and you interest nobody"); the
    lexicons say where their words come from.
    """
    lang = rule_language(lang)
    statement = statement or ""
    one_liner = first_sentence(statement) if one_liner is None else one_liner
    full = statement if one_liner.strip() in statement else f"{one_liner}\n{statement}"
    truncated = len(full) > MAX_ANALYSED_CHARS
    text = AnalysedText(full[:MAX_ANALYSED_CHARS])
    pitch_words = count_words(statement[:MAX_ANALYSED_CHARS] or one_liner)
    liner_words = count_words(one_liner[:MAX_ANALYSED_CHARS])
    found: list[tuple] = []

    if not text.norm.strip() or not count_words(text.raw):
        found.append(("empty", (), {}))
        return _report(found, lang, 0, 0, truncated)

    vague = [text.original(*m.span()) for m in text.matches(VAGUE)]
    if vague:
        found.append(("vague_words", distinct(vague), {}))

    parts = read_structure(text, lang)
    if not parts.deliverables:
        found.append(("no_deliverable", (), {}))
    elif not parts.proof:
        found.append(("no_figure", (), {}))

    targets = [text.original(*m.span()) for m in text.matches(_AND_OR)]
    targets += _joined_targets(text, SECTOR, at_most=2) + _joined_targets(text, FUNCTION)
    if targets:
        found.append(("too_many_targets", distinct(targets), {}))

    if not parts.audiences:
        found.append(("no_audience", (), {}))

    cliches, families = [], []
    for family in CLICHE_FAMILIES:
        words = [text.original(*m.span()) for m in text.matches(CLICHE[family])]
        if words:
            cliches += words
            families.append(family)
    if cliches:
        found.append(("cliches", distinct(cliches, 6), {"count": len(cliches)},
                      tuple(families)))

    total_words = count_words(text.raw)
    if len(parts.rare_words) < MIN_RARE_WORDS and total_words >= MIN_WORDS:
        found.append(("generic_words", distinct(parts.common_words, 5),
                      {"count": len(parts.rare_words)}))

    buzz = [text.original(*m.span()) for m in text.matches(BUZZ)]
    if buzz:
        found.append(("buzzwords", distinct(buzz), {"count": len(buzz)}))

    if total_words < MIN_WORDS:
        found.append(("too_short", (), {"count": total_words, "limit": MIN_WORDS}))
    if liner_words > ONE_LINER_MAX_WORDS:
        found.append(("one_liner_too_long", (), {"count": liner_words,
                                                 "limit": ONE_LINER_MAX_WORDS}))
    bio_chars = len(" ".join((bio or "").split()))
    if bio_chars > BIO_MAX_CHARS:
        found.append(("bio_too_long", (), {"count": bio_chars, "limit": BIO_MAX_CHARS}))
    if pitch_words > PITCH_MAX_WORDS:
        found.append(("pitch_too_long", (), {"count": pitch_words, "limit": PITCH_MAX_WORDS,
                                             "seconds": round(speech_seconds(pitch_words))}))

    other = _other_language_words(text, lang)
    if other:
        found.append(("mixed_language", distinct(other, 4), {}))
    tags = _TAG.findall(text.raw)
    if tags:
        found.append(("markup", distinct(tags, 3), {}))
    emoji = [e for e in _EMOJI.findall(text.raw) if e not in "\ufe0f\u200d"]
    if emoji:
        found.append(("emoji", distinct(emoji, 5), {}))
    if truncated:
        found.append(("truncated", (), {"limit": MAX_ANALYSED_CHARS, "total": len(full)}))
    return _report(found, lang, pitch_words, liner_words, truncated)


def _other_language_words(text: AnalysedText, lang: str) -> list[str]:
    """Function words of the other language (as typed), when they make a real share of the
    text: at least 3, and at least 30 % of the function words found."""
    other_lang = "fr" if lang == "en" else "en"
    tokens = list(TOKEN.finditer(text.norm))
    own = sum(token.group() in STOPWORDS[lang] for token in tokens)
    other = [text.original(*token.span()) for token in tokens
             if token.group() in STOPWORDS[other_lang]]
    if len(other) >= 3 and len(other) >= 0.3 * (own + len(other)):
        return other
    return []


def _report(found, lang: str, words: int, liner_words: int, truncated: bool) -> FocusReport:
    findings = []
    for code, words_at_fault, values, *details in found:
        penalty = PENALTIES[code]
        if code in PENALTY_CAPS:
            penalty = min(PENALTY_CAPS[code], penalty * max(1, len(words_at_fault)))
        findings.append(Finding(code=code, words=tuple(words_at_fault), penalty=penalty,
                                values=values, details=tuple(details[0]) if details else ()))
    findings.sort(key=lambda f: (-f.penalty, FINDING_CODES.index(f.code)))
    score = max(0, 100 - sum(f.penalty for f in findings))
    if any(f.code in UNREPEATABLE for f in findings):
        score = min(score, FOCUSED_SCORE - 1)
    return FocusReport(score=score, findings=tuple(findings), words=words,
                       seconds=speech_seconds(words), one_liner_words=liner_words,
                       lang=lang, truncated=truncated)


def analyze_card(card: Card, lang: str) -> FocusReport:
    """Analyse a card: its pitch (or its one-liner when there is no pitch yet), its one-liner
    and its bio line."""
    return analyze(card.pitch or card.one_liner, lang, one_liner=card.one_liner, bio=card.bio)
