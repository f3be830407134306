"""Group page, Cross-referrals, Pitch round and Intelligence board tabs."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.group import BOARD_QUESTIONS, PitchRecall, Referral
from workbook.i18n.numbers import format_percent
from workbook.ui.common import StatusLine, coaching, html_text, table_html
from workbook.ui.glossary import glossed_coaching
from workbook.ui.group.widgets import button
from workbook.ui.widgets import set_options


class ReferralsPanel:
    """"A targets X; B can introduce to X": suggestions from the cards, then made or not."""

    def __init__(self, tr, *, on_refresh: Callable[[], None],
                 on_status: Callable[[int, str], None]):
        self.tr = tr
        self.status = StatusLine()
        self.status.add_class("wb-group-referrals-status")
        refresh = button(tr("group.referrals.refresh"), "wb-group-referrals-refresh",
                          on_refresh, "primary")
        self.choice = ipw.Dropdown(description=tr("group.referrals.choice"),
                                   layout=ipw.Layout(width="40em"))
        made = button(tr("group.referrals.made"), "wb-group-referral-made",
                       lambda: self.choice.value and on_status(self.choice.value, "made"))
        dismiss = button(tr("group.referrals.dismiss"), "wb-group-referral-dismiss",
                          lambda: self.choice.value and on_status(self.choice.value,
                                                                  "dismissed"))
        self.table = ipw.HTML()
        self.table.add_class("wb-group-referrals")
        explain = glossed_coaching(tr, tr("group.referrals.coaching"), ("second_degree",))
        self.view = ipw.VBox([explain, refresh, self.status,
                              self.table, ipw.HBox([self.choice, made, dismiss])])

    def show(self, names: dict[int, str], referrals: list[dict],
             reasons: dict[tuple[int, int, str], Referral],
             present: set[int] | None = None) -> None:
        """One table per target organisation; the introductions the people here tonight can
        make come first (`present`: who is here; None: everyone), the others after, marked."""
        tr = self.tr
        here = (lambda pid: True) if present is None else present.__contains__
        by_target: dict[str, list[dict]] = {}
        for r in referrals:
            by_target.setdefault(r["organisation"], []).append(r)

        def tonight(r: dict) -> bool:
            return here(r["to_participant"]) and here(r["from_participant"])

        targets = sorted(by_target, key=lambda t: (not any(tonight(r) for r in by_target[t]),
                                                   t.casefold()))
        parts, options = [], []
        for target in targets:
            rows = []
            for r in sorted(by_target[target], key=lambda r: not tonight(r)):
                seeker, introducer = (names.get(r["to_participant"], "?"),
                                      names.get(r["from_participant"], "?"))
                if not tonight(r):
                    absent = [n for pid, n in ((r["to_participant"], seeker),
                                               (r["from_participant"], introducer))
                              if not here(pid)]
                    seeker, introducer = (tr("group.referrals.away", name=seeker)
                                          if seeker in absent else seeker,
                                          tr("group.referrals.away", name=introducer)
                                          if introducer in absent else introducer)
                match = reasons.get((r["from_participant"], r["to_participant"],
                                     r["organisation"]))
                reason = tr(f"group.referrals.reason.{match.reason}", target=match.target_name,
                            offered=match.introduction_name) if match else "—"
                rows.append((seeker, introducer, reason,
                             tr(f"group.referrals.status.{r['status']}")))
                options.append((f"{names.get(r['from_participant'], '?')} → "
                                f"{names.get(r['to_participant'], '?')} · {target}", r["id"]))
            parts.append(html_text(target, "h4") + table_html(
                [tr("group.referrals.col_seeker"), tr("group.referrals.col_introducer"),
                 tr("group.referrals.col_reason"), tr("group.referrals.col_status")], rows))
        set_options(self.choice, options)
        self.table.value = "".join(parts) if parts else html_text(
            tr("group.referrals.none"), "p", "wb-muted")


class PitchPanel:
    """Each one-liner read to the group; listeners note what they remembered. The speaker
    starts at the first of the speaking order, "Noted by" at someone else. In the room
    (`room=True`): the order and the note form only — no one-liner to copy from, no scores,
    no way to delete a note."""

    def __init__(self, tr, *, on_note: Callable[[int, str, str], None],
                 on_delete: Callable[[int], None] | None, room: bool = False):
        self.tr, self.room = tr, room
        self.status = StatusLine()
        self.status.add_class("wb-group-pitch-status")
        self.order = ipw.HTML()
        self.order.add_class("wb-group-pitch-order")
        self._order: list[int] = []
        self.speaker = ipw.Dropdown(description=tr("group.pitch.speaker"))
        self.speaker.add_class("wb-group-pitch-speaker")
        self.listener = ipw.Dropdown(description=tr("group.pitch.listener"))
        self.listener.add_class("wb-group-pitch-listener")
        self.speaker.observe(lambda _c: self._someone_else_notes(), names="value")
        self.remembered = ipw.Textarea(placeholder=tr("group.pitch.remembered_placeholder"),
                                       layout=ipw.Layout(width="95%", height="4em"))
        self.remembered.add_class("wb-group-pitch-text")
        add = button(tr("group.pitch.add"), "wb-group-pitch-add",
                      lambda: self.speaker.value and on_note(
                          self.speaker.value, self.listener.label or "", self.remembered.value),
                      "primary")
        explain = glossed_coaching(tr, tr("group.pitch.coaching"), ("one_liner", "connector"))
        parts = [explain, self.order, ipw.HBox([self.speaker, self.listener]),
                 self.remembered, add, self.status]
        if not room:
            self.results = ipw.HTML()
            self.results.add_class("wb-group-pitch-results")
            self.note_choice = ipw.Dropdown(description=tr("group.pitch.note"))
            delete = button(tr("common.delete"), "wb-group-pitch-delete",
                             lambda: self.note_choice.value and on_delete(
                                 self.note_choice.value))
            parts += [self.results, ipw.HBox([self.note_choice, delete])]
        self.view = ipw.VBox(parts)

    def _someone_else_notes(self) -> None:
        """A speaker does not note their own pitch: "Noted by" moves to the next speaker."""
        if self.speaker.value is None or self.listener.value != self.speaker.value:
            return
        others = [p for p in self._order if p != self.speaker.value]
        if others:
            at = self._order.index(self.speaker.value)
            self.listener.value = next((p for p in self._order[at + 1:] if p in others),
                                       others[0])

    def show(self, names: dict[int, str], order: list[int], one_liners: dict[int, str],
             notes: list[dict], results: dict[int, PitchRecall]) -> None:
        tr = self.tr
        self.order.value = html_text(tr("group.pitch.order"), "h4") + "<ol>" + "".join(
            "<li>" + html_text(names.get(p, "?"), "b") + ("" if self.room else " — "
            + html_text(one_liners.get(p) or tr("group.pitch.no_one_liner"))) + "</li>"
            for p in order) + "</ol>"
        new_order = order != self._order
        self._order = list(order)
        people = [(names.get(p, "?"), p) for p in order]
        set_options(self.listener, people)
        set_options(self.speaker, people)
        if new_order and order:         # a new speaking order starts at its first speaker
            self.speaker.value = order[0]
        self._someone_else_notes()
        if self.room:
            return
        rows = []
        for speaker, recall in results.items():
            lost = "—"
            if recall.lost_part:
                lost = tr(f"group.pitch.part.{recall.lost_part}")
                if recall.lost_words:   # what did not come back, in the speaker's words
                    lost = tr("group.pitch.lost_words", part=lost,
                              words=" ".join(recall.lost_words))
            recalled = "—" if recall.score is None else format_percent(recall.score, tr.lang)
            rows.append((names.get(speaker, "?"), recalled, lost,
                         len(recall.by_listener)))
        self.results.value = table_html(
            [tr("group.pitch.col_speaker"), tr("group.pitch.col_recall"),
             tr("group.pitch.col_lost"), tr("group.pitch.col_notes")], rows) if rows else \
            html_text(tr("group.pitch.none"), "p", "wb-muted")
        set_options(self.note_choice, [
            (f"{names.get(n['speaker_id'], '?')} ← {n['listener']}: {n['remembered'][:40]}",
             n["id"]) for n in notes])


class BoardPanel:
    """The session's network-intelligence board: the method's questions, pooled."""

    def __init__(self, tr, *, on_add: Callable[[str, int | None, str], None],
                 on_delete: Callable[[int], None] | None, room: bool = False):
        self.tr, self.room = tr, room
        self.status = StatusLine()
        self.status.add_class("wb-group-board-status")
        self.question = ipw.Dropdown(
            options=[(tr(f"group.board.q.{q}"), q) for q in BOARD_QUESTIONS],
            description=tr("group.board.question"), layout=ipw.Layout(width="40em"))
        self.who = ipw.Dropdown(description=tr("group.board.who"))
        self.answer = ipw.Textarea(placeholder=tr("group.board.answer_placeholder"),
                                   layout=ipw.Layout(width="95%", height="4em"))
        self.answer.add_class("wb-group-board-answer")
        add = button(tr("group.board.add"), "wb-group-board-add",
                      lambda: on_add(self.question.value, self.who.value, self.answer.value),
                      "primary")
        self.entries = ipw.HTML()
        self.entries.add_class("wb-group-board")
        parts = [coaching(tr("group.board.coaching")), ipw.HBox([self.question, self.who]),
                 self.answer, add, self.status, self.entries]
        if not room:            # the room adds entries; only the coach removes one
            self.entry_choice = ipw.Dropdown(description=tr("group.board.entry"))
            delete = button(tr("common.delete"), "wb-group-board-delete",
                             lambda: self.entry_choice.value and on_delete(
                                 self.entry_choice.value))
            parts.append(ipw.HBox([self.entry_choice, delete]))
        self.view = ipw.VBox(parts)

    def show(self, names: dict[int, str], roster: list[dict], entries: list[dict]) -> None:
        tr = self.tr
        set_options(self.who, [(tr("group.board.nobody"), None)]
                    + [(p["display_name"], p["id"]) for p in roster])
        parts = []
        for question in BOARD_QUESTIONS:
            mine = [e for e in entries if e["question"] == question]
            if mine:
                parts.append(html_text(tr(f"group.board.q.{question}"), "h4") + "<ul>" + "".join(
                    "<li>" + html_text(e["answer"])
                    + (html_text(f" — {names.get(e['participant_id'], '?')}", "span", "wb-muted")
                       if e["participant_id"] else "") + "</li>" for e in mine) + "</ul>")
        self.entries.value = "".join(parts) or html_text(tr("group.board.none"), "p",
                                                         "wb-muted")
        if not self.room:
            set_options(self.entry_choice, [(e["answer"][:50], e["id"]) for e in entries])
