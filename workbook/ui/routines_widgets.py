"""Small pieces the routines panels share: sizing, classes, and the feedback line that
answers next to the button the user pressed."""

from __future__ import annotations

import logging
from collections.abc import Callable

import ipywidgets as ipw

from workbook.ui.common import StatusLine, _append_to_log_file
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
    return classed(StatusLine(), "wb-routines-feedback", css)


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


class PersonPicker:
    """A person chooser that stays light on a 30,000-contact profile: a search box and a
    dropdown of the people it finds (before any search, those sorted into a layer or in the
    log). `find(text)` gives the (label, id) options; `label_of(id)` one person's."""

    def __init__(self, description: str, search_placeholder: str, options, *, find,
                 label_of, css: str, style: dict, layout: ipw.Layout):
        from workbook.ui.widgets import Debouncer, set_options

        self._set_options, self.find, self.label_of = set_options, find, label_of
        self.search = classed(ipw.Text(placeholder=search_placeholder, continuous_update=True,
                                       layout=ipw.Layout(width="14em")), f"{css}-search")
        self.dropdown = classed(ipw.Dropdown(options=[("—", None), *options], value=None,
                                             description=description, style=style,
                                             layout=layout), css)
        self._debounced = Debouncer(0.3, self._refilter)
        self.search.observe(lambda _change: self._debounced(), names="value")
        self.view = ipw.HBox([self.dropdown, self.search])

    @property
    def value(self):
        return self.dropdown.value

    @value.setter
    def value(self, contact_id) -> None:
        """Choose someone, even outside the current list (e.g. from a due line)."""
        values = [v for _, v in self.dropdown.options]
        if contact_id is not None and contact_id not in values:
            label = self.label_of(contact_id)
            if label is not None:
                self.dropdown.options = [*self.dropdown.options, label]
        self.dropdown.value = contact_id

    def reset(self, options) -> None:
        self._set_options(self.dropdown, [("—", None), *options])

    def _refilter(self) -> None:
        chosen = self.dropdown.value
        found = self.find(self.search.value)
        self._set_options(self.dropdown, [("—", None), *found])
        if chosen is not None and chosen not in [v for _, v in found]:
            self.dropdown.value = None
        if len(found) == 1 and self.search.value.strip():  # one match: take it
            self.dropdown.value = found[0][1]
