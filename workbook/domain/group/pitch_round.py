"""The pitch round: each member's one-liner is read to the group, who say back what they
remembered.

SOURCE: the method, steps 1 and 5 (docs/architecture.md) — a connector must be able to repeat your
specialty; the club is where you test that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbook.domain.positioning import CORE_PARTS, Statement, repeat_back_summary, retention
from workbook.domain.positioning.repeat_back import core_tokens


@dataclass(frozen=True)
class PitchRecall:
    """What the group remembered of one member's one-liner: the mean share kept (0–1, None
    when nothing was noted), the core part that got lost (a positioning CORE_PARTS code, or
    None), each listener's share, and the lost part's words no listener said back (as the
    member wrote them: "supply chain" when "consultant" came back of "Consultant supply
    chain")."""

    score: float | None
    lost_part: str | None
    by_listener: tuple[tuple[str, float | None], ...]
    lost_words: tuple[str, ...] = ()


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
        lost = summary.lost_part
        return PitchRecall(summary.overall, lost,
                           tuple((r.connector, r.overall) for r in summary.results),
                           unsaid_words(getattr(statement, lost), notes) if lost else ())
    shares = tuple((who, retention(one_liner, text)) for who, text in notes)
    measured = [s for _, s in shares if s is not None]
    return PitchRecall(sum(measured) / len(measured) if measured else None, None, shares)


def unsaid_words(part: str, notes: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The words of a core part that no note said back, as written in the part, in order.
    Compared as the repeat-back measure compares (`core_tokens`: case, accents, forms and
    function words set aside), so "consultant…" keeps "Consultant" and only "supply chain"
    is unsaid. SOURCE: the method, step 1 (a connector must be able to repeat your role)."""
    said = frozenset().union(*(core_tokens(text) for _, text in notes))
    return tuple(word for word in re.findall(r"\w+", part)
                 if (stems := core_tokens(word)) and not stems <= said)


def pitch_order(participants: Sequence, session_number: int) -> list:
    """The speaking order for a session: the roster turned by one place each session, so the
    same person does not always open (or close) the round."""
    people = list(participants)
    if not people:
        return []
    shift = session_number % len(people)
    return people[shift:] + people[:shift]
