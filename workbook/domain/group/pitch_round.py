"""The pitch round: each member's one-liner is read to the group, who say back what they
remembered.

SOURCE: the method, steps 1 and 5 (docs/architecture.md) — a connector must be able to repeat your
specialty; the club is where you test that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbook.domain.positioning import CORE_PARTS, Statement, repeat_back_summary, retention


@dataclass(frozen=True)
class PitchRecall:
    """What the group remembered of one member's one-liner: the mean share kept (0–1, None
    when nothing was noted), the core part that got lost (a positioning CORE_PARTS code, or
    None), and each listener's share."""

    score: float | None
    lost_part: str | None
    by_listener: tuple[tuple[str, float | None], ...]


def pitch_recall(one_liner: str, core: Mapping[str, str],
                 notes: Sequence[tuple[str, str]]) -> PitchRecall:
    """Score what listeners noted after hearing a member's one-liner, with the positioning
    page's repeat-back measure (`workbook.domain.positioning.repeat_back_summary`): the share
    of the core (role, audience, deliverable) found in each note, and the part lost. A card
    without the core parts is measured against the one-liner as a whole (no lost part then).
    SOURCE: the method, steps 1 and 5 (a connector must be able to repeat your specialty)."""
    notes = [(who, text) for who, text in notes if text and text.strip()]
    statement = Statement(**{part: core.get(part, "") for part in CORE_PARTS})
    if statement.has_core():
        summary = repeat_back_summary(statement, notes)
        return PitchRecall(summary.overall, summary.lost_part,
                           tuple((r.connector, r.overall) for r in summary.results))
    shares = tuple((who, retention(one_liner, text)) for who, text in notes)
    measured = [s for _, s in shares if s is not None]
    return PitchRecall(sum(measured) / len(measured) if measured else None, None, shares)


def pitch_order(participants: Sequence, session_number: int) -> list:
    """The speaking order for a session: the roster turned by one place each session, so the
    same person does not always open (or close) the round."""
    people = list(participants)
    if not people:
        return []
    shift = session_number % len(people)
    return people[shift:] + people[:shift]
