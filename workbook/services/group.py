"""A coach's flows that both the group page and `workbook group` use: importing a card,
reading the group's cards back, and the suggestions made from them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbook.domain import group as rules
from workbook.domain.progress_card import CardError, ProgressCard, check_group, read_card
from workbook.store import group as store


@dataclass(frozen=True)
class CardImport:
    participant_id: int
    participant: str
    added: bool          # the participant was new to the roster


def import_card(conn: sqlite3.Connection, group: dict, session_id: int | None,
                data: bytes | str) -> CardImport:
    """Read, check and store one card (file bytes or pasted text) for a group's session.
    Raises `CardError` (unreadable, edited, foreign, too new, another group's) or
    `store.GroupConflict` (its name is another card's participant); nothing is stored then."""
    card = read_card(data)
    check_group(card, group["slug"])
    participant_id, added = store.import_card(conn, group["id"], session_id, card)
    return CardImport(participant_id, card.participant, added)


def group_by_name(conn: sqlite3.Connection, name: str | None) -> dict | None:
    """A group by name or slug (case and accents ignored); the only group when `name` is
    None and there is exactly one."""
    groups = store.list_groups(conn)
    if name is None:
        return groups[0] if len(groups) == 1 else None
    wanted = store.slugify(name)
    return next((g for g in groups if g["slug"] == wanted), None)


def stored_cards(conn: sqlite3.Connection, group_id: int) -> list[tuple[dict, ProgressCard]]:
    """(row, card) for every stored card that still reads back (the store keeps what it was
    given, checked; a row that no longer reads is skipped, never shown half)."""
    result = []
    for row in store.cards(conn, group_id):
        try:
            result.append((row, read_card(row["card_json"])))
        except CardError:
            continue
    return result


def latest_cards(conn: sqlite3.Connection, group_id: int) -> dict[int, ProgressCard]:
    """Each participant's most recent card."""
    latest: dict[int, ProgressCard] = {}
    for row, card in stored_cards(conn, group_id):
        latest[row["participant_id"]] = card
    return latest


def referral_suggestions(conn: sqlite3.Connection, group_id: int,
                         active: set[int]) -> list[rules.Referral]:
    """Suggested introductions from the active participants' latest cards."""
    latest = {pid: card for pid, card in latest_cards(conn, group_id).items() if pid in active}
    targets = {pid: card.sections.get("targets", []) for pid, card in latest.items()}
    offers = {pid: card.sections.get("introductions", []) for pid, card in latest.items()}
    return rules.suggest_referrals(targets, offers)
