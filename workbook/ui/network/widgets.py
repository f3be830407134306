"""Small pieces the network panels share: vocabulary labels, the status line each action
answers on (next to its buttons), required fields, and the guard a panel wraps its
callbacks in. They know no page: each panel gets its translator and callbacks."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.ui.common import StatusLine, status_line

# A guard factory: given the line a panel answers on, the decorator that turns a failing
# callback into a sentence on that line (`workbook.ui.common.guarded`).
GuardFor = Callable[[StatusLine], Callable[[Callable], Callable]]


def no_guard(_line: StatusLine) -> Callable[[Callable], Callable]:
    """Callbacks run bare (a panel built alone in a test lets its errors through)."""
    return lambda callback: callback


def label(tr, group: str, code: str) -> str:
    """A vocabulary code translated (`vocab.<group>.<code>`; '' reads as "none")."""
    return tr(f"vocab.{group}.{code or 'none'}")


def feedback(css: str) -> StatusLine:
    """A network tab's status line for one group of buttons (`common.status_line`)."""
    return status_line("wb-network-feedback", css)


def required(field: ipw.Text, line: StatusLine, message: str) -> str | None:
    """A required field's text, stripped; None after saying on `line` that it is missing."""
    text = field.value.strip()
    if not text:
        line.show(message, error=True)
        return None
    return text


def wrap_row(*children: ipw.Widget) -> ipw.HBox:
    """A row of widgets that wraps on a narrow window instead of overflowing it."""
    return ipw.HBox(list(children), layout=ipw.Layout(flex_flow="row wrap",
                                                      align_items="center"))


