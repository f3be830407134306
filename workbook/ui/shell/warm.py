"""The pages not visited yet, imported while the person reads the first one: one package at a
time, between the kernel's messages (never beside them in a thread), so a click waits at
most for the one import under way and the first visit of a page pays no import at all."""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
from collections.abc import Sequence

log = logging.getLogger("workbook.ui")


def import_later(modules: Sequence[str], delay: float = 1.0, gap: float = 0.1) -> bool:
    """Import `modules` in turn, the first `delay` seconds from now, then one every `gap`
    seconds, on the running event loop (a kernel's). False when no loop runs (a plain
    script, a test): nothing is imported then."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    pending = [name for name in modules if name not in sys.modules]

    def next_one() -> None:
        while pending:
            name = pending.pop(0)
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except Exception:       # the page's own visit will say what is wrong
                log.exception("importing %s ahead of its page failed", name)
            break
        if pending:
            loop.call_later(gap, next_one)

    if pending:
        loop.call_later(delay, next_one)
    return True
