"""Cross-referrals: one member can introduce another at an organisation the other targets.

SOURCE: the method, step 5 (docs/architecture.md) — members cross-introduce each other at target
organisations: the group's second degree.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from workbook.domain.names import organisation_key

REFERRAL_REASONS = ("same_name", "name_variant")
# A suggestion is made (the introduction happened) or dismissed by the coach.
REFERRAL_STATUSES = ("suggested", "made", "dismissed")


@dataclass(frozen=True)
class Referral:
    """`introducer` can introduce `seeker` at an organisation the seeker targets: the names as
    each of them wrote it, and the shared key they matched on."""

    seeker: Hashable
    introducer: Hashable
    target_name: str
    introduction_name: str
    key: str

    @property
    def reason(self) -> str:
        """'same_name' when both wrote it alike, else 'name_variant' (accents, case, legal
        suffix or "Groupe" differ)."""
        return "same_name" if self.target_name.strip() == self.introduction_name.strip() \
            else "name_variant"


_DOTTED = re.compile(r"\b(\w)\.")


def referral_key(name: str) -> str:
    """The key organisation names match on: `workbook.domain.names.organisation_key` once
    dotted abbreviations are closed up ("S.A." = "SA", so the legal suffix drops too)."""
    return organisation_key(_DOTTED.sub(r"\1", name or ""))


def suggest_referrals(targets: Mapping[Hashable, Iterable[str]],
                      introductions: Mapping[Hashable, Iterable[str]]) -> list[Referral]:
    """"A targets organisation X; B can introduce to X" → suggested introductions.

    Names match on `referral_key` (case, accents, punctuation, legal suffixes such as
    SA/S.A./SAS/Ltd/GmbH and "Groupe" ignored). Nobody is suggested to themself.
    SOURCE: the method, step 5 (members cross-introduce each other at target organisations:
    the group's second degree)."""
    offers: dict[str, list[tuple[Hashable, str]]] = {}
    for introducer, names in introductions.items():
        for name in dict.fromkeys(names):
            key = referral_key(name)
            if key:
                offers.setdefault(key, []).append((introducer, name))
    found: dict[tuple, Referral] = {}
    for seeker, names in targets.items():
        for name in names:
            key = referral_key(name)
            for introducer, offered in offers.get(key, ()):
                if introducer != seeker and (seeker, introducer, key) not in found:
                    found[(seeker, introducer, key)] = Referral(seeker, introducer, name,
                                                                offered, key)
    return sorted(found.values(), key=lambda r: (r.key, str(r.seeker), str(r.introducer)))
