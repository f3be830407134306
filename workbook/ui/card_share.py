"""Home page, "Share my progress card": say once who you are (the name your group knows),
build the card, preview exactly what it holds, untick what not to share, then download the
file, copy the text (one button; the text opens with the card in plain words), or publish it
in the group's drop folder (and remove it again)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import ipywidgets as ipw

from workbook.domain.progress_card import (
    OPT_IN_SECTIONS,
    SECTIONS,
    ProgressCard,
    card_bytes,
    card_text,
)
from workbook.services import card_drop
from workbook.ui.clipboard import CopyButton
from workbook.ui.common import StatusLine, download_link, html_text
from workbook.ui.widgets import set_options

# The section choices are sentences: they wrap on as many lines as they need and never end
# cut ("…et mon sc…") at 1366 px or on a phone.
_STYLE = """<style>
.wb-card-share .wb-card-ticks {display: flex; flex-flow: row wrap; gap: 0.2em 1.2em;}
.wb-card-share .wb-card-ticks .widget-checkbox {width: auto; height: auto; flex: 1 1 18em;
  min-width: 0; max-width: 100%; align-items: flex-start;}
.wb-card-share .wb-card-ticks .widget-label-basic,
.wb-card-share .wb-card-ticks .widget-label-basic span {white-space: normal;
  overflow: visible; text-overflow: clip; height: auto; line-height: 1.35;}
.wb-card-share .wb-card-ticks .widget-label-basic {display: flex; align-items: flex-start;}
.wb-card-share .wb-card-ticks .widget-checkbox input {margin-top: 0.25em; flex: 0 0 auto;}
.wb-card-share .wb-card-text textarea {font-family: inherit; font-size: 0.92em;}
.wb-card-share .wb-card-name-ask {font-weight: 600;}
</style>"""


class CardShareState:
    """The writes this section makes: the card id (once), publishing and withdrawing.

    The card's builder (positioning, routines rules) loads when the section is first opened:
    the home page itself stays as quick to start as before."""

    def __init__(self, conn: sqlite3.Connection, profile: str,
                 today: Callable[[], dt.date] = dt.date.today, drop_root: Path | None = None):
        self.conn, self.profile, self._today = conn, profile, today
        self.drop_root = drop_root

    def saved_name(self) -> str:
        """The name given once for every card ("" until the participant says it)."""
        from workbook.services.card import saved_name

        return saved_name(self.conn)

    def keep_name(self, name: str) -> bool:
        """Remember the participant's name for the next cards; False for a blank one or
        one too long for a card."""
        from workbook.services.card import saved_name, set_name

        name = " ".join(name.split())
        return bool(name) and (name == saved_name(self.conn) or set_name(self.conn, name))

    def groups(self) -> list[str]:
        return card_drop.group_folders(self.drop_root) if self.drop_root else []

    def build(self, name: str, group: str, include: set[str]) -> ProgressCard:
        from workbook.services.card import build_card

        return build_card(self.conn, self.profile, self._today(), group=group, include=include,
                          name=name.strip() or None)

    def publish(self, card: ProgressCard) -> Path:
        return card_drop.publish(self.drop_root, card.group, card.card_id, card_bytes(card))

    def withdraw(self, group: str) -> bool:
        from workbook.services.card import card_id

        return card_drop.withdraw(self.drop_root, group, card_id(self.conn))

    def is_published(self, group: str) -> bool:
        from workbook.services.card import card_id

        return bool(self.drop_root and group) and card_drop.is_published(
            self.drop_root, group, card_id(self.conn))


class CardSharePanel:
    """Collapsed behind one button; every action's feedback under it."""

    def __init__(self, tr, state: CardShareState, guard: Callable[[Callable], Callable]):
        self.tr, self.state = tr, state
        self.card: ProgressCard | None = None
        self.status = StatusLine()
        self.status.add_class("wb-card-status")
        opener = ipw.Button(description=tr("card.share.open"), icon="share",
                            layout=ipw.Layout(width="auto"))
        opener.add_class("wb-card-open")
        opener.on_click(guard(self._on_open))
        self.name = ipw.Text(description=tr("card.share.name"),
                             placeholder=tr("card.share.name_placeholder"),
                             continuous_update=False, layout=ipw.Layout(width="auto"))
        self.name.add_class("wb-card-name")
        self.name.observe(guard(lambda _c: self._preview()), names="value")
        self.name_ask = ipw.HTML()
        self.name_ask.add_class("wb-card-name-ask")
        if state.drop_root:
            self.group = ipw.Dropdown(description=tr("card.share.group"))
        else:
            self.group = ipw.Text(description=tr("card.share.group"),
                                  placeholder=tr("card.share.group_placeholder"))
        self.group.add_class("wb-card-group")
        self.ticks = {s: ipw.Checkbox(value=s not in OPT_IN_SECTIONS, indent=False,
                                      description=tr(f"card.section.{s}")) for s in SECTIONS}
        for section, box in self.ticks.items():
            box.add_class(f"wb-card-tick-{section}")
            box.observe(guard(lambda _c: self._preview()), names="value")
        preview = ipw.Button(description=tr("card.share.preview"), button_style="primary",
                             layout=ipw.Layout(width="auto"))
        preview.add_class("wb-card-preview-button")
        preview.on_click(guard(lambda _b: self._preview()))
        self.preview = ipw.HTML()
        self.preview.add_class("wb-card-preview")
        self.download = ipw.HTML()
        self.download.add_class("wb-card-download")
        self.text = ipw.Textarea(layout=ipw.Layout(width="95%", height="14em"))
        self.text.add_class("wb-card-text")
        self.copy = CopyButton(label=tr("card.share.copy"), done_label=tr("card.share.copied"),
                               failed_label=tr("card.share.copy_failed"))
        self.copy.add_class("wb-card-copy")
        self.drop_buttons = ipw.HBox()
        if state.drop_root:
            publish = ipw.Button(description=tr("card.share.publish"), button_style="success",
                                 layout=ipw.Layout(width="auto"))
            publish.add_class("wb-card-publish")
            publish.on_click(guard(lambda _b: self._publish()))
            withdraw = ipw.Button(description=tr("card.share.withdraw"),
                                  button_style="warning", layout=ipw.Layout(width="auto"))
            withdraw.add_class("wb-card-withdraw")
            withdraw.on_click(guard(lambda _b: self._withdraw()))
            self.drop_buttons.children = [publish, withdraw]
        ticks = ipw.Box(list(self.ticks.values()))
        ticks.add_class("wb-card-ticks")
        self.body = ipw.VBox([
            html_text_widget(tr("card.share.intro")), self.name, self.name_ask, self.group,
            ticks, preview, self.preview, self.download,
            html_text_widget(tr("card.share.copy_title")), self.copy, self.text,
            self.drop_buttons], layout=ipw.Layout(display="none"))
        self.view = ipw.VBox([ipw.HTML(_STYLE),
                              ipw.HTML(f"<h3>{html_text(tr('card.share.title'))}</h3>"),
                              opener, self.status, self.body])
        self.view.add_class("wb-card-share")

    def _on_open(self, _button) -> None:
        if self.body.layout.display == "none":
            self.name.value = self.name.value or self.state.saved_name()
            if self.state.drop_root:
                set_options(self.group, [(g, g) for g in self.state.groups()])
            self.body.layout.display = "flex"
            self._preview()
        else:
            self.body.layout.display = "none"

    def _group(self) -> str:
        value = self.group.value or ""
        return value.strip() if isinstance(value, str) else ""

    def _preview(self) -> None:
        if self.body.layout.display == "none":
            return
        from workbook.store.group import slugify

        if not self.state.keep_name(self.name.value):
            # the first share: the card carries the name the group knows, asked once
            self.card = None
            self.name_ask.value = html_text(self.tr("card.share.name_ask"), "p")
            self.preview.value = self.download.value = ""
            self.text.value = self.copy.text = ""
            return
        self.name_ask.value = ""
        group = self._group()
        group = group if self.state.drop_root or not group else slugify(group)
        include = {s for s, box in self.ticks.items() if box.value}
        self.card = self.state.build(self.name.value, group, include)
        from workbook.services.card import describe_card

        lines = describe_card(self.card, self.tr)
        self.preview.value = ('<div class="wb-card">' + "".join(
            html_text(text, "p") for _, text in lines) + html_text(
            self.tr("card.preview.never"), "p", "wb-muted") + "</div>")
        self.download.value = download_link(card_bytes(self.card), "progress-card.wbcard.json",
                                            "application/json", self.tr("card.share.download"))
        self.text.value = self.copy.text = card_text(
            self.card, [text for _, text in lines] + ["", self.tr("card.share.text_block")],
            [self.tr("card.share.text_end")])
        if self.state.drop_root and group and self.state.is_published(group):
            self.status.show(self.tr("card.share.is_published"))

    def _publish(self) -> None:
        if not self._group():
            self.status.show(self.tr("card.share.choose_group"), error=True)
            return
        self._preview()
        if self.card is None:
            self.status.show(self.tr("card.share.name_ask"), error=True)
            return
        try:
            path = self.state.publish(self.card)
        except card_drop.DropFolderError as problem:
            self.status.show(self.tr(f"group.drop_error.{problem.code}", path=problem.path),
                             error=True)
            return
        self.status.show(self.tr("card.share.published", path=path))

    def _withdraw(self) -> None:
        group = self._group()
        if not group:
            self.status.show(self.tr("card.share.choose_group"), error=True)
            return
        try:
            removed = self.state.withdraw(group)
        except card_drop.DropFolderError as problem:
            self.status.show(self.tr(f"group.drop_error.{problem.code}", path=problem.path),
                             error=True)
            return
        self.status.show(self.tr("card.share.withdrawn" if removed else "card.share.not_there"))


def html_text_widget(text: str) -> ipw.HTML:
    return ipw.HTML(html_text(text, "p"))
