"""Routines page: maintain versus expand — this week's plan, who is due, the log, settings
and the calendar export. A thin composer: `RoutinesState` (routines_state.py) is the only
writer; each tab is a panel (routines_week, _due, _log, _settings, _calendar) given its data
and `on_*` callbacks; this module wires them and words the answers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import ipywidgets as ipw

from workbook.domain.routines import (
    PlanItem,
    RoutineSettings,
    actual_split,
    temperature_series,
    weeks_in_use,
)
from workbook.i18n.dates import format_date
from workbook.services.plan import describe_item
from workbook.store.progress import first_recorded_on
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    guarded,
    log_failure,
    page_shell,
)
from workbook.ui.lazy import LazyTabs
from workbook.ui.routines.calendar import CalendarPanel, RegionPanel
from workbook.ui.routines.due import DuePanel
from workbook.ui.routines.log import LogPanel
from workbook.ui.routines.settings import SettingsPanel
from workbook.ui.routines.state import RoutinesState
from workbook.ui.routines.week import WeekPanel

if TYPE_CHECKING:  # charts (and plotly) load only when a chart is opened
    import plotly.graph_objects as go


PLAN_WEEKS_AHEAD = 8
PLAN_WEEKS_BACK = 12
_TAB_KEYS = ("week", "due", "log", "settings", "calendar")
# Tabs drawn from the profile's data: each is drawn when first opened, and after a write only
# the open one is redrawn — the others are marked stale and redrawn when next opened.
_DRAWN_TABS = ("week", "due", "log")

_CSS = """<style>
.wb-routines h4 {margin: 0.8em 0 0.3em 0;}
.wb-routines-ics-link a {font-weight: 600;}
.wb-routines-feedback {margin: 0.2em 0 0.6em 0;}
.wb-routines-field-error {margin-left: 1em;}
.wb-balance {max-width: 44em; margin: 0.3em 0 0.6em 0;}
.wb-balance-title {font-weight: 600; margin-bottom: 0.3em;}
.wb-balance .wb-bar-row {display: flex; align-items: center; gap: 0.6em; margin: 0.25em 0;}
.wb-balance .wb-bar-label {flex: 0 0 9em;}
.wb-balance .wb-bar-track {position: relative; flex: 1 1 auto; height: 1.2em; background: #f0f0f0;}
.wb-balance .wb-bar {position: absolute; left: 0; top: 0; bottom: 0;}
.wb-balance .wb-bar-budget {position: absolute; top: -0.2em; bottom: -0.2em;
  border-left: 3px dashed #424242;}
.wb-balance .wb-bar-value {flex: 0 0 11em; font-variant-numeric: tabular-nums;}
.wb-routines-region-form {border: 1px solid #ddd; border-radius: 6px; padding: 0.4em 1em;
  margin: 0.4em 0;}
</style>"""


class RoutinesPage:
    """Five tabs, each opening with one coaching sentence from the method."""

    def __init__(self, ctx: PageContext, today: dt.date | None = None):
        self.ctx = ctx
        tr = self.tr = ctx.tr
        self.state = RoutinesState(ctx.conn, ctx.profile, today, ctx.tr)
        self.status = StatusLine()  # page-wide problems only; actions answer beside their button
        self.status.add_class("wb-routines-status")
        self.week_offset = 0
        state = self.state
        contacts = state.contact_options()
        self.week = WeekPanel(tr, on_nav=self._on_week_nav, on_tick=self._on_tick,
                              on_history_open=self._history_figure,
                              guard=self._guard_for(None))
        self.due = DuePanel(tr, on_log_for=self._on_log_for, on_charts_open=self._due_figures,
                            guard=self._guard_for(None))
        self.log = LogPanel(tr, state.today, contacts, on_save=self._on_log_save,
                            on_remove=self._on_remove, on_outreach=self._on_outreach,
                            on_replied=self._on_replied, on_followed=self._on_followed,
                            suggest_purpose=state.purpose_suggestion,
                            person_of=lambda c: (state.name(c), state.layer_of(c)),
                            find_contacts=state.find_contacts,
                            label_of=state.label, guard=self._guard_for(None))
        self.settings = SettingsPanel(tr, state.settings, state.data.cadences, contacts,
                                      on_save=self._on_settings_save,
                                      on_save_cadences=self._on_cadences_save,
                                      on_reset_cadences=self._on_cadences_reset,
                                      on_override=self._on_override,
                                      find_contacts=state.find_contacts, label_of=state.label,
                                      guard=self._guard_for(None))
        self.calendar = CalendarPanel(tr, state.settings, on_prepare=self._on_prepare_ics,
                                      guard=self._guard_for(None))
        self.region = RegionPanel(tr, state.settings, on_save=self._on_region_save,
                                  guard=self._guard_for(None))
        if state.data.settings_saved:
            self.region.hide(entirely=True)
        panels = [self.week, self.due, self.log, self.settings, self.calendar]
        self.tabs = ipw.Tab(children=[panel.view for panel in panels])
        self.tabs.add_class("wb-routines-tabs")
        self.tabs.titles = [tr(f"routines.tab.{key}") for key in _TAB_KEYS]
        self.view = page_shell(ctx, "routines", ipw.HTML(_CSS), self.region.view, self.tabs,
                               status=self.status)
        self.view.add_class("wb-routines")
        nothing = lambda: None  # noqa: E731 — settings and calendar draw themselves once
        self.lazy = LazyTabs(self.tabs, _TAB_KEYS,
                             {"week": self._draw_week, "due": self._draw_due,
                              "log": self._draw_log, "settings": nothing, "calendar": nothing},
                             guard=self._guard_for(None))
        self.refresh()

    def _guard_for(self, line: StatusLine | None):
        return guarded(self.ctx, line or self.status)

    # ------------------------------------------------------------------ drawing
    @property
    def open_tab(self) -> str:
        return _TAB_KEYS[self.tabs.selected_index or 0]

    def open(self, key: str) -> None:
        """Open the tab `key` (one of `_TAB_KEYS`), drawing it if stale, as a click on it does."""
        self.lazy.open(key)

    def refresh(self) -> None:
        """After a write (or at start): redraw the open tab; the other tabs drawn from the
        data are marked stale and redrawn when next opened."""
        state, tr = self.state, self.tr
        if self.lazy.current is None:
            self.lazy.open(self.open_tab)
        else:
            self.lazy.mark_stale(*_DRAWN_TABS)
        skipped = len(state.data.skipped)
        if skipped:
            self.status.show(tr.count("routines.skipped.summary", skipped), error=True)
        else:
            self.status.clear()

    def reload(self) -> None:
        """Another page or program wrote to the profile: read it again, then redraw."""
        self.state.reload()
        self.refresh()

    def _draw_week(self) -> None:
        self._render_week()
        if self.week.history_chart is not None:
            self.week.show_history(self._history_figure())

    def _draw_due(self) -> None:
        self.due.render(self.state.status)
        if self.due.figures:
            self.due.show_charts(self._due_figures())

    def _draw_log(self) -> None:
        state = self.state
        self.log.render(state.recent(10), state.steps(), state.data.skipped)

    def _render_week(self) -> None:
        state = self.state
        planned = state.week(self.week_offset)
        self.week.render(planned, planned.plan.week_start <= state.today,
                         actual_split(weeks_in_use(state.weekly(), first_recorded_on(state.conn))))
        this_week = state.weekly().iloc[-1]
        self.week.show_balance(
            (int(this_week["maintain_minutes"]), int(this_week["expand_minutes"])),
            (planned.plan.maintain_minutes, planned.plan.expand_minutes))

    def _history_figure(self) -> go.Figure:
        from workbook.charts.routines import weekly_figure

        s = self.state.settings
        return weekly_figure(self.state.weekly(), s.maintain_minutes, s.expand_minutes, self.tr)

    def _due_figures(self) -> list[go.Figure]:
        from workbook.charts.routines import overdue_by_layer_figure, temperature_figure

        d = self.state.data
        series = temperature_series(d.contacts, d.interactions, d.cadences, self.state.today, 26)
        return [overdue_by_layer_figure(self.state.status, self.tr),
                temperature_figure(series, self.tr)]

    def _after_write(self, message: str) -> str:
        """The write is committed: redraw, and if redrawing fails say so — never that
        nothing was changed."""
        try:
            self.refresh()
        except Exception:
            log_failure("redraw after a write")
            return self.tr("routines.error.redraw", done=message)
        return message

    def _day(self, day) -> str:
        return format_date(day, self.ctx.lang)

    # ------------------------------------------------------------------ This week
    def _on_week_nav(self, step: int) -> None:
        self.week_offset = 0 if step == 0 else max(-PLAN_WEEKS_BACK, min(
            PLAN_WEEKS_AHEAD, self.week_offset + step))
        self._render_week()

    def _on_tick(self, week_start: dt.date, item: PlanItem, done: bool) -> str:
        self.state.tick(week_start, item, done)
        key = "routines.week.ticked" if done else "routines.week.unticked"
        return self._after_write(self.tr(key, text=describe_item(item, self.tr)))

    # ------------------------------------------------------------------ Who is due
    def _on_log_for(self, contact_id: int) -> None:
        """From a due line: open the Log tab with that person chosen."""
        self.log.choose(contact_id)
        self.open("log")

    # ------------------------------------------------------------------ Log
    def _on_log_save(self, contact, on, kind, direction, purpose, notes) -> str:
        self.state.log(contact, on, kind, direction, purpose, notes)
        return self._after_write(self.tr(
            "routines.log.saved", kind=self.tr(f"vocab.kind.{kind}"),
            name=self.state.name(contact), date=self._day(on)))

    def _on_remove(self, interaction_id: int) -> str:
        log_rows = self.state.data.interactions
        row = log_rows[log_rows["interaction_id"] == interaction_id]
        self.state.remove_interaction(interaction_id)
        if not len(row):  # an unreadable row (see state.data.skipped)
            return self._after_write(self.tr("routines.log.removed_bad"))
        kind = row["kind"].iloc[0]
        return self._after_write(self.tr(
            "routines.log.removed", name=self.state.name(int(row["contact_id"].iloc[0])),
            kind=self.tr(f"vocab.kind.{kind}") if self.tr.has(f"vocab.kind.{kind}") else kind,
            date=self._day(row["occurred_on"].iloc[0])))

    def _on_outreach(self, contact, on) -> str:
        self.state.add_outreach(contact, on)
        return self._after_write(self.tr("routines.log.outreach_saved",
                                         name=self.state.name(contact), date=self._day(on)))

    def _name_of_outreach(self, outreach_id: int) -> str:
        rows = self.state.data.outreach
        match = rows[rows["outreach_id"] == outreach_id]
        return self.state.name(int(match["contact_id"].iloc[0])) if len(match) else ""

    def _on_replied(self, outreach_id: int) -> str:
        name = self._name_of_outreach(outreach_id)
        self.state.replied(outreach_id)
        return self._after_write(self.tr("routines.log.replied_done", name=name))

    def _on_followed(self, outreach_id: int) -> str:
        name = self._name_of_outreach(outreach_id)
        self.state.followed_up(outreach_id)
        return self._after_write(self.tr("routines.log.followed_done", name=name))

    # ------------------------------------------------------------------ Settings
    def _on_settings_save(self, settings: RoutineSettings) -> str:
        self.state.save_settings(settings)
        self.calendar.show(self.state.settings)
        self.region.hide()
        return self._after_write(self.tr("routines.settings.saved"))

    def _on_region_save(self, holidays: str, timezone: str) -> str:
        self.state.save_region(holidays, timezone)
        self.settings.show(self.state.settings, self.state.data.cadences)
        self.calendar.show(self.state.settings)
        self.region.hide()
        return self._after_write(self.tr("routines.region.saved", zone=timezone,
                                         holidays=self.tr(f"routines.holidays.{holidays}")))

    def _on_cadences_save(self, cadences: dict[str, int]) -> str:
        self.state.save_cadences(cadences)
        return self._after_write(self.tr("routines.settings.cadences_saved"))

    def _on_cadences_reset(self) -> str:
        self.state.reset_cadences()
        self.settings.show(self.state.settings, self.state.data.cadences)
        return self._after_write(self.tr("routines.settings.cadences_saved"))

    def _on_override(self, contact, days) -> str:
        self.state.set_override(contact, days)
        name = self.state.name(contact)
        return self._after_write(
            self.tr("routines.settings.override_saved", name=name, days=days) if days
            else self.tr("routines.settings.override_cleared", name=name))

    # ------------------------------------------------------------------ Calendar
    def _on_prepare_ics(self, slots: RoutineSettings) -> tuple[bytes, int]:
        if slots != self.state.settings:
            self.state.save_settings(slots)
            self.calendar.show(self.state.settings)
        return self.state.ics(self.tr)


def build_routines(profile: str | None = None, lang: str | None = None,
                   today: dt.date | None = None) -> ipw.Widget:
    """The routines page for the current profile (see `open_page_context`)."""
    return build_page(lambda ctx: RoutinesPage(ctx, today).view, profile, lang)

