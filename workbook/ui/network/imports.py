"""Network page, Import tab: upload a contacts file, watch the progress, read the report,
accept or refuse merge proposals, undo a whole import."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

import ipywidgets as ipw

from workbook.escaping import escape_html
from workbook.i18n.dates import format_date, format_datetime
from workbook.i18n.numbers import format_list
from workbook.io import ImportFileError
from workbook.io.summary import describe_error
from workbook.ui.common import coaching, html_text, table_html
from workbook.ui.network.widgets import GuardFor, feedback, label, no_guard, wrap_row
from workbook.ui.widgets import Confirmation, set_options

ACCEPTED = ".csv,.vcf,.txt,.zip"
SKIPPED_SHOWN = 30
MERGES_SHOWN = 10


class ImportPanel:
    """Upload → `on_import(path, file_name, progress)` (the page state's import) → report.

    Other callbacks: `on_merge(keep_id, drop_id)`, `on_refuse(first_id, second_id)`,
    `on_undo(batch_id) -> contacts removed`. `render(batches, merges)` draws past imports
    (newest first) and merge proposals (pairs of contact rows with their reason)."""

    def __init__(self, tr, *, on_import: Callable, on_merge: Callable[[int, int], None],
                 on_refuse: Callable[[int, int], None], on_undo: Callable[[int], int],
                 guard_for: GuardFor = no_guard):
        self.tr = tr
        self._import, self._merge, self._refuse, self._undo = (on_import, on_merge,
                                                                on_refuse, on_undo)
        self.status = feedback("wb-network-import-status")
        self.merge_status = feedback("wb-network-merge-status")
        self.undo_status = feedback("wb-network-undo-status")
        self.guard = guard_for(self.status)
        self.merge_guard = guard_for(self.merge_status)
        undo_guard = guard_for(self.undo_status)
        self.upload = ipw.FileUpload(accept=ACCEPTED, multiple=False,
                                     description=tr("network.import.choose"),
                                     tooltip=tr("network.import.choose_tip"),
                                     layout=ipw.Layout(width="auto"))
        self.upload.add_class("wb-network-upload")
        self.upload.observe(self.guard(self._on_upload), names="value")
        self.progress = ipw.IntProgress(value=0, min=0, max=1, bar_style="info",
                                        layout=ipw.Layout(width="30em", max_width="100%",
                                                          visibility="hidden"))
        self.progress.add_class("wb-network-progress")
        self.report = ipw.HTML()
        self.report.add_class("wb-network-report")
        self.merges = ipw.VBox()
        self.merges.add_class("wb-network-merges")
        self.batch_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="34em",
                                                                       max_width="100%"))
        self.batch_choice.add_class("wb-network-batches")
        self.undo = ipw.Button(description=tr("network.import.undo"), icon="undo",
                               button_style="warning")
        self.undo.add_class("wb-network-undo")
        self.undo.on_click(undo_guard(self._on_undo))
        self.batch_row = wrap_row(self.batch_choice, self.undo)
        self.no_batches = ipw.HTML(html_text(tr("common.none_yet"), "p", "wb-muted"))
        self.undo_confirm = Confirmation(tr("network.import.undo_confirm"), tr("common.cancel"),
                                         "wb-network-undo-yes", self._undo_confirmed,
                                         guard=undo_guard)
        self.view = ipw.VBox([
            coaching(tr("network.coach.import")),
            ipw.HTML(f"<p>{escape_html(tr('network.import.help'))}</p>"),
            ipw.HTML(_upload_label_style(tr("network.import.choose"))),
            ipw.HBox([self.upload]), self.progress, self.status, self.report,
            ipw.HTML(f"<h4>{escape_html(tr('network.import.merges_title'))}</h4>"),
            self.merge_status, self.merges,
            ipw.HTML(f"<h4>{escape_html(tr('network.import.batches_title'))}</h4>"),
            self.no_batches, self.batch_row, self.undo_confirm.view, self.undo_status])

    # ------------------------------------------------------------ upload

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = Path(str(upload["name"])).name or "contacts.csv"
        self.progress.value, self.progress.max = 0, 1
        self.progress.bar_style = "info"
        self.progress.layout.visibility = "visible"
        self.report.value = html_text(self.tr("network.import.running", name=name))
        try:
            with tempfile.TemporaryDirectory(prefix="workbook-upload-") as folder:
                path = Path(folder) / ("upload" + Path(name).suffix.lower()[:8])
                path.write_bytes(bytes(upload["content"]))
                outcome = self._import(path, name, self._on_progress)
        finally:
            self.upload.value = ()
        if isinstance(outcome, ImportFileError):   # nothing was imported
            self.progress.bar_style = "danger"
            self.progress.layout.visibility = "hidden"
            message = self.tr("network.import.failed", name=name,
                              reason=self._error_text(outcome))
            self.report.value = html_text(message, "div", "wb-status-error")
            self.status.show(message, error=True)
            return
        self.progress.value = self.progress.max
        self.progress.bar_style = "success"
        self.report.value = self._report_html(name, outcome)
        self.status.show(self.tr("network.import.done", name=name,
                                 added=outcome.added, updated=outcome.updated))
        if outcome.batch_id is not None:     # "Undo this import" now means the one just made
            self.batch_choice.value = int(outcome.batch_id)

    def _error_text(self, error: ImportFileError) -> str:
        """Why the file was refused; this page's own wording where the shared one speaks
        of choices this page does not offer (it always recognises the format itself)."""
        key = f"network.import.error.{error.code}"
        return self.tr(key) if self.tr.has(key) else describe_error(error, self.tr)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.max = max(int(total), 1)
        self.progress.value = min(int(done), self.progress.max)

    def _report_html(self, name: str, report) -> str:
        tr = self.tr
        counts = table_html(
            [tr("network.import.read"), tr("network.import.added"),
             tr("network.import.updated"), tr("network.import.unchanged"),
             tr("network.import.skipped")],
            [[report.read, report.added, report.updated, report.unchanged,
              len(report.skipped)]], "wb-network-counts")
        skipped = ""
        if report.batch_id is None:
            skipped += html_text(tr("import.summary.nothing_changed"), "p")
        problems = sorted([(r.line, tr(f"import.skip.{r.reason}"), self._detail(r))
                           for r in report.skipped]
                          + [(r.line, tr(f"import.warn.{r.reason}"), self._detail(r))
                             for r in report.warnings])
        if problems:
            rows = problems[:SKIPPED_SHOWN]
            more = len(problems) - SKIPPED_SHOWN
            skipped += (f"<h4>{escape_html(tr('network.import.skipped_title'))}</h4>"
                       + table_html([tr("network.import.line"), tr("network.import.reason"),
                                     tr("network.import.detail")], rows, "wb-network-skipped")
                       + (f"<p>{escape_html(tr('network.import.more', count=more))}</p>"
                          if more > 0 else ""))
        return (f"<h4>{escape_html(tr('network.import.report_title', name=name))}</h4>"
                + counts + skipped)

    def _detail(self, row) -> str:
        """What was found on a skipped line, in the user's words: a column's code name
        ("connected_on: 31 Feb 2022") becomes its label; the reason already says what a
        broken card lacks."""
        tr = self.tr
        if row.reason == "broken_card":
            return ""
        field, sep, value = str(row.detail).partition(": ")
        if sep and tr.has(f"network.import.field.{field}"):
            return tr("network.import.field_value", field=tr(f"network.import.field.{field}"),
                      value=value)
        return str(row.detail)

    # ------------------------------------------------------------ merges, batches

    def render(self, batches: list[dict], merges: list[tuple]) -> None:
        """Past imports (columns of `store.batches.list_batches`, newest first) and merge
        proposals (`MergeProposal`s, at most MERGES_SHOWN, both contacts still here)."""
        tr = self.tr
        set_options(self.batch_choice, [
            (tr("network.import.batch_label", name=b["file_name"],
                date=_local_time(b["imported_at"], tr.lang), added=b["rows_added"]),
             int(b["batch_id"])) for b in batches])
        self.batch_row.layout.display = "flex" if batches else "none"
        self.no_batches.layout.display = "none" if batches else "block"
        self.render_merges(merges)

    def render_merges(self, merges: list) -> None:
        """Each proposal: who, why, then what differs between the two records side by
        side (`MergeProposal`s: both records, the reason, the differences)."""
        tr = self.tr
        rows = []
        for a, b, reason, differences in merges:
            first, second = int(a["id"]), int(b["id"])
            text = ipw.HTML(escape_html(tr(
                "network.import.merge_question", first=_who(a), second=_who(b),
                why=tr(f"import.merge.{reason}") if tr.has(f"import.merge.{reason}")
                else reason)))
            accept = ipw.Button(description=tr("network.import.merge_accept"),
                                button_style="success", layout=ipw.Layout(width="auto"))
            accept.add_class("wb-network-merge-accept")
            refuse = ipw.Button(description=tr("network.import.merge_refuse"),
                                layout=ipw.Layout(width="auto"))
            refuse.add_class("wb-network-merge-refuse")
            accept.on_click(self.merge_guard(
                lambda _b, k=first, d=second: self._on_merge(k, d)))
            refuse.on_click(self.merge_guard(
                lambda _b, k=first, d=second: self._on_refuse(k, d)))
            compared = ipw.HTML(self._differences_html(differences))
            compared.add_class("wb-network-merge-differences")
            rows.append(ipw.VBox([text, compared, wrap_row(accept, refuse)]))
        self.merges.children = rows or [ipw.HTML(
            html_text(tr("network.import.no_merges"), "p", "wb-muted"))]

    def _differences_html(self, differences) -> str:
        tr = self.tr
        if not differences:
            return html_text(tr("network.merge.same"), "p", "wb-muted")
        return table_html(
            [tr("network.merge.field"), tr("network.merge.first"), tr("network.merge.second")],
            [[tr(f"network.merge.field.{d.field}"), self._value(d.field, d.first),
              self._value(d.field, d.second)] for d in differences], "wb-network-merge-table")

    def _value(self, field: str, value) -> str:
        """A record's value as the user reads it: dates in their language, vocabulary
        translated, '—' when blank."""
        tr = self.tr
        if value is None or value != value or (isinstance(value, str) and not value.strip()):
            return "—"
        if field == "connected_on":
            return format_date(value, tr.lang, fallback=str(value))
        if field == "layer":
            return label(tr, "layer", str(value))
        if field == "roles":
            codes = value.split() if isinstance(value, str) else list(value)
            return format_list([label(tr, "role", c) for c in codes], tr.lang) or "—"
        return str(value)

    def _on_merge(self, keep: int, drop: int) -> None:
        self._merge(keep, drop)
        self.merge_status.show(self.tr("network.import.merged"))

    def _on_refuse(self, keep: int, drop: int) -> None:
        self._refuse(keep, drop)
        self.merge_status.clear()

    def _on_undo(self, _button) -> None:
        if self.batch_choice.value is not None:
            self.undo_status.clear()
            self.undo_confirm.ask(self.tr("network.import.undo_question",
                                          name=self.batch_choice.label))

    def _undo_confirmed(self) -> None:
        if self.batch_choice.value is None:
            return
        label = self.batch_choice.label
        self.report.value = ""
        self.progress.layout.visibility = "hidden"
        self.status.clear()
        removed = self._undo(self.batch_choice.value)
        self.undo_status.show(self.tr("network.import.undone", name=label, count=removed))


def _who(row) -> str:
    """A contact as shown in a merge proposal: name, organisation, e-mail."""
    parts = [row["full_name"], row["organisation"], row["email"] or ""]
    return " · ".join(p for p in parts if p)


def _local_time(stamp: str, lang: str) -> str:
    """An import's time (stored in UTC, ISO) on this computer's clock, in the user's
    language; the stored text as is if it cannot be read."""
    try:
        moment = dt.datetime.fromisoformat(str(stamp)[:19]).replace(tzinfo=dt.UTC)
    except ValueError:
        return str(stamp)
    return format_datetime(moment.astimezone(), lang)


def _upload_label_style(label: str) -> str:
    """The upload button without its file counter: ipywidgets writes "label (0)" into the
    button, always 0 here (the upload is emptied once read), which only puzzles people. The
    button's own text is hidden and the label drawn by CSS instead."""
    text = label.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return ("<style>.wb-network-upload {font-size: 0 !important; padding: 0 12px !important;}"
            ".wb-network-upload i {font-size: var(--jp-widgets-font-size, 13px);"
            " margin-right: 0.4em;}"
            f'.wb-network-upload::after {{content: "{text}";'
            " font-size: var(--jp-widgets-font-size, 13px);}</style>")
