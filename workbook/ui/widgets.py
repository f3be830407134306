"""Widgets every page shares: a two-step confirmation, option lists that keep the choice,
a debouncer for live feedback, and a search-as-you-type person picker. They know nothing
of any page: each gets its texts and callbacks from the page that builds it."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

import ipywidgets as ipw

from workbook.ui.common import html_text

TABLE_ROWS = 50   # a table never sends more rows than this to the browser


class Confirmation:
    """A question with "Yes" and "Cancel", hidden until asked: the second step before
    anything that cannot be undone. `on_yes` runs once the user confirms; `guard` wraps
    both buttons' callbacks (a page passes its error guard)."""

    def __init__(self, yes_label: str, cancel_label: str, yes_class: str,
                 on_yes: Callable[[], None],
                 guard: Callable[[Callable], Callable] = lambda callback: callback):
        self._on_yes_action = on_yes
        self.question = ipw.HTML()
        self.yes = ipw.Button(description=yes_label, button_style="danger",
                              layout=ipw.Layout(width="auto"))
        self.yes.add_class(yes_class)
        self.yes.on_click(guard(self._on_yes))
        self.no = ipw.Button(description=cancel_label)
        self.no.on_click(guard(self._on_no))
        self.view = ipw.HBox([self.question, self.yes, self.no],
                             layout=ipw.Layout(display="none"))

    def ask(self, question: str) -> None:
        self.question.value = html_text(question)
        self.view.layout.display = "flex"

    def hide(self) -> None:
        self.view.layout.display = "none"

    def _on_yes(self, _button) -> None:
        self.hide()
        self._on_yes_action()

    def _on_no(self, _button) -> None:
        self.hide()


def set_options(choice: ipw.Dropdown, options: list[tuple[str, object]]) -> None:
    """New options; the chosen value stays if still offered, else the first one is chosen
    (ipywidgets 8 leaves a Dropdown empty when its options change)."""
    previous = choice.value
    choice.options = options
    values = [value for _, value in options]
    choice.value = previous if previous in values else (values[0] if values else None)


def _kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop when called from an IPython kernel, else None."""
    from IPython import get_ipython

    if getattr(get_ipython(), "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def in_background(work: Callable[[], object], then: Callable[[], object]) -> bool:
    """In a kernel: run `work` on a worker thread, then `then` on the kernel's event loop
    (the only place widgets are touched), and return True at once, so the cell ends and the
    page reaches the browser while `work` goes on. Outside a kernel: False, nothing run (the
    caller does the work in line). If `work` fails it is logged, and `then` still runs (it
    redoes what is needed, under its own error guard)."""
    loop = _kernel_loop()
    if loop is None:
        return False

    def run() -> None:
        try:
            work()
        except Exception:
            logging.getLogger("workbook.ui").exception("background work failed")
        finally:
            loop.call_soon_threadsafe(then)

    threading.Thread(target=run, name="workbook-background", daemon=True).start()
    return True


class Debouncer:
    """Run `callback` once typing pauses for `delay` seconds.

    In a kernel the callback is scheduled on the kernel's running event loop (each new
    trigger pushes it back); outside a kernel (plain pytest) it runs at once, so widget tests
    need no waiting — whatever other event loop the test process happens to run.
    """

    def __init__(self, delay: float, callback: Callable[[], object]):
        self.delay = delay
        self.callback = callback
        self._handle: asyncio.TimerHandle | None = None

    def __call__(self) -> None:
        loop = _kernel_loop()
        if loop is None:
            self.callback()
            return
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self.callback()


class PersonPicker:
    """Search-as-you-type person chooser that stays light on 30,000 contacts: a text box,
    a short list of at most `limit` matches (arrow keys move in it), and a line saying when
    no one matches or that more matched than are listed.

    `find(text, limit) -> (options, total)` gives the (label, id) matches, best first
    (`workbook.domain.people_search.find_people`); `label_of(id) -> (label, id) | None`
    one person's option; `options` are listed before anything is typed (`reset` changes
    them). `on_pick(id or None)` runs whenever the choice changes, except while the list is
    redrawn. One match for what was typed is taken at once."""

    def __init__(self, tr, *, find: Callable[[str, int], tuple[list, int]],
                 label_of: Callable[[object], tuple[str, object] | None], css: str,
                 description: str = "", style: dict | None = None, options=(),
                 on_pick: Callable | None = None, limit: int = 30, rows: int = 6,
                 debounce: float = 0.3):
        self.tr, self.find, self.label_of, self.limit = tr, find, label_of, limit
        self._on_pick, self._quiet, self._initial = on_pick, False, list(options)
        self.search = ipw.Text(placeholder=tr("common.picker.placeholder"),
                               description=description, style=style or {},
                               continuous_update=True,
                               layout=ipw.Layout(width="32em" if description else "24em",
                                                 max_width="100%"))
        self.search.add_class(f"{css}-search")
        self.matches = ipw.Select(options=[], rows=rows,
                                  layout=ipw.Layout(width="24em", max_width="100%"))
        self.matches.add_class(css)
        self.matches.observe(self._on_choice, names="value")
        self.note = ipw.HTML()
        self.note.add_class(f"{css}-note")
        self._debounced = Debouncer(debounce, self._refilter)
        self.search.observe(lambda _change: self._debounced(), names="value")
        self.view = ipw.VBox([self.search, self.matches, self.note])
        self.view.add_class("wb-person-picker")
        self._show(self._initial[:limit], len(self._initial), None)

    @property
    def value(self):
        return self.matches.value

    @value.setter
    def value(self, person) -> None:
        """Choose someone, even outside the current list (e.g. from another tab)."""
        self._put(person)

    @property
    def label(self) -> str | None:
        return self.matches.label

    def reset(self, options=None, chosen=None) -> None:
        """A new first list (before any search; None keeps it), `chosen` chosen; `on_pick`
        is not called (the user picked nothing)."""
        if options is not None:
            self._initial = list(options)
        if not self.search.value.strip():
            self._show(self._initial[:self.limit], len(self._initial), chosen)
        else:
            self._quiet = True
            try:
                self._put(chosen)
            finally:
                self._quiet = False

    def _put(self, person) -> None:
        values = [v for _, v in self.matches.options]
        if person is not None and person not in values:
            option = self.label_of(person)
            if option is None:
                person = None
            else:
                self._set_options([option, *self.matches.options], self.matches.value)
        self.matches.value = person

    def _set_options(self, options, chosen) -> None:
        quiet, self._quiet = self._quiet, True     # redrawing the list is not a choice
        try:
            self.matches.options = options
            self.matches.value = None
        finally:
            self._quiet = quiet
        if chosen is not None and chosen in [v for _, v in options]:
            self.matches.value = chosen

    def _show(self, options, total: int, chosen) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            if chosen is not None and chosen not in [v for _, v in options]:
                option = self.label_of(chosen)
                options = [option, *options] if option is not None else options
            self._set_options(list(options), chosen)
        finally:
            self._quiet = quiet
        self.matches.layout.display = "flex" if options else "none"
        text = self.search.value.strip()
        if text and not total:
            self.note.value = html_text(self.tr("common.picker.none", text=text), "span",
                                        "wb-muted")
        elif text and total > len(options):
            self.note.value = html_text(self.tr("common.picker.more", shown=len(options),
                                                count=total), "span", "wb-muted")
        else:
            self.note.value = ""

    def _refilter(self) -> None:
        text = self.search.value
        chosen = self.matches.value
        if not text.strip():
            self._show(self._initial[:self.limit], len(self._initial), chosen)
            return
        found, total = self.find(text, self.limit)
        self._show(found, total, chosen)          # the one chosen stays until another is
        if total == 1:                             # one match: take it
            self.matches.value = found[0][1]

    def _on_choice(self, change) -> None:
        if not self._quiet:
            self._choice_changed(change["new"])

    def _choice_changed(self, person) -> None:
        if self._on_pick is not None:
            self._on_pick(person)
