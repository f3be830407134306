"""Positioning page, "Progress and versions": the score of each saved version and what
changed between two of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.charts.positioning import score_history_figure
from workbook.domain.positioning import Version, compare_versions
from workbook.escaping import escape_html, shorten
from workbook.ui.common import html_text, refresh_figure

QUOTE_CHARS = 240   # a pasted page quoted back stays short


class ProgressPanel:
    """Receives the versions with their scores and their times as written for the user
    (`show`); picking two versions redraws their comparison."""

    def __init__(self, tr, guarded: Callable[[Callable], Callable]):
        self.tr = tr
        self._versions: dict[int, Version] = {}
        self._syncing = False
        self.history_box = ipw.VBox()
        self.history_box.add_class("wb-positioning-history")
        self.history_chart: go.FigureWidget | None = None
        self.compare_before = ipw.Dropdown(description=tr("positioning.compare.before"))
        self.compare_after = ipw.Dropdown(description=tr("positioning.compare.after"))
        self.compare_before.add_class("wb-positioning-compare-before")
        self.compare_after.add_class("wb-positioning-compare-after")
        for dropdown in (self.compare_before, self.compare_after):
            dropdown.observe(guarded(self._on_compare), names="value")
        self.comparison = ipw.HTML()
        self.comparison.add_class("wb-positioning-compare")
        self.view = ipw.VBox([self.history_box,
                              ipw.HTML(html_text(tr("positioning.compare.title"), "h4")),
                              ipw.HBox([self.compare_before, self.compare_after]),
                              self.comparison])

    def show(self, versions: Sequence[Version], scores: Sequence[int],
             labels: Sequence[str]) -> None:
        """Chart every version (oldest first) and compare the last two."""
        tr = self.tr
        figure = score_history_figure(
            versions, scores, labels, title=tr("positioning.progress.chart_title"),
            x_title=tr("positioning.progress.x"), y_title=tr("positioning.progress.y"),
            focused_label=tr("positioning.progress.focused_line"),
            almost_label=tr("positioning.progress.almost_line"))
        if self.history_chart is None:
            self.history_chart = go.FigureWidget(figure)
            self.history_box.children = (self.history_chart,)
        else:
            refresh_figure(self.history_chart, figure)
        self._versions = {v.id: v for v in versions}
        options = [(tr("positioning.compare.option", date=label, score=score), v.id)
                   for v, score, label in zip(versions, scores, labels)]
        self._syncing = True
        try:
            self.compare_before.options = options
            self.compare_after.options = options
            if len(options) >= 2:
                self.compare_before.value = options[-2][1]
                self.compare_after.value = options[-1][1]
        finally:
            self._syncing = False
        self._show_comparison()

    def _on_compare(self, _change=None) -> None:
        if not self._syncing:
            self._show_comparison()

    def _show_comparison(self) -> None:
        tr = self.tr
        before = self._versions.get(self.compare_before.value)
        after = self._versions.get(self.compare_after.value)
        if len(self._versions) < 2 or before is None or after is None:
            self.comparison.value = html_text(tr("positioning.compare.need_two"), "p", "wb-muted")
            return
        diff = compare_versions(before, after)
        none = tr("positioning.compare.none")

        def quoted(code: str) -> str:  # "No figure" in a list must not read as "none"
            return tr("positioning.compare.quote", text=tr(f"positioning.finding.{code}.label"))

        def quote(version: Version) -> str:
            text = shorten(version.card.one_liner, QUOTE_CHARS)
            return escape_html(tr("positioning.compare.quote", text=text))

        def listing(key: str, items: list[str]) -> str:
            return f"<li>{html_text(tr(key), 'b')} {escape_html(', '.join(items) or none)}</li>"

        self.comparison.value = (
            html_text(tr("positioning.compare.score", before=diff.score_before,
                         after=diff.score_after, delta=f"{diff.score_delta:+d}"), "p")
            + "<ul>"
            + listing("positioning.compare.changed",
                      [tr(f"positioning.step.{s}.title") for s in diff.changed_steps])
            + listing("positioning.compare.fixed", [quoted(c) for c in diff.fixed])
            + listing("positioning.compare.appeared", [quoted(c) for c in diff.appeared])
            + "</ul>"
            + html_text(tr("positioning.compare.words", before=diff.words_before,
                           after=diff.words_after), "p", "wb-muted")
            + f"<p>{quote(before)}<br>→ {quote(after)}</p>")
