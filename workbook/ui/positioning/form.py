"""Positioning page, the form: the six guided steps, the card texts, save and rebuild."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as ipw

from workbook.domain.positioning import (
    CARD_FIELDS,
    STEPS,
    Card,
    FocusReport,
    Overlong,
    Statement,
)
from workbook.ui.common import StatusLine, html_text
from workbook.ui.glossary import term_help

_MULTILINE_STEPS = ("problem", "deliverable", "difference")
_CARD_ROWS = {"one_liner": 2, "pitch": 5, "bio": 3}

Guard = Callable[[StatusLine], Callable[[Callable], Callable]]


class StatementForm:
    """The steps and the card. Receives what to show and `on_*` callbacks:
    `on_step(name, text)`, `on_card_text(name, text)`, `on_recompose()`, `on_save()`.
    `show_card` writes a card back into the inputs without calling anyone back."""

    def __init__(self, tr, statement: Statement, card: Card, *, guard: Guard,
                 on_step: Callable[[str, str], None], on_card_text: Callable[[str, str], None],
                 on_recompose: Callable[[], None], on_save: Callable[[], None]):
        self.tr = tr
        self.status = StatusLine()  # next to the save button: the answer is seen there
        self.status.add_class("wb-positioning-status")
        guarded = guard(self.status)
        self._syncing = False
        self._on_step, self._on_card_text = on_step, on_card_text

        self.step_inputs: dict[str, ipw.Text | ipw.Textarea] = {}
        self.step_advice: dict[str, ipw.HTML] = {}
        steps = [self._step(number, name, getattr(statement, name), guarded)
                 for number, name in enumerate(STEPS, 1)]

        self.card_inputs: dict[str, ipw.Textarea] = {}
        card_rows = []
        for name in CARD_FIELDS:
            widget = ipw.Textarea(value=getattr(card, name), rows=_CARD_ROWS[name],
                                  continuous_update=True, layout=ipw.Layout(width="98%"))
            widget.add_class(f"wb-positioning-{name.replace('_', '-')}")
            widget.observe(guarded(self._on_card_edit), names="value")
            self.card_inputs[name] = widget
            label = html_text(tr(f"positioning.card.{name}"), "b")
            if name == "one_liner":
                label += " " + term_help(tr, "one_liner")
            card_rows += [ipw.HTML(label), widget]
        self.length = ipw.HTML()
        self.length.add_class("wb-positioning-length")
        self.recompose = ipw.Button(description=tr("positioning.card.recompose"), icon="refresh",
                                    layout=ipw.Layout(width="auto"))
        self.recompose.add_class("wb-positioning-recompose")
        self.recompose.on_click(guarded(lambda _button: on_recompose()))
        self.save = ipw.Button(description=tr("positioning.save"), button_style="success",
                               icon="save", layout=ipw.Layout(width="auto"))
        self.save.add_class("wb-positioning-save")
        self.save.on_click(guarded(lambda _button: on_save()))
        self.last_version = ipw.HTML()
        self.last_version.add_class("wb-positioning-last-version")
        card_box = ipw.VBox([
            ipw.HTML(html_text(tr("positioning.card.title"), "h3")
                     + html_text(tr("positioning.card.hint"), "p", "wb-muted")),
            *card_rows, self.length, ipw.HBox([self.save, self.recompose]), self.status,
            self.last_version])
        self.view = ipw.VBox([*steps, card_box], layout=ipw.Layout(flex="3 1 22em", min_width="0"))
        self.view.add_class("wb-positioning-form")

    def _step(self, number: int, name: str, value: str, guarded) -> ipw.VBox:
        tr = self.tr
        kind = ipw.Textarea if name in _MULTILINE_STEPS else ipw.Text
        widget = kind(value=value, placeholder=tr(f"positioning.step.{name}.placeholder"),
                      continuous_update=True, layout=ipw.Layout(width="98%"),
                      **({"rows": 2} if kind is ipw.Textarea else {}))
        widget.add_class(f"wb-positioning-field-{name.replace('_', '-')}")
        widget.observe(guarded(self._on_step_edit), names="value")
        self.step_inputs[name] = widget
        # Beside the step: when a line composed from this answer cannot fit, how long it is
        # and how long it may be.
        advice = ipw.HTML()
        advice.add_class("wb-positioning-step-advice")
        advice.add_class(f"wb-positioning-step-advice-{name.replace('_', '-')}")
        self.step_advice[name] = advice
        title = tr("positioning.step_label", number=number, total=len(STEPS),
                   title=tr(f"positioning.step.{name}.title"))
        box = ipw.VBox([ipw.HTML(html_text(title, "p", "wb-step-title")
                                 + html_text(tr(f"positioning.step.{name}.coach"), "p",
                                             "wb-step-coach")), widget, advice])
        box.add_class("wb-positioning-step")
        return box

    def _on_step_edit(self, change) -> None:
        if not self._syncing:
            name = next(n for n, w in self.step_inputs.items() if w is change["owner"])
            self._on_step(name, change["new"])

    def _on_card_edit(self, change) -> None:
        if not self._syncing:
            name = next(n for n, w in self.card_inputs.items() if w is change["owner"])
            self._on_card_text(name, change["new"])

    def show_card(self, card: Card) -> None:
        """Write `card` into the card inputs (only those that differ), silently."""
        self._syncing = True
        try:
            for name, widget in self.card_inputs.items():
                value = getattr(card, name)
                if widget.value != value:
                    widget.value = value
        finally:
            self._syncing = False

    def show_step_advice(self, overlong: Mapping[str, Sequence[Overlong]]) -> None:
        """Beside each step whose answer is too long for a composed line: by how much."""
        for step, widget in self.step_advice.items():
            lines = [self.tr(f"positioning.step_advice.{o.line}.{o.unit}", length=o.length,
                             advised=o.advised) for o in overlong.get(step, ())]
            widget.value = "".join(html_text(line, "div", "wb-warn") for line in lines)

    def show_length(self, report: FocusReport) -> None:
        self.length.value = html_text(
            self.tr("positioning.card.length", words=report.words,
                    seconds=round(report.seconds), liner=report.one_liner_words),
            "p", "wb-muted")

    def show_last_version(self, saved: str | None, score: int | None, count: int) -> None:
        """The latest version's time (already written for the user) and score, or none yet."""
        if saved is None:
            self.last_version.value = html_text(self.tr("positioning.no_version"), "span",
                                                "wb-muted")
            return
        self.last_version.value = html_text(
            self.tr("positioning.last_version", date=saved, score=score, count=count),
            "span", "wb-muted")
