"""A download box for an export: pick a format, press the button, watch the progress bar,
then save the file from the link that appears next to the button. Used on the home page
(the whole profile) and on the network map's contacts tab (the contacts)."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.i18n import Translator
from workbook.ui.common import download_link, html_text

# fmt, progress(done, total) -> (file content, file name, mime type, rows exported)
MakeExport = Callable[[str, Callable[[int, int], None]], tuple[bytes, str, str, int]]


class ExportPanel:
    """The widgets of one download box; `on_export` makes the file (the page's service)."""

    def __init__(self, tr: Translator, formats: tuple[str, ...], on_export: MakeExport,
                 guard: Callable[[Callable], Callable], css: str):
        self.tr = tr
        self._on_export_file = on_export
        self.format = ipw.Dropdown(options=[(tr(f"export.page.format.{f}"), f) for f in formats],
                                   value=formats[0], layout=ipw.Layout(width="26em"))
        self.format.add_class(f"{css}-format")
        self.button = ipw.Button(description=tr("export.page.prepare"), icon="download",
                                 layout=ipw.Layout(width="auto"))
        self.button.add_class(f"{css}-prepare")
        self.button.on_click(guard(self._on_prepare))
        self.progress = ipw.IntProgress(value=0, min=0, max=1, bar_style="info",
                                        layout=ipw.Layout(width="20em", visibility="hidden"))
        self.progress.add_class(f"{css}-progress")
        self.result = ipw.HTML()
        self.result.add_class(f"{css}-result")
        self.view = ipw.VBox([ipw.HBox([self.format, self.button, self.progress]), self.result])
        self.view.add_class(css)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.max = max(int(total), 1)
        self.progress.value = min(int(done), self.progress.max)

    def _on_prepare(self, _button=None) -> None:
        self.result.value = html_text(self.tr("export.page.running"), "span", "wb-muted")
        self.progress.value, self.progress.bar_style = 0, "info"
        self.progress.layout.visibility = "visible"
        self.button.disabled = True
        try:
            content, name, mime, rows = self._on_export_file(self.format.value,
                                                              self._on_progress)
        finally:
            self.button.disabled = False
        self.progress.value, self.progress.bar_style = self.progress.max, "success"
        link = download_link(content, name, mime, self.tr("export.page.save", name=name))
        self.result.value = (link + " " + html_text(
            self.tr("export.page.ready", rows=rows, size=_size(len(content))), "span",
            "wb-muted"))


def _size(octets: int) -> str:
    return f"{octets / 1_000_000:.1f} MB" if octets >= 100_000 else f"{octets / 1000:.0f} kB"
