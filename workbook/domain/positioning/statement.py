"""The guided structure of a positioning statement, and the card composed from it.

SOURCE: the method, step 1 (docs/architecture.md): connectors and prescribers can only recommend you
if they understand your specialty, for whom you work and what you deliver.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

# Step order of the form. SOURCE: the method, step 1 — specialty (role), the kind of
# organisation, the specific problem, for whom, what you deliver, your difference.
STEPS = ("target_role", "sector", "problem", "audience", "deliverable", "difference")
# What a connector must be able to repeat (measured by the repeat-back test).
CORE_PARTS = ("target_role", "audience", "deliverable")
# Who should hear the pitch and repeat it back. SOURCE: the method, steps 1–2 — connectors and
# prescribers are the ones who recommend you (codes from vocabulary.ROLES).
REPEAT_BACK_ROLES = ("connector", "prescriber")


def clean(text: str) -> str:
    """Whitespace collapsed, surrounding spaces and trailing punctuation dropped."""
    return " ".join((text or "").split()).strip(" .;:,")


@dataclass(frozen=True)
class Statement:
    """The six answers of the guided structure (free text, any may be blank)."""

    target_role: str = ""
    sector: str = ""
    problem: str = ""
    audience: str = ""
    deliverable: str = ""
    difference: str = ""

    def cleaned(self) -> Statement:
        """Whitespace collapsed and trailing punctuation dropped, so clauses join cleanly."""
        return replace(self, **{name: clean(getattr(self, name)) for name in STEPS})

    def answered(self) -> int:
        """How many of the steps have an answer."""
        return sum(bool(clean(getattr(self, name))) for name in STEPS)

    def is_blank(self) -> bool:
        return self.answered() == 0

    def has_core(self) -> bool:
        """True when there is something for the repeat-back test to measure."""
        return any(clean(getattr(self, name)) for name in CORE_PARTS)


@dataclass(frozen=True)
class Card:
    """The positioning card: the line a connector repeats, a 30-second pitch, a bio line."""

    one_liner: str = ""
    pitch: str = ""
    bio: str = ""

    def is_blank(self) -> bool:
        return not any(clean(getattr(self, name)) for name in CARD_FIELDS)


CARD_FIELDS = tuple(f.name for f in fields(Card))
