"""The printable pitch card: the statement, three key points, how to reach you.

SOURCE: media training (docs/architecture.md, the method, step 3) — at most three messages, because
a listener keeps no more; applied here to the pitch a connector or prescriber carries away
(method step 1: specialty, what you deliver, your difference).
"""

from __future__ import annotations

from workbook.domain.positioning.statement import Statement

MAX_KEY_POINTS = 3
# Which answers make the key points, most useful first: what you deliver is what a listener
# repeats; then what sets you apart; then the problem you solve, or for whom when no problem
# is named.
KEY_POINT_PARTS = ("deliverable", "difference", "problem", "audience")


def key_points(statement: Statement) -> tuple[tuple[str, str], ...]:
    """At most `MAX_KEY_POINTS` (part code, text) pairs from the statement's answers, in the
    order of `KEY_POINT_PARTS`; blank answers are skipped, so a half-filled statement gives
    fewer points rather than empty ones."""
    s = statement.cleaned()
    found = tuple((part, getattr(s, part)) for part in KEY_POINT_PARTS if getattr(s, part))
    return found[:MAX_KEY_POINTS]
