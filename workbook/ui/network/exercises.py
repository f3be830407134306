"""Network page, Exercises tab: the three brightest people I know, and the intelligence log."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain import network_terms as rules
from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.ui.common import coaching, html_text, table_html
from workbook.ui.network.widgets import GuardFor, feedback, no_guard, wrap_row
from workbook.ui.widgets import set_options

OTHER_QUESTION = "__other__"
LOG_ROWS = 20


class ExercisesPanel:
    """Two exercises of the method. Callbacks: `on_add_bright(name, why) -> problem code or
    None`, `on_delete_bright(person_id)`, `on_log(question, answer)`; each is followed by a
    redraw through `render(bright_people, intelligence_entries)` (newest entries first)."""

    def __init__(self, tr, *, on_add_bright: Callable[[str, str], str | None],
                 on_delete_bright: Callable[[int], None], on_log: Callable[[str, str], None],
                 guard_for: GuardFor = no_guard):
        self.tr = tr
        self._add_bright, self._delete_bright, self._log = (on_add_bright, on_delete_bright,
                                                            on_log)
        self.bright_status = feedback("wb-network-bright-status")
        self.intel_status = feedback("wb-network-intel-status")
        guard, intel_guard = guard_for(self.bright_status), guard_for(self.intel_status)
        # -- bright people
        self.bright_list = ipw.HTML()
        self.bright_list.add_class("wb-network-bright-list")
        self.bright_name = ipw.Text(placeholder=tr("network.bright.name"))
        self.bright_name.add_class("wb-network-bright-name")
        self.bright_why = ipw.Text(placeholder=tr("network.bright.why"),
                                   layout=ipw.Layout(width="28em", max_width="100%"))
        self.bright_add = ipw.Button(description=tr("network.bright.add"), icon="plus")
        self.bright_add.add_class("wb-network-bright-add")
        self.bright_add.on_click(guard(self._on_bright_add))
        self.bright_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="16em"))
        self.bright_delete = ipw.Button(description=tr("common.delete"))
        self.bright_delete.on_click(guard(self._on_bright_delete))
        # -- intelligence log
        self.question = ipw.Dropdown(
            options=[(tr(f"network.intel.q.{q}"), q) for q in rules.INTELLIGENCE_QUESTIONS]
            + [(tr("network.intel.other"), OTHER_QUESTION)],
            value=rules.INTELLIGENCE_QUESTIONS[0],
            layout=ipw.Layout(width="34em", max_width="100%"))
        self.question.add_class("wb-network-intel-question")
        self.own_question = ipw.Text(placeholder=tr("network.intel.own_question"),
                                     layout=ipw.Layout(width="34em", max_width="100%",
                                                       display="none"))
        self.question.observe(intel_guard(self._on_question), names="value")
        self.answer = ipw.Textarea(placeholder=tr("network.intel.answer"),
                                   layout=ipw.Layout(width="34em", max_width="100%",
                                                     height="4em"))
        self.answer.add_class("wb-network-intel-answer")
        self.intel_add = ipw.Button(description=tr("network.intel.add"), icon="plus")
        self.intel_add.add_class("wb-network-intel-add")
        self.intel_add.on_click(intel_guard(self._on_intel_add))
        self.intel_list = ipw.HTML()
        self.intel_list.add_class("wb-network-intel-list")
        self.view = ipw.VBox([
            coaching(tr("network.coach.exercises")),
            ipw.HTML(f"<h4>{escape_html(tr('network.bright.title'))}</h4>"
                     f"<p>{escape_html(tr('network.bright.help'))}</p>"),
            self.bright_list, wrap_row(self.bright_name, self.bright_why, self.bright_add),
            wrap_row(self.bright_choice, self.bright_delete), self.bright_status,
            ipw.HTML(f"<h4>{escape_html(tr('network.intel.title'))}</h4>"
                     f"<p>{escape_html(tr('network.intel.help'))}</p>"),
            self.question, self.own_question, self.answer,
            wrap_row(self.intel_add, self.intel_status), self.intel_list])

    def render(self, people: list[dict], entries: list[dict]) -> None:
        """`people` from `store.bright_people`, `entries` from `store.intelligence_log`."""
        tr = self.tr
        self.bright_list.value = "<ol>" + "".join(
            f"<li><b>{escape_html(p['name'])}</b>"
            + (f" — {escape_html(p['why'])}" if str(p['why'] or '').strip() else "") + "</li>"
            for p in people) + "</ol>" if people else \
            html_text(tr("common.none_yet"), "p", "wb-muted")
        set_options(self.bright_choice, [(p["name"], p["id"]) for p in people])
        self.intel_list.value = table_html(
            [tr("network.intel.date"), tr("network.intel.question"), tr("network.intel.answer")],
            [[format_date(e["asked_on"], tr.lang, fallback=str(e["asked_on"])),
              self._question_text(e["question"]), e["answer"]] for e in entries]
        ) if entries else ""

    def _question_text(self, question: str) -> str:
        """A question code translated; a question the user wrote, as written."""
        if question in rules.INTELLIGENCE_QUESTIONS:
            return self.tr(f"network.intel.q.{question}")
        return question

    def _on_bright_add(self, _button) -> None:
        tr = self.tr
        problem = self._add_bright(self.bright_name.value, self.bright_why.value)
        if problem:
            self.bright_status.show(tr(f"network.bright.{problem}"), error=True)
            return
        self.bright_name.value = self.bright_why.value = ""
        self.bright_status.show(tr("common.saved"))

    def _on_bright_delete(self, _button) -> None:
        if self.bright_choice.value is not None:
            self._delete_bright(self.bright_choice.value)
            self.bright_status.clear()

    def _on_question(self, change) -> None:
        self.own_question.layout.display = "flex" if change["new"] == OTHER_QUESTION else "none"

    def _on_intel_add(self, _button) -> None:
        tr = self.tr
        question = self.own_question.value.strip() if self.question.value == OTHER_QUESTION \
            else self.question.value
        if not question or not self.answer.value.strip():
            self.intel_status.show(tr("network.intel.missing"), error=True)
            return
        self._log(question, self.answer.value)
        self.answer.value = self.own_question.value = ""
        self.intel_status.show(tr("common.saved"))
