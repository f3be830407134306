"""Network page, Import tab: upload a contacts file, watch the progress, read the report,
accept or refuse merge proposals, undo a whole import."""

from __future__ import annotations

import tempfile
from pathlib import Path

import ipywidgets as ipw

from workbook.escaping import escape_html
from workbook.io import ImportFileError
from workbook.io.summary import describe_error
from workbook.ui.common import html_text
from workbook.ui.network import Confirmation, coaching, set_options, table_html

ACCEPTED = ".csv,.vcf,.txt,.zip"
SKIPPED_SHOWN = 30
MERGES_SHOWN = 10


class ImportPanel:
    """Upload → `workbook.io.import_file` (through the page state) → report."""

    def __init__(self, page):
        self.page = page
        tr, guard = page.tr, page.guard
        self.upload = ipw.FileUpload(accept=ACCEPTED, multiple=False,
                                     description=tr("network.import.choose"),
                                     layout=ipw.Layout(width="auto"))
        self.upload.add_class("wb-network-upload")
        self.upload.observe(guard(self._on_upload), names="value")
        self.progress = ipw.IntProgress(value=0, min=0, max=1, bar_style="info",
                                        layout=ipw.Layout(width="30em", visibility="hidden"))
        self.progress.add_class("wb-network-progress")
        self.report = ipw.HTML()
        self.report.add_class("wb-network-report")
        self.merges = ipw.VBox()
        self.merges.add_class("wb-network-merges")
        self.batch_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="34em"))
        self.batch_choice.add_class("wb-network-batches")
        self.undo = ipw.Button(description=tr("network.import.undo"), icon="undo",
                               button_style="warning")
        self.undo.add_class("wb-network-undo")
        self.undo.on_click(guard(self._on_undo))
        self.batch_row = ipw.HBox([self.batch_choice, self.undo])
        self.no_batches = ipw.HTML(html_text(tr("common.none_yet"), "p", "wb-muted"))
        self.undo_confirm = Confirmation(page, tr("network.import.undo_confirm"),
                                         "wb-network-undo-yes", self._undo_confirmed)
        self.view = ipw.VBox([
            coaching(tr("network.coach.import")),
            ipw.HTML(f"<p>{escape_html(tr('network.import.help'))}</p>"),
            ipw.HBox([self.upload]), self.progress, self.report,
            ipw.HTML(f"<h4>{escape_html(tr('network.import.merges_title'))}</h4>"), self.merges,
            ipw.HTML(f"<h4>{escape_html(tr('network.import.batches_title'))}</h4>"),
            self.no_batches, self.batch_row, self.undo_confirm.view])

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
        self.report.value = html_text(self.page.tr("network.import.running", name=name))
        try:
            with tempfile.TemporaryDirectory(prefix="workbook-upload-") as folder:
                path = Path(folder) / ("upload" + Path(name).suffix.lower()[:8])
                path.write_bytes(bytes(upload["content"]))
                outcome = self.page.state.import_file(path, name, self._on_progress)
        finally:
            self.upload.value = ()
        if isinstance(outcome, ImportFileError):   # nothing was imported
            self.progress.bar_style = "danger"
            message = describe_error(outcome, self.page.tr)
            self.report.value = html_text(message, "div", "wb-status-error")
            self.page.status.show(message, error=True)
            return
        self.progress.value = self.progress.max
        self.progress.bar_style = "success"
        self.report.value = self._report_html(name, outcome)
        self.page.status.show(self.page.tr("network.import.done", name=name,
                                           added=outcome.added))
        self.page.changed()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.max = max(int(total), 1)
        self.progress.value = min(int(done), self.progress.max)

    def _report_html(self, name: str, report) -> str:
        tr = self.page.tr
        counts = table_html(
            [tr("network.import.read"), tr("network.import.added"),
             tr("network.import.updated"), tr("network.import.unchanged"),
             tr("network.import.skipped")],
            [[report.read, report.added, report.updated, report.unchanged,
              len(report.skipped)]], "wb-network-counts")
        skipped = ""
        if report.batch_id is None:
            skipped += html_text(tr("import.summary.nothing_changed"), "p")
        problems = sorted([(r.line, tr(f"import.skip.{r.reason}"), r.detail)
                           for r in report.skipped]
                          + [(r.line, tr(f"import.warn.{r.reason}"), r.detail)
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

    # ------------------------------------------------------------ merges, batches

    def refresh(self) -> None:
        """Past imports and merge proposals (when the tab opens after a change)."""
        self._refresh_batches()
        self.refresh_merges()

    def _refresh_batches(self) -> None:
        tr = self.page.tr
        batches = self.page.state.import_batches()
        set_options(self.batch_choice, [
            (tr("network.import.batch_label", name=b["file_name"], date=b["imported_at"][:16],
                added=b["rows_added"]), int(b["batch_id"])) for b in batches])
        self.batch_row.layout.display = "flex" if batches else "none"
        self.no_batches.layout.display = "none" if batches else "block"

    def refresh_merges(self) -> None:
        """Merge proposals, those whose two contacts are both still here."""
        tr, state = self.page.tr, self.page.state
        rows = []
        for first, second, reason in state.merge_candidates()[:MERGES_SHOWN]:
            a, b = state.row(first), state.row(second)
            if a is None or b is None:
                continue
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
            accept.on_click(self.page.guard(lambda _b, k=first, d=second: self._on_merge(k, d)))
            refuse.on_click(self.page.guard(lambda _b, k=first, d=second: self._on_refuse(k, d)))
            rows.append(ipw.HBox([text, accept, refuse]))
        self.merges.children = rows or [ipw.HTML(
            html_text(tr("network.import.no_merges"), "p", "wb-muted"))]

    def _on_merge(self, keep: int, drop: int) -> None:
        self.page.state.merge(keep, drop)
        self.page.status.show(self.page.tr("network.import.merged"))
        self.page.changed()

    def _on_refuse(self, keep: int, drop: int) -> None:
        self.page.state.refuse_merge(keep, drop)
        self.refresh_merges()

    def _on_undo(self, _button) -> None:
        if self.batch_choice.value is not None:
            self.undo_confirm.ask(self.page.tr("network.import.undo_question",
                                               name=self.batch_choice.label))

    def _undo_confirmed(self) -> None:
        if self.batch_choice.value is None:
            return
        label = self.batch_choice.label
        removed = self.page.state.undo_import(self.batch_choice.value)
        self.page.status.show(self.page.tr("network.import.undone", name=label, count=removed))
        self.report.value = ""
        self.page.changed()


def _who(row) -> str:
    """A contact as shown in a merge proposal: name, organisation, e-mail."""
    parts = [row["full_name"], row["organisation"], row["email"]]
    return " · ".join(p for p in parts if p)
