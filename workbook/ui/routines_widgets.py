"""Small pieces the routines panels share: sizing, classes, and the feedback line that
answers next to the button the user pressed."""

from __future__ import annotations

import logging
from collections.abc import Callable

import ipywidgets as ipw

from workbook.ui.common import StatusLine, _append_to_log_file, status_line
from workbook.ui.routines_state import InputProblem

log = logging.getLogger("workbook.ui")


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


def feedback(css: str) -> StatusLine:
    """A status line placed right under an action's button."""
    return status_line("wb-routines-feedback", css)


def act(line: StatusLine, tr: Callable[..., str], action: Callable[[], str | None]) -> None:
    """Run a user action and answer on `line`: its message; the sentence of an
    `InputProblem` (nothing was written); or, for anything unexpected, the generic error
    (the traceback goes to the log, never to the user)."""
    try:
        message = action()
    except InputProblem as problem:
        line.show(tr(f"routines.problem.{problem.code}", **problem.values), error=True)
        return
    except Exception:
        log.exception("routines action failed")
        _append_to_log_file()
        line.show(tr("common.error_generic"), error=True)
        return
    if message:
        line.show(message)
    else:
        line.clear()
