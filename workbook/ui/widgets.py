"""Widgets every page shares: a two-step confirmation, option lists that keep the choice,
and a debouncer for live feedback. They know nothing of any page: each gets its texts and
callbacks from the page that builds it."""

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
