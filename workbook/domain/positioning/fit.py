"""The composed card within its own limits: how long each step's answer may be, and which
step's answer to shorten when a line composed from the answers cannot fit.

SOURCE: the limits the focus check applies (`lengths`): a one-liner a connector can repeat
(≤ 20 words), LinkedIn's 220-character headline for the bio line, a 30-second pitch
(≤ 75 words). Each line is composed from some of the six steps (`compose`): the one-liner
from role + audience + deliverable (the sector only when it fits), the bio from role +
audience + deliverable (the difference only when it fits), the pitch from all six. Each
step's advised length is its share of those limits, after the words and characters the
composer adds itself ("pour", " | ", "Ce que j'apporte :"), so that answers within their
advice always compose a card that passes its own length checks (a property test holds the
shares to it). A line composed from longer answers is the answers' doing: the finding names
the step to shorten, never the line as if the user had written it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbook.domain.positioning.analysis import PENALTIES, FocusReport
from workbook.domain.positioning.lengths import (
    BIO_MAX_CHARS,
    ONE_LINER_MAX_WORDS,
    PITCH_MAX_WORDS,
    count_words,
)
from workbook.domain.positioning.statement import STEPS, Statement, clean

WORDS, CHARS = "words", "chars"


@dataclass(frozen=True)
class Advice:
    """How long one step's answer may be: at most `words` words and `chars` characters."""

    words: int
    chars: int


# One-liner: role 5 + "pour"/"for" 1 + audience 5 + deliverable 9 = 20 words.
# Bio: role 60 + " pour " 6 + audience 70 + " | " 3 + deliverable 80 = 219 characters.
# Pitch: the six answers, 49 words, + at most 21 words of the composer's own = 70 ≤ 75.
STEP_ADVICE = {
    "target_role": Advice(words=5, chars=60),
    "sector": Advice(words=6, chars=80),
    "problem": Advice(words=12, chars=120),
    "audience": Advice(words=5, chars=70),
    "deliverable": Advice(words=9, chars=80),
    "difference": Advice(words=12, chars=120),
}

# Which steps each line is composed from when its shorter form is used, the unit its limit
# counts, its limit, the finding on a line the user wrote, and the finding on a composed one.
LINE_STEPS = {
    "one_liner": ("target_role", "audience", "deliverable"),
    "bio": ("target_role", "audience", "deliverable"),
    "pitch": STEPS,
}
LINE_LIMITS = {"one_liner": (WORDS, ONE_LINER_MAX_WORDS), "bio": (CHARS, BIO_MAX_CHARS),
               "pitch": (WORDS, PITCH_MAX_WORDS)}
_WRITTEN_CODE = {"one_liner": "one_liner_too_long", "bio": "bio_too_long",
                 "pitch": "pitch_too_long"}
_ANSWERS_CODE = {line: f"{line}_answers_too_long" for line in LINE_STEPS}
ANSWERS_CODES = tuple(_ANSWERS_CODE.values())


def answer_length(text: str, unit: str) -> int:
    """An answer's length as the composer uses it (whitespace collapsed, ends trimmed)."""
    cleaned = clean(text)
    return count_words(cleaned) if unit == WORDS else len(cleaned)


def within_advice(statement: Statement) -> bool:
    """True when every answer is within its step's advised words and characters."""
    return all(answer_length(getattr(statement, step), WORDS) <= advice.words
               and answer_length(getattr(statement, step), CHARS) <= advice.chars
               for step, advice in STEP_ADVICE.items())


@dataclass(frozen=True)
class Overlong:
    """A step's answer longer than advised for a line: its length and the advice, in `unit`."""

    step: str
    line: str
    unit: str
    length: int
    advised: int

    @property
    def number(self) -> int:
        """The step's number on the form (1–6)."""
        return STEPS.index(self.step) + 1


def overlong_answers(statement: Statement, line: str) -> tuple[Overlong, ...]:
    """The answers `line` is composed from that are longer than advised, in the line's unit.
    When a composed line is too long, at least one of them is (the property the advice is
    built on); should none be (a line composed in another language), the longest answer is
    named, so the user is always told which step to shorten."""
    unit, _ = LINE_LIMITS[line]
    lengths = {step: answer_length(getattr(statement, step), unit) for step in LINE_STEPS[line]}

    def advised(step: str) -> int:
        return getattr(STEP_ADVICE[step], unit)

    found = tuple(Overlong(step, line, unit, length, advised(step))
                  for step, length in lengths.items() if length > advised(step))
    if found or not any(lengths.values()):
        return found
    longest = max(lengths, key=lambda step: lengths[step] - advised(step))
    return (Overlong(longest, line, unit, lengths[longest], advised(longest)),)


def name_the_answers(report: FocusReport, statement: Statement,
                     composed: frozenset[str] | set[str]) -> FocusReport:
    """`report` with the length finding of each line in `composed` (the card texts that are
    still what the answers compose, not edited by hand) turned into a finding on the answers:
    same cost, the steps to shorten in `Finding.steps`. A line the user wrote keeps its own
    finding."""
    findings = []
    for finding in report.findings:
        line = next((name for name, code in _WRITTEN_CODE.items()
                     if code == finding.code and name in composed), None)
        if line is None:
            findings.append(finding)
            continue
        steps = tuple(o.step for o in overlong_answers(statement, line))
        findings.append(replace(finding, code=_ANSWERS_CODE[line], steps=steps,
                                penalty=PENALTIES[_ANSWERS_CODE[line]]))
    return replace(report, findings=tuple(findings))
