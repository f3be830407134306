"""Journalist outreach page: Readiness · Media list · Topic sheets · A journalist is calling ·
Media log · Visibility plan.

`PressPage` owns the state (`PressState`, the only writer) and gives each tab panel the data
it shows and the callbacks it may call. A tab is drawn when first opened; after a change the
open tab is redrawn from the state and the others when next opened (`LazyTabs`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.domain.press import MEDIA
from workbook.ui.common import PageContext, StatusLine, build_page, guarded, page_shell
from workbook.ui.lazy import LazyTabs
from workbook.ui.press.calling import CallingPanel
from workbook.ui.press.log import LogPanel
from workbook.ui.press.media import MediaPanel
from workbook.ui.press.readiness import PlanPanel, ReadinessPanel
from workbook.ui.press.sheets import SheetsPanel
from workbook.ui.press.state import PressState

TABS = ("readiness", "media", "sheets", "calling", "log", "plan")
CHART_TEXTS = ("response_title", "quotes_title", "outlets_title", "minutes", "target",
               "interviews", "quoted", "outlets")

_STYLE = """<style>
.wb-warn {color: #8d4b00; font-weight: 600;}
.wb-press-pass {color: #1b5e20; font-weight: 600;}
.wb-press-countdown {font-size: 1.8em; font-weight: 700; margin-left: 1em;}
.wb-press-tabs {--jp-widgets-inline-label-width: 10em;}
/* A label keeps its width; the field beside it gives way (a cut label hides what to type). */
.wb-press-tabs .widget-inline-hbox > .widget-label {flex-shrink: 0;}
.wb-press-tabs .widget-inline-hbox > input, .wb-press-tabs .widget-inline-hbox > textarea
  {min-width: 0; flex: 1 1 auto;}
.wb-press-tabs .widget-inline-hbox {margin-right: 1em;}
/* A narrow window: a long label goes above its field, on as many lines as it needs. */
@media (max-width: 600px) {
  .wb-press-tabs .widget-inline-hbox > .widget-label {white-space: normal; height: auto;
    line-height: 1.3; width: 100% !important; max-width: 100%;}
  .wb-press-tabs .widget-inline-hbox {margin-right: 0; max-width: 100%;}
}
.wb-press-tabs .jupyter-button {width: auto; min-width: 5em; padding: 0 0.9em;}
.wb-press-findings li, .wb-press-check-verdict li {margin: 0.2em 0;}
</style>"""


class PressPage:
    """The page: context, state, status line, tabs."""

    def __init__(self, ctx: PageContext, now: Callable[[], dt.datetime] = dt.datetime.now):
        self.ctx, self.tr = ctx, ctx.tr
        tr = self.tr
        self.status = StatusLine()
        self.status.add_class("wb-press-status")
        self.state = PressState(ctx.conn, ctx.lang, now)
        guard = self.guard
        state = self.state
        self.readiness = ReadinessPanel(tr, guard, on_save=self._changes(state.save_settings),
                                        figure=self._figure)
        self.media = MediaPanel(
            tr, guard, on_add=self._changes(state.add_journalist),
            on_add_contact=self._changes(state.add_from_contact), log_count=state.log_count,
            on_delete=self._changes(state.delete_journalist), on_check=state.check_outreach)
        self.sheets = SheetsPanel(tr, guard, check=state.check,
                                  on_save=self._changes(state.save_sheet),
                                  on_delete=self._changes(state.delete_sheet))
        self.calling = CallingPanel(tr, guard, now=state.now,
                                    on_start=self._changes(state.mark_prepared),
                                    on_write_new=self._write_new,
                                    on_log_call=self._changes(state.log_call))
        self.log = LogPanel(tr, guard, now=state.now, on_log=self._changes(state.log),
                            on_answered=self._changes(state.set_answered),
                            on_delete=self._changes(state.delete_entry))
        self.plan = PlanPanel(tr, guard, on_add=self._changes(state.add_plan_item),
                              on_suggest=self._changes(state.suggest_plan),
                              on_done=self._changes(state.set_plan_done),
                              on_delete=self._changes(state.delete_plan_item),
                              ics=lambda: state.plan_ics(tr, ctx.profile))
        panels = (self.readiness, self.media, self.sheets, self.calling, self.log, self.plan)
        self.tabs = ipw.Tab(children=[p.view for p in panels],
                            titles=[tr(f"press.tab.{key}") for key in TABS])
        self.tabs.add_class("wb-press-tabs")
        self.lazy = LazyTabs(self.tabs, TABS, {
            "readiness": self._draw_readiness, "media": self._draw_media,
            "sheets": self._draw_sheets, "calling": self._draw_calling, "log": self._draw_log,
            "plan": self._draw_plan}, guard=guard)
        self.lazy.open(TABS[0])
        self.view = page_shell(ctx, "press", ipw.HTML(_STYLE), self.tabs, status=self.status)

    def guard(self, callback: Callable) -> Callable:
        return guarded(self.ctx, self.status)(callback)

    def _changes(self, write: Callable) -> Callable:
        """A state write; then the open tab is redrawn, the others when next opened."""

        def run(*args, **kwargs):
            result = write(*args, **kwargs)
            self.lazy.mark_stale()
            return result

        return run

    def _figure(self) -> go.Figure:
        # Imported when the charts are first opened: plotly's subplots cost ~0.3-1 s.
        from workbook.charts.press import press_overview

        tr, state = self.tr, self.state
        return press_overview(
            state.figures.entries, state.journalists,
            target_minutes=state.settings.callback_minutes,
            texts={key: tr(f"press.chart.{key}") for key in CHART_TEXTS},
            medium_labels={m: tr(f"press.medium.{m}") for m in (*MEDIA, "none")}
            | {"": tr("press.medium.none")})

    def _draw_readiness(self) -> None:
        self.readiness.render(self.state.figures, self.state.now(), self.ctx.lang)

    def _draw_media(self) -> None:
        state = self.state
        self.media.render(state.journalists, state.journalist_contacts(),
                          state.figures.by_journalist, self.ctx.lang)

    def _draw_sheets(self) -> None:
        self.sheets.render(self.state.sheets)

    def _draw_calling(self) -> None:
        state = self.state
        self.calling.render(state.sheets, state.journalists, state.settings.callback_minutes)

    def _draw_log(self) -> None:
        state = self.state
        self.log.render(state.figures.entries, state.journalists, state.sheets, self.ctx.lang)

    def _draw_plan(self) -> None:
        state = self.state
        self.plan.render(state.plan, [(s.sheet_id, s.topic) for s in state.figures.sheets
                                      if s.ready], self.ctx.lang)

    def show(self, tab: str) -> None:
        self.lazy.open(tab)

    def _write_new(self) -> None:
        self.sheets.open_new()
        self.show("sheets")


def build_press(profile: str | None = None, lang: str | None = None) -> ipw.Widget:
    """The journalist outreach page for the current profile (see `open_page_context`)."""
    return build_page(lambda ctx: PressPage(ctx).view, profile, lang)
