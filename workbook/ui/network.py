"""Network map page: the map (charts), import, contacts, targets, whom next, exercises.

One `NetworkPage` per kernel: it owns the page state (`NetworkState`, the only writer) and
the tab panels (`network_*.py`). A panel draws from the in-memory frame when its tab is
opened, and again after a change of the data (hidden tabs cost nothing until looked at).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.charts import network as charts
from workbook.domain import network as rules
from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.escaping import escape_html
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    coaching,
    guarded,
    html_text,
    page_shell,
    refresh_figure,
)
from workbook.ui.network_state import NetworkState

INTRODUCTION_EDGES = 30   # "who introduces whom" stays readable
TABS = ("map", "import", "contacts", "targets", "next", "exercises")


_STYLE = """<style>
.wb-warn {color: #8d4b00; font-weight: 600;}
.wb-network-table {max-height: 24em; overflow-y: auto; border: 1px solid #eee;}
.wb-network-table .wb-table {margin: 0; width: 100%;}
.wb-network-table th {position: sticky; top: 0;}
.wb-plus {color: #1b5e20;} .wb-minus {color: #b71c1c;}
.wb-network-tabs {--jp-widgets-inline-label-width: 9em;}
.wb-network-tabs .jupyter-button {width: auto; min-width: 5em; padding: 0 0.9em;
  flex: 0 0 auto;}
.wb-network-tabs .widget-checkbox {width: auto; margin-left: 1em;}
.wb-network-tabs .widget-toggle-button.mod-active {background: #c8e6c9; font-weight: 600;}
</style>"""


class NetworkPage:
    """The page: context, state, status line, tabs."""

    def __init__(self, ctx: PageContext, today: Callable[[], dt.date] = dt.date.today):
        from workbook.ui.network_contacts import ContactsPanel
        from workbook.ui.network_exercises import ExercisesPanel
        from workbook.ui.network_import import ImportPanel
        from workbook.ui.network_targets import NextPanel, TargetsPanel

        self.ctx = ctx
        self.tr = ctx.tr
        self.status = StatusLine()
        self.status.add_class("wb-network-status")
        self.state = NetworkState(ctx.conn, today)
        self.map = MapPanel(self)
        self.importer = ImportPanel(self)
        self.contacts = ContactsPanel(self)
        self.targets = TargetsPanel(self)
        self.next = NextPanel(self)
        self.exercises = ExercisesPanel(self)
        panels = list(zip(TABS, (self.map, self.importer, self.contacts, self.targets,
                                 self.next, self.exercises)))
        self.tabs = ipw.Tab(children=[p.view for _, p in panels],
                            titles=[self.tr(f"network.tab.{key}") for key, _ in panels])
        self.tabs.add_class("wb-network-tabs")
        self._panels = dict(panels)
        # The map is drawn with its FigureWidget; the other tabs when first opened.
        self._stale: set[str] = set(TABS) - {"map"}
        if self.state.frame.empty:
            self.tabs.selected_index = TABS.index("import")
        self._refresh_visible()
        self.tabs.observe(self.guard(self._on_tab), names="selected_index")
        self.view = page_shell(ctx, "network", ipw.HTML(_STYLE), self.tabs, status=self.status)

    def guard(self, callback: Callable) -> Callable:
        return guarded(self.ctx, self.status)(callback)

    def required(self, field: ipw.Text, missing_key: str) -> str | None:
        """A required field's text, stripped; None after telling the user it is missing."""
        text = field.value.strip()
        if not text:
            self.status.show(self.tr(missing_key), error=True)
            return None
        return text

    def label(self, group: str, code: str) -> str:
        """Translated vocabulary code (`vocab.<group>.<code>`)."""
        return self.tr(f"vocab.{group}.{code or 'none'}")

    def changed(self) -> None:
        """The data moved: the visible tab redraws now, the others when they are opened
        (a hidden chart or table costs nothing until someone looks at it)."""
        self._stale = set(TABS)
        self._refresh_visible()

    def mark_stale(self, *tabs: str) -> None:
        """These tabs redraw when next opened."""
        self._stale.update(tabs)

    def show(self, tab: str) -> None:
        """Open tab `tab` (a key of `TABS`), redrawn if the data moved since."""
        self.tabs.selected_index = TABS.index(tab)
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        key = TABS[self.tabs.selected_index or 0]
        if key in self._stale:
            self._stale.discard(key)
            self._panels[key].refresh()

    def _on_tab(self, change) -> None:
        self.status.clear()    # a message about another tab would only puzzle here
        self._refresh_visible()


class MapPanel:
    """Charts of the whole network (aggregated) and Dunbar overflow warnings."""

    def __init__(self, page: NetworkPage):
        self.page = page
        tr = page.tr
        self.summary = ipw.HTML()
        self.summary.add_class("wb-network-summary")
        self.warnings = ipw.HTML()
        self.warnings.add_class("wb-network-overflow")
        self.group_by = ipw.ToggleButtons(options=[(tr("network.map.by_organisation"),
                                                    "organisation"),
                                                   (tr("network.map.by_sector"), "sector")],
                                          value="organisation")
        self.group_by.add_class("wb-network-groupby")
        self.group_by.observe(page.guard(self._on_group_by), names="value")
        self.chart = go.FigureWidget(self._figure())
        self.chart.add_class("wb-network-chart")
        self.view = ipw.VBox([coaching(tr("network.coach.map")), self.summary, self.warnings,
                              self.group_by, self.chart])
        self._render_text()

    def _figure(self) -> go.Figure:
        """The four aggregated charts in one figure (never one point per contact)."""
        page, tr = self.page, self.page.tr
        frame = page.state.frame
        layer_labels = {code: page.label("layer", code) for code in LAYERS}
        role_labels = {code: page.label("role", code) for code in ROLES} | {
            "": page.label("role", "")}
        nodes, edges = rules.introduction_graph(page.state.introductions, frame,
                                                limit=INTRODUCTION_EDGES)
        group_by = self.group_by.value
        charts_by_key = {
            "layers": charts.layers_roles_sunburst(rules.layer_role_counts(frame), layer_labels,
                                                   role_labels),
            "groups": charts.group_bars(rules.top_groups(frame, group_by),
                                        tr("network.map.others")),
            "coverage": charts.coverage_bars(page.state.coverage(), tr("network.coverage.first"),
                                             tr("network.coverage.second")),
            "introductions": charts.introductions_network(
                nodes, edges, tr("network.map.introducers"), tr("network.map.organisations")),
        }
        titles = [tr("network.map.layers_title"), tr(f"network.map.groups_title.{group_by}"),
                  tr("network.map.coverage_title"), tr("network.map.introductions_title")]
        return charts.network_overview(charts_by_key, titles)

    def _render_text(self) -> None:
        tr, frame = self.page.tr, self.page.state.frame
        tagged = int((frame["roles"].str.len() > 0).sum())
        self.summary.value = html_text(" · ".join((
            tr.count("network.map.contacts", len(frame)),
            tr.count("network.map.tagged", tagged),
            tr.count("network.map.targets", len(self.page.state.targets)))), "div", "wb-card")
        overflows = rules.layer_overflows(rules.layer_counts(frame))
        self.warnings.value = "".join(
            '<p class="wb-warn">⚠ ' + escape_html(tr(
                f"network.overflow.{o.layer}", count=o.count, capacity=o.capacity)) + "</p>"
            for o in overflows)

    def refresh(self) -> None:
        self._render_text()
        refresh_figure(self.chart, self._figure())

    def _on_group_by(self, change) -> None:
        refresh_figure(self.chart, self._figure())


def build_network(profile: str | None = None, lang: str | None = None) -> ipw.Widget:
    """The network map page for the current profile (see `open_page_context`)."""
    return build_page(lambda ctx: NetworkPage(ctx).view, profile, lang)
