"""The "Who is due" tab: health per layer, who is due, who is drifting away, who was never
in touch (start here), dormant ties to revive, and the charts (opened on demand)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as ipw
import pandas as pd

from workbook.domain.routines import drifting_list, due_list, layer_health, never_list, revive_list
from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.ui.common import coaching, html_text, refresh_figure, table_html
from workbook.ui.routines.widgets import ButtonRows, classed

if TYPE_CHECKING:  # plotly loads only when the charts are opened
    import plotly.graph_objects as go

MAX_ROWS = 25


class DuePanel:
    """Shows a `due_status` frame. Callbacks: `on_log_for(contact_id)` (open the Log tab on
    that person); `on_charts_open() -> list[go.Figure]` (drawn once, then updated)."""

    def __init__(self, tr, *, on_log_for: Callable[[int], None],
                 on_charts_open: Callable[[], list[go.Figure]],
                 guard: Callable[[Callable], Callable]):
        self.tr = tr
        self.on_log_for = on_log_for
        self.on_charts_open = on_charts_open
        self.guard = guard
        self.health = classed(ipw.HTML(), "wb-routines-health")
        self.due_heading = ipw.HTML()
        self.due_rows = classed(ipw.VBox(), "wb-routines-due-list")
        self.drift_heading = ipw.HTML()
        self.drift_rows = classed(ipw.VBox(), "wb-routines-drifting-list")
        self.never_heading = ipw.HTML()
        self.never_rows = classed(ipw.VBox(), "wb-routines-never-list")
        self.revive = classed(ipw.HTML(), "wb-routines-revive-list")
        self.chart_box = ipw.VBox()
        self.charts = classed(ipw.Accordion(children=[self.chart_box], selected_index=None),
                              "wb-routines-due-charts")
        self.charts.set_title(0, tr("routines.due.show_charts"))
        self.charts.observe(guard(self._on_charts_open), names="selected_index")
        self.figures: list[go.FigureWidget] = []  # drawn when first opened
        self._lists = {box: ButtonRows(box, tr("routines.due.log_button"), on_log_for, guard,
                                       row_class="wb-routines-due-row",
                                       button_class="wb-routines-due-log",
                                       text_class="wb-routines-due-name")
                       for box in (self.due_rows, self.drift_rows, self.never_rows)}
        self.view = ipw.VBox([coaching(tr("routines.coach.due"), "wb-routines-coach-due"),
                              self.health, self.due_heading, self.due_rows, self.drift_heading,
                              self.drift_rows, self.never_heading, self.never_rows,
                              self.revive, self.charts])

    def render(self, status: pd.DataFrame) -> None:
        tr = self.tr
        rows = [(tr(f"vocab.layer.{row.layer}"), row.contacts, row.ok, row.due, row.drifting,
                 row.never,
                 "—" if row.health is None or pd.isna(row.health) else f"{int(row.health)}")
                for row in layer_health(status).itertuples(index=False)]
        head = [tr(k) for k in (
            "routines.due.col_layer", "routines.due.col_contacts", "routines.status.ok",
            "routines.status.due", "routines.status.drifting", "routines.status.never",
            "routines.due.col_health")]
        self.health.value = (html_text(tr("routines.due.heading_health"), "h4")
                             + table_html(head, rows)
                             + html_text(tr("routines.due.health_help"), "div", "wb-muted"))
        for heading, box, people, key, empty in (
                (self.due_heading, self.due_rows, due_list(status), "heading_due", "none"),
                (self.drift_heading, self.drift_rows, drifting_list(status), "heading_drifting",
                 "none_drifting"),
                (self.never_heading, self.never_rows, never_list(status), "heading_never",
                 "none_never")):
            heading.value = html_text(tr(f"routines.due.{key}", count=len(people)), "h4")
            self._fill_people(box, people, f"routines.due.{empty}")
        revive = revive_list(status)
        items = "".join(
            f"<li>{escape_html(r.full_name)} · {escape_html(self._last_label(r.last_touch))}</li>"
            for r in revive.head(MAX_ROWS).itertuples(index=False))
        self.revive.value = (html_text(tr("routines.due.heading_revive", count=len(revive)), "h4")
                             + (f"<ul>{items}</ul>{self._more(len(revive))}" if items else
                                html_text(tr("routines.due.none_revive"), "div", "wb-muted")))

    def show_charts(self, figures: list[go.Figure]) -> None:
        for live, fresh in zip(self.figures, figures):
            refresh_figure(live, fresh)

    def _last_label(self, last_touch) -> str:
        """'Last exchange: 3 Nov 2026' with the language's own punctuation."""
        tr = self.tr
        value = (tr("routines.due.never") if pd.isna(last_touch)
                 else format_date(last_touch, tr.lang))
        return tr("routines.due.labelled", label=tr("routines.due.col_last"), value=value)

    def _more(self, count: int) -> str:
        return html_text(self.tr.count("routines.due.more", count - MAX_ROWS), "div",
                         "wb-muted") if count > MAX_ROWS else ""

    def _late(self, overdue) -> str:
        tr = self.tr
        if pd.isna(overdue):  # never in touch and not yet due: nothing to be late on
            return ""
        if int(overdue) <= 0:
            return tr("routines.due.due_today")
        return tr("routines.due.labelled", label=tr("routines.due.col_late"),
                  value=tr.count("routines.due.days", int(overdue)))

    def _fill_people(self, box: ipw.VBox, people: pd.DataFrame, empty_key: str) -> None:
        tr = self.tr
        entries = []
        for row in people.head(MAX_ROWS).itertuples(index=False):
            late = self._late(row.overdue_days) if row.status != "never" else ""
            entries.append((int(row.contact_id), (
                f"<b>{escape_html(row.full_name)}</b> · "
                f"{escape_html(tr(f'vocab.layer.{row.layer}'))} · "
                f"{escape_html(self._last_label(row.last_touch))}"
                + (f" · {escape_html(late)}" if late else ""))))
        extra = []
        if people.empty:
            extra.append(ipw.HTML(html_text(tr(empty_key), "div", "wb-muted")))
        elif len(people) > MAX_ROWS:
            extra.append(ipw.HTML(self._more(len(people))))
        self._lists[box].show(entries, extra)

    def _on_charts_open(self, change) -> None:
        if change["new"] is not None and not self.figures:
            import plotly.graph_objects as go

            self.figures = [go.FigureWidget(f) for f in self.on_charts_open()]
            self.chart_box.children = list(self.figures)
