"""Positioning page, export: the card as plain text, Markdown or HTML, to paste or download."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.positioning import Card
from workbook.ui.common import download_link, html_text

_FILES = (("text", "positioning.txt", "text/plain"),
          ("markdown", "positioning.md", "text/markdown"),
          ("html", "positioning.html", "text/html"))


class ExportPanel:
    """Receives the card to export (`show`); the chosen format redraws it."""

    def __init__(self, tr, lang: str, guarded: Callable[[Callable], Callable],
                 on_name: Callable[[str], None] = lambda _name: None):
        self.tr, self.lang = tr, lang
        self._card = Card()
        self.format = ipw.ToggleButtons(
            options=[(tr(f"positioning.export.{kind}"), kind) for kind, _, _ in _FILES],
            value="text", description=tr("positioning.export.format"))
        self.format.add_class("wb-positioning-export-format")
        self._printable, self._reachable = "", True
        self.format.observe(guarded(lambda _change: self.show(self._card, self._printable,
                                                              self._reachable)), names="value")
        self.text = ipw.Textarea(rows=10, layout=ipw.Layout(width="98%"))
        self.text.add_class("wb-positioning-export-text")
        self.links = ipw.HTML()
        self.links.add_class("wb-positioning-export-links")
        # the printed card carries the person's name: asked here when none was given yet
        self.name = ipw.Text(description=tr("positioning.printcard.name"),
                             continuous_update=False, layout=ipw.Layout(width="auto"))
        self.name.add_class("wb-positioning-printcard-name")
        self.name.observe(guarded(lambda change: on_name(change["new"])), names="value")
        self.view = ipw.VBox([ipw.HTML(html_text(tr("positioning.export.intro"), "p")),
                              self.format, self.text, self.name, self.links])

    def show(self, card: Card, printable: str = "", reachable: bool = True) -> None:
        """`printable` is the pitch card to print (an HTML page); without `reachable`, a note
        says where to add a phone or e-mail for it."""
        tr = self.tr
        self._card, self._printable, self._reachable = card, printable, reachable
        if card.is_blank():
            self.text.value = ""
            self.links.value = html_text(tr("positioning.export.empty"), "p", "wb-muted")
            return
        # Imported when the section opens: workbook.io brings pandas (~0.7 s of every visit).
        from workbook.io.card import card_html, card_markdown, card_text

        texts = {"text": card_text(card, tr), "markdown": card_markdown(card, tr),
                 "html": card_html(card, tr, self.lang)}
        self.text.value = texts[self.format.value]
        self.links.value = " ".join(
            download_link(texts[kind], filename, mime,
                          tr("positioning.export.download",
                             format=tr(f"positioning.export.{kind}")),
                          css_class="wb-positioning-download")
            for kind, filename, mime in _FILES)
        if printable and not self.name.value.strip():
            self.links.value += html_text(tr("positioning.printcard.no_name"), "p", "wb-muted")
        if printable:
            self.links.value += "<p>" + download_link(
                printable, "pitch-card.html", "text/html", tr("positioning.printcard.download"),
                css_class="wb-positioning-printable") + "</p>"
            if not reachable:
                self.links.value += html_text(tr("positioning.printcard.no_reach"), "p",
                                              "wb-muted")
