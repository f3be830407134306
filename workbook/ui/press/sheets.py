"""Press page, Topic sheets tab: the message house (umbrella, at most three key points with
their proof and quotable lines), checked live as the user types."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.press import Finding, TopicSheet
from workbook.domain.press.sheets import count_words, speech_seconds
from workbook.escaping import escape_html
from workbook.i18n.numbers import format_list
from workbook.ui.common import html_text, status_line
from workbook.ui.glossary import glossed_coaching
from workbook.ui.press.widgets import classed, run_action, sheet_from_fields
from workbook.ui.widgets import Confirmation, Debouncer, set_options

START_POINTS = 3
MAX_ROWS = 8
NEW = -1
_WHERE = "\u0000where\u0000"  # where the bold place goes in a finding's line


class PointRow:
    """The fields of one key point."""

    def __init__(self, tr, number: int, on_change: Callable):
        wide = ipw.Layout(width="46em")
        self.message = classed(ipw.Text(description=tr("press.sheets.point", n=number),
                                        layout=wide), "wb-press-point", f"wb-press-point-{number}")
        self.proof = classed(ipw.Text(description=tr("press.sheets.proof"), layout=wide,
                                      placeholder=tr("press.sheets.proof_placeholder")),
                             "wb-press-proof", f"wb-press-proof-{number}")
        self.quote = classed(ipw.Text(description=tr("press.sheets.quote"), layout=wide),
                             "wb-press-quote", f"wb-press-quote-{number}")
        self.quote_2 = classed(ipw.Text(description=tr("press.sheets.quote_2"), layout=wide),
                               "wb-press-quote2", f"wb-press-quote2-{number}")
        for field in self.fields:
            field.observe(on_change, names="value")
        self.view = ipw.VBox(self.fields, layout=ipw.Layout(
            border="1px solid #e0e0e0", padding="4px", margin="4px 0"))

    @property
    def fields(self) -> list[ipw.Text]:
        return [self.message, self.proof, self.quote, self.quote_2]

    def values(self) -> tuple[str, str, str, str]:
        return tuple(f.value for f in self.fields)

    def fill(self, point=None) -> None:
        quotes = list(point.quotes) + ["", ""] if point else ["", ""]
        self.message.value = point.message if point else ""
        self.proof.value = point.proof if point else ""
        self.quote.value, self.quote_2.value = quotes[0], quotes[1]


class SheetsPanel:
    """Write, check and keep topic sheets. Callbacks: `check(sheet) -> findings`,
    `on_save(sheet, sheet_id) -> id`, `on_delete(sheet_id)`."""

    def __init__(self, tr, guard: Callable, *, check: Callable[[TopicSheet], list[Finding]],
                 on_save: Callable[[TopicSheet, int | None], int],
                 on_delete: Callable[[int], None]):
        self.tr = tr
        self._check, self._save, self._delete = check, on_save, on_delete
        self._sheets: list[dict] = []
        self.choice = classed(ipw.Dropdown(description=tr("press.sheets.choose"),
                                           layout=ipw.Layout(width="34em")),
                              "wb-press-sheet-choice")
        self.choice.observe(guard(self._on_choice), names="value")
        self.topic = classed(ipw.Text(description=tr("press.sheets.topic"),
                                      layout=ipw.Layout(width="46em")), "wb-press-topic")
        self.umbrella = classed(ipw.Textarea(description=tr("press.sheets.umbrella"),
                                             placeholder=tr("press.sheets.umbrella_placeholder"),
                                             layout=ipw.Layout(width="46em", height="4.5em")),
                                "wb-press-umbrella")
        self.umbrella_time = classed(ipw.HTML(), "wb-press-umbrella-time")
        self._debounced = Debouncer(0.4, guard(self.refresh_findings))
        for field in (self.topic, self.umbrella):
            field.observe(self._on_typing, names="value")
        self.rows: list[PointRow] = []
        self.points = ipw.VBox()
        self.add_point = classed(ipw.Button(description=tr("press.sheets.add_point"),
                                            icon="plus"), "wb-press-add-point")
        self.add_point.on_click(guard(self._on_add_point))
        self.findings = classed(ipw.HTML(), "wb-press-findings")
        self.save = classed(ipw.Button(description=tr("press.sheets.save"),
                                       button_style="primary", icon="save"), "wb-press-sheet-save")
        self.save.on_click(guard(self._on_save))
        self.delete = classed(ipw.Button(description=tr("press.sheets.delete"), icon="trash"),
                              "wb-press-sheet-delete")
        self.delete.on_click(guard(self._on_delete_asked))
        self.confirm = Confirmation(tr("press.common.yes"), tr("press.common.cancel"),
                                    "wb-press-sheet-delete-yes", self._on_delete_confirmed,
                                    guard)
        self.status = status_line("wb-press-sheet-status")
        for _ in range(START_POINTS):
            self._new_row()
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("press.coach.sheets"), ("key_points",)), self.choice,
            self.topic, self.umbrella,
            self.umbrella_time, self.points, self.add_point, self.findings,
            ipw.HBox([self.save, self.delete]), self.confirm.view, self.status])
        self.refresh_findings()

    # ------------------------------------------------------------ data in
    def render(self, sheets: list[dict], selected: int | None = None) -> None:
        self._sheets = sheets
        options = [(self.tr("press.sheets.new"), NEW)] + [(s["topic"], s["id"]) for s in sheets]
        set_options(self.choice, options)
        if selected is not None:
            self.choice.value = selected

    def open_new(self) -> None:
        """An empty sheet to write on the spot (from the "journalist is calling" tab)."""
        self.choice.value = NEW
        self._fill(None)

    def current(self) -> TopicSheet:
        return sheet_from_fields(self.topic.value, self.umbrella.value,
                                 [row.values() for row in self.rows])

    # ------------------------------------------------------------ drawing
    def _new_row(self) -> PointRow:
        row = PointRow(self.tr, len(self.rows) + 1, self._on_typing)
        self.rows.append(row)
        self.points.children = [r.view for r in self.rows]
        self.add_point.disabled = len(self.rows) >= MAX_ROWS
        return row

    def _fill(self, saved: dict | None) -> None:
        sheet = saved["sheet"] if saved else TopicSheet()
        self.topic.value, self.umbrella.value = sheet.topic, sheet.umbrella
        while len(self.rows) < len(sheet.points):
            self._new_row()
        for number, row in enumerate(self.rows):
            row.fill(sheet.points[number] if number < len(sheet.points) else None)
        self.refresh_findings()

    def refresh_findings(self) -> None:
        tr = self.tr
        sheet = self.current()
        seconds = round(speech_seconds(sheet.umbrella))
        self.umbrella_time.value = html_text(tr(
            "press.sheets.spoken", seconds=seconds, words=count_words(sheet.umbrella)),
            "span", "wb-muted")
        findings = self._check(sheet)
        if not findings:
            self.findings.value = html_text(tr("press.sheets.pass"), "p", "wb-press-pass")
            return
        items = []
        for f in findings:
            where = tr(f"press.where.{f.where}", n=f.point or "")
            words = format_list([tr("press.sheets.quoted", word=w) for w in f.words], tr.lang)
            why = tr(f"press.finding.{f.code}.why", value=f.value if f.value is not None else "")
            fix = tr(f"press.finding.{f.code}.fix")
            # The line's punctuation is the language's ("La fiche : elle est vide."); only
            # the place is bold.
            line = escape_html(tr("press.sheets.finding_line", where=_WHERE,
                                  words=f" — {words}" if words else "", why=why))
            items.append(
                f'<li data-code="{escape_html(f.code)}">'
                f"{line.replace(_WHERE, f'<b>{escape_html(where)}</b>')} "
                f"<i>{escape_html(fix)}</i></li>")
        self.findings.value = (html_text(tr.count("press.sheets.findings", len(findings)), "p",
                                         "wb-warn") + f"<ul>{''.join(items)}</ul>")

    # ------------------------------------------------------------ callbacks
    def _on_typing(self, _change) -> None:
        self._debounced()

    def _on_choice(self, change) -> None:
        self.status.clear()
        if change["new"] == NEW:
            return
        self._fill(next((s for s in self._sheets if s["id"] == change["new"]), None))

    def _on_add_point(self, _button) -> None:
        self._new_row()

    def _on_save(self, _button) -> None:
        sheet = self.current()
        chosen = None if self.choice.value in (None, NEW) else self.choice.value

        def save() -> str:
            saved = self._save(sheet, chosen)
            self.render(self._sheets, saved)
            findings = self._check(sheet)
            if not findings:
                return self.tr("press.sheets.saved_ready", topic=sheet.topic)
            return self.tr.count("press.sheets.saved", len(findings), topic=sheet.topic)

        run_action(self.tr, self.status, save)

    def _on_delete_asked(self, _button) -> None:
        if self.choice.value in (None, NEW):
            self.status.show(self.tr("press.sheets.nothing_to_delete"), error=True)
            return
        self.confirm.ask(self.tr("press.sheets.confirm_delete", topic=self.choice.label))

    def _on_delete_confirmed(self) -> None:
        topic = self.choice.label
        self._delete(self.choice.value)
        self.choice.value = NEW
        self._fill(None)
        self.status.show(self.tr("press.sheets.deleted", topic=topic))
