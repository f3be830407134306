"""The workbook as one app: one page in the browser, one kernel, the home page and every
page as views of one app state (see `state.py`), the address's fragment naming the open page
(see `location.py`). Going to a page builds it on its first visit; coming back shows it at
once, refreshed first if the profile moved since it was drawn."""

from __future__ import annotations

import logging
import os

import ipywidgets as ipw

from workbook.paths import SESSION_VIEW_VARIABLE
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    guarded,
    open_page_context,
)
from workbook.ui.shell.location import Location
from workbook.ui.shell.pages import HOME, KEYS, make_page, package
from workbook.ui.shell.state import AppState, BuiltPage
from workbook.ui.shell.warm import import_later

log = logging.getLogger("workbook.ui")

_STYLE = """<style>
/* The app's boxes hold a page as wide as the window and no wider (a flex item would grow to
   its widest content otherwise): what is wide scrolls inside its own box. */
.wb-app, .wb-app-page {min-width: 0; max-width: 100%;}
/* A page centred by auto margins in a flex box would take its content's width. */
.wb-app-page > .wb-page {width: 100%;}
.wb-app-location {position: fixed; top: 0; left: 0; right: 0; z-index: 50; height: 0;
  text-align: center; font-size: 14px;}
.wb-app-location.wb-app-busy {height: auto; padding: 0.3em; background: #e3f2fd;
  color: #0d47a1; border-bottom: 3px solid #1565c0;}
</style>"""


class App:
    """The app's widgets: the location (address ↔ open page), and one box per page, only the
    open one displayed. Opening a page goes through the app state."""

    def __init__(self, ctx: PageContext, page: str | None, profile: str | None = None,
                 lang: str | None = None):
        self.ctx = ctx
        self.status = StatusLine()
        self.status.add_class("wb-app-status")
        self._warmed = False
        self.boxes: dict[str, ipw.Box] = {}
        for key in KEYS:
            box = ipw.VBox(layout=ipw.Layout(display="none"))
            box.add_class("wb-app-page")
            box.add_class(f"wb-app-{key}")
            self.boxes[key] = box
        self.state = AppState(KEYS, lambda key: open_page_context(profile, lang), make_page,
                              on_built=self._on_built)
        self.location = Location(pages=list(KEYS), loading=ctx.tr("app.loading"))
        self.view = ipw.VBox([ipw.HTML(_STYLE), self.location, self.status,
                              *self.boxes.values()])
        self.view.add_class("wb-app")
        self.location.observe(guarded(ctx, self.status)(self._on_page), names="page")
        if page:
            self.location.page = page          # opens it now, before any browser asks

    def _on_page(self, change) -> None:
        try:
            self.open(change["new"])
        finally:
            # Even a page that failed to build (its sentence is in the status line) ends
            # the wait.
            self.location.shown = self.location.page

    def open(self, key: str) -> None:
        """Show page `key` (a key of `KEYS`; anything else opens the home page)."""
        if key not in self.boxes:
            key = HOME
        self.status.clear()
        if self.location.page != key:
            self.location.page = key               # comes back through `_on_page`
            return
        built = self.state.go(key)
        for name, box in self.boxes.items():
            box.layout.display = None if name == key else "none"
        self.location.title = built.ctx.tr(f"{key}.title")
        self.location.loading = built.ctx.tr("app.loading")
        self.location.lang = built.ctx.tr.lang
        self.location.shown = key
        if not self._warmed:
            # The first page is on screen: the others' code loads while it is read.
            self._warmed = import_later([package(k) for k in KEYS if k != key])

    def _on_built(self, key: str, built: BuiltPage) -> None:
        box = self.boxes[key]
        old = list(box.children)
        box.children = [built.view]
        for widget in old:
            close_all(widget)


def close_all(widget: ipw.Widget) -> None:
    """Let a page's widgets go, children first, so a page built again does not leave its
    old widgets in the kernel's memory."""
    for child in getattr(widget, "children", ()):
        close_all(child)
    widget.close()


def build_app(page: str | None = None, profile: str | None = None,
              lang: str | None = None) -> ipw.Widget:
    """The app, opening on `page` (else on the page the address names, else home). For a
    group session (`workbook serve --session`) only the group page, with no way elsewhere."""
    if os.environ.get(SESSION_VIEW_VARIABLE) == "session":
        from workbook.ui.group import build_group

        return build_group(profile, lang)
    if page is not None and page not in KEYS:
        raise ValueError(f"no page {page!r}: {', '.join(KEYS)}")
    return build_page(lambda ctx: App(ctx, page, profile, lang).view, profile, lang)

