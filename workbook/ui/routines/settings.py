"""The "Settings" tab: situation and weekly budget, where new people come from, public
holidays and time zone, the greeting-card list, rhythms per layer and per person.

Numbers are typed as text and read by `domain.routines.read_number`: a value that is not a
whole number in range is refused with a sentence next to its field, never rounded or clamped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.calendar_rules import HOLIDAY_CALENDARS
from workbook.domain.routines import (
    CARD_LAYER_CHOICES,
    DEFAULT_CADENCE_DAYS,
    NUMBER_BOUNDS,
    SITUATIONS,
    SOURCES,
    RoutineSettings,
    read_number,
    resolve_timezone,
    suggested_routine,
)
from workbook.domain.routines.problems import InputProblem
from workbook.ui.common import html_text
from workbook.ui.glossary import glossed_coaching
from workbook.ui.routines.widgets import act, classed, feedback, fit
from workbook.ui.widgets import PersonPicker

_STYLE = {"description_width": "17em"}


def holiday_options(tr) -> list[tuple[str, str]]:
    return [(tr(f"routines.holidays.{code}"), code) for code in HOLIDAY_CALENDARS]


class NumberField:
    """A whole number typed as text, with its own error line beside it."""

    def __init__(self, name: str, label: str, value: int, css: str = ""):
        self.name = name
        self.text = classed(ipw.Text(value=str(value), description=label, style=_STYLE,
                                     layout=ipw.Layout(width="26em")), css or f"wb-{name}")
        self.error = classed(ipw.HTML(), "wb-routines-field-error")
        self.view = ipw.HBox([self.text, self.error])

    def read(self, tr) -> int:
        value, problem = read_number(self.text.value, self.name)
        if problem:
            low, high = NUMBER_BOUNDS[self.name]
            sentence = tr(f"routines.problem.number_{problem}", value=self.text.value,
                          low=low, high=high)
            self.error.value = html_text(sentence, "span", "wb-status-error")
            raise InputProblem("fix_fields")
        self.error.value = ""
        return value

    def set(self, value: int) -> None:
        self.text.value = str(value)
        self.error.value = ""


class SettingsPanel:
    """Callbacks return the sentence to show next to their button: `on_save(settings)`,
    `on_save_cadences(dict)`, `on_reset_cadences()`, `on_override(contact, days | None)`."""

    def __init__(self, tr, settings: RoutineSettings, cadences: dict[str, int],
                 contacts: list[tuple[str, int]], *, on_save: Callable[..., str],
                 on_save_cadences: Callable[..., str], on_reset_cadences: Callable[[], str],
                 on_override: Callable[..., str],
                 find_contacts: Callable[[str, int], tuple[list[tuple[str, int]], int]],
                 label_of: Callable[[int], tuple[str, int] | None],
                 guard: Callable[[Callable], Callable]):
        self.tr, self.settings = tr, settings
        self.on_save, self.on_save_cadences = on_save, on_save_cadences
        self.on_reset_cadences, self.on_override = on_reset_cadences, on_override
        s = settings
        self.situation = classed(ipw.Dropdown(
            options=[(tr(f"routines.situation.{k}"), k) for k in SITUATIONS], value=s.situation,
            description=tr("routines.settings.situation"), style=_STYLE,
            layout=ipw.Layout(width="34em")), "wb-routines-situation")
        self.situation.observe(guard(lambda change: self._show_suggestion(change["new"])),
                               names="value")
        self.suggestion = ipw.HTML()
        self.use_suggested = classed(ipw.Button(
            description=tr("routines.settings.use_suggested"), layout=fit()),
            "wb-routines-use-suggested")
        self.use_suggested.on_click(guard(self._on_use_suggested))
        self.weekly_minutes = NumberField("weekly_minutes", tr("routines.settings.weekly_minutes"),
                                          s.weekly_minutes, "wb-routines-weekly-minutes")
        self.expand_share = classed(ipw.IntSlider(
            value=s.expand_share, min=0, max=100, step=5, style=_STYLE,
            description=tr("routines.settings.expand_share"), continuous_update=False,
            layout=ipw.Layout(width="38em")), "wb-routines-expand-share")
        self.new_per_week = NumberField("new_per_week", tr("routines.settings.new_per_week"),
                                        s.new_per_week, "wb-routines-new-per-week")
        self.sources = {code: ipw.Checkbox(value=code in s.sources, indent=False,
                                           description=tr(f"routines.source.{code}"),
                                           layout=ipw.Layout(width="max-content",
                                                             margin="0 2em 0 0"))
                        for code in SOURCES}
        self.holidays = classed(ipw.Dropdown(options=holiday_options(tr), value=s.holidays,
                                             description=tr("routines.settings.holidays"),
                                             style=_STYLE, layout=ipw.Layout(width="34em")),
                                "wb-routines-holidays")
        self.timezone = classed(ipw.Text(value=s.timezone, style=_STYLE,
                                         description=tr("routines.settings.timezone"),
                                         continuous_update=False,
                                         layout=ipw.Layout(width="34em")),
                                "wb-routines-timezone")
        self.card_layers = {layer: ipw.Checkbox(value=layer in s.card_layers, indent=False,
                                                description=tr(f"vocab.layer.{layer}"),
                                                layout=ipw.Layout(width="max-content",
                                                                  margin="0 2em 0 0"))
                            for layer in CARD_LAYER_CHOICES}
        self.card_limit = NumberField("card_limit", tr("routines.settings.card_limit"),
                                      s.card_limit, "wb-routines-card-limit")
        self.save = classed(ipw.Button(description=tr("routines.settings.save"),
                                       button_style="primary", layout=fit()),
                            "wb-routines-settings-save")
        self.save.on_click(guard(self._on_save))
        self.save_feedback = feedback("wb-routines-settings-feedback")
        self.cadence_inputs = {layer: NumberField("cadence_days", tr(f"vocab.layer.{layer}"),
                                                  cadences[layer], f"wb-routines-cadence-{layer}")
                               for layer in DEFAULT_CADENCE_DAYS}
        self.save_cadences = ipw.Button(description=tr("routines.settings.save_cadences"),
                                        layout=fit())
        self.save_cadences.on_click(guard(self._on_save_cadences))
        reset_cadences = ipw.Button(description=tr("routines.settings.reset_cadences"),
                                    layout=fit())
        reset_cadences.on_click(guard(lambda _b: act(self.cadence_feedback, tr,
                                                     self.on_reset_cadences)))
        self.cadence_feedback = feedback("wb-routines-cadence-feedback")
        self.override_contact = PersonPicker(
            tr, find=find_contacts, label_of=label_of, css="wb-routines-override-contact",
            description=tr("routines.log.contact"), style=_STYLE, options=contacts)
        self.override_days = NumberField("cadence_days", tr("routines.settings.override_days"),
                                         30, "wb-routines-override-days")
        self.override_set = ipw.Button(description=tr("routines.settings.override_save"))
        self.override_set.on_click(guard(lambda _b: self._on_override(True)))
        override_clear = ipw.Button(description=tr("routines.settings.override_clear"),
                                    layout=fit())
        override_clear.on_click(guard(lambda _b: self._on_override(False)))
        self.override_feedback = feedback("wb-routines-override-feedback")
        self._show_suggestion(s.situation)
        wrap = ipw.Layout(flex_flow="row wrap")
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("routines.coach.settings"), ("maintain_expand",),
                             "wb-routines-coach-settings"),
            self.situation, self.suggestion, self.use_suggested,
            self.weekly_minutes.view, self.expand_share, self.new_per_week.view,
            ipw.HTML(html_text(tr("routines.settings.sources"), "h4")),
            ipw.HBox(list(self.sources.values()), layout=wrap),
            self.holidays, self.timezone,
            ipw.HTML(html_text(tr("routines.settings.cards"), "h4")),
            ipw.HBox(list(self.card_layers.values()), layout=wrap), self.card_limit.view,
            self.save, self.save_feedback,
            ipw.HTML(html_text(tr("routines.settings.cadences"), "h4")),
            *(field.view for field in self.cadence_inputs.values()),
            ipw.HBox([self.save_cadences, reset_cadences]), self.cadence_feedback,
            ipw.HTML(html_text(tr("routines.settings.override"), "h4")),
            self.override_contact.view, self.override_days.view,
            ipw.HBox([self.override_set, override_clear]), self.override_feedback])

    def show(self, settings: RoutineSettings, cadences: dict[str, int]) -> None:
        """Follow the saved values (after a save elsewhere on the page, e.g. the first run)."""
        self.settings = settings
        self.holidays.value = settings.holidays
        self.timezone.value = settings.timezone
        for layer, field in self.cadence_inputs.items():
            field.set(cadences[layer])

    def set_contacts(self, contacts: list[tuple[str, int]]) -> None:
        self.override_contact.reset(contacts)

    def _show_suggestion(self, situation: str) -> None:
        s = suggested_routine(situation)
        self.suggestion.value = html_text(self.tr(
            "routines.settings.suggested", minutes=s.weekly_minutes, share=s.expand_share,
            new=s.new_per_week), "div", "wb-muted")

    def _on_use_suggested(self, _button) -> None:
        s = suggested_routine(self.situation.value, self.settings)
        self.weekly_minutes.set(s.weekly_minutes)
        self.expand_share.value = s.expand_share
        self.new_per_week.set(s.new_per_week)
        for code, box in self.sources.items():
            box.value = code in s.sources
        self.save_feedback.show(self.tr("routines.settings.suggestion_applied"))

    def _on_save(self, _button) -> None:
        def save() -> str:
            typed = self.timezone.value.strip()
            zone = resolve_timezone(typed)
            problems = []
            for field in (self.weekly_minutes, self.new_per_week, self.card_limit):
                try:
                    field.read(self.tr)
                except InputProblem:
                    problems.append(field.name)
            if zone is None:
                raise InputProblem("bad_timezone", value=typed)
            if problems:
                raise InputProblem("fix_fields")
            self.timezone.value = zone
            return self.on_save(dataclasses.replace(
                self.settings, situation=self.situation.value,
                weekly_minutes=self.weekly_minutes.read(self.tr),
                expand_share=int(self.expand_share.value),
                new_per_week=self.new_per_week.read(self.tr),
                sources=tuple(code for code, box in self.sources.items() if box.value),
                holidays=self.holidays.value, timezone=zone,
                card_layers=tuple(c for c, box in self.card_layers.items() if box.value),
                card_limit=self.card_limit.read(self.tr)))

        act(self.save_feedback, self.tr, save)

    def _on_save_cadences(self, _button) -> None:
        def save() -> str:
            values, bad = {}, False
            for layer, field in self.cadence_inputs.items():
                try:
                    values[layer] = field.read(self.tr)
                except InputProblem:
                    bad = True
            if bad:
                raise InputProblem("fix_fields")
            return self.on_save_cadences(values)

        act(self.cadence_feedback, self.tr, save)

    def _on_override(self, set_it: bool) -> None:
        act(self.override_feedback, self.tr, lambda: self.on_override(
            self.override_contact.value, self.override_days.read(self.tr) if set_it else None))
