"""Saved versions of a statement, and what changed between two of them.

SOURCE: the method, step 1 — sharpen the statement until a connector can repeat it; progress
is the score and the findings gone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbook.domain.positioning.analysis import FINDING_CODES, analyze_card
from workbook.domain.positioning.statement import CARD_FIELDS, STEPS, Card, Statement, clean


@dataclass(frozen=True)
class Version:
    """A saved statement. `created_at` is an ISO timestamp; `score` as computed when saved
    (None for a draft saved without one)."""

    id: int
    created_at: str
    lang: str
    statement: Statement
    card: Card
    score: int | None

    @property
    def saved_at(self) -> str:
        """`created_at` to the minute, ISO ("2026-11-09 18:05"): a stable key, not for display
        (the UI shows `saved_on` in the user's language)."""
        return self.created_at.replace("T", " ")[:16]

    @property
    def saved_on(self) -> dt.datetime | None:
        """`created_at` as a datetime to the minute; None when unreadable."""
        try:
            return dt.datetime.fromisoformat(self.created_at).replace(second=0, microsecond=0)
        except (TypeError, ValueError):
            return None


@dataclass(frozen=True)
class VersionComparison:
    """What changed between two versions: score (recomputed when missing), the steps whose
    answer changed, the findings fixed and the findings that appeared."""

    score_before: int
    score_after: int
    changed_steps: tuple[str, ...]
    fixed: tuple[str, ...]
    appeared: tuple[str, ...]
    words_before: int
    words_after: int

    @property
    def score_delta(self) -> int:
        return self.score_after - self.score_before


def compare_versions(before: Version, after: Version) -> VersionComparison:
    """Compare two versions: scores, steps changed, finding codes fixed and appeared."""
    report_before = analyze_card(before.card, before.lang)
    report_after = analyze_card(after.card, after.lang)
    changed = tuple(name for name in STEPS if clean(getattr(before.statement, name))
                    != clean(getattr(after.statement, name)))
    codes_before, codes_after = set(report_before.codes), set(report_after.codes)
    return VersionComparison(
        score_before=before.score if before.score is not None else report_before.score,
        score_after=after.score if after.score is not None else report_after.score,
        changed_steps=changed,
        fixed=tuple(c for c in FINDING_CODES if c in codes_before - codes_after),
        appeared=tuple(c for c in FINDING_CODES if c in codes_after - codes_before),
        words_before=report_before.words, words_after=report_after.words)


def same_content(statement: Statement, card: Card, version: Version | None) -> bool:
    """True when saving would only duplicate `version` (nothing changed)."""
    return version is not None and statement.cleaned() == version.statement.cleaned() and \
        all(clean(getattr(card, name)) == clean(getattr(version.card, name))
            for name in CARD_FIELDS)
