"""Network page, Map tab: the summary, Dunbar overflows and a picture of layers × roles
first; the interactive plotly charts when the user asks for them.

The first view is drawn from a few counts made in SQL (`MapOverview`), in HTML: no
contacts frame, no pandas work, no plotly. Plotly's figure objects (~1.4 s to import), the
widget (~2 s to start in the browser, MBs over the websocket) and the 30,000-row frame
are only paid by someone who opens the interactive charts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as ipw

from workbook.domain.network_terms import MapOverview, layer_overflows
from workbook.ui.common import html_text
from workbook.ui.glossary import glossed, glossed_coaching
from workbook.ui.home.chart import layers_by_role_html
from workbook.ui.network.widgets import GuardFor, feedback, label, no_guard

if TYPE_CHECKING:
    import plotly.graph_objects as go

INTRODUCTION_EDGES = 30   # "who introduces whom" stays readable


# What the interactive charts are drawn from: (contacts frame, introductions, coverage),
# asked for only when they are shown.
ChartData = Callable[[], tuple[Any, Any, Any]]


class MapPanel:
    """The first view from `render(overview)`; the four aggregated plotly charts (from
    `chart_data()`) once the user presses "Show the interactive charts", then redrawn
    with every `render`. The group-by toggle redraws them from the same data."""

    def __init__(self, tr, *, chart_data: ChartData, guard_for: GuardFor = no_guard):
        self.tr = tr
        self._chart_data = chart_data
        self.status = feedback("wb-network-map-status")
        self.summary = ipw.HTML()
        self.summary.add_class("wb-network-summary")
        self.warnings = ipw.HTML()
        self.warnings.add_class("wb-network-overflow")
        self.picture = ipw.HTML()
        self.picture.add_class("wb-network-picture")
        self.show_charts = ipw.Button(description=tr("network.map.show_charts"),
                                      icon="bar-chart")
        self.show_charts.add_class("wb-network-show-charts")
        self.show_charts.on_click(guard_for(self.status)(lambda _b: self.open_charts()))
        self.group_by = ipw.ToggleButtons(options=[(tr("network.map.by_organisation"),
                                                    "organisation"),
                                                   (tr("network.map.by_sector"), "sector")],
                                          value="organisation")
        self.group_by.add_class("wb-network-groupby")
        self.group_by.observe(guard_for(self.status)(self._on_group_by), names="value")
        self.chart: go.FigureWidget | None = None
        self.overview: MapOverview | None = None      # as last drawn
        self.charts_box = ipw.VBox([self.show_charts])
        self.view = ipw.VBox([glossed_coaching(tr, tr("network.coach.map"),
                                               ("connector", "prescriber")),
                              self.summary, self.warnings, self.picture, self.charts_box,
                              self.status])

    def render(self, overview: MapOverview) -> None:
        """Redraw the first view (and the interactive charts, if shown)."""
        tr = self.tr
        self.overview = overview
        self.summary.value = html_text(" · ".join((
            tr.count("network.map.contacts", overview.contacts),
            tr.count("network.map.tagged", overview.tagged),
            tr.count("network.map.targets", overview.targets))), "div", "wb-card")
        self.warnings.value = "".join(
            glossed(tr, "⚠ " + tr(f"network.overflow.{o.layer}", count=o.count,
                                  capacity=o.capacity), ("dunbar",), "p", "wb-warn")
            for o in layer_overflows(overview.layers))
        self.picture.value = layers_by_role_html(overview.layer_roles, overview.layers, tr,
                                                 tr("network.map.layers_title"))
        if self.chart is not None:
            self._redraw_chart()

    def open_charts(self) -> None:
        """Build the interactive charts (plotly imported now, not with the page)."""
        if self.chart is not None:
            return
        import plotly.graph_objects as go

        # Seconds at 30,000 contacts (the frame is read): say so while it works.
        self.show_charts.disabled = True
        self.status.show(self.tr("network.map.charts_loading"))
        try:
            self.chart = go.FigureWidget(self._figure())
        finally:
            self.show_charts.disabled = False
            self.status.clear()
        self.chart.add_class("wb-network-chart")
        self.charts_box.children = [self.group_by, self.chart]

    def _redraw_chart(self) -> None:
        from workbook.ui.common import refresh_figure

        refresh_figure(self.chart, self._figure())

    def _figure(self) -> go.Figure:
        """The four aggregated charts in one figure (never one point per contact)."""
        from workbook.charts import network as charts
        from workbook.domain import network as rules
        from workbook.domain.vocabulary import LAYERS, ROLES

        tr = self.tr
        frame, introductions, coverage = self._chart_data()
        layer_labels = {code: label(tr, "layer", code) for code in LAYERS}
        role_labels = {code: label(tr, "role", code) for code in ROLES} | {
            "": label(tr, "role", "")}
        nodes, edges = rules.introduction_graph(introductions, frame, limit=INTRODUCTION_EDGES)
        group_by = self.group_by.value
        charts_by_key = {
            "layers": charts.layers_roles_sunburst(rules.layer_role_counts(frame), layer_labels,
                                                   role_labels),
            "groups": charts.group_bars(rules.top_groups(frame, group_by),
                                        tr("network.map.others")),
            "coverage": charts.coverage_bars(coverage, tr("network.coverage.first"),
                                             tr("network.coverage.second")),
            "introductions": charts.introductions_network(
                nodes, edges, tr("network.map.introducers"), tr("network.map.organisations")),
        }
        titles = [tr("network.map.layers_title"), tr(f"network.map.groups_title.{group_by}"),
                  tr("network.map.coverage_title"), tr("network.map.introductions_title")]
        return charts.network_overview(charts_by_key, titles)

    def _on_group_by(self, change) -> None:
        if self.chart is not None:
            self._redraw_chart()
