"""Home page, "Restore a copy": a profile archive downloaded here (.json or .zip) restored as a
new profile, from the page itself — a sentence says what happens, a question asks before
anything is written; nothing existing is ever overwritten (`services.profiles`)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import ipywidgets as ipw

from workbook.ui.common import StatusLine, html_text
from workbook.ui.widgets import Confirmation

ACCEPTED = ".json,.zip"


class RestorePanel:
    """Choose an archive, name the new profile (the archive's own name by default), confirm.
    `guard` wraps the callbacks (the page's error guard)."""

    def __init__(self, tr, guard: Callable[[Callable], Callable]):
        self.tr = tr
        self.upload = ipw.FileUpload(accept=ACCEPTED, multiple=False,
                                     description=tr("home.restore.choose"),
                                     layout=ipw.Layout(width="auto"))
        self.upload.add_class("wb-home-restore-upload")
        self.upload.observe(guard(self._on_upload), names="value")
        self.name = ipw.Text(description=tr("home.restore.name"),
                             placeholder=tr("home.restore.name_placeholder"),
                             style={"description_width": "initial"},
                             layout=ipw.Layout(width="auto"))
        self.name.add_class("wb-home-restore-name")
        self.confirm = Confirmation(tr("home.restore.yes"), tr("home.restore.cancel"),
                                    "wb-home-restore-yes", self._restore, guard)
        self.status = StatusLine()
        self.status.add_class("wb-home-restore-status")
        self._file: tuple[str, bytes] | None = None
        self.view = ipw.VBox([
            ipw.HTML(html_text(tr("home.restore.title"), "h3")
                     + html_text(tr("home.restore.help"), "p")),
            ipw.HBox([self.upload, self.name]), self.confirm.view, self.status])
        self.view.add_class("wb-home-restore")

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        chosen = files[0]
        self._file = (str(chosen["name"]), bytes(chosen["content"]))
        self.status.clear()
        name = self.name.value.strip()
        question = (self.tr("home.restore.question_named", file=self._file[0], profile=name)
                    if name else self.tr("home.restore.question", file=self._file[0]))
        self.confirm.ask(question)

    def _restore(self) -> None:
        # Imported on demand: the archive reader and the profile services are not needed to
        # draw the home page.
        from workbook.io.archive import ArchiveError
        from workbook.paths import check_profile_name
        from workbook.services.profiles import ProfileExistsError, restore_profile

        if self._file is None:
            return
        file_name, content = self._file
        tr = self.tr
        wanted = self.name.value.strip() or None
        try:
            if wanted:
                wanted = check_profile_name(wanted)
        except ValueError:
            self.status.show(tr("home.restore.bad_name"), error=True)
            return
        suffix = Path(file_name).suffix.lower() if Path(file_name).suffix else ".json"
        handle, path = tempfile.mkstemp(suffix=suffix, prefix="workbook-restore-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            done = restore_profile(path, wanted)
        except ArchiveError as problem:
            self.status.show(tr(f"export.archive.{problem.code}"), error=True)
            return
        except ProfileExistsError as problem:
            self.status.show(tr("home.restore.exists", profile=str(problem)), error=True)
            return
        finally:
            Path(path).unlink(missing_ok=True)
        self._file = None
        self.upload.value = ()
        self.status.show(tr.count("home.restore.done", done.rows, profile=done.profile))
