"""The "Calendar" tab (weekly slots, in the user's time zone, and the .ics file to download)
and the first-run question of where the user lives (public holidays, time zone)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.routines import RoutineSettings, parse_hhmm, resolve_timezone
from workbook.domain.routines.problems import InputProblem
from workbook.services.plan import ICS_FILE_NAME
from workbook.ui.common import coaching, download_link, html_text
from workbook.ui.routines.settings import holiday_options
from workbook.ui.routines.widgets import act, classed, feedback, fit


class CalendarPanel:
    """`on_prepare(settings_with_slots) -> (payload, count)` saves the slots if changed and
    builds the file; the panel offers it as a link next to the button."""

    def __init__(self, tr, settings: RoutineSettings, *,
                 on_prepare: Callable[[RoutineSettings], tuple[bytes, int]],
                 guard: Callable[[Callable], Callable]):
        self.tr, self.settings, self.on_prepare = tr, settings, on_prepare
        days = [(tr(f"routines.weekday.{d}"), d) for d in range(7)]
        style = {"description_width": "14em"}
        s = settings
        self.maintain_day = ipw.Dropdown(options=days, value=s.maintain_day, style=style,
                                         description=tr("routines.calendar.maintain_slot"))
        self.maintain_time = ipw.Text(value=s.maintain_time,
                                      description=tr("routines.calendar.time"),
                                      layout=ipw.Layout(width="14em"))
        self.expand_day = ipw.Dropdown(options=days, value=s.expand_day, style=style,
                                       description=tr("routines.calendar.expand_slot"))
        self.expand_time = ipw.Text(value=s.expand_time, description=tr("routines.calendar.time"),
                                    layout=ipw.Layout(width="14em"))
        self.zone = classed(ipw.HTML(), "wb-routines-calendar-zone")
        self.prepare = classed(ipw.Button(description=tr("routines.calendar.prepare"),
                                          button_style="primary", layout=fit()),
                               "wb-routines-ics-prepare")
        self.prepare.on_click(guard(self._on_prepare))
        self.feedback = feedback("wb-routines-calendar-feedback")
        self.link = classed(ipw.HTML(), "wb-routines-ics-link")
        # A file prepared before the slots changed would no longer match them: take it away.
        for slot in (self.maintain_day, self.maintain_time, self.expand_day, self.expand_time):
            slot.observe(guard(self._on_slot_change), names="value")
        self.show(settings)
        self.view = ipw.VBox([coaching(tr("routines.coach.calendar"), "wb-routines-coach-calendar"),
                              self.zone,
                              ipw.HBox([self.maintain_day, self.maintain_time]),
                              ipw.HBox([self.expand_day, self.expand_time]),
                              ipw.HTML(html_text(tr("routines.calendar.explain"), "div",
                                                 "wb-muted")),
                              self.prepare, self.feedback, self.link])

    def show(self, settings: RoutineSettings) -> None:
        self.settings = settings
        tr = self.tr
        self.zone.value = html_text(tr("routines.calendar.zone", zone=settings.timezone,
                                       holidays=tr(f"routines.holidays.{settings.holidays}")),
                                    "div")

    def _on_slot_change(self, _change) -> None:
        self.link.value = ""

    def _on_prepare(self, _button) -> None:
        def prepare() -> None:
            try:
                maintain_at = parse_hhmm(self.maintain_time.value)
                expand_at = parse_hhmm(self.expand_time.value)
            except ValueError:
                raise InputProblem("bad_time") from None
            slots = dataclasses.replace(
                self.settings, maintain_day=self.maintain_day.value,
                maintain_time=maintain_at.strftime("%H:%M"), expand_day=self.expand_day.value,
                expand_time=expand_at.strftime("%H:%M"))
            payload, count = self.on_prepare(slots)
            self.link.value = (
                f"{html_text(self.tr.count('routines.calendar.ready', count), 'span')} "
                + download_link(payload, ICS_FILE_NAME, "text/calendar",
                                self.tr("routines.calendar.link")))

        self.link.value = ""
        act(self.feedback, self.tr, prepare)


class RegionPanel:
    """First run: where the user lives, suggested from their language. `on_save(holidays,
    timezone)` returns the sentence to show; the panel hides itself once saved."""

    def __init__(self, tr, settings: RoutineSettings, *,
                 on_save: Callable[[str, str], str], guard: Callable[[Callable], Callable]):
        self.tr, self.on_save = tr, on_save
        style = {"description_width": "12em"}
        self.holidays = classed(ipw.Dropdown(options=holiday_options(tr), value=settings.holidays,
                                             description=tr("routines.settings.holidays"),
                                             style=style, layout=ipw.Layout(width="30em")),
                                "wb-routines-region-holidays")
        self.timezone = classed(ipw.Text(value=settings.timezone, style=style,
                                         description=tr("routines.settings.timezone"),
                                         layout=ipw.Layout(width="30em")),
                                "wb-routines-region-timezone")
        self.save = classed(ipw.Button(description=tr("routines.region.save"),
                                       button_style="primary", layout=fit()),
                            "wb-routines-region-save")
        self.save.on_click(guard(self._on_save))
        self.feedback = feedback("wb-routines-region-feedback")
        self.form = ipw.VBox([
            ipw.HTML(html_text(tr("routines.region.question"), "h4")
                     + html_text(tr("routines.region.help"), "div", "wb-muted")),
            self.holidays, self.timezone, self.save])
        self.form.add_class("wb-routines-region-form")
        self.view = classed(ipw.VBox([self.form, self.feedback]), "wb-routines-region")

    def hide(self, entirely: bool = False) -> None:
        """Answered: the question goes, its answer (the feedback line) stays in view;
        `entirely` when it was answered on an earlier visit."""
        self.form.layout.display = "none"
        if entirely:
            self.view.layout.display = "none"

    def _on_save(self, _button) -> None:
        def save() -> str:
            typed = self.timezone.value.strip()
            zone = resolve_timezone(typed)
            if zone is None:
                raise InputProblem("bad_timezone", value=typed)
            self.timezone.value = zone
            return self.on_save(self.holidays.value, zone)

        act(self.feedback, self.tr, save)
