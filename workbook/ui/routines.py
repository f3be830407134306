"""Routines page: maintain versus expand — this week's plan, who is due, the log, settings
and the calendar export. `RoutinesState` is the page's only writer; `RoutinesPage` its view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import ipywidgets as ipw
import pandas as pd
import plotly.graph_objects as go

from workbook.charts.routines import overdue_by_layer_figure, temperature_figure, weekly_figure
from workbook.domain.calendar_rules import HOLIDAY_CALENDARS, holidays_around
from workbook.domain.routines import (
    DEFAULT_CADENCE_DAYS,
    SITUATIONS,
    SOURCES,
    PlanItem,
    WeekPlan,
    actual_split,
    describe_item,
    done_keys,
    drifting_list,
    due_list,
    due_status,
    format_day,
    layer_health,
    parse_hhmm,
    plan_sections,
    plan_weeks,
    resolve_timezone,
    revive_list,
    routine_events,
    suggested_purpose,
    suggested_routine,
    temperature_series,
    three_b_seven,
    week_start,
    weekly_actuals,
)
from workbook.domain.vocabulary import DIRECTIONS, INTERACTION_KINDS, PURPOSES
from workbook.escaping import escape_html, shorten
from workbook.io.ics import calendar_bytes
from workbook.store import routines as store
from workbook.store.contacts import log_interaction
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    coaching,
    download_link,
    guarded,
    html_text,
    page_shell,
    refresh_figure,
    table_html,
)

MAX_ROWS = 25
NOTE_PREVIEW = 120
PLAN_WEEKS_AHEAD = 8
ICS_FILE_NAME = "networking-routine.ics"
_TAB_KEYS = ("week", "due", "log", "settings", "calendar")


def _fit() -> ipw.Layout:
    """Buttons as wide as their words: never cut (not even beside a long line), never
    stretched across the page."""
    return ipw.Layout(width="max-content", flex="0 0 auto")


_CSS = """<style>
.wb-routines h4 {margin: 0.8em 0 0.3em 0;}
.wb-routines-ics-link a {font-weight: 600;}
</style>"""


class RoutinesState:
    """The routine data of one profile, and every write the page makes (nothing else writes)."""

    def __init__(self, ctx: PageContext, today: dt.date | None = None):
        self.ctx = ctx
        self.conn = ctx.conn
        self.today = today or dt.date.today()
        self.reload()

    def reload(self) -> None:
        """Read the profile again (after every write) and drop what was derived from it."""
        self.data = store.load_routine_data(self.conn)
        self.holidays = holidays_around(self.data.settings.holidays, self.today)
        self.status = due_status(self.data.contacts, self.data.interactions, self.data.cadences,
                                 self.today)
        self._steps: pd.DataFrame | None = None
        self._weekly: pd.DataFrame | None = None

    @property
    def settings(self):
        return self.data.settings

    # ------------------------------------------------------------------ reads
    def plan(self, offset: int) -> WeekPlan:
        """The plan of the week `offset` weeks from this one (later weeks assume the earlier
        plans are carried out; earlier weeks are planned from the log as it stood)."""
        first = week_start(self.today) + dt.timedelta(weeks=min(offset, 0))
        return plan_weeks(self.data.contacts, self.data.interactions, self.data.cadences,
                          self.data.outreach, self.settings, first, max(offset, 0) + 1,
                          self.holidays)[-1]

    def done(self, plan: WeekPlan) -> tuple[set[str], set[str]]:
        """(all done keys, keys ticked by hand)."""
        ticked = store.checkoffs(self.conn, plan.week_start)
        return done_keys(plan, self.data.interactions, ticked), ticked

    def steps(self) -> pd.DataFrame:
        """Where each outreach stands today (3B7), computed once per read."""
        if self._steps is None:
            self._steps = three_b_seven(self.data.outreach, self.data.contacts, self.today,
                                        self.holidays, self.data.interactions)
        return self._steps

    def weekly(self) -> pd.DataFrame:
        """Touches and minutes of the last 12 weeks, computed once per read."""
        if self._weekly is None:
            self._weekly = weekly_actuals(self.data.interactions, self.data.contacts,
                                          self.today, 12)
        return self._weekly

    def recent(self, limit: int = 10) -> pd.DataFrame:
        """The last exchanges logged, newest first, with the person's name (`full_name`)."""
        log = self.data.interactions.sort_values(["occurred_on", "interaction_id"],
                                                 ascending=False).head(limit)
        names = self.data.contacts.set_index("contact_id")["full_name"]
        return log.assign(full_name=log["contact_id"].map(names))

    def name(self, contact_id: int) -> str:
        rows = self.data.contacts[self.data.contacts["contact_id"] == contact_id]
        return rows["full_name"].iloc[0] if len(rows) else ""

    def purpose_for(self, contact_id: int, on: dt.date) -> str:
        rows = self.data.contacts[self.data.contacts["contact_id"] == contact_id]
        if not len(rows):
            return "maintain"
        earlier = self.data.interactions[(self.data.interactions["contact_id"] == contact_id)
                                         & (self.data.interactions["occurred_on"]
                                            < pd.Timestamp(on))]
        return suggested_purpose(rows["layer"].iloc[0], rows["connected_on"].iloc[0],
                                 len(earlier) > 0, on)

    # ------------------------------------------------------------------ writes
    def log(self, contact_id: int, on: dt.date, kind: str, direction: str, purpose: str,
            notes: str) -> int:
        interaction = log_interaction(self.conn, contact_id, on, kind, direction=direction,
                                      purpose=purpose, notes=notes)
        self.reload()
        return interaction

    def remove_interaction(self, interaction_id: int) -> None:
        store.delete_interaction(self.conn, interaction_id)
        self.reload()

    def tick(self, plan: WeekPlan, item: PlanItem, done: bool) -> None:
        """Tick or untick a plan line. Ticking a line about a person logs the touch (so the
        clock restarts); unticking removes that touch again."""
        week = plan.week_start
        if not done:
            if item.kind == "follow_up":
                store.undo_follow_up(self.conn, int(item.key.split(":")[1]))
            store.uncheck(self.conn, week, item.key)
            self.reload()
            return
        on = min(max(self.today, week), plan.week_end)
        interaction = None
        if item.kind in ("touch", "revive", "birthday", "card"):
            kind = "greeting_card" if item.kind == "card" else "message"
            interaction = log_interaction(self.conn, item.contact_id, on, kind,
                                          purpose=self.purpose_for(item.contact_id, on))
        elif item.kind == "follow_up":
            interaction = store.mark_followed_up(self.conn, int(item.key.split(":")[1]), on)
        store.check_off(self.conn, week, item.key, interaction)
        self.reload()

    def add_outreach(self, contact_id: int, on: dt.date) -> None:
        store.add_outreach(self.conn, contact_id, on)
        self.reload()

    def replied(self, outreach_id: int) -> None:
        store.mark_replied(self.conn, outreach_id, self.today)
        self.reload()

    def followed_up(self, outreach_id: int) -> None:
        store.mark_followed_up(self.conn, outreach_id, self.today)
        self.reload()

    def save_settings(self, settings) -> None:
        store.save_settings(self.conn, settings)
        self.reload()

    def save_cadences(self, cadences: dict[str, int]) -> None:
        store.set_layer_cadences(self.conn, cadences)
        self.reload()

    def reset_cadences(self) -> None:
        store.reset_layer_cadences(self.conn)
        self.reload()

    def set_override(self, contact_id: int, days: int | None) -> None:
        store.set_contact_cadence(self.conn, contact_id, days)
        self.reload()

    def ics(self) -> tuple[bytes, int]:
        events = routine_events(self.settings, self.today, self.data.contacts, self.steps())
        payload = calendar_bytes(events, self.ctx.tr, timezone=self.settings.timezone,
                                 profile=self.ctx.profile,
                                 calendar_name=self.ctx.tr("routines.ics.calname"))
        return payload, len(events)


def _classed(widget: ipw.Widget, *classes: str) -> ipw.Widget:
    for css in classes:
        widget.add_class(css)
    return widget


def _close_children(box: ipw.Box) -> None:
    old = box.children
    box.children = ()
    for child in old:
        if isinstance(child, ipw.Box):
            _close_children(child)
        child.close()


class RoutinesPage:
    """The view: five tabs, each opening with one coaching sentence from the method."""

    def __init__(self, ctx: PageContext, today: dt.date | None = None):
        self.ctx = ctx
        self.tr = ctx.tr
        self.state = RoutinesState(ctx, today)
        self.status = _classed(StatusLine(), "wb-routines-status")
        self.guard = guarded(ctx, self.status)
        self.week_offset = 0
        self._charts: dict[str, go.FigureWidget] = {}
        self._armed: ipw.Button | None = None  # a "Remove" clicked once, waiting for the second
        self.contact_options = self._contact_options()  # for the three person dropdowns
        tabs = [self._build_week(), self._build_due(), self._build_log(),
                self._build_settings(), self._build_calendar()]
        self.tabs = _classed(ipw.Tab(children=tabs), "wb-routines-tabs")
        self.tabs.titles = [self.tr(f"routines.tab.{key}") for key in _TAB_KEYS]
        self.view = page_shell(ctx, "routines", ipw.HTML(_CSS), self.tabs, status=self.status)
        self.view.add_class("wb-routines")
        self.refresh()

    # ------------------------------------------------------------------ helpers
    def _coach(self, key: str) -> ipw.HTML:
        return coaching(self.tr(f"routines.coach.{key}"), f"wb-routines-coach-{key}")

    def _contact_options(self) -> list[tuple[str, int | None]]:
        contacts = self.state.data.contacts
        options = [("—", None)]
        for row in contacts.itertuples(index=False):
            label = row.full_name + (f" — {row.organisation}" if row.organisation else "")
            options.append((label, int(row.contact_id)))
        return options

    def _day(self, day) -> str:
        return format_day(day, self.ctx.lang)

    def refresh(self) -> None:
        """Redraw every list from the state (after any write)."""
        self._render_week()
        self._render_due()
        self._render_log()
        self._refresh_charts()

    # ------------------------------------------------------------------ This week
    def _build_week(self) -> ipw.VBox:
        tr = self.tr
        self.week_heading = _classed(ipw.HTML(), "wb-routines-week-heading")
        self.prev_button = ipw.Button(description="◀ " + tr("routines.week.previous_week"),
                                      layout=_fit())
        self.this_button = ipw.Button(description=tr("routines.week.this_week"), layout=_fit())
        self.next_button = ipw.Button(description=tr("routines.week.next_week") + " ▶",
                                      layout=_fit())
        for button, step in ((self.prev_button, -1), (self.this_button, 0),
                             (self.next_button, 1)):
            button.on_click(self.guard(lambda _b, step=step: self._on_week_nav(step)))
        _classed(self.next_button, "wb-routines-week-next")
        self.week_summary = _classed(ipw.HTML(), "wb-routines-week-summary")
        self.week_items = _classed(ipw.VBox(), "wb-routines-week-items")
        self.cards_box = ipw.VBox()
        self.cards = _classed(ipw.Accordion(children=[self.cards_box], selected_index=None),
                              "wb-routines-cards")
        self.cards.observe(self.guard(self._on_cards_open), names="selected_index")
        self.week_chart_box = ipw.VBox()
        self.week_chart = _classed(ipw.Accordion(children=[self.week_chart_box],
                                                 selected_index=None), "wb-routines-week-chart")
        self.week_chart.set_title(0, tr("routines.week.chart_title"))
        self.week_chart.observe(self.guard(self._on_week_chart_open), names="selected_index")
        return ipw.VBox([self._coach("week"),
                         ipw.HBox([self.prev_button, self.this_button, self.next_button]),
                         self.week_heading, self.week_summary, self.week_items, self.cards,
                         self.week_chart])

    def _render_week(self) -> None:
        tr, state = self.tr, self.state
        plan = state.plan(self.week_offset)
        done, ticked = state.done(plan)
        self._plan, self._plan_done = plan, (done, ticked)
        total = len(plan.items)
        finished = sum(1 for item in plan.items if item.key in done)
        self.week_heading.value = html_text(
            tr("routines.week.heading", date=self._day(plan.week_start)), "h3")
        maintain, expand = actual_split(state.weekly())
        self.week_summary.value = "".join([
            html_text(tr("routines.week.budget", maintain=plan.maintain_minutes,
                         expand=plan.expand_minutes, new=plan.new_target), "div"),
            html_text(tr("routines.week.actual", maintain=maintain, expand=expand), "div",
                      "wb-muted"),
            html_text(tr("routines.week.progress", done=finished, total=total), "div",
                      "wb-routines-progress")])
        editable = plan.week_start <= state.today
        children: list[ipw.Widget] = []
        for section, items in plan_sections(plan):
            children.append(ipw.HTML(html_text(tr(f"routines.week.section_{section}"), "h4")))
            if not items:
                children.append(ipw.HTML(html_text(tr("routines.week.nothing"), "div",
                                                   "wb-muted")))
            children.extend(self._item_row(plan, item, done, ticked, editable) for item in items)
        _close_children(self.week_items)
        self.week_items.children = children
        self.cards.layout.display = "" if plan.campaign else "none"
        self.cards.set_title(0, tr("routines.week.section_cards", count=len(plan.campaign)))
        if self.cards.selected_index is not None:
            self._render_cards()

    def _item_row(self, plan: WeekPlan, item: PlanItem, done: set[str], ticked: set[str],
                  editable: bool) -> ipw.HBox:
        text = describe_item(item, self.tr)
        logged_only = item.key in done and item.key not in ticked
        box = ipw.Checkbox(value=item.key in done, indent=False,
                           disabled=not editable or logged_only,
                           layout=ipw.Layout(width="2em", flex="0 0 auto"))
        box.observe(self.guard(lambda change, item=item: self._on_tick(plan, item, change)),
                    names="value")
        hint = " " + html_text(f'({self.tr("routines.week.logged_hint")})', "span",
                               "wb-muted") if logged_only else ""
        label = ipw.HTML(escape_html(text) + hint)
        row = ipw.HBox([box, label])
        row.add_class("wb-routines-item")
        row.add_class(f"wb-routines-item-{item.kind}")
        return row

    def _render_cards(self) -> None:
        plan = self._plan
        done, ticked = self._plan_done
        editable = plan.week_start <= self.state.today
        rows = [ipw.HTML(html_text(self.tr("routines.week.cards_help"), "div", "wb-muted"))]
        rows += [self._item_row(plan, item, done, ticked, editable) for item in plan.campaign]
        _close_children(self.cards_box)
        self.cards_box.children = rows

    def _on_cards_open(self, change) -> None:
        if change["new"] is not None:
            self._render_cards()

    def _on_week_nav(self, step: int) -> None:
        self.week_offset = 0 if step == 0 else max(-12, min(PLAN_WEEKS_AHEAD,
                                                            self.week_offset + step))
        self._render_week()

    def _on_tick(self, plan: WeekPlan, item: PlanItem, change) -> None:
        self.state.tick(plan, item, bool(change["new"]))
        key = "routines.week.ticked" if change["new"] else "routines.week.unticked"
        self.status.show(self.tr(key, text=describe_item(item, self.tr)))
        self.refresh()

    # ------------------------------------------------------------------ Who is due
    def _build_due(self) -> ipw.VBox:
        tr = self.tr
        self.health = _classed(ipw.HTML(), "wb-routines-health")
        self.due_heading = ipw.HTML()
        self.due_rows = _classed(ipw.VBox(), "wb-routines-due-list")
        self.drift_heading = ipw.HTML()
        self.drift_rows = _classed(ipw.VBox(), "wb-routines-drifting-list")
        self.revive = _classed(ipw.HTML(), "wb-routines-revive-list")
        self.due_chart_box = ipw.VBox()
        self.due_charts = _classed(ipw.Accordion(children=[self.due_chart_box],
                                                 selected_index=None), "wb-routines-due-charts")
        self.due_charts.set_title(0, tr("routines.due.show_charts"))
        self.due_charts.observe(self.guard(self._on_due_charts_open), names="selected_index")
        return ipw.VBox([self._coach("due"), self.health, self.due_heading, self.due_rows,
                         self.drift_heading, self.drift_rows, self.revive, self.due_charts])

    def _render_due(self) -> None:
        tr, status = self.tr, self.state.status
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
        due, drifting = due_list(status), drifting_list(status)
        self.due_heading.value = html_text(tr("routines.due.heading_due", count=len(due)), "h4")
        self._fill_people(self.due_rows, due, "routines.due.none")
        self.drift_heading.value = html_text(
            tr("routines.due.heading_drifting", count=len(drifting)), "h4")
        self._fill_people(self.drift_rows, drifting, "routines.due.none_drifting")
        revive = revive_list(status)
        items = "".join(
            f"<li>{escape_html(r.full_name)} · {escape_html(self._last_label(r.last_touch))}</li>"
            for r in revive.head(MAX_ROWS).itertuples(index=False))
        more = self._more(len(revive))
        self.revive.value = (html_text(tr("routines.due.heading_revive", count=len(revive)), "h4")
                             + (f"<ul>{items}</ul>{more}" if items else
                                html_text(tr("routines.due.none_revive"), "div", "wb-muted")))

    def _last(self, last_touch) -> str:
        return self.tr("routines.due.never") if pd.isna(last_touch) else self._day(
            last_touch.date())

    def _last_label(self, last_touch) -> str:
        """'Last exchange: 3 Nov 2026' with the language's own punctuation."""
        return self.tr("routines.due.labelled", label=self.tr("routines.due.col_last"),
                       value=self._last(last_touch))

    def _more(self, count: int) -> str:
        return html_text(self.tr("routines.due.more", count=count - MAX_ROWS), "div",
                         "wb-muted") if count > MAX_ROWS else ""

    def _fill_people(self, box: ipw.VBox, people: pd.DataFrame, empty_key: str) -> None:
        tr = self.tr
        children: list[ipw.Widget] = []
        for row in people.head(MAX_ROWS).itertuples(index=False):
            if pd.isna(row.overdue_days):  # never in touch: no rhythm to be late on
                late = ""
            elif int(row.overdue_days) <= 0:
                late = tr("routines.due.due_today")
            else:
                days = int(row.overdue_days)
                amount = (tr("routines.due.one_day") if days == 1
                          else tr("routines.due.days", days=days))
                late = tr("routines.due.labelled", label=tr("routines.due.col_late"), value=amount)
            text = (f"<b>{escape_html(row.full_name)}</b> · "
                    f"{escape_html(tr(f'vocab.layer.{row.layer}'))} · "
                    f"{escape_html(self._last_label(row.last_touch))}"
                    + (f" · {escape_html(late)}" if late else ""))
            label = _classed(ipw.HTML(text), "wb-routines-due-name")
            button = _classed(ipw.Button(description=tr("routines.due.log_button"),
                                         layout=_fit()),
                              "wb-routines-due-log")
            button.on_click(self.guard(lambda _b, cid=int(row.contact_id): self._on_log_for(cid)))
            children.append(_classed(ipw.HBox([button, label]), "wb-routines-due-row"))
        if people.empty:
            children.append(ipw.HTML(html_text(tr(empty_key), "div", "wb-muted")))
        elif len(people) > MAX_ROWS:
            children.append(ipw.HTML(self._more(len(people))))
        _close_children(box)
        box.children = children

    def _on_log_for(self, contact_id: int) -> None:
        """From a due line: open the Log tab with that person chosen."""
        self.log_contact.value = contact_id
        self.tabs.selected_index = _TAB_KEYS.index("log")

    # ------------------------------------------------------------------ Log
    def _build_log(self) -> ipw.VBox:
        tr = self.tr
        wide = ipw.Layout(width="32em")
        style = {"description_width": "9em"}
        options = self.contact_options
        self.log_contact = _classed(ipw.Dropdown(options=options, value=None, layout=wide,
                                                 style=style,
                                                 description=tr("routines.log.contact")),
                                    "wb-routines-log-contact")
        self.log_contact.observe(self.guard(self._on_log_contact), names="value")
        self.log_kind = _classed(ipw.Dropdown(
            options=[(tr(f"vocab.kind.{k}"), k) for k in INTERACTION_KINDS], value="message",
            description=tr("routines.log.kind"), style=style), "wb-routines-log-kind")
        self.log_direction = ipw.Dropdown(
            options=[(tr(f"vocab.direction.{d}"), d) for d in DIRECTIONS], value="out",
            description=tr("routines.log.direction"), style=style)
        self.log_purpose = ipw.Dropdown(
            options=[(tr(f"vocab.purpose.{p}"), p) for p in PURPOSES], value="maintain",
            description=tr("routines.log.purpose"), style=style)
        self.log_date = ipw.DatePicker(value=self.state.today, description=tr("routines.log.date"),
                                       style=style)
        self.log_notes = ipw.Textarea(description=tr("routines.log.notes"), layout=wide,
                                      style=style)
        self.log_save = _classed(ipw.Button(description=tr("routines.log.save"),
                                            button_style="primary", layout=_fit()),
                                 "wb-routines-log-save")
        self.log_save.on_click(self.guard(self._on_log_save))
        self.recent = _classed(ipw.VBox(), "wb-routines-recent")
        # 3B7 outreach
        self.out_contact = _classed(ipw.Dropdown(options=options, value=None, layout=wide,
                                                 style=style,
                                                 description=tr("routines.log.contact")),
                                    "wb-routines-outreach-contact")
        self.out_date = ipw.DatePicker(value=self.state.today, description=tr("routines.log.date"),
                                       style=style)
        self.out_save = _classed(ipw.Button(description=tr("routines.log.outreach_save"),
                                            layout=_fit()),
                                 "wb-routines-outreach-save")
        self.out_save.on_click(self.guard(self._on_outreach_save))
        self.pending = _classed(ipw.VBox(), "wb-routines-pending")
        return ipw.VBox([
            self._coach("log"), ipw.HTML(html_text(tr("routines.log.heading"), "h4")),
            self.log_contact, self.log_kind, self.log_direction, self.log_purpose, self.log_date,
            self.log_notes, self.log_save, self.recent,
            ipw.HTML(html_text(tr("routines.log.outreach_heading"), "h4")
                     + html_text(tr("routines.log.outreach_help"), "div", "wb-muted")),
            self.out_contact, self.out_date, self.out_save, self.pending])

    def _render_log(self) -> None:
        tr = self.tr
        rows: list[ipw.Widget] = [ipw.HTML(html_text(tr("routines.log.recent"), "h4"))]
        for r in self.state.recent(10).itertuples(index=False):
            kind = self._kind(r.kind)
            purpose = tr(f"vocab.purpose.{r.purpose}")
            text = (f"{escape_html(self._day(r.occurred_on.date()))} · "
                    f"<b>{escape_html(r.full_name)}</b> · {escape_html(kind)}"
                    f" · {escape_html(purpose)}"
                    + (f" · <i>{escape_html(shorten(r.notes, NOTE_PREVIEW))}</i>"
                       if r.notes else ""))
            button = ipw.Button(description=tr("routines.log.remove"), layout=_fit())
            button.on_click(self.guard(lambda b, r=r: self._on_remove(b, r)))
            rows.append(_classed(ipw.HBox([button, ipw.HTML(text)]), "wb-routines-recent-row"))
        self._armed = None
        _close_children(self.recent)
        self.recent.children = rows
        steps = self.state.steps()
        open_steps = steps[steps["action"].isin(["wait", "try_another", "follow_up"])]
        items: list[ipw.Widget] = [ipw.HTML(html_text(
            tr("routines.log.pending", count=len(open_steps)), "h4"))]
        for row in open_steps.itertuples(index=False):
            action = tr(f"routines.action.{row.action}", days=row.business_days,
                        organisation=row.organisation)
            where = f" ({escape_html(row.organisation)})" if row.organisation else ""
            text = (f"<b>{escape_html(row.full_name)}</b>{where} · "
                    f"{escape_html(self._day(row.sent_on))} → {escape_html(action)}")
            replied = ipw.Button(description=tr("routines.log.replied"),
                                 layout=_fit())
            replied.on_click(self.guard(lambda _b, o=row.outreach_id, n=row.full_name:
                                        self._on_replied(o, n)))
            followed = ipw.Button(description=tr("routines.log.followed_up"),
                                  layout=_fit())
            followed.on_click(self.guard(lambda _b, o=row.outreach_id, n=row.full_name:
                                         self._on_followed(o, n)))
            items.append(_classed(ipw.HBox([replied, followed, ipw.HTML(text)]),
                                  "wb-routines-pending-row"))
        _close_children(self.pending)
        self.pending.children = items

    def _on_log_contact(self, change) -> None:
        if change["new"] is not None:
            self.log_purpose.value = self.state.purpose_for(change["new"],
                                                            self.log_date.value or self.state.today)

    def _contact_and_date_ok(self, contact: int | None, on: dt.date | None) -> bool:
        """A person is chosen and the date is not in the future; else say what to do."""
        if contact is None:
            self.status.show(self.tr("routines.log.pick_contact"), error=True)
            return False
        if on is None or on > self.state.today:
            self.status.show(self.tr("routines.log.bad_date"), error=True)
            return False
        return True

    def _on_log_save(self, _button) -> None:
        tr = self.tr
        contact, on = self.log_contact.value, self.log_date.value
        if not self._contact_and_date_ok(contact, on):
            return
        self.state.log(contact, on, self.log_kind.value, self.log_direction.value,
                       self.log_purpose.value, self.log_notes.value.strip())
        self.status.show(tr("routines.log.saved", kind=tr(f"vocab.kind.{self.log_kind.value}"),
                            name=self.state.name(contact), date=self._day(on)))
        self.log_notes.value = ""
        self.refresh()

    def _kind(self, code: str) -> str:
        """An interaction kind's name; a code logged by a newer version shows as itself."""
        return self.tr(f"vocab.kind.{code}") if self.tr.has(f"vocab.kind.{code}") else code

    def _on_remove(self, button: ipw.Button, row) -> None:
        """`row`: one line of `RoutinesState.recent`. The first click asks to confirm (a slip
        of the mouse must not erase an exchange), the second removes it."""
        tr = self.tr
        if self._armed is not button:
            if self._armed is not None:  # only one line waits for confirmation at a time
                self._armed.description, self._armed.button_style = tr("routines.log.remove"), ""
            self._armed = button
            button.description, button.button_style = tr("routines.log.confirm_remove"), "danger"
            self.status.show(tr("routines.log.confirm_remove_help", name=row.full_name,
                                date=self._day(row.occurred_on.date())))
            return
        self._armed = None
        self.state.remove_interaction(int(row.interaction_id))
        self.status.show(self.tr("routines.log.removed", kind=self._kind(row.kind),
                                 name=row.full_name, date=self._day(row.occurred_on.date())))
        self.refresh()

    def _on_outreach_save(self, _button) -> None:
        tr = self.tr
        contact, on = self.out_contact.value, self.out_date.value
        if not self._contact_and_date_ok(contact, on):
            return
        self.state.add_outreach(contact, on)
        self.status.show(tr("routines.log.outreach_saved", name=self.state.name(contact),
                            date=self._day(on)))
        self.out_contact.value = None
        self.refresh()

    def _on_replied(self, outreach_id: int, name: str) -> None:
        self.state.replied(int(outreach_id))
        self.status.show(self.tr("routines.log.replied_done", name=name))
        self.refresh()

    def _on_followed(self, outreach_id: int, name: str) -> None:
        self.state.followed_up(int(outreach_id))
        self.status.show(self.tr("routines.log.followed_done", name=name))
        self.refresh()

    # ------------------------------------------------------------------ Settings
    def _build_settings(self) -> ipw.VBox:
        tr, s = self.tr, self.state.settings
        style = {"description_width": "17em"}
        self.situation = _classed(ipw.Dropdown(
            options=[(tr(f"routines.situation.{k}"), k) for k in SITUATIONS], value=s.situation,
            description=tr("routines.settings.situation"), style=style,
            layout=ipw.Layout(width="34em")),
            "wb-routines-situation")
        self.situation.observe(self.guard(self._on_situation), names="value")
        self.suggestion = ipw.HTML()
        self.use_suggested = _classed(ipw.Button(description=tr("routines.settings.use_suggested"),
                                                 layout=_fit()),
                                      "wb-routines-use-suggested")
        self.use_suggested.on_click(self.guard(self._on_use_suggested))
        self.weekly_minutes = _classed(ipw.BoundedIntText(
            value=s.weekly_minutes, min=0, max=40 * 60, step=15, style=style,
            description=tr("routines.settings.weekly_minutes")), "wb-routines-weekly-minutes")
        self.expand_share = _classed(ipw.IntSlider(
            value=s.expand_share, min=0, max=100, step=5, style=style,
            description=tr("routines.settings.expand_share"), continuous_update=False,
            layout=ipw.Layout(width="38em")),
            "wb-routines-expand-share")
        self.new_per_week = ipw.BoundedIntText(value=s.new_per_week, min=0, max=100, style=style,
                                               description=tr("routines.settings.new_per_week"))
        self.sources = {code: ipw.Checkbox(value=code in s.sources, indent=False,
                                           description=tr(f"routines.source.{code}"),
                                           layout=ipw.Layout(width="max-content",
                                                             margin="0 2em 0 0"))
                        for code in SOURCES}
        self.holidays = ipw.Dropdown(options=[(tr(f"routines.holidays.{c}"), c)
                                              for c in HOLIDAY_CALENDARS], value=s.holidays,
                                     description=tr("routines.settings.holidays"), style=style,
                                     layout=ipw.Layout(width="34em"))
        self.timezone = _classed(ipw.Text(value=s.timezone, style=style,
                                          description=tr("routines.settings.timezone"),
                                          continuous_update=False,
                                          layout=ipw.Layout(width="34em")),
                                 "wb-routines-timezone")
        self.settings_save = _classed(ipw.Button(description=tr("routines.settings.save"),
                                                 button_style="primary", layout=_fit()),
                                      "wb-routines-settings-save")
        self.settings_save.on_click(self.guard(self._on_settings_save))
        cadences = self.state.data.cadences
        self.cadence_inputs = {
            layer: ipw.BoundedIntText(value=cadences[layer], min=1, max=3650, style=style,
                                      description=tr(f"vocab.layer.{layer}"))
            for layer in DEFAULT_CADENCE_DAYS}
        save_cadences = ipw.Button(description=tr("routines.settings.save_cadences"),
                                   layout=_fit())
        save_cadences.on_click(self.guard(self._on_cadences_save))
        reset_cadences = ipw.Button(description=tr("routines.settings.reset_cadences"),
                                    layout=_fit())
        reset_cadences.on_click(self.guard(self._on_cadences_reset))
        self.override_contact = ipw.Dropdown(options=self.contact_options, value=None,
                                             description=tr("routines.log.contact"),
                                             layout=ipw.Layout(width="40em"), style=style)
        self.override_days = ipw.BoundedIntText(value=30, min=1, max=3650,
                                                description=tr("routines.settings.override_days"),
                                                style=style)
        override_set = ipw.Button(description=tr("routines.settings.override_save"))
        override_set.on_click(self.guard(lambda _b: self._on_override(True)))
        override_clear = ipw.Button(description=tr("routines.settings.override_clear"),
                                    layout=_fit())
        override_clear.on_click(self.guard(lambda _b: self._on_override(False)))
        self._show_suggestion(s.situation)
        return ipw.VBox([
            self._coach("settings"), self.situation, self.suggestion, self.use_suggested,
            self.weekly_minutes, self.expand_share, self.new_per_week,
            ipw.HTML(html_text(tr("routines.settings.sources"), "h4")),
            ipw.HBox(list(self.sources.values()), layout=ipw.Layout(flex_flow="row wrap")),
            self.holidays, self.timezone,
            self.settings_save,
            ipw.HTML(html_text(tr("routines.settings.cadences"), "h4")),
            *self.cadence_inputs.values(), ipw.HBox([save_cadences, reset_cadences]),
            ipw.HTML(html_text(tr("routines.settings.override"), "h4")),
            self.override_contact, self.override_days, ipw.HBox([override_set, override_clear])])

    def _show_suggestion(self, situation: str) -> None:
        s = suggested_routine(situation)
        self.suggestion.value = html_text(self.tr(
            "routines.settings.suggested", minutes=s.weekly_minutes, share=s.expand_share,
            new=s.new_per_week), "div", "wb-muted")

    def _on_situation(self, change) -> None:
        self._show_suggestion(change["new"])

    def _on_use_suggested(self, _button) -> None:
        s = suggested_routine(self.situation.value, self.state.settings)
        self.weekly_minutes.value = s.weekly_minutes
        self.expand_share.value = s.expand_share
        self.new_per_week.value = s.new_per_week
        for code, box in self.sources.items():
            box.value = code in s.sources
        self.status.show(self.tr("routines.settings.suggestion_applied"))

    def _on_settings_save(self, _button) -> None:
        tr = self.tr
        typed = self.timezone.value.strip()
        zone = resolve_timezone(typed)
        if zone is None:
            self.status.show(tr("routines.settings.bad_timezone", value=typed), error=True)
            return
        self.timezone.value = zone
        settings = dataclasses.replace(
            self.state.settings, situation=self.situation.value,
            weekly_minutes=int(self.weekly_minutes.value),
            expand_share=int(self.expand_share.value),
            new_per_week=int(self.new_per_week.value),
            sources=tuple(code for code, box in self.sources.items() if box.value),
            holidays=self.holidays.value, timezone=zone)
        self.state.save_settings(settings)
        self.status.show(tr("routines.settings.saved"))
        self.refresh()

    def _on_cadences_save(self, _button) -> None:
        # The boxes are bounded (1-3650 days), so every value is a valid rhythm.
        values = {layer: int(box.value) for layer, box in self.cadence_inputs.items()}
        self.state.save_cadences(values)
        self.status.show(self.tr("routines.settings.cadences_saved"))
        self.refresh()

    def _on_cadences_reset(self, _button) -> None:
        self.state.reset_cadences()
        for layer, box in self.cadence_inputs.items():
            box.value = self.state.data.cadences[layer]
        self.status.show(self.tr("routines.settings.cadences_saved"))
        self.refresh()

    def _on_override(self, set_it: bool) -> None:
        tr, contact = self.tr, self.override_contact.value
        if contact is None:
            self.status.show(tr("routines.log.pick_contact"), error=True)
            return
        days = int(self.override_days.value) if set_it else None
        self.state.set_override(contact, days)
        name = self.state.name(contact)
        self.status.show(tr("routines.settings.override_saved", name=name, days=days) if set_it
                         else tr("routines.settings.override_cleared", name=name))
        self.refresh()

    # ------------------------------------------------------------------ Calendar
    def _build_calendar(self) -> ipw.VBox:
        tr, s = self.tr, self.state.settings
        days = [(tr(f"routines.weekday.{d}"), d) for d in range(7)]
        style = {"description_width": "14em"}
        self.maintain_day = ipw.Dropdown(options=days, value=s.maintain_day, style=style,
                                         description=tr("routines.calendar.maintain_slot"))
        self.maintain_time = ipw.Text(value=s.maintain_time,
                                      description=tr("routines.calendar.time"),
                                      layout=ipw.Layout(width="14em"))
        self.expand_day = ipw.Dropdown(options=days, value=s.expand_day, style=style,
                                       description=tr("routines.calendar.expand_slot"))
        self.expand_time = ipw.Text(value=s.expand_time, description=tr("routines.calendar.time"),
                                    layout=ipw.Layout(width="14em"))
        self.ics_prepare = _classed(ipw.Button(description=tr("routines.calendar.prepare"),
                                               button_style="primary",
                                               layout=_fit()),
                                    "wb-routines-ics-prepare")
        self.ics_prepare.on_click(self.guard(self._on_ics_prepare))
        self.ics_link = _classed(ipw.HTML(), "wb-routines-ics-link")
        # A file prepared before the slots changed would no longer match them: take it away.
        for slot in (self.maintain_day, self.maintain_time, self.expand_day, self.expand_time):
            slot.observe(self.guard(self._on_slot_change), names="value")
        return ipw.VBox([self._coach("calendar"),
                         ipw.HBox([self.maintain_day, self.maintain_time]),
                         ipw.HBox([self.expand_day, self.expand_time]),
                         ipw.HTML(html_text(tr("routines.calendar.explain"), "div", "wb-muted")),
                         self.ics_prepare, self.ics_link])

    def _on_slot_change(self, _change) -> None:
        self.ics_link.value = ""

    def _on_ics_prepare(self, _button) -> None:
        tr = self.tr
        try:
            maintain_at = parse_hhmm(self.maintain_time.value)
            expand_at = parse_hhmm(self.expand_time.value)
        except ValueError:
            self.status.show(tr("routines.calendar.bad_time"), error=True)
            return
        slots = dataclasses.replace(
            self.state.settings, maintain_day=self.maintain_day.value,
            maintain_time=maintain_at.strftime("%H:%M"), expand_day=self.expand_day.value,
            expand_time=expand_at.strftime("%H:%M"))
        if slots != self.state.settings:
            self.state.save_settings(slots)
        payload, count = self.state.ics()
        self.status.clear()  # an earlier "bad time" message no longer applies
        self.ics_link.value = (
            f"{html_text(tr('routines.calendar.ready', count=count), 'span')} "
            + download_link(payload, ICS_FILE_NAME, "text/calendar", tr("routines.calendar.link")))

    # ------------------------------------------------------------------ charts (lazy)
    def _on_week_chart_open(self, change) -> None:
        if change["new"] is not None and "weekly" not in self._charts:
            self._charts["weekly"] = go.FigureWidget(self._weekly_figure())
            self.week_chart_box.children = [self._charts["weekly"]]

    def _on_due_charts_open(self, change) -> None:
        if change["new"] is not None and "overdue" not in self._charts:
            self._charts["overdue"] = go.FigureWidget(
                overdue_by_layer_figure(self.state.status, self.tr))
            self._charts["temperature"] = go.FigureWidget(self._temperature_figure())
            self.due_chart_box.children = [self._charts["overdue"], self._charts["temperature"]]

    def _weekly_figure(self) -> go.Figure:
        s = self.state.settings
        return weekly_figure(self.state.weekly(), s.maintain_minutes, s.expand_minutes, self.tr)

    def _temperature_figure(self) -> go.Figure:
        d = self.state.data
        return temperature_figure(temperature_series(d.contacts, d.interactions, d.cadences,
                                                     self.state.today, 26), self.tr)

    def _refresh_charts(self) -> None:
        """Update drawn charts in place (same traces, new data)."""
        fresh = {}
        if "weekly" in self._charts:
            fresh["weekly"] = self._weekly_figure()
        if "overdue" in self._charts:
            fresh["overdue"] = overdue_by_layer_figure(self.state.status, self.tr)
            fresh["temperature"] = self._temperature_figure()
        for name, figure in fresh.items():
            refresh_figure(self._charts[name], figure)


def build_routines(profile: str | None = None, lang: str | None = None,
                   today: dt.date | None = None) -> ipw.Widget:
    """The routines page for the current profile (see `open_page_context`)."""
    return build_page(lambda ctx: RoutinesPage(ctx, today).view, profile, lang)
