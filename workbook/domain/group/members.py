"""Who sent a card: how close a card's name is to a roster member's, so that the coach is
offered the likely member first (and a card id is not taken over by someone else's name).

SOURCE: a coach's roster holds the names people give at the club ("Hamid T."), a workbook
holds what each person typed in their profile ("Hamid Tazi", "hamid tazi", "Tazi Hamid"):
one person, written differently. A card never joins a member on its own name alone: the
coach confirms (see `workbook.services.group.import_card`).
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from workbook.domain.names import fold

CLOSE = 0.75      # closeness from which a member is offered as the card's sender


def _tokens_match(short: str, long: str) -> bool:
    """A token and another one, or an initial ("t" for "tazi")."""
    return short == long or (len(short) == 1 and long.startswith(short))


def name_closeness(first: str, second: str) -> float:
    """0 (nothing alike) … 1 (the same name once case, accents and punctuation are ignored).
    Every word of the shorter name matching a word or an initial of the other, in any order,
    counts 0.9 ("Hamid T." ~ "Hamid Tazi", "Tazi Hamid" ~ "Hamid Tazi"); else the share of
    letters in common (a typo: "Jonas Vidal" ~ "Jonas Vidall")."""
    a, b = fold(first), fold(second)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long = sorted((a.split(), b.split()), key=len)
    left = list(long)
    matched = 0
    for token in sorted(short, key=len, reverse=True):
        hit = next((other for other in left if _tokens_match(token, other)
                    or _tokens_match(other, token)), None)
        if hit is not None and (len(token) > 1 or len(hit) > 1):
            left.remove(hit)
            matched += 1
    # every word of the shorter name found, and at least one whole word among them
    if matched == len(short) and any(len(t) > 1 and t in long for t in short):
        return 0.9
    return round(SequenceMatcher(None, a, b).ratio(), 3)


def close_members(name: str, members: Iterable[tuple[int, str]],
                  also: str = "") -> list[int]:
    """The members (id, display name) whose name is close to `name` (or to `also`, e.g. the
    Unix user who dropped the card), closest first; ties by name."""
    scored = []
    for member_id, member_name in members:
        score = max(name_closeness(name, member_name),
                    name_closeness(also, member_name) if also else 0.0)
        if score >= CLOSE:
            scored.append((-score, fold(member_name), member_id))
    return [member_id for _score, _name, member_id in sorted(scored)]
