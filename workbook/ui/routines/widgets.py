"""Small pieces the routines panels share: sizing, classes, and the feedback line that
answers next to the button the user pressed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from workbook.ui.common import StatusLine, act, status_line  # noqa: F401  (act: the panels' runner)


def fit() -> ipw.Layout:
    """Buttons as wide as their words: never cut, never stretched across the page."""
    return ipw.Layout(width="max-content", flex="0 0 auto")


def classed(widget: ipw.Widget, *classes: str) -> ipw.Widget:
    for css in classes:
        widget.add_class(css)
    return widget


def close_children(box: ipw.Box) -> None:
    """Empty a box and close what it held (redrawn lists must not leak widgets)."""
    old = box.children
    box.children = ()
    for child in old:
        if isinstance(child, ipw.Box):
            close_children(child)
        child.close()


class ButtonRows:
    """Rows of a button and a text in `box`, each row standing for one key (a person): the
    rows' widgets are kept from one draw to the next and refilled, since a list of 25 rows is
    redrawn after every write and building its 75 widgets again cost ~200 ms at 30,000
    contacts. A click calls `on_click(key)` with the key its row shows now."""

    def __init__(self, box: ipw.Box, button_text: str, on_click: Callable[[object], None],
                 guard: Callable[[Callable], Callable], *,
                 row_class: str, button_class: str, text_class: str,
                 head: Sequence[ipw.Widget] = ()):
        self.box = box
        self._head = list(head)   # shown above the rows once the list is first drawn
        self._make = (button_text, on_click, guard, row_class, button_class, text_class)
        self._rows: list[tuple[ipw.HBox, ipw.HTML]] = []
        self._keys: list[object] = []
        self._extra: list[ipw.Widget] = []

    def _new_row(self) -> tuple[ipw.HBox, ipw.HTML]:
        button_text, on_click, guard, row_class, button_class, text_class = self._make
        at = len(self._rows)
        button = classed(ipw.Button(description=button_text, layout=fit()), button_class)
        button.on_click(guard(lambda _b: on_click(self._keys[at])))
        text = classed(ipw.HTML(), text_class)
        return classed(ipw.HBox([button, text]), row_class), text

    def show(self, entries: list[tuple[object, str]], extra: list[ipw.Widget] = ()) -> None:
        """One row per (key, html text), then the `extra` widgets (a "no one" or "and 12
        more" line); the extra widgets of the draw before are closed."""
        while len(self._rows) < len(entries):
            self._rows.append(self._new_row())
        self._keys = [key for key, _ in entries]
        for (_, html), (_, text) in zip(entries, self._rows):
            text.value = html
        old, self._extra = self._extra, list(extra)
        self.box.children = (self._head + [row for row, _ in self._rows[:len(entries)]]
                             + self._extra)
        for widget in old:
            widget.close()


def feedback(css: str) -> StatusLine:
    """A status line placed right under an action's button."""
    return status_line("wb-routines-feedback", css)
