"""The "Log" tab: log an exchange, the last ones (each removable after a confirmation), first
messages to new people and where each stands under the 3B7 rule, and rows that could not
be read (removable too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import ipywidgets as ipw
import pandas as pd

from workbook.domain.routines import NEW_CONNECTION_DAYS, PurposeSuggestion, SkippedRow
from workbook.domain.vocabulary import DIRECTIONS, INTERACTION_KINDS, PURPOSES
from workbook.escaping import escape_html, shorten
from workbook.i18n.dates import format_date
from workbook.ui.common import coaching, html_text
from workbook.ui.glossary import glossed
from workbook.ui.routines.widgets import ButtonRows, act, classed, close_children, feedback, fit
from workbook.ui.widgets import Confirmation, PersonPicker

NOTE_PREVIEW = 120
# Reasons that decide how an exchange is counted whatever purpose is picked (see
# `workbook.domain.routines.exchange_purposes`); the others follow her choice.
_RULE_DECIDES = ("existing_layer", "target_layer", "new_connection")


class LogPanel:
    """Callbacks (each returns the sentence to show next to its button, or raises
    `InputProblem`): `on_save(contact, on, kind, direction, purpose, notes)`,
    `on_remove(interaction_id)`, `on_outreach(contact, on)`, `on_replied(outreach_id)`,
    `on_followed(outreach_id)`; `suggest_purpose(contact, on) -> PurposeSuggestion` (the
    purpose shown, and why, beside it); `person_of(contact) -> (name, layer)`."""

    def __init__(self, tr, today: dt.date, contacts: list[tuple[str, int]], *,
                 on_save: Callable[..., str], on_remove: Callable[[int], str],
                 on_outreach: Callable[..., str], on_replied: Callable[[int], str],
                 on_followed: Callable[[int], str],
                 suggest_purpose: Callable[[int, dt.date], PurposeSuggestion],
                 person_of: Callable[[int], tuple[str, str]],
                 find_contacts: Callable[[str, int], tuple[list[tuple[str, int]], int]],
                 label_of: Callable[[int], tuple[str, int] | None],
                 guard: Callable[[Callable], Callable]):
        self.tr, self.today, self.guard = tr, today, guard
        self.on_save, self.on_remove, self.on_outreach = on_save, on_remove, on_outreach
        self.on_replied, self.on_followed = on_replied, on_followed
        self.suggest_purpose, self.person_of = suggest_purpose, person_of
        self._suggestion: PurposeSuggestion | None = None
        wide = ipw.Layout(width="32em")
        style = {"description_width": "9em"}
        def picker(css: str, on_pick=None) -> PersonPicker:
            return PersonPicker(tr, find=find_contacts, label_of=label_of, css=css,
                                description=tr("routines.log.contact"), style=style,
                                options=contacts, on_pick=on_pick)

        self.contact = picker("wb-routines-log-contact", guard(self._on_contact))
        self.kind = classed(ipw.Dropdown(
            options=[(tr(f"vocab.kind.{k}"), k) for k in INTERACTION_KINDS], value="message",
            description=tr("routines.log.kind"), style=style), "wb-routines-log-kind")
        self.direction = ipw.Dropdown(
            options=[(tr(f"vocab.direction.{d}"), d) for d in DIRECTIONS], value="out",
            description=tr("routines.log.direction"), style=style)
        self.purpose = ipw.Dropdown(
            options=[(tr(f"vocab.purpose.{p}"), p) for p in PURPOSES], value="maintain",
            description=tr("routines.log.purpose"), style=style)
        self.purpose.add_class("wb-routines-log-purpose")
        self.why = classed(ipw.HTML(layout=ipw.Layout(max_width="40em")), "wb-routines-log-why")
        self.date = classed(ipw.DatePicker(value=today, description=tr("routines.log.date"),
                                           style=style), "wb-routines-log-date")
        self.purpose.observe(guard(lambda _c: self._show_why()), names="value")
        self.date.observe(guard(lambda _c: self._suggest()), names="value")
        self.notes = ipw.Textarea(description=tr("routines.log.notes"), layout=wide, style=style)
        self.save = classed(ipw.Button(description=tr("routines.log.save"),
                                       button_style="primary", layout=fit()),
                            "wb-routines-log-save")
        self.save.on_click(guard(self._on_save))
        self.save_feedback = feedback("wb-routines-log-feedback")
        self.recent = classed(ipw.VBox(), "wb-routines-recent")
        self._recent_rows = ButtonRows(
            self.recent, tr("routines.log.remove"), lambda key: self._ask_removal(*key), guard,
            row_class="wb-routines-recent-row", button_class="wb-routines-recent-remove",
            text_class="wb-routines-recent-text",
            head=[ipw.HTML(html_text(tr("routines.log.recent"), "h4"))])
        self.confirm = Confirmation(tr("routines.log.confirm_remove"), tr("common.cancel"),
                                    "wb-routines-remove-yes", self._on_remove_confirmed, guard)
        self.recent_feedback = feedback("wb-routines-recent-feedback")
        self._pending_removal: int | None = None
        self.skipped = classed(ipw.VBox(), "wb-routines-skipped")
        # 3B7 outreach
        self.out_contact = picker("wb-routines-outreach-contact")
        self.out_date = ipw.DatePicker(value=today, description=tr("routines.log.date"),
                                       style=style)
        self.out_save = classed(ipw.Button(description=tr("routines.log.outreach_save"),
                                           layout=fit()), "wb-routines-outreach-save")
        self.out_save.on_click(guard(self._on_outreach))
        self.out_feedback = feedback("wb-routines-outreach-feedback")
        self.pending = classed(ipw.VBox(), "wb-routines-pending")
        self.view = ipw.VBox([
            coaching(tr("routines.coach.log"), "wb-routines-coach-log"),
            ipw.HTML(html_text(tr("routines.log.heading"), "h4")),
            self.contact.view, self.kind, self.direction, self.purpose, self.why, self.date,
            self.notes,
            self.save, self.save_feedback, self.skipped, self.recent, self.confirm.view,
            self.recent_feedback,
            ipw.HTML(glossed(tr, tr("routines.log.outreach_heading"), ("three_b_seven",), "h4")
                     + html_text(tr("routines.log.outreach_help"), "div", "wb-muted")),
            self.out_contact.view, self.out_date, self.out_save, self.out_feedback, self.pending])

    def set_contacts(self, contacts: list[tuple[str, int]]) -> None:
        for picker in (self.contact, self.out_contact):
            picker.reset(contacts)

    def choose(self, contact_id: int) -> None:
        self.contact.value = contact_id

    # ------------------------------------------------------------------ drawing
    def render(self, recent: pd.DataFrame, steps: pd.DataFrame,
               skipped: Sequence[SkippedRow]) -> None:
        tr = self.tr
        entries = []
        for r in recent.itertuples(index=False):
            text = (f"{escape_html(format_date(r.occurred_on, tr.lang))} · "
                    f"<b>{escape_html(r.full_name)}</b> · {escape_html(self._kind(r.kind))}"
                    f" · {escape_html(tr(f'vocab.purpose.{r.purpose}'))}"
                    + (f" · <i>{escape_html(shorten(r.notes, NOTE_PREVIEW))}</i>"
                       if r.notes else ""))
            question = tr("routines.log.confirm_remove_help", name=r.full_name,
                          date=format_date(r.occurred_on, tr.lang))
            entries.append(((int(r.interaction_id), question), text))
        self.confirm.hide()
        self._recent_rows.show(entries)
        notices: list[ipw.Widget] = []
        for row in skipped:
            text = tr(f"routines.skipped.{row.reason}", name=row.name or "—", value=row.value)
            notices.append(self._removable(html_text(text, "span", "wb-status-error"),
                                           row.row_id, tr("routines.log.confirm_remove_bad",
                                                          name=row.name or "—"),
                                           "wb-routines-skipped-row"))
        close_children(self.skipped)
        self.skipped.children = notices
        open_steps = steps[steps["action"].isin(["wait", "try_another", "follow_up"])]
        items: list[ipw.Widget] = [ipw.HTML(html_text(
            tr("routines.log.pending", count=len(open_steps)), "h4"))]
        for row in open_steps.itertuples(index=False):
            action = tr(f"routines.action.{row.action}", days=row.business_days,
                        organisation=row.organisation)
            where = f" ({escape_html(row.organisation)})" if row.organisation else ""
            text = (f"<b>{escape_html(row.full_name)}</b>{where} · "
                    f"{escape_html(format_date(row.sent_on, tr.lang))} → {escape_html(action)}")
            replied = ipw.Button(description=tr("routines.log.replied"), layout=fit())
            replied.on_click(self.guard(lambda _b, o=int(row.outreach_id): act(
                self.out_feedback, self.tr, lambda: self.on_replied(o))))
            followed = ipw.Button(description=tr("routines.log.followed_up"), layout=fit())
            followed.on_click(self.guard(lambda _b, o=int(row.outreach_id): act(
                self.out_feedback, self.tr, lambda: self.on_followed(o))))
            items.append(classed(ipw.HBox([replied, followed, ipw.HTML(text)]),
                                 "wb-routines-pending-row"))
        close_children(self.pending)
        self.pending.children = items

    def _removable(self, html: str, interaction_id: int, question: str, css: str) -> ipw.HBox:
        button = ipw.Button(description=self.tr("routines.log.remove"), layout=fit())
        button.on_click(self.guard(lambda _b: self._ask_removal(interaction_id, question)))
        return classed(ipw.HBox([button, ipw.HTML(html)]), css)

    def _kind(self, code: str) -> str:
        """An interaction kind's name; a code logged by a newer version shows as itself."""
        return self.tr(f"vocab.kind.{code}") if self.tr.has(f"vocab.kind.{code}") else code

    # ------------------------------------------------------------------ events
    def _on_contact(self, contact: int | None) -> None:
        self._suggest()

    def _suggest(self) -> None:
        """The purpose the rule gives the chosen person on the chosen day, and why."""
        contact = self.contact.value
        self._suggestion = None if contact is None else self.suggest_purpose(
            contact, self.date.value or self.today)
        if self._suggestion is not None:
            self.purpose.value = self._suggestion.purpose
        self._show_why()

    def _show_why(self) -> None:
        """Why the purpose was suggested; and, when she picks the other one where the
        person's layer or connection date decides, that it is counted as the rule says."""
        suggestion, contact = self._suggestion, self.contact.value
        if suggestion is None or contact is None:
            self.why.value = ""
            return
        tr = self.tr
        name, layer = self.person_of(contact)
        text = tr(f"routines.log.why.{suggestion.reason}", name=name,
                  layer=tr(f"routines.log.in_layer.{layer}"), days=NEW_CONNECTION_DAYS,
                  maintain=tr("vocab.purpose.maintain"))
        if self.purpose.value != suggestion.purpose and suggestion.reason in _RULE_DECIDES:
            text += " " + tr(f"routines.log.decides.{suggestion.reason}",
                             purpose=tr(f"vocab.purpose.{suggestion.purpose}"),
                             days=NEW_CONNECTION_DAYS)
        self.why.value = html_text(text, "div", "wb-muted")

    def _on_save(self, _button) -> None:
        def save() -> str:
            message = self.on_save(self.contact.value, self.date.value, self.kind.value,
                                   self.direction.value, self.purpose.value,
                                   self.notes.value.strip())
            self.notes.value = ""
            self._suggest()     # the next exchange with them is no longer the first
            return message

        act(self.save_feedback, self.tr, save)

    def _ask_removal(self, interaction_id: int, question: str) -> None:
        """A slip of the mouse must not erase an exchange: ask first."""
        self._pending_removal = interaction_id
        self.recent_feedback.clear()
        self.confirm.ask(question)

    def _on_remove_confirmed(self) -> None:
        interaction, self._pending_removal = self._pending_removal, None
        if interaction is not None:
            act(self.recent_feedback, self.tr, lambda: self.on_remove(interaction))

    def _on_outreach(self, _button) -> None:
        def save() -> str:
            message = self.on_outreach(self.out_contact.value, self.out_date.value)
            self.out_contact.value = None
            return message

        act(self.out_feedback, self.tr, save)
