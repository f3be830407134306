"""Network page, Map tab: the whole network in aggregated charts, and Dunbar overflows."""

from __future__ import annotations

import ipywidgets as ipw
import pandas as pd
import plotly.graph_objects as go

from workbook.charts import network as charts
from workbook.domain import network as rules
from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.escaping import escape_html
from workbook.ui.common import coaching, html_text, refresh_figure
from workbook.ui.network_widgets import GuardFor, feedback, label, no_guard

INTRODUCTION_EDGES = 30   # "who introduces whom" stays readable


class MapPanel:
    """Charts of the whole network (aggregated) and Dunbar overflow warnings, drawn from
    `render(frame, introductions, coverage, targets)`; the group-by toggle redraws from the
    same data."""

    def __init__(self, tr, *, guard_for: GuardFor = no_guard):
        self.tr = tr
        self.status = feedback("wb-network-map-status")
        self._data: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int] | None = None
        self.summary = ipw.HTML()
        self.summary.add_class("wb-network-summary")
        self.warnings = ipw.HTML()
        self.warnings.add_class("wb-network-overflow")
        self.group_by = ipw.ToggleButtons(options=[(tr("network.map.by_organisation"),
                                                    "organisation"),
                                                   (tr("network.map.by_sector"), "sector")],
                                          value="organisation")
        self.group_by.add_class("wb-network-groupby")
        self.group_by.observe(guard_for(self.status)(self._on_group_by), names="value")
        self.chart: go.FigureWidget | None = None
        self.view = ipw.VBox([coaching(tr("network.coach.map")), self.summary, self.warnings,
                              self.group_by, self.status])

    def render(self, frame: pd.DataFrame, introductions: pd.DataFrame,
               coverage: pd.DataFrame, targets: int) -> None:
        """Redraw from the contacts frame, the introductions, the target coverage and how
        many target organisations there are."""
        self._data = (frame, introductions, coverage, targets)
        self._render_text()
        if self.chart is None:
            self.chart = go.FigureWidget(self._figure())
            self.chart.add_class("wb-network-chart")
            self.view.children = [*self.view.children, self.chart]
        else:
            refresh_figure(self.chart, self._figure())

    def _figure(self) -> go.Figure:
        """The four aggregated charts in one figure (never one point per contact)."""
        tr = self.tr
        frame, introductions, coverage, _targets = self._data
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

    def _render_text(self) -> None:
        tr = self.tr
        frame, _introductions, _coverage, targets = self._data
        tagged = int((frame["roles"].str.len() > 0).sum())
        self.summary.value = html_text(" · ".join((
            tr.count("network.map.contacts", len(frame)),
            tr.count("network.map.tagged", tagged),
            tr.count("network.map.targets", targets))), "div", "wb-card")
        overflows = rules.layer_overflows(rules.layer_counts(frame))
        self.warnings.value = "".join(
            '<p class="wb-warn">⚠ ' + escape_html(tr(
                f"network.overflow.{o.layer}", count=o.count, capacity=o.capacity)) + "</p>"
            for o in overflows)

    def _on_group_by(self, change) -> None:
        if self.chart is not None:
            refresh_figure(self.chart, self._figure())
