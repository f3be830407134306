"""Group sessions: pairing rounds, cross-referrals, the pitch round and the intelligence board.

SOURCE: the method, step 5 (docs/architecture.md) — a job-seeker club's strength is solidarity,
sharing and mutual help; pairs for lunches and coffees rotate so that everyone meets someone new
each time; members cross-introduce each other at target organisations (the group's second degree);
each member's one-liner is read to the group, who say back what they remembered.

One module per topic; everything public is importable from `workbook.domain.group`.
"""

from workbook.domain.group.board import BOARD_QUESTIONS
from workbook.domain.group.members import CLOSE, close_members, name_closeness
from workbook.domain.group.pairing import (
    CLUB_SIZE,
    ERROR_CODES,
    MAX_PARTICIPANTS,
    ODD_MODES,
    QUICK_LIMIT,
    SEARCH_LIMIT,
    GroupError,
    circle_schedule,
    club_size_warning,
    met_counts,
    pairing_rounds,
    unmet_pairs,
)
from workbook.domain.group.pitch_round import PitchRecall, pitch_order, pitch_recall
from workbook.domain.group.referrals import (
    REFERRAL_REASONS,
    REFERRAL_STATUSES,
    Referral,
    referral_key,
    suggest_referrals,
)

__all__ = [
    "BOARD_QUESTIONS", "CLOSE", "CLUB_SIZE", "ERROR_CODES", "MAX_PARTICIPANTS", "ODD_MODES",
    "QUICK_LIMIT", "REFERRAL_REASONS", "REFERRAL_STATUSES", "SEARCH_LIMIT", "GroupError",
    "PitchRecall", "Referral", "circle_schedule", "close_members", "club_size_warning",
    "met_counts", "name_closeness", "pairing_rounds", "pitch_order", "pitch_recall",
    "referral_key", "suggest_referrals", "unmet_pairs",
]
