"""Group page, Pairs tab: this session's round, the history, the avoid list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from workbook.i18n.dates import format_date
from workbook.ui.common import StatusLine, coaching, html_text, table_html
from workbook.ui.group.widgets import button
from workbook.ui.widgets import Confirmation, set_options


def group_label(group: Sequence[int], names: dict[int, str]) -> str:
    return " · ".join(names.get(p, "?") for p in group)


class PairsPanel:
    """Generate the session's round (a second time: replace it, once confirmed); the history;
    who should not be paired. In the room (`room=True`) only the round and the history are
    built: no button that writes, and the kept-apart list never reaches the browser."""

    def __init__(self, tr, lang: str, *, on_generate: Callable[[], None] | None = None,
                 on_replace: Callable[[], None] | None = None,
                 on_delete_round: Callable[[int], None] | None = None,
                 on_avoid: Callable[[int, int], None] | None = None,
                 on_unavoid: Callable[[int, int], None] | None = None, room: bool = False):
        self.tr, self.lang, self.room = tr, lang, room
        self.status = StatusLine()
        self.status.add_class("wb-group-pairs-status")
        self.current = ipw.HTML()
        self.current.add_class("wb-group-current-round")
        self.history = ipw.HTML()
        self.history.add_class("wb-group-round-history")
        history_title = ipw.HTML(f"<h4>{html_text(tr('group.pairs.history_title'))}</h4>")
        if room:
            self.view = ipw.VBox([coaching(tr("group.pairs.coaching")), self.current,
                                  history_title, self.history])
            return
        generate = button(tr("group.pairs.generate"), "wb-group-generate", on_generate,
                           "primary")
        self.replace = Confirmation(tr("group.pairs.replace_yes"), tr("common.cancel"),
                                    "wb-group-replace-round-yes", on_replace)
        self.replace.view.add_class("wb-group-replace-round")
        self.round_choice = ipw.Dropdown(description=tr("group.pairs.round"))
        self.confirm = Confirmation(tr("group.pairs.delete_yes"), tr("common.cancel"),
                                    "wb-group-delete-round-yes",
                                    lambda: on_delete_round(self.round_choice.value))
        delete = button(tr("group.pairs.delete_round"), "wb-group-delete-round",
                         lambda: self.round_choice.value and self.confirm.ask(
                             tr("group.pairs.delete_question", round=self.round_choice.label)))
        self.first = ipw.Dropdown(description=tr("group.pairs.avoid_first"))
        self.second = ipw.Dropdown(description=tr("group.pairs.avoid_second"))
        avoid = button(tr("group.pairs.avoid_add"), "wb-group-avoid-add",
                        lambda: self.first.value and self.second.value and on_avoid(
                            self.first.value, self.second.value))
        self.avoided = ipw.Dropdown(description=tr("group.pairs.avoid_list"))
        unavoid = button(tr("group.pairs.avoid_remove"), "wb-group-avoid-remove",
                          lambda: self.avoided.value and on_unavoid(*self.avoided.value))
        self.view = ipw.VBox([
            coaching(tr("group.pairs.coaching")), ipw.HBox([generate]), self.replace.view,
            self.status, self.current,
            ipw.HTML(f"<h4>{html_text(tr('group.pairs.avoid_title'))}</h4>"),
            ipw.HBox([self.first, self.second, avoid]), ipw.HBox([self.avoided, unavoid]),
            history_title, self.history, ipw.HBox([self.round_choice, delete]),
            self.confirm.view])

    def ask_replace(self, number: int) -> None:
        """The session has a round already: offer to replace it, say what that means."""
        self.status.clear()
        self.replace.ask(self.tr("group.pairs.replace_question", number=number))

    def forget_questions(self) -> None:
        """Questions asked about what was on screen before (another session, a round gone)."""
        if not self.room:
            self.replace.hide()
            self.confirm.hide()

    def show(self, names: dict[int, str], roster: list[dict], current: dict | None,
             rounds: list[dict], avoid: list[tuple[int, int]], unmet: int) -> None:
        tr = self.tr
        if current:
            rows = [(tr("group.pairs.sits_out") if len(g) == 1 else i + 1, group_label(g, names))
                    for i, g in enumerate(current["groups"])]
            self.current.value = html_text(tr("group.pairs.current", number=current["round_no"]),
                                           "h4") + table_html(
                [tr("group.pairs.col_table"), tr("group.pairs.col_people")], rows)
        else:
            self.current.value = html_text(tr("group.pairs.no_round"), "p", "wb-muted")
        self.current.value += html_text(tr("group.pairs.unmet", count=unmet), "p", "wb-muted")
        self.history.value = table_html(
            [tr("group.pairs.col_round"), tr("group.pairs.col_date"),
             tr("group.pairs.col_people")],
            [(r["round_no"], format_date(r["held_on"], self.lang),
              " | ".join(group_label(g, names) for g in r["groups"]))
             for r in reversed(rounds)]) if rounds else html_text(tr("common.none_yet"), "p",
                                                                    "wb-muted")
        if self.room:
            return
        people = [(p["display_name"], p["id"]) for p in roster]
        set_options(self.first, people)
        set_options(self.second, people)
        set_options(self.avoided, [(f"{names.get(a, '?')} ↔ {names.get(b, '?')}", (a, b))
                                   for a, b in avoid])
        known = len(self.round_choice.options)
        set_options(self.round_choice,
                    [(f"{r['round_no']} · {format_date(r['held_on'], self.lang)}", r["id"])
                     for r in reversed(rounds)])
        if rounds and len(rounds) != known:     # a round was added or deleted: the latest
            self.round_choice.value = rounds[-1]["id"]
