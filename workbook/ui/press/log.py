"""Press page, Media log tab: every request, pitch, interview and publication, with what the
guards say about each (off the record, re-reading)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.press import KINDS, LogEntry, entry_guards
from workbook.i18n.numbers import format_list
from workbook.store.press import FLAGS, PressInputError
from workbook.ui.common import Markup, html_text, status_line, table_html
from workbook.ui.glossary import glossed_coaching
from workbook.ui.press.media import guard_html
from workbook.ui.press.widgets import (
    classed,
    parse_moment,
    run_action,
    show_day,
    typed_moment,
)
from workbook.ui.widgets import TABLE_ROWS, set_options

NO_SHEET = -1


class LogPanel:
    """Callbacks: `on_log(journalist_id, kind, received_at, answered_at, **details)`,
    `on_answered(entry_id, answered_at)`, `on_delete(entry_id)`; `now()` gives the clock."""

    def __init__(self, tr, guard: Callable, *, now: Callable[[], dt.datetime],
                 on_log: Callable, on_answered: Callable, on_delete: Callable[[int], None]):
        self.tr, self._now = tr, now
        self._on_log_cb, self._on_delete_cb, self._on_answered_cb = on_log, on_delete, \
            on_answered
        self.journalist = classed(ipw.Dropdown(description=tr("press.log.journalist"),
                                               layout=ipw.Layout(width="30em")),
                                  "wb-press-log-journalist")
        self.kind = classed(ipw.Dropdown(description=tr("press.log.kind"), options=[
            (tr(f"press.kind.{k}"), k) for k in KINDS], value="request"), "wb-press-log-kind")
        self.received = classed(ipw.Text(description=tr("press.log.received"),
                                         placeholder="2026-12-01 14:05"), "wb-press-log-received")
        self.answered = classed(ipw.Text(description=tr("press.log.answered"),
                                         placeholder="2026-12-01 14:40"), "wb-press-log-answered")
        self.subject = classed(ipw.Text(description=tr("press.log.subject"),
                                        layout=ipw.Layout(width="30em")), "wb-press-log-subject")
        self.sheet = classed(ipw.Dropdown(description=tr("press.log.sheet"),
                                          layout=ipw.Layout(width="30em")), "wb-press-log-sheet")
        self.flags = {flag: classed(ipw.Checkbox(description=tr(f"press.flag.{flag}"),
                                                 indent=False), f"wb-press-log-{flag}")
                      for flag in FLAGS}
        self.link = classed(ipw.Text(description=tr("press.log.link"),
                                     layout=ipw.Layout(width="30em")), "wb-press-log-link")
        self.draft = classed(ipw.Textarea(description=tr("press.log.draft"),
                                          layout=ipw.Layout(width="46em", height="4em")),
                             "wb-press-log-draft")
        self.notes = classed(ipw.Text(description=tr("press.log.notes"),
                                      layout=ipw.Layout(width="46em")), "wb-press-log-notes")
        self.save = classed(ipw.Button(description=tr("press.log.save"), button_style="primary",
                                       icon="check"), "wb-press-log-save")
        self.save.on_click(guard(self._on_save))
        self.status = status_line("wb-press-log-status")
        self.warnings = classed(ipw.HTML(), "wb-press-log-warnings")
        self.table = classed(ipw.HTML(), "wb-press-log-table")
        self.entry = classed(ipw.Dropdown(layout=ipw.Layout(width="30em")),
                             "wb-press-log-entry")
        self.delete = classed(ipw.Button(description=tr("press.log.delete"), icon="trash"),
                              "wb-press-log-delete")
        self.delete.on_click(guard(self._on_delete))
        self.answered_now = classed(ipw.Button(description=tr("press.log.answered_now"),
                                               icon="phone", layout=ipw.Layout(width="auto")),
                                    "wb-press-log-answered-now")
        self.answered_now.on_click(guard(self._on_answered_now))
        self.delete_status = status_line("wb-press-log-delete-status")
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("press.coach.log"), ("good_client",)), self.table,
            ipw.HBox([self.entry, self.answered_now, self.delete]),
            self.delete_status, ipw.HTML(html_text(tr("press.log.add_title"), "h4")),
            self.journalist, self.kind, ipw.HBox([self.received, self.answered]), self.subject,
            self.sheet, ipw.HBox(list(self.flags.values())[:3]),
            ipw.HBox(list(self.flags.values())[3:]), self.link, self.draft, self.notes,
            self.save, self.status, self.warnings])

    def render(self, entries: list[LogEntry], journalists: list[dict], sheets: list[dict],
               lang: str) -> None:
        tr = self.tr
        set_options(self.journalist, [(j["name"], j["id"]) for j in journalists])
        set_options(self.sheet, [(tr("press.log.no_sheet"), NO_SHEET)] +
                    [(s["topic"], s["id"]) for s in sheets])
        if not self.received.value:
            self.received.value = typed_moment(self._now())
        newest = list(reversed(entries))
        rows = []
        for e in newest[:TABLE_ROWS]:
            minutes = e.response_minutes
            flags = format_list([tr(f"press.flag.{f}") for f in FLAGS if getattr(e, f)], lang)
            guards = entry_guards(e)
            rows.append([show_day(e.received_at, lang), e.journalist_name,
                         e.outlet, tr(f"press.kind.{e.kind}"),
                         "—" if minutes is None else tr("press.record.minutes", minutes=minutes),
                         e.subject, flags,
                         Markup(guard_html(tr, guards, lang)) if guards else ""])
        head = [tr("press.log.when"), tr("press.log.journalist"), tr("press.media.outlet"),
                tr("press.log.kind"), tr("press.log.response"), tr("press.log.subject"),
                tr("press.log.flags"), tr("press.log.guards")]
        self.table.value = table_html(head, rows) if rows else \
            html_text(tr("press.log.empty"), "p", "wb-muted")
        set_options(self.entry, [(f"{show_day(e.received_at, lang)} · {e.journalist_name} · "
                                  f"{tr(f'press.kind.{e.kind}')}", e.id)
                                 for e in newest[:TABLE_ROWS]])

    def _on_save(self, _button) -> None:
        today = self._now().date()
        received = parse_moment(self.received.value, today)
        answered_text = self.answered.value.strip()
        answered = parse_moment(answered_text, today) if answered_text else None
        self.warnings.value = ""

        def save() -> str:
            if received is None or (answered_text and answered is None):
                raise PressInputError(["bad_time"])
            details = {flag: box.value for flag, box in self.flags.items()}
            self._on_log_cb(self.journalist.value, self.kind.value, received, answered,
                            subject=self.subject.value.strip(),
                            sheet_id=None if self.sheet.value in (None, NO_SHEET)
                            else self.sheet.value, link=self.link.value.strip(),
                            draft=self.draft.value, notes=self.notes.value.strip(), **details)
            entry = LogEntry(0, self.journalist.value, "", self.kind.value, received, answered,
                             draft=self.draft.value, **details)
            guards = entry_guards(entry)
            self.warnings.value = guard_html(self.tr, guards, self.tr.lang) if guards else ""
            for widget in (self.subject, self.link, self.draft, self.notes, self.answered):
                widget.value = ""
            for box in self.flags.values():
                box.value = False
            return self.tr("press.log.saved")

        run_action(self.tr, self.status, save)

    def _on_answered_now(self, _button) -> None:
        if self.entry.value is None:
            return
        label = self.entry.label
        run_action(self.tr, self.delete_status, lambda: (
            self._on_answered_cb(self.entry.value, self._now()),
            self.tr("press.log.answered_saved", entry=label))[1])

    def _on_delete(self, _button) -> None:
        if self.entry.value is None:
            return
        label = self.entry.label
        self._on_delete_cb(self.entry.value)
        self.delete_status.show(self.tr("press.log.deleted", entry=label))
