"""The "This week" tab: the week's maintain-vs-expand balance as a chart, the plan's lines to
tick, the greeting-card list, and the plan-vs-actual history (opened on demand)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as ipw

from workbook.domain.routines import PlanItem, plan_sections, section_empty_note
from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.services.plan import PlannedWeek, describe_item
from workbook.ui.common import html_text, refresh_figure
from workbook.ui.glossary import glossed, glossed_coaching
from workbook.ui.routines.widgets import act, classed, close_children, feedback, fit

if TYPE_CHECKING:  # plotly loads only when a chart is opened (~2 s, and 4.6 MB for the browser)
    import plotly.graph_objects as go

MAINTAIN_COLOUR = "#1f77b4"
EXPAND_COLOUR = "#2ca02c"


class WeekPanel:
    """Shows one `PlannedWeek`. Callbacks: `on_nav(step)` (-1, 0 for this week, +1);
    `on_tick(week_start, item, done) -> message`; `on_history_open() -> go.Figure`."""

    def __init__(self, tr, *, on_nav: Callable[[int], None],
                 on_tick: Callable[..., str], on_history_open: Callable[[], go.Figure],
                 guard: Callable[[Callable], Callable]):
        self.tr = tr
        self.on_tick = on_tick
        self.on_history_open = on_history_open
        self.guard = guard
        self.heading = classed(ipw.HTML(), "wb-routines-week-heading")
        self.prev_button = ipw.Button(description="◀ " + tr("routines.week.previous_week"),
                                      layout=fit())
        self.this_button = ipw.Button(description=tr("routines.week.this_week"), layout=fit())
        self.next_button = classed(ipw.Button(description=tr("routines.week.next_week") + " ▶",
                                              layout=fit()), "wb-routines-week-next")
        for button, step in ((self.prev_button, -1), (self.this_button, 0),
                             (self.next_button, 1)):
            button.on_click(guard(lambda _b, step=step: on_nav(step)))
        self.balance = classed(ipw.HTML(), "wb-routines-balance")
        self.summary = classed(ipw.HTML(), "wb-routines-week-summary")
        self.items = classed(ipw.VBox(), "wb-routines-week-items")
        self.feedback = feedback("wb-routines-week-feedback")
        self.cards_box = ipw.VBox()
        self.cards = classed(ipw.Accordion(children=[self.cards_box], selected_index=None),
                             "wb-routines-cards")
        self.cards.observe(guard(self._on_cards_open), names="selected_index")
        self.history_box = ipw.VBox()
        self.history = classed(ipw.Accordion(children=[self.history_box], selected_index=None),
                               "wb-routines-week-chart")
        self.history.set_title(0, tr("routines.week.chart_title"))
        self.history.observe(guard(self._on_history_open), names="selected_index")
        self.history_chart: go.FigureWidget | None = None  # drawn when first opened
        self._week: PlannedWeek | None = None
        self._editable = False
        # the lines drawn, by key: (item, tick box, text), so that a tick redraws in place
        self._rows: dict[str, tuple[PlanItem, ipw.Checkbox, ipw.HTML]] = {}
        self._quiet = False   # set while the page, not the user, moves a tick box
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("routines.coach.week"), ("maintain_expand",),
                             "wb-routines-coach-week"),
            ipw.HBox([self.prev_button, self.this_button, self.next_button]),
            self.heading, self.balance, self.summary, self.items, self.feedback, self.cards,
            self.history])

    # ------------------------------------------------------------------ drawing
    def show_balance(self, done: tuple[int, int], planned: tuple[int, int]) -> None:
        """The week's balance as a bar chart drawn in HTML: minutes spent keeping up and
        meeting new people against each budget. Plain HTML shows at once on the first view
        (a plotly chart would add its library's load time to every visit)."""
        tr = self.tr
        top = max(*done, *planned, 1)
        unit = tr("routines.chart.unit_minutes")
        rows = []
        for purpose, colour, spent, budget in (
                ("maintain", MAINTAIN_COLOUR, done[0], planned[0]),
                ("expand", EXPAND_COLOUR, done[1], planned[1])):
            width, mark = 100 * min(spent, top) / top, 100 * budget / top
            value = tr("routines.chart.done_of", done=spent, planned=budget, unit=unit)
            rows.append(
                '<div class="wb-bar-row">'
                f'<span class="wb-bar-label">{escape_html(tr(f"vocab.purpose.{purpose}"))}</span>'
                '<span class="wb-bar-track">'
                f'<span class="wb-bar wb-bar-{purpose}" style="width:{width:.1f}%;'
                f'background:{colour}"></span>'
                f'<span class="wb-bar-budget" style="left:{mark:.1f}%"></span></span>'
                f'<span class="wb-bar-value">{escape_html(value)}</span></div>')
        title = escape_html(tr("routines.chart.balance"))
        self.balance.value = (
            f'<div class="wb-balance" role="img" aria-label="{title}">'
            + html_text(tr("routines.chart.balance"), "div", "wb-balance-title")
            + "".join(rows)
            + html_text(tr("routines.chart.budget_mark"), "div", "wb-muted") + "</div>")

    def show_history(self, figure: go.Figure) -> None:
        if self.history_chart is not None:
            refresh_figure(self.history_chart, figure)

    def render(self, week: PlannedWeek, editable: bool, actual: tuple[int, int]) -> None:
        """Draw the week: heading, budget against the last weeks' average, progress, lines.
        The same plan drawn again (after a tick, or an exchange logged this week) keeps its
        lines and only moves their tick boxes: rebuilding them cost ~80 ms at 30,000."""
        tr, plan = self.tr, week.plan
        same_lines = (self._week is not None and plan is self._week.plan
                      and editable == self._editable)
        self._week, self._editable = week, editable
        finished = sum(1 for item in plan.items if item.key in week.done)
        self.heading.value = html_text(
            tr("routines.week.heading", date=format_date(plan.week_start, tr.lang)), "h3")
        self.summary.value = "".join([
            html_text(tr("routines.week.budget", maintain=plan.maintain_minutes,
                         expand=plan.expand_minutes, new=plan.new_target), "div"),
            html_text(tr("routines.week.actual", maintain=actual[0], expand=actual[1]), "div",
                      "wb-muted"),
            html_text(tr("routines.week.progress", done=finished, total=len(plan.items)),
                      "div", "wb-routines-progress")])
        if same_lines:
            for item, box, label in self._rows.values():
                self._show_line(item, box, label)
            return
        self._rows = {}
        children: list[ipw.Widget] = []
        for section, items in plan_sections(plan):
            children.append(ipw.HTML(glossed(tr, tr(f"routines.week.section_{section}"),
                                              ("three_b_seven",), "h4")))
            if not items:
                children.append(classed(ipw.HTML(html_text(
                    tr(f"routines.week.empty.{section_empty_note(section, plan)}"), "div",
                    "wb-muted")), "wb-routines-week-empty"))
            children.extend(self._item_row(item) for item in items)
        close_children(self.items)
        self.items.children = children
        self.cards.layout.display = "" if plan.campaign else "none"
        self.cards.set_title(0, tr("routines.week.section_cards", count=len(plan.campaign)))
        if self.cards.selected_index is not None:
            self._render_cards()

    def _item_row(self, item: PlanItem) -> ipw.HBox:
        box = ipw.Checkbox(indent=False, layout=ipw.Layout(width="2em", flex="0 0 auto"))
        label = ipw.HTML()
        self._show_line(item, box, label)
        box.observe(self.guard(lambda change, item=item: self._on_tick(item, change)),
                    names="value")
        self._rows[item.key] = (item, box, label)
        return classed(ipw.HBox([box, label]), "wb-routines-item", f"wb-routines-item-{item.kind}")

    def _show_line(self, item: PlanItem, box: ipw.Checkbox, label: ipw.HTML) -> None:
        """The line's tick box and text as the week stands: done or not, and "(logged)"
        with the box locked when an exchange, not a tick, settled it."""
        week = self._week
        logged_only = item.key in week.done and item.key not in week.ticked
        hint = " " + html_text(f'({self.tr("routines.week.logged_hint")})', "span",
                               "wb-muted") if logged_only else ""
        label.value = escape_html(describe_item(item, self.tr)) + hint
        box.disabled = not self._editable or logged_only
        self._quiet = True
        try:
            box.value = item.key in week.done
        finally:
            self._quiet = False

    def _render_cards(self) -> None:
        rows = [ipw.HTML(html_text(self.tr("routines.week.cards_help"), "div", "wb-muted"))]
        rows += [self._item_row(item) for item in self._week.plan.campaign]
        close_children(self.cards_box)
        self.cards_box.children = rows

    # ------------------------------------------------------------------ events
    def _on_cards_open(self, change) -> None:
        if change["new"] is not None and self._week is not None:
            self._render_cards()

    def _on_history_open(self, change) -> None:
        if change["new"] is not None and self.history_chart is None:
            import plotly.graph_objects as go

            self.history_chart = go.FigureWidget(self.on_history_open())
            self.history_box.children = [self.history_chart]

    def _on_tick(self, item: PlanItem, change) -> None:
        if self._quiet:
            return
        week_start = self._week.plan.week_start
        act(self.feedback, self.tr,
            lambda: self.on_tick(week_start, item, bool(change["new"])))
