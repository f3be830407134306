"""The group page's state: the one object that reads and writes the coach's profile for the
page. It never reads a contact table: a coach sees only what participants put in cards."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbook.domain import group as rules
from workbook.domain.progress_card import MAX_CARD_BYTES, ProgressCard
from workbook.services import card_drop
from workbook.services import group as service
from workbook.store import group as store


@dataclass(frozen=True)
class PendingCard:
    """A checked card waiting for the coach to say who sent it (nothing stored yet)."""

    card: ProgressCard
    source: str                 # the file's name, "pasted text"…
    sender: str                 # the drop folder file's owner, "" when unknown
    code: str                   # unknown_sender | card_id_taken
    suggestions: list[int] = field(hash=False)   # members with a close name, closest first
    holder: dict | None = field(default=None, hash=False)   # card_id_taken: whose id it is


class GroupState:
    """The chosen group and session, and every write the page makes."""

    def __init__(self, conn: sqlite3.Connection, today: Callable[[], dt.date] = dt.date.today,
                 drop_root: Path | None = None):
        self.conn = conn
        self._today = today
        self.drop_root = drop_root
        self.group: dict | None = None
        self.session: dict | None = None
        self.pending: list[PendingCard] = []
        groups = store.list_groups(conn)
        if groups:
            self.select_group(groups[-1]["id"])

    @property
    def today(self) -> dt.date:
        return self._today()

    # ------------------------------------------------------------ groups and roster

    def groups(self) -> list[dict]:
        return store.list_groups(self.conn)

    def select_group(self, group_id: int) -> None:
        self.group = next(g for g in store.list_groups(self.conn) if g["id"] == group_id)
        self.pending = []
        past = store.sessions(self.conn, group_id)
        self.session = past[-1] if past else None

    def create_group(self, name: str) -> dict:
        group_id = store.create_group(self.conn, name)
        self.select_group(group_id)
        return self.group

    def set_odd_mode(self, mode: str) -> None:
        store.set_odd_mode(self.conn, self.group["id"], mode)
        self.group = {**self.group, "odd_mode": mode}

    def roster(self, include_removed: bool = False) -> list[dict]:
        if self.group is None:
            return []
        return store.participants(self.conn, self.group["id"], include_removed)

    def names(self) -> dict[int, str]:
        """Every participant's display name, removed ones included (history shows them)."""
        return {p["id"]: p["display_name"] for p in self.roster(include_removed=True)}

    def add_participant(self, name: str) -> int:
        return store.add_participant(self.conn, self.group["id"], name)

    def rename_participant(self, participant_id: int, name: str) -> None:
        store.rename_participant(self.conn, participant_id, name)

    def set_active(self, participant_id: int, active: bool) -> None:
        store.set_active(self.conn, participant_id, active, self.today)

    # ------------------------------------------------------------------ sessions

    def sessions(self) -> list[dict]:
        return store.sessions(self.conn, self.group["id"]) if self.group else []

    def start_session(self, held_on: dt.date | None = None) -> dict:
        session_id = store.open_session(self.conn, self.group["id"], held_on or self.today)
        self.select_session(session_id)
        return self.session

    def select_session(self, session_id: int) -> None:
        self.session = next(s for s in self.sessions() if s["id"] == session_id)

    def session_number(self) -> int:
        """1 for the group's first session, …"""
        ids = [s["id"] for s in self.sessions()]
        return ids.index(self.session["id"]) + 1 if self.session else 0

    def save_session_text(self, agenda: str, notes: str) -> None:
        store.update_session(self.conn, self.session["id"], agenda=agenda, notes=notes)
        self.session = {**self.session, "agenda": agenda, "notes": notes}

    def absent(self) -> set[int]:
        return store.absent_ids(self.conn, self.session["id"]) if self.session else set()

    def set_present(self, participant_id: int, present: bool) -> None:
        store.set_attendance(self.conn, self.session["id"], participant_id, present)

    def present_ids(self) -> list[int]:
        absent = self.absent()
        return [p["id"] for p in self.roster() if p["id"] not in absent]

    # --------------------------------------------------------------------- cards

    def import_card(self, data: bytes | str, source: str, sender: str = ""
                    ) -> service.CardImport | PendingCard:
        """Store a card whose sender the group knows; one it does not know waits in
        `pending` for the coach to say who sent it (raises `CardError`, `GroupConflict`)."""
        try:
            return service.import_card(self.conn, self.group, self._session_id(), data,
                                       sender=sender, today=self.today)
        except service.SenderUnknown as unknown:
            waiting = PendingCard(unknown.card, source, sender, unknown.code,
                                  unknown.suggestions, unknown.holder)
            self.pending = [p for p in self.pending if p.card.card_id != waiting.card.card_id]
            self.pending.append(waiting)
            return waiting

    def place_pending(self, index: int, member: int | None) -> service.CardImport:
        """The coach says who sent a waiting card: a member's id, or None for a new member."""
        waiting = self.pending[index]
        done = service.import_card(self.conn, self.group, self._session_id(), waiting.card,
                                   member=member, new=member is None, sender=waiting.sender)
        del self.pending[index]
        return done

    def skip_pending(self, index: int) -> PendingCard:
        return self.pending.pop(index)

    def merge(self, keep: int, other: int) -> None:
        service.merge_members(self.conn, keep, other)
        self.pending = [p for p in self.pending if p.holder is None
                        or p.holder["id"] != other]

    def _session_id(self) -> int | None:
        return self.session and self.session["id"]

    def cards(self) -> list[tuple[dict, ProgressCard]]:
        return service.stored_cards(self.conn, self.group["id"]) if self.group else []

    def latest_cards(self) -> dict[int, ProgressCard]:
        return service.latest_cards(self.conn, self.group["id"]) if self.group else {}

    def missing_cards(self) -> list[int]:
        """Active participants with no card for the current session."""
        if self.session is None:
            return [p["id"] for p in self.roster()]
        sent = {row["participant_id"] for row, _ in self.cards()
                if row["session_id"] == self.session["id"]}
        return [p["id"] for p in self.roster() if p["id"] not in sent]

    def dropped_cards(self) -> list[card_drop.DroppedCard]:
        """Cards waiting in this group's drop folder (creating the folder if needed, so
        participants can publish into it)."""
        card_drop.group_folder(self.drop_root, self.group["slug"], create=True)
        return card_drop.list_cards(self.drop_root, self.group["slug"])

    def read_dropped(self, card: card_drop.DroppedCard) -> bytes:
        return card_drop.read_dropped(card, MAX_CARD_BYTES)

    # --------------------------------------------------------------------- pairs

    def rounds(self) -> list[dict]:
        return store.rounds(self.conn, self.group["id"]) if self.group else []

    def session_round(self) -> dict | None:
        """This session's latest round."""
        if self.session is None:
            return None
        mine = [r for r in self.rounds() if r["session_id"] == self.session["id"]]
        return mine[-1] if mine else None

    def avoid_pairs(self) -> list[tuple[int, int]]:
        return store.avoid_pairs(self.conn, self.group["id"]) if self.group else []

    def add_avoid(self, first: int, second: int) -> None:
        store.add_avoid(self.conn, self.group["id"], first, second)

    def remove_avoid(self, first: int, second: int) -> None:
        store.remove_avoid(self.conn, first, second)

    def generate_round(self, replace: bool = False) -> dict:
        """This session's round from the whole history (raises `rules.GroupError`). A session
        holds one round: when it has one, it is replaced only if asked (`replace`), drawn
        from the history without it; otherwise `GroupConflict("round_exists")`, nothing
        changed — a second click must never add a round whose pairs count as having met."""
        existing = self.session_round()
        if existing is not None and not replace:
            raise store.GroupConflict("round_exists", existing["round_no"])
        roster = [p["id"] for p in self.roster()]
        history = [r["groups"] for r in self.rounds()
                   if existing is None or r["id"] != existing["id"]]
        def draw(seed: int) -> list[tuple]:
            return rules.pairing_rounds(roster, 1, history=history, absent=self.absent(),
                                        avoid=self.avoid_pairs(), odd=self.group["odd_mode"],
                                        seed=seed)[0]

        groups = draw(self.group["id"])
        # A replacement is a different draw when the roster allows one: other seeds are
        # tried until the tables differ from the ones replaced (a few at most).
        for attempt in range(1, 12):
            if existing is None or _tables(groups) != _tables(existing["groups"]):
                break
            groups = draw(self.group["id"] + 7919 * attempt)
        if existing is None:
            store.save_round(self.conn, self.group["id"], self.session["id"],
                             dt.date.fromisoformat(self.session["held_on"]), groups)
        else:
            store.replace_round(self.conn, existing["id"], groups)
        return self.session_round()

    def delete_round(self, round_id: int) -> None:
        store.delete_round(self.conn, round_id)

    def unmet_count(self) -> int:
        roster = [p["id"] for p in self.roster()]
        return len(rules.unmet_pairs(roster, [r["groups"] for r in self.rounds()]))

    # ------------------------------------------------------------------ referrals

    def refresh_referrals(self) -> int:
        """Record new suggestions from the latest cards; returns how many are new."""
        active = {p["id"] for p in self.roster()}
        found = service.referral_suggestions(self.conn, self.group["id"], active)
        return store.record_referrals(
            self.conn, self.group["id"], self.session and self.session["id"],
            [(r.introducer, r.seeker, r.target_name) for r in found])

    def suggestion_reasons(self) -> dict[tuple[int, int, str], rules.Referral]:
        active = {p["id"] for p in self.roster()}
        return {(r.introducer, r.seeker, r.target_name): r for r in
                service.referral_suggestions(self.conn, self.group["id"], active)}

    def referrals(self) -> list[dict]:
        return store.referrals(self.conn, self.group["id"]) if self.group else []

    def set_referral_status(self, referral_id: int, status: str) -> None:
        store.set_referral_status(self.conn, referral_id, status)

    # ---------------------------------------------------------------- pitch round

    def pitch_order(self) -> list[int]:
        return rules.pitch_order(self.present_ids(), self.session_number())

    def add_pitch_note(self, speaker_id: int, listener: str, remembered: str) -> int:
        return store.add_pitch_note(self.conn, self.session["id"], speaker_id, listener,
                                    remembered)

    def delete_pitch_note(self, note_id: int) -> None:
        store.delete_pitch_note(self.conn, note_id)

    def pitch_notes(self) -> list[dict]:
        return store.pitch_notes(self.conn, self.session["id"]) if self.session else []

    def pitch_results(self) -> dict[int, rules.PitchRecall]:
        """Recall per speaker with notes, measured against their latest card's one-liner."""
        latest = self.latest_cards()
        notes: dict[int, list[tuple[str, str]]] = {}
        for note in self.pitch_notes():
            notes.setdefault(note["speaker_id"], []).append((note["listener"],
                                                             note["remembered"]))
        results = {}
        for speaker, said in notes.items():
            card = latest.get(speaker)
            positioning = card.sections.get("positioning", {}) if card else {}
            results[speaker] = rules.pitch_recall(positioning.get("one_liner", ""),
                                                  positioning.get("core", {}), said)
        return results

    # ------------------------------------------------------------ intelligence board

    def add_board_entry(self, question: str, participant_id: int | None, answer: str) -> int:
        return store.add_board_entry(self.conn, self.session["id"], question, participant_id,
                                     answer)

    def delete_board_entry(self, entry_id: int) -> None:
        store.delete_board_entry(self.conn, entry_id)

    def board(self) -> list[dict]:
        return store.board_entries(self.conn, self.session["id"]) if self.session else []


def _tables(groups) -> set[frozenset]:
    return {frozenset(g) for g in groups}
