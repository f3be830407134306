"""Group session page (coaches): Roster · Session · Cards · Pairs · Cross-referrals · Pitch
round · Intelligence board · Projector.

The page reads and writes only group tables through `GroupState`; it never reads a contact,
so it can be served in a room (or projected) from a profile that holds a private network.
Each action's feedback appears in its own tab, next to the button pressed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as ipw

from workbook.domain import group as rules
from workbook.domain.errors import CodedError
from workbook.domain.progress_card import CardError
from workbook.i18n.numbers import format_list
from workbook.paths import SESSION_VIEW_VARIABLE
from workbook.services.card_drop import DropFolderError, drop_root
from workbook.store.group import GroupConflict
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    error_sentence,
    guarded,
    page_shell,
)
from workbook.ui.group.cards import CardsPanel
from workbook.ui.group.pairs import PairsPanel
from workbook.ui.group.projector import ProjectorPanel
from workbook.ui.group.roster import RosterPanel, SessionPanel
from workbook.ui.group.state import GroupState, PendingCard
from workbook.ui.group.talk import BoardPanel, PitchPanel, ReferralsPanel

TABS = ("roster", "session", "cards", "pairs", "referrals", "pitch", "board", "projector")
# What a served group session shows the room: the activities, not the coach's roster, notes
# or the participants' cards (`workbook serve --session`).
SESSION_TABS = ("pairs", "pitch", "board", "projector")

_STYLE = """<style>
.wb-group-tabs .jupyter-button {width: auto; min-width: 5em; padding: 0 0.9em; flex: 0 0 auto;}
.wb-group-tabs {--jp-widgets-inline-label-width: 8em;}
</style>"""


class GroupPage:
    """The page: context, state, one panel per tab."""

    def __init__(self, ctx: PageContext, today: Callable[[], dt.date] = dt.date.today,
                 drop: Path | None = None, shown: tuple[str, ...] = TABS, room: bool = False):
        self.ctx, self.tr = ctx, ctx.tr
        self.status = StatusLine()
        self.status.add_class("wb-group-status")
        self.state = GroupState(ctx.conn, today, drop if drop is not None else drop_root())
        tr, lang = self.tr, ctx.lang
        has_drop = self.state.drop_root is not None
        self.room = room
        if room:                # the room looks, and adds a board entry or a pitch note
            shown = tuple(key for key in shown if key in SESSION_TABS)
        factories = {
            "roster": lambda: RosterPanel(
                tr, on_select_group=self._act("roster", self._select_group),
                on_create_group=self._act("roster", self._create_group),
                on_odd_mode=self._act("roster", self.state.set_odd_mode),
                on_add=self._act("roster", self._add),
                on_rename=self._act("roster", self._rename),
                on_active=self._act("roster", self._set_active),
                on_merge=self._act("roster", self._merge)),
            "session": lambda: SessionPanel(
                tr, lang, on_start=self._act("session", self._start),
                on_select=self._act("session", self.state.select_session),
                on_save=self._act("session", self._save_session),
                on_present=self._act("session", self._present, "attendance_status")),
            "cards": lambda: CardsPanel(
                tr, lang, on_import=self._act("cards", self._import),
                on_look_in_drop=self._act("cards", self._look_in_drop) if has_drop else None,
                on_import_dropped=self._act("cards", self._import_dropped)
                if has_drop else None,
                on_place=self._act("cards", self._place), on_skip=self._act("cards", self._skip)),
            "pairs": lambda: PairsPanel(tr, lang, room=True) if room else PairsPanel(
                tr, lang, on_generate=self._act("pairs", self._generate),
                on_replace=self._act("pairs", self._replace),
                on_delete_round=self._act("pairs", self._delete_round),
                on_avoid=self._act("pairs", self.state.add_avoid),
                on_unavoid=self._act("pairs", self.state.remove_avoid)),
            "referrals": lambda: ReferralsPanel(
                tr, on_refresh=self._act("referrals", self._refresh_referrals),
                on_status=self._act("referrals", self.state.set_referral_status)),
            "pitch": lambda: PitchPanel(tr, on_note=self._act("pitch", self._note),
                                        on_delete=None if room else self._act(
                                            "pitch", self.state.delete_pitch_note), room=room),
            "board": lambda: BoardPanel(tr, on_add=self._act("board", self._board_add),
                                        on_delete=None if room else self._act(
                                            "board", self.state.delete_board_entry), room=room),
            "projector": lambda: ProjectorPanel(tr, on_screen=self._act("projector",
                                                                        lambda _s: None)),
        }
        # A tab left out is never built: no widget of it (nor the data it would show)
        # reaches the browser.
        self.panels = {key: factories[key]() if key in shown else _NotShown()
                       for key in TABS}
        (self.roster, self.session, self.cards, self.pairs, self.referrals, self.pitch,
         self.board, self.projector) = self.panels.values()
        visible = [key for key in TABS if key in shown]
        self.tabs = ipw.Tab(children=[self.panels[key].view for key in visible],
                            titles=[tr(f"group.tab.{key}") for key in visible])
        self.tabs.add_class("wb-group-tabs")
        if self.state.group is None:
            self.status.show(tr("group.start_here"))
        self.refresh()
        self.view = page_shell(ctx, "group.room" if room else "group", ipw.HTML(_STYLE),
                               self.tabs, status=self.status, home_link=shown == TABS)

    # ------------------------------------------------------------ plumbing

    def _act(self, tab: str, action: Callable, where: str = "status") -> Callable:
        """A callback: run the action, redraw, say what happened next to the button; a
        refused action gives its sentence there, nothing changed. The line's previous
        message goes first (a message never outlives what it reported), and when the group
        or session changed, every tab's message and pending question goes."""

        def run(*args):
            panel = self.panels[tab]
            status = getattr(panel, where, None)
            status = self.status if status is None else status
            status.clear()
            before = self._selection()

            def work() -> None:
                message = action(*args)
                if self._selection() != before:
                    self._forget_messages()
                self.refresh()
                if isinstance(message, str):   # else the action answered on its own lines
                    status.show(message)

            work.__name__ = getattr(action, "__name__", tab)
            guarded(self.ctx, status)(work)()

        return run

    def _selection(self) -> tuple:
        state = self.state
        return (state.group and state.group["id"], state.session and state.session["id"])

    def _forget_messages(self) -> None:
        """What the tabs said was about the group or session no longer shown."""
        for panel in self.panels.values():
            for line in ("status", "attendance_status"):
                if hasattr(panel, line):
                    getattr(panel, line).clear()
        if hasattr(self.pairs, "forget_questions"):
            self.pairs.forget_questions()

    def refresh(self) -> None:
        """Redraw every tab from the store (a few small queries: a group is tens of rows)."""
        state, tr = self.state, self.tr
        names = state.names()
        roster_all = state.roster(include_removed=True)
        roster = [p for p in roster_all if p["active"]]
        history = state.cards()
        counts: dict[int, int] = {}
        for row, _card in history:
            counts[row["participant_id"]] = counts.get(row["participant_id"], 0) + 1
        self.roster.show(state.groups(), state.group, roster_all, counts,
                         rules.club_size_warning(len(roster)) if state.group else None)
        absent = state.absent()
        self.session.show(state.sessions(), state.session, roster, absent)
        latest = state.latest_cards()
        self.cards.show(names, roster, state.missing_cards(), latest, history, state.sessions())
        self.cards.show_pending(state.pending, names, roster)
        current = state.session_round()
        rounds = state.rounds()
        self.pairs.show(names, roster, current, rounds, state.avoid_pairs(), state.unmet_count())
        self.referrals.show(names, state.referrals(), state.suggestion_reasons()
                            if state.group else {},
                            set(state.present_ids()) if state.session else None)
        order = state.pitch_order() if state.session else []
        one_liners = {pid: card.sections.get("positioning", {}).get("one_liner", "")
                      for pid, card in latest.items()}
        self.pitch.show(names, order, one_liners, state.pitch_notes(), state.pitch_results()
                        if state.session else {})
        self.board.show(names, roster, state.board())
        self.projector.show(names, current, order,
                            [tr(f"group.board.q.{q}") for q in rules.BOARD_QUESTIONS])

    def reload(self) -> None:
        """Another page or program wrote to the profile: every tab reads it again."""
        self.refresh()

    def _need_session(self) -> None:
        if self.state.group is None:
            raise GroupConflict("no_group")
        if self.state.session is None:
            raise GroupConflict("no_session")

    # ------------------------------------------------------------ actions

    def _select_group(self, group_id: int) -> None:
        if self.state.group is None or self.state.group["id"] != group_id:
            self.state.select_group(group_id)

    def _create_group(self, name: str) -> str:
        group = self.state.create_group(name)
        self.roster.new_group.value = ""
        return self.tr("group.roster.created", name=group["name"])

    def _add(self, name: str) -> str:
        if self.state.group is None:
            raise GroupConflict("no_group")
        self.state.add_participant(name)
        self.roster.name.value = ""
        return self.tr("group.roster.added", name=" ".join(name.split()))

    def _rename(self, participant_id: int, name: str) -> str:
        self.state.rename_participant(participant_id, name)
        self.roster.rename_to.value = ""
        return self.tr("group.roster.renamed", name=" ".join(name.split()))

    def _set_active(self, participant_id: int, active: bool) -> str:
        self.state.set_active(participant_id, active)
        name = self.state.names()[participant_id]
        return self.tr("group.roster.restored" if active else "group.roster.removed_done",
                       name=name)

    def _start(self, day: dt.date) -> str:
        if self.state.group is None:
            raise GroupConflict("no_group")
        self.state.start_session(day)
        return self.tr("group.session.started")

    def _save_session(self, agenda: str, notes: str) -> str:
        self._need_session()
        self.state.save_session_text(agenda, notes)
        return self.tr("common.saved")

    def _present(self, participant_id: int, present: bool) -> str:
        self._need_session()
        self.state.set_present(participant_id, present)
        total = len(self.state.roster())
        return self.tr.count("group.session.present_saved", len(self.state.present_ids()),
                             total=total)

    def _import(self, files: list[tuple[bytes | str, str]]) -> None:
        """Every file picked (or the pasted text): one result line each, beside the
        button; the cards whose sender the roster does not know wait for the coach."""
        if self.state.group is None:
            raise GroupConflict("no_group")
        return self._import_each([(source, lambda data=data: data, "") for data, source
                                  in files])

    def _import_each(self, items) -> None:
        """(source, read its bytes, sender) for each card: imported, waiting, or refused
        with its own sentence; one refused card never stops the others."""
        lines, counts = [], {"imported": 0, "waiting": 0, "refused": 0}
        for source, read, sender in items:
            try:
                done = self.state.import_card(read(), source, sender)
            except (CardError, GroupConflict, DropFolderError) as problem:
                lines.append((source, self._refusal(problem), True))
                counts["refused"] += 1
                continue
            if isinstance(done, PendingCard):
                key = "group.cards.line_taken" if done.code == "card_id_taken" \
                    else "group.cards.line_waiting"
                lines.append((source, self.tr(key, name=done.card.participant), False))
                counts["waiting"] += 1
            else:
                lines.append((source, self.tr("group.cards.line_imported",
                                              name=done.participant), False))
                counts["imported"] += 1
        self.cards.show_results(lines if len(lines) > 1 else [])
        if len(lines) == 1:          # one card: its own sentence is the answer
            self.cards.status.show(lines[0][1], error=lines[0][2])
        else:
            self.cards.status.show(format_list(
                [self.tr.count(f"group.cards.summary_{key}", number)
                 for key, number in counts.items() if number], self.tr.lang)
                or self.tr("group.cards.summary_nothing"),
                error=counts["refused"] == len(lines) > 0)

    def _refusal(self, problem: CodedError) -> str:
        return error_sentence(self.tr, problem)

    def _place(self, index: int, member: int | None) -> str:
        waiting = self.state.pending[index]
        done = self.state.place_pending(index, member)
        key = "group.cards.placed_new" if done.added else "group.cards.placed"
        return self.tr(key, name=waiting.card.participant,
                       member=self.state.names()[done.participant_id])

    def _skip(self, index: int) -> str:
        waiting = self.state.skip_pending(index)
        return self.tr("group.cards.skipped", name=waiting.card.participant)

    def _merge(self, other: int, keep: int) -> str:
        names = self.state.names()
        self.state.merge(keep, other)
        return self.tr("group.roster.merged", other=names[other], keep=names[keep])

    def _look_in_drop(self) -> str:
        if self.state.group is None:
            raise GroupConflict("no_group")
        found = self.state.dropped_cards()
        self.cards.show_dropped([c.path.name for c in found])
        return self.tr("group.cards.drop_folder", path=self.state.drop_root / self.state.group[
            "slug"])

    def _import_dropped(self) -> None:
        """Every card in the drop folder, each with its own line: the sender is the file's
        owner on a cohort server."""
        if self.state.group is None:
            raise GroupConflict("no_group")
        return self._import_each([(card.path.name, lambda card=card: self.state.read_dropped(
            card), card.owner) for card in self.state.dropped_cards()])

    def _generate(self) -> str | None:
        """A session holds one round: a second click asks before replacing it."""
        self._need_session()
        existing = self.state.session_round()
        if existing is not None:
            self.pairs.ask_replace(existing["round_no"])
            return None
        self.pairs.forget_questions()
        done = self.state.generate_round()
        return self.tr("group.pairs.generated", number=done["round_no"])

    def _replace(self) -> str:
        self._need_session()
        done = self.state.generate_round(replace=True)
        return self.tr("group.pairs.replaced", number=done["round_no"])

    def _delete_round(self, round_id: int) -> str:
        number = next((r["round_no"] for r in self.state.rounds() if r["id"] == round_id), "")
        self.state.delete_round(round_id)
        self.pairs.forget_questions()
        return self.tr("group.pairs.deleted", number=number)

    def _refresh_referrals(self) -> str:
        if self.state.group is None:
            raise GroupConflict("no_group")
        return self.tr.count("group.referrals.found", self.state.refresh_referrals())

    def _note(self, speaker: int, listener: str, remembered: str) -> str:
        self._need_session()
        if not remembered.strip():
            raise GroupConflict("blank_note")
        self.state.add_pitch_note(speaker, listener, remembered)
        self.pitch.remembered.value = ""
        return self.tr("group.pitch.noted")

    def _board_add(self, question: str, participant: int | None, answer: str) -> str:
        self._need_session()
        if not answer.strip():
            raise GroupConflict("blank_note")
        self.state.add_board_entry(question, participant, answer)
        self.board.answer.value = ""
        return self.tr("group.board.added")


class _NotShown:
    """A tab this view leaves out: redraws do nothing."""

    def show(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name: str):
        if name.startswith("show"):       # show_pending, show_results…: nothing to draw
            return self.show
        raise AttributeError(name)


def build_group(profile: str | None = None, lang: str | None = None) -> ipw.Widget:
    """The group page for the profile served (see `open_page_context`); only the session's
    activities when served as a group session (`WORKBOOK_GROUP_VIEW=session`)."""
    room = os.environ.get(SESSION_VIEW_VARIABLE) == "session"
    return build_page(lambda ctx: GroupPage(ctx, shown=SESSION_TABS if room else TABS,
                                            room=room).view, profile, lang)
