"""The network map's plain rules — codes, the Dunbar capacities, the contact filter, the
method's exercises — with no pandas: what the page needs to open and draw its first view.
The frame rules (filters applied, ranking, coverage, aggregates) are in
`workbook.domain.network`, which re-exports these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from workbook.domain.vocabulary import DUNBAR_CAPACITY, NEEDS, ROLES

# Network-intelligence questions to put to contacts and groups (method, step 5).
INTELLIGENCE_QUESTIONS = ("new_entrants", "competitors", "key_players", "client_sentiment",
                          "most_interesting_person")

# "The three brightest people I know" (the method, step 4: keep adding new connections by
# asking the brightest people you know whom they find bright).
BRIGHT_PEOPLE_MAX = 3


# Tie strength as the user rates it: 1 (acquaintance) … 5 (very close).
TIE_STRENGTHS = (1, 2, 3, 4, 5)
# LAMP scores of a target organisation, 0–3 (Dalton, The 2-Hour Job Search).
LAMP_SCORES = (0, 1, 2, 3)


# ---------------------------------------------------------------- codes

def role_codes(roles: str) -> tuple[str, ...]:
    """Role codes of one contact, in vocabulary order."""
    present = set((roles or "").split())
    return tuple(r for r in ROLES if r in present)


def need_codes(needs: str) -> tuple[str, ...]:
    """Need codes of one contact, in vocabulary order."""
    present = set((needs or "").split())
    return tuple(n for n in NEEDS if n in present)


# ---------------------------------------------------------------- layers (Dunbar)

@dataclass(frozen=True)
class LayerOverflow:
    """Layer `layer`'s circle holds `count` people, more than Dunbar's `capacity`."""

    layer: str
    count: int
    capacity: int


def layer_overflows(counts: Mapping[str, int]) -> list[LayerOverflow]:
    """The layers holding more contacts than their capacity (`vocabulary.DUNBAR_CAPACITY`).

    SOURCE: Dunbar, "How Many Friends Does One Person Need?" (2010); Zhou, Sornette, Hill &
    Dunbar, Proc. R. Soc. B 2005: people keep about 5, 15, 50 and 150 ties at decreasing
    closeness. Each layer of the workbook is compared with its own figure, as the method sizes
    the layers (inner 5, close 15, active 50, target 150). Dunbar's circles are nested, so these
    per-layer caps are the generous reading: a warning here is a real overflow. Dormant and
    unsorted contacts have no capacity.
    """
    return [LayerOverflow(layer, int(counts.get(layer, 0)), capacity)
            for layer, capacity in DUNBAR_CAPACITY.items() if int(counts.get(layer, 0)) > capacity]


# ---------------------------------------------------------------- filters

@dataclass(frozen=True)
class ContactFilter:
    """What the user narrowed the contact list to. Empty fields do not filter."""

    query: str = ""
    layers: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    untagged_only: bool = False      # contacts without any role yet
    target_only: bool = False        # at a target organisation or able to introduce to one

    @property
    def is_empty(self) -> bool:
        return self == ContactFilter()


# ---------------------------------------------------------------- exercises of the method

def bright_person_problem(name: str, existing: int) -> str | None:
    """Why a "brightest people I know" entry cannot be added (a code), or None.

    SOURCE: the method, step 4 (keep adding new connections): name the three brightest
    people you know outside your organisation, then ask each whom *they* find brightest.
    """
    if not name.strip():
        return "name_missing"
    if existing >= BRIGHT_PEOPLE_MAX:
        return "three_already"
    return None


def parse_optional_int(text: str, low: int, high: int | None = None) -> int | None:
    """An optional whole number typed by the user: '' → None; raises ValueError if invalid."""
    text = (text or "").strip()
    if not text:
        return None
    value = int(text)
    if value < low or (high is not None and value > high):
        raise ValueError(text)
    return value


class MapOverview(NamedTuple):
    """What the map's first view shows, counted in SQL."""

    targets: int                                 # target organisations
    layers: dict[str, int]                       # contacts per layer code (every contact)
    layer_roles: list[tuple[str, str, int]]      # `store.contacts.layer_role_counts`

    @property
    def contacts(self) -> int:
        return sum(self.layers.values())

    @property
    def tagged(self) -> int:
        """Contacts with at least one role: those without one are counted under role ''."""
        return self.contacts - sum(n for _layer, role, n in self.layer_roles if not role)
