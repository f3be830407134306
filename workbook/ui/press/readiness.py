"""Press page, Readiness tab (can a journalist reach me, are my sheets ready, my record as a
"good client", charts) and Visibility plan tab (which topic where, exported to a calendar)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.domain.press import CHANNELS, PlanItem, is_stale
from workbook.escaping import escape_html
from workbook.i18n.numbers import format_list
from workbook.services.press import PressFigures
from workbook.store.press import PressInputError
from workbook.ui.common import coaching, download_link, html_text, status_line, table_html
from workbook.ui.glossary import glossed
from workbook.ui.press.media import record_cells
from workbook.ui.press.widgets import classed, parse_day, run_action, show_day
from workbook.ui.widgets import TABLE_ROWS, set_options

ICS_FILE_NAME = "visibility-plan.ics"


class ReadinessPanel:
    """Callbacks: `on_save(phone, email, hours, minutes, pitch_weeks)`; `figure()` builds
    the chart."""

    def __init__(self, tr, guard: Callable, *, on_save: Callable,
                 figure: Callable[[], go.Figure]):
        self.tr = tr
        self._on_save_cb, self._figure = on_save, figure
        self.summary = classed(ipw.HTML(), "wb-press-readiness")
        self.phone = classed(ipw.Text(description=tr("press.readiness.phone")), "wb-press-phone")
        self.email = classed(ipw.Text(description=tr("press.readiness.email")), "wb-press-email")
        # Labels longer than the page's label column take their own width (never cut); the
        # row wraps in a narrow window.
        own_width = {"description_width": "initial"}
        self.hours = classed(ipw.Text(description=tr("press.readiness.hours"),
                                      placeholder=tr("press.readiness.hours_placeholder"),
                                      style=own_width,
                                      layout=ipw.Layout(width="34em", max_width="100%")),
                             "wb-press-hours")
        self.hours_hint = classed(ipw.HTML(html_text(tr("press.readiness.hours_hint"), "p",
                                                     "wb-muted")), "wb-press-hours-hint")
        self.minutes = classed(ipw.BoundedIntText(description=tr("press.readiness.minutes"),
                                                  min=1, max=1440, value=60, style=own_width,
                                                  layout=ipw.Layout(width="auto")),
                               "wb-press-target-minutes")
        self.pitch_weeks = classed(ipw.BoundedIntText(
            description=tr("press.readiness.pitch_weeks"), min=1, max=52, value=8,
            style=own_width, layout=ipw.Layout(width="auto")), "wb-press-pitch-weeks")
        self.save = classed(ipw.Button(description=tr("press.readiness.save"), icon="save"),
                            "wb-press-settings-save")
        self.save.on_click(guard(self._on_save))
        self.status = status_line("wb-press-settings-status")
        self.sheets = classed(ipw.HTML(), "wb-press-readiness-sheets")
        self.record = classed(ipw.HTML(), "wb-press-record")
        # The charts load plotly.js (~5 MB) in the browser: drawn when first opened only, by
        # plotly's own renderer into an Output from this callback (a FigureWidget left empty
        # when its front-end model took over 2 s to start on a busy machine).
        self.chart: go.Figure | None = None
        self.chart_box = classed(ipw.Output(), "wb-press-chart")
        self.charts = classed(ipw.Accordion(children=[self.chart_box],
                                            titles=(tr("press.readiness.charts"),),
                                            selected_index=None), "wb-press-charts")
        self.charts.observe(guard(self._on_charts), names="selected_index")
        self.view = ipw.VBox([
            coaching(tr("press.coach.readiness")), self.summary,
            ipw.HTML(html_text(tr("press.readiness.reach_title"), "h4")),
            ipw.HBox([self.phone, self.email]), self.hours, self.hours_hint,
            ipw.HBox([self.minutes, self.pitch_weeks, self.save]),
            self.status, ipw.HTML(html_text(tr("press.readiness.sheets_title"), "h4")),
            self.sheets, ipw.HTML(glossed(tr, tr("press.record.title"), ("good_client",), "h4")),
            self.record,
            self.charts])

    def render(self, figures: PressFigures, now: dt.datetime, lang: str) -> None:
        tr, settings = self.tr, figures.settings
        self.phone.value, self.email.value = settings.phone, settings.email
        self.hours.value, self.minutes.value = settings.hours, settings.callback_minutes
        self.pitch_weeks.value = settings.pitch_weeks
        reach = format_list([settings.phone, settings.email, settings.hours], lang, "unit")
        lines = [tr("press.readiness.reach", where=reach or "—"),
                 tr("press.readiness.target", minutes=settings.callback_minutes),
                 tr("press.readiness.sheets", ready=figures.ready_sheets,
                    count=len(figures.sheets))]
        problems = "".join(f'<li class="wb-warn" data-code="{code}">'
                           f'{escape_html(tr(f"press.readiness.{code}"))}</li>'
                           for code in figures.readiness)
        self.summary.value = ('<div class="wb-card">' + "<br>".join(escape_html(x) for x in lines)
                              + (f"<ul>{problems}</ul>" if problems else
                                 html_text(tr("press.readiness.all_good"), "p",
                                           "wb-status-info")) + "</div>")
        rows = [[s.topic,
                 tr("press.readiness.ready") if s.ready else
                 tr.count("press.readiness.not_ready", s.findings),
                 show_day(s.prepared_at, lang) + (
                     f" ({tr('press.readiness.stale')})" if is_stale(s.prepared_at, now) else ""),
                 show_day(s.updated_at, lang)] for s in figures.sheets]
        self.sheets.value = table_html(
            [tr("press.sheets.topic"), tr("press.readiness.status"),
             tr("press.readiness.prepared"), tr("press.readiness.updated")], rows) \
            if rows else html_text(tr("press.readiness.no_sheet"), "p", "wb-muted")
        head = [tr("press.log.journalist"), tr("press.record.requests"), tr("press.record.within"),
                tr("press.record.median"), tr("press.record.quoted"), tr("press.record.last")]
        overall = [tr("press.record.overall"), *record_cells(tr, figures.record, lang)]
        per = [[name, *record_cells(tr, record, lang)]
               for (_, name), record in sorted(figures.by_journalist.items(),
                                                key=lambda kv: kv[0][1].casefold())]
        r = figures.record
        sentence = tr.count("press.record.sentence", r.requests, within=r.within_target,
                            minutes=r.target_minutes) if r.requests else tr("press.record.none")
        self.record.value = (html_text(sentence, "p", "wb-press-record-sentence")
                             + table_html(head, [overall, *per[:TABLE_ROWS]]))
        if self.chart is not None:
            self._draw()

    def _draw(self) -> None:
        self.chart = self._figure()
        with self.chart_box:
            self.chart_box.clear_output(wait=True)
            self.chart.show(renderer="plotly_mimetype", config={"displaylogo": False})

    def _on_charts(self, change) -> None:
        if change["new"] is not None and self.chart is None:
            self._draw()

    def _on_save(self, _button) -> None:
        def save() -> str:
            self._on_save_cb(self.phone.value, self.email.value, self.hours.value,
                             int(self.minutes.value or 0), int(self.pitch_weeks.value or 0))
            return self.tr("press.readiness.saved")

        run_action(self.tr, self.status, save)


class PlanPanel:
    """Callbacks: `on_add(topic, channel, day, note, sheet_id)`, `on_suggest() -> count`,
    `on_done(item_id, done)`, `on_delete(item_id)`, `ics() -> (bytes, count)`."""

    def __init__(self, tr, guard: Callable, *, on_add: Callable, on_suggest: Callable,
                 on_done: Callable, on_delete: Callable, ics: Callable):
        self.tr = tr
        self._add, self._suggest, self._done, self._delete, self._ics = \
            on_add, on_suggest, on_done, on_delete, ics
        self._topics: dict[str, int] = {}
        self.topic = classed(ipw.Combobox(description=tr("press.plan.topic"), ensure_option=False,
                                          layout=ipw.Layout(width="30em")), "wb-press-plan-topic")
        self.channel = classed(ipw.Dropdown(description=tr("press.plan.channel"), options=[
            (tr(f"press.channel.{c}"), c) for c in CHANNELS], value="post"),
            "wb-press-plan-channel")
        self.day = classed(ipw.Text(description=tr("press.plan.day"), placeholder="2026-12-15"),
                           "wb-press-plan-day")
        self.note = classed(ipw.Text(description=tr("press.plan.note"),
                                     layout=ipw.Layout(width="30em")), "wb-press-plan-note")
        self.add = classed(ipw.Button(description=tr("press.plan.add"), icon="plus",
                                      button_style="primary"), "wb-press-plan-add")
        self.add.on_click(guard(self._on_add))
        self.suggest = classed(ipw.Button(description=tr("press.plan.suggest"), icon="magic",
                                          layout=ipw.Layout(width="auto")), "wb-press-plan-suggest")
        self.suggest.on_click(guard(self._on_suggest))
        self.status = status_line("wb-press-plan-status")
        self.table = classed(ipw.HTML(), "wb-press-plan-table")
        self.item = classed(ipw.Dropdown(layout=ipw.Layout(width="30em")), "wb-press-plan-item")
        self.toggle = classed(ipw.Button(description=tr("press.plan.toggle"), icon="check"),
                              "wb-press-plan-toggle")
        self.toggle.on_click(guard(self._on_toggle))
        self.remove = classed(ipw.Button(description=tr("press.plan.remove"), icon="trash"),
                              "wb-press-plan-remove")
        self.remove.on_click(guard(self._on_remove))
        self.ics_prepare = classed(ipw.Button(description=tr("press.plan.ics"), icon="calendar",
                                              layout=ipw.Layout(width="auto")),
                                   "wb-press-plan-ics")
        self.ics_prepare.on_click(guard(self._on_ics))
        self.ics_link = classed(ipw.HTML(), "wb-press-plan-ics-link")
        self._items: list[PlanItem] = []
        self.view = ipw.VBox([
            coaching(tr("press.coach.plan")), self.table,
            ipw.HBox([self.item, self.toggle, self.remove]),
            ipw.HTML(html_text(tr("press.plan.add_title"), "h4")),
            ipw.HBox([self.topic, self.channel]), ipw.HBox([self.day, self.note]),
            ipw.HBox([self.add, self.suggest]), self.status,
            ipw.HBox([self.ics_prepare, self.ics_link])])

    def render(self, items: list[PlanItem], ready: list[tuple[int, str]], lang: str) -> None:
        tr = self.tr
        self._items = items
        self._topics = {topic: sheet_id for sheet_id, topic in ready}
        self.topic.options = tuple(self._topics)
        rows = [[show_day(i.planned_on, lang), i.topic, tr(f"press.channel.{i.channel}"), i.note,
                 "✓" if i.done else ""] for i in items[:TABLE_ROWS]]
        self.table.value = table_html(
            [tr("press.plan.day"), tr("press.plan.topic"), tr("press.plan.channel"),
             tr("press.plan.note"), tr("press.plan.done")], rows) if rows else \
            html_text(tr("press.plan.empty"), "p", "wb-muted")
        set_options(self.item, [(f"{show_day(i.planned_on, lang)} · {i.topic} · "
                                 f"{tr(f'press.channel.{i.channel}')}", i.id)
                                for i in items[:TABLE_ROWS]])
        self.ics_link.value = ""

    def _on_add(self, _button) -> None:
        topic = self.topic.value.strip()

        def add() -> str:
            day = parse_day(self.day.value)
            if day is None:
                raise PressInputError(["bad_day"])
            self._add(topic, self.channel.value, day, self.note.value.strip(),
                      self._topics.get(topic))
            self.topic.value = self.note.value = self.day.value = ""
            return self.tr("press.plan.added", topic=topic)

        run_action(self.tr, self.status, add)

    def _on_suggest(self, _button) -> None:
        count = self._suggest()
        self.status.show(self.tr.count("press.plan.suggested", count) if count
                         else self.tr("press.plan.nothing_suggested"), error=not count)

    def _on_toggle(self, _button) -> None:
        item = next((i for i in self._items if i.id == self.item.value), None)
        if item is not None:
            self._done(item.id, not item.done)
            self.status.show(self.tr("press.plan.toggled", topic=item.topic))

    def _on_remove(self, _button) -> None:
        item = next((i for i in self._items if i.id == self.item.value), None)
        if item is not None:
            self._delete(item.id)
            self.status.show(self.tr("press.plan.removed", topic=item.topic))

    def _on_ics(self, _button) -> None:
        payload, count = self._ics()
        if not count:
            self.ics_link.value = html_text(self.tr("press.plan.ics_empty"), "span", "wb-muted")
            return
        self.ics_link.value = download_link(payload, ICS_FILE_NAME, "text/calendar",
                                            self.tr("press.plan.ics_link", count=count))
