"""Group page, Pairs and Projector tabs: this session's round, the history, the avoid list;
and the large-type screens read from the back of the room."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.ui.common import StatusLine, coaching, html_text, table_html
from workbook.ui.group.roster import _button
from workbook.ui.widgets import Confirmation, set_options


def group_label(group: Sequence[int], names: dict[int, str]) -> str:
    return " · ".join(names.get(p, "?") for p in group)


class PairsPanel:
    """Generate the session's round; the history; who should not be paired."""

    def __init__(self, tr, lang: str, *, on_generate: Callable[[], None],
                 on_delete_round: Callable[[int], None],
                 on_avoid: Callable[[int, int], None], on_unavoid: Callable[[int, int], None]):
        self.tr, self.lang = tr, lang
        self.status = StatusLine()
        self.status.add_class("wb-group-pairs-status")
        generate = _button(tr("group.pairs.generate"), "wb-group-generate", on_generate,
                           "primary")
        self.current = ipw.HTML()
        self.current.add_class("wb-group-current-round")
        self.history = ipw.HTML()
        self.history.add_class("wb-group-round-history")
        self.round_choice = ipw.Dropdown(description=tr("group.pairs.round"))
        self.confirm = Confirmation(tr("group.pairs.delete_yes"), tr("common.cancel"),
                                    "wb-group-delete-round-yes",
                                    lambda: on_delete_round(self.round_choice.value))
        delete = _button(tr("group.pairs.delete_round"), "wb-group-delete-round",
                         lambda: self.round_choice.value and self.confirm.ask(
                             tr("group.pairs.delete_question", round=self.round_choice.label)))
        self.first = ipw.Dropdown(description=tr("group.pairs.avoid_first"))
        self.second = ipw.Dropdown(description=tr("group.pairs.avoid_second"))
        avoid = _button(tr("group.pairs.avoid_add"), "wb-group-avoid-add",
                        lambda: self.first.value and self.second.value and on_avoid(
                            self.first.value, self.second.value))
        self.avoided = ipw.Dropdown(description=tr("group.pairs.avoid_list"))
        unavoid = _button(tr("group.pairs.avoid_remove"), "wb-group-avoid-remove",
                          lambda: self.avoided.value and on_unavoid(*self.avoided.value))
        self.view = ipw.VBox([
            coaching(tr("group.pairs.coaching")), ipw.HBox([generate]), self.status,
            self.current,
            ipw.HTML(f"<h4>{html_text(tr('group.pairs.avoid_title'))}</h4>"),
            ipw.HBox([self.first, self.second, avoid]), ipw.HBox([self.avoided, unavoid]),
            ipw.HTML(f"<h4>{html_text(tr('group.pairs.history_title'))}</h4>"), self.history,
            ipw.HBox([self.round_choice, delete]), self.confirm.view])

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
        self.history.value = table_html(
            [tr("group.pairs.col_round"), tr("group.pairs.col_date"),
             tr("group.pairs.col_people")],
            [(r["round_no"], format_date(r["held_on"], self.lang),
              " | ".join(group_label(g, names) for g in r["groups"]))
             for r in reversed(rounds)]) if rounds else html_text(tr("common.none_yet"), "p",
                                                                    "wb-muted")


PROJECTOR_SCREENS = ("pairs", "pitch", "questions")

_PROJECTOR_STYLE = """<style>
.wb-projector {font-size: clamp(30px, 3.2vw, 64px); line-height: 1.35; padding: 0.4em 0.6em;
  background: #fff; color: #111;}
.wb-projector h1 {font-size: 1.5em; margin: 0.2em 0 0.5em 0;}
.wb-projector ol, .wb-projector ul {margin: 0; padding-left: 1.4em;}
.wb-projector li {margin: 0.25em 0;}
.wb-projector .wb-projector-aside {color: #555; font-size: 0.8em;}
</style>"""


class ProjectorPanel:
    """One large-type screen per activity."""

    def __init__(self, tr, *, on_screen: Callable[[str], None]):
        self.tr = tr
        self.screen = ipw.ToggleButtons(
            options=[(tr(f"group.projector.{s}"), s) for s in PROJECTOR_SCREENS])
        self.screen.add_class("wb-group-projector-choice")
        self.screen.observe(lambda c: on_screen(c["new"]), names="value")
        self.board = ipw.HTML()
        self.board.add_class("wb-group-projector")
        self.view = ipw.VBox([ipw.HTML(_PROJECTOR_STYLE), self.screen, self.board])

    def show(self, names: dict[int, str], current: dict | None, pitch_order: list[int],
             questions: Sequence[str]) -> None:
        tr, screen = self.tr, self.screen.value
        if screen == "pairs":
            title = tr("group.projector.pairs_title")
            if current:
                items = [(tr("group.projector.sits_out", name=names.get(g[0], "?"))
                          if len(g) == 1 else group_label(g, names)) for g in current["groups"]]
                body = "<ol>" + "".join(html_text(i, "li") for i in items) + "</ol>"
            else:
                body = html_text(tr("group.pairs.no_round"), "p", "wb-projector-aside")
        elif screen == "pitch":
            title = tr("group.projector.pitch_title")
            body = "<ol>" + "".join(html_text(names.get(p, "?"), "li") for p in pitch_order) \
                + "</ol>" + html_text(tr("group.projector.pitch_aside"), "p",
                                      "wb-projector-aside")
        else:
            title = tr("group.projector.questions_title")
            body = "<ul>" + "".join(html_text(q, "li") for q in questions) + "</ul>"
        self.board.value = f'<div class="wb-projector"><h1>{escape_html(title)}</h1>{body}</div>'
