"""A coach's flows that both the group page and `workbook group` use: importing a card (and
saying who sent it), merging two members, reading the group's cards back, and the
suggestions made from them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from workbook.domain import group as rules
from workbook.domain.progress_card import CardError, ProgressCard, check_group
from workbook.io.progress_card import read_card
from workbook.store import group as store
from workbook.store.db import transaction


@dataclass(frozen=True)
class CardImport:
    participant_id: int
    participant: str
    added: bool          # the participant was new to the roster


class SenderUnknown(CardError):
    """A readable card the coach must place: its sender is not in the roster yet
    (`unknown_sender`), or it claims a member's card id (`card_id_taken`). `card` is the
    checked card; `suggestions` the members whose names are close, closest first;
    `holder` the member whose card id it carries (card_id_taken only)."""

    catalogue = "group.conflict"

    def __init__(self, code: str, card: ProgressCard, suggestions: list[int],
                 holder: dict | None = None):
        super().__init__(code, holder["display_name"] if holder else card.participant)
        self.card, self.suggestions, self.holder = card, suggestions, holder


def import_card(conn: sqlite3.Connection, group: dict, session_id: int | None,
                data: bytes | str | ProgressCard, *, member: int | None = None,
                new: bool = False, sender: str = "", today: dt.date | None = None
                ) -> CardImport:
    """Read, check and store one card (file bytes, pasted text, or a card already checked)
    for a group's session. Raises `CardError` (unreadable, edited, odd field, too new,
    another group's), `SenderUnknown` (the coach must say who sent it: `member`, or `new`)
    or `store.GroupConflict`; nothing is stored then."""
    card = data if isinstance(data, ProgressCard) else read_card(data, today)
    check_group(card, group["slug"])
    try:
        participant_id, added = store.import_card(conn, group["id"], session_id, card,
                                                  member=member, new=new, sender=sender)
    except store.GroupConflict as problem:
        if problem.code not in ("unknown_sender", "card_id_taken") or member is not None:
            raise
        roster = [(p["id"], p["display_name"])
                  for p in store.participants(conn, group["id"], include_removed=True)]
        holder = next((p for p in store.participants(conn, group["id"], True)
                       if p["card_id"] == card.card_id), None) \
            if problem.code == "card_id_taken" else None
        close = rules.close_members(card.participant, roster, also=sender)
        if holder is not None:
            close = [holder["id"], *(pid for pid in close if pid != holder["id"])]
        raise SenderUnknown(problem.code, card, close, holder) from None
    return CardImport(participant_id, card.participant, added)


def import_card_in_new_group(conn: sqlite3.Connection, name: str,
                             data: bytes | str | ProgressCard, today: dt.date | None = None
                             ) -> tuple[dict, CardImport]:
    """A coach's first card for a group not created yet (`workbook group import-card
    --group NAME`): the group and the card's sender are created together with the card, in
    one transaction — a refused card leaves no group behind."""
    card = data if isinstance(data, ProgressCard) else read_card(data, today)
    check_group(card, store.slugify(name))
    with transaction(conn):
        group_id = store.create_group(conn, name)
        group = next(g for g in store.list_groups(conn) if g["id"] == group_id)
        done = import_card(conn, group, None, card, new=True)
    return group, done


def merge_members(conn: sqlite3.Connection, keep: int, other: int) -> None:
    """One person entered twice (see `store.merge_participants`)."""
    store.merge_participants(conn, keep, other)


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
            # read back against the day it was imported: a card dated a day ahead (another
            # time zone) was accepted then and stays readable
            result.append((row, read_card(row["card_json"], _day_after(row["held_on"]))))
        except CardError:
            continue
    return result


def _day_after(held_on: str) -> dt.date:
    try:
        return max(dt.date.today(), dt.date.fromisoformat(held_on) + dt.timedelta(days=1))
    except (TypeError, ValueError):
        return dt.date.today()


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
