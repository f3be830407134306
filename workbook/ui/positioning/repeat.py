"""Positioning page, the repeat-back test: connectors rephrase the specialty; what each kept
of the role, the audience and the deliverable, and the part that gets lost."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.charts.positioning import repeat_back_figure
from workbook.domain.positioning import CORE_PARTS, RepeatBackSummary
from workbook.i18n.numbers import format_percent
from workbook.ui.common import StatusLine, html_text, refresh_figure, table_html
from workbook.ui.positioning.format import day_label, percent

Guard = Callable[[StatusLine], Callable[[Callable], Callable]]


def distinct_labels(names: list[str], taken: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """`names` made distinct for a chart's categories, where equal names would pile their bars
    up: a repeated name (the same connector asked twice) gets " (2)", " (3)"…"""
    seen = set(taken)
    labels = []
    for name in names:
        label, number = name, 1
        while label in seen:
            number += 1
            label = f"{name} ({number})"
        seen.add(label)
        labels.append(label)
    return labels


class RepeatBackPanel:
    """Record, show and remove repeat-backs. Callbacks: `on_add(name, text, contact_id)` and
    `on_delete(repeat_back_id)` return the state's outcome code; the page redraws the panel
    with `show` before they return."""

    def __init__(self, tr, *, guard: Guard,
                 on_add: Callable[[str, str, int | None], str],
                 on_delete: Callable[[int | None], str]):
        self.tr = tr
        self._on_add_cb, self._on_delete_cb = on_add, on_delete
        self._summary: RepeatBackSummary | None = None
        self._names: dict[int, str] = {}
        self.contacts: Mapping[str, int] = {}
        self.name = ipw.Combobox(placeholder=tr("positioning.repeat.name_placeholder"),
                                 description=tr("positioning.repeat.name"), ensure_option=False)
        self.name.add_class("wb-positioning-rb-name")
        self.text = ipw.Textarea(placeholder=tr("positioning.repeat.text_placeholder"),
                                 description=tr("positioning.repeat.text"), rows=3,
                                 layout=ipw.Layout(width="90%"))
        self.text.add_class("wb-positioning-rb-text")
        self.add = ipw.Button(description=tr("positioning.repeat.add"), icon="plus",
                              button_style="primary")
        self.add.add_class("wb-positioning-rb-add")
        self.status = StatusLine()
        self.status.add_class("wb-positioning-rb-status")
        self.add.on_click(guard(self.status)(self._on_add))
        self.summary = ipw.HTML()
        self.summary.add_class("wb-positioning-rb-summary")
        self.chart_box = ipw.VBox()
        self.chart_box.add_class("wb-positioning-rb-chart")
        self.chart: go.FigureWidget | None = None
        self.table = ipw.HTML()
        self.table.add_class("wb-positioning-rb-table")
        self.delete_choice = ipw.Dropdown(description=tr("positioning.repeat.delete_choice"),
                                          style={"description_width": "initial"},
                                          layout=ipw.Layout(width="auto"))
        self.delete_choice.add_class("wb-positioning-rb-delete-choice")
        self.delete = ipw.Button(description=tr("positioning.repeat.delete"), icon="trash")
        self.delete.add_class("wb-positioning-rb-delete")
        self.delete_status = StatusLine()  # next to the button: the answer is seen there
        self.delete_status.add_class("wb-positioning-rb-delete-status")
        self.delete.on_click(guard(self.delete_status)(self._on_delete))
        self.delete_row = ipw.HBox([self.delete_choice, self.delete])
        self.view = ipw.VBox([ipw.HTML(html_text(tr("positioning.repeat.intro"), "p")),
                              self.name, self.text, self.add, self.status, self.summary,
                              self.chart_box, self.table, self.delete_row, self.delete_status,
                              ipw.HTML(html_text(tr("positioning.repeat.limits"), "p",
                                                 "wb-muted"))])

    # -- callbacks
    def _on_add(self, _button=None) -> None:
        tr = self.tr
        name = " ".join(self.name.value.split())
        outcome = self._on_add_cb(name, self.text.value, self.contacts.get(name))
        if outcome != "added":
            self.status.show(tr(f"positioning.repeat.{outcome}"), error=True)
            return
        self.text.value = ""
        self.name.value = ""
        self.delete_status.clear()
        summary = self._summary
        kept = summary.results[-1].overall if summary and summary.results else None
        self.status.show(tr("positioning.repeat.added", name=name,
                            percent=percent(kept or 0, tr)))

    def _on_delete(self, _button=None) -> None:
        chosen = self.delete_choice.value
        name = self._names.get(chosen, "")
        outcome = self._on_delete_cb(chosen)
        self.status.clear()
        self.delete_status.show(self.tr(f"positioning.repeat.{outcome}", name=name),
                                error=outcome != "deleted")

    # -- views
    def show_contacts(self, contacts: Mapping[str, int]) -> None:
        """Connectors and prescribers of the network, offered as names (name -> contact id)."""
        self.contacts = dict(contacts)
        self.name.options = tuple(self.contacts)

    def show(self, version_label: str | None, rows: Sequence[dict],
             summary: RepeatBackSummary | None) -> None:
        """The repeat-backs (store rows) of the latest version, saved at `version_label`;
        None when no version is saved yet."""
        tr = self.tr
        self._summary = summary
        if version_label is None or summary is None:
            self.summary.value = html_text(tr("positioning.repeat.need_version"), "p")
            return
        lines = [html_text(tr("positioning.repeat.version", date=version_label), "p",
                           "wb-muted")]
        if not summary.results:
            lines.append(html_text(tr("positioning.repeat.none"), "p"))
        elif summary.overall is None:
            lines.append(html_text(tr("positioning.repeat.need_core"), "p"))
        else:
            lines.append(html_text(tr("positioning.repeat.summary", count=len(summary.results),
                                      percent=percent(summary.overall, tr)), "p"))
            lost = summary.lost_part or "none"
            lines.append(html_text(tr(f"positioning.repeat.lost.{lost}"), "p",
                                   f"wb-positioning-lost-{lost}"))
        self.summary.value = "".join(lines)
        self._show_table(rows, summary)
        self._show_chart(summary)

    def _show_chart(self, summary: RepeatBackSummary) -> None:
        tr = self.tr
        if len(summary.results) < 2 or not summary.overall:
            # one rephrasing is the table's one line (its bar and the average are the same),
            # and nothing kept is bars of height 0: no chart of empty axes above the results
            self.chart_box.children = ()
            return
        average = tr("positioning.repeat.average")
        names = distinct_labels([r.connector for r in summary.results], taken={average})
        names.append(average)
        kept = {part: [r.kept[part] for r in summary.results] + [summary.mean_by_part[part]]
                for part in CORE_PARTS}
        figure = repeat_back_figure(
            names, kept, part_labels={p: tr(f"positioning.repeat.part.{p}") for p in CORE_PARTS},
            title=tr("positioning.repeat.chart_title"), y_title=tr("positioning.repeat.y"),
            percent_label=lambda value: format_percent(value / 100, tr.lang))
        if self.chart is None:
            self.chart = go.FigureWidget(figure)
        else:
            refresh_figure(self.chart, figure)
        self.chart_box.children = (self.chart,)

    def _show_table(self, rows: Sequence[dict], summary: RepeatBackSummary) -> None:
        tr = self.tr
        self._names = {r["id"]: r["connector_name"] for r in rows}
        # A first, empty choice: nothing is removed by a click on the wrong default.
        self.delete_choice.options = [(tr("positioning.repeat.delete_pick"), None)] + [
            (f"{r['connector_name']} · {day_label(r['recorded_on'], tr)}", r["id"])
            for r in rows]
        self.delete_choice.index = 0
        self.delete_row.layout.display = None if rows else "none"
        if not rows:
            self.table.value = ""
            return

        def share(value: float | None) -> str:
            return "—" if value is None else percent(value, tr)

        head = [tr("positioning.repeat.col.connector"), tr("positioning.repeat.col.date"),
                tr("positioning.repeat.col.words"),
                *(tr(f"positioning.repeat.part.{part}") for part in CORE_PARTS)]
        body = [[row["connector_name"], day_label(row["recorded_on"], tr), row["rephrasing"],
                 *(share(result.kept[part]) for part in CORE_PARTS)]
                for row, result in zip(rows, summary.results)]
        self.table.value = table_html(head, body)
