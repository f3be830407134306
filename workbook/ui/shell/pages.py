"""The app's pages: their keys (the address's fragment, `#network`), in menu order, and how
each is made on a context. A page's package is imported on its first visit only, so the app
opens with what its first page needs."""

from __future__ import annotations

import importlib

from workbook.ui.common import PAGES, PageContext

HOME = "home"
# key -> (package, class). Each class takes a `PageContext` and holds its widgets in `view`;
# one that has `reload()` reads the profile again and redraws itself when another page wrote
# to it, the others are built again then.
_CLASSES = {
    HOME: ("workbook.ui.home", "HomePage"),
    "positioning": ("workbook.ui.positioning", "PositioningPage"),
    "network": ("workbook.ui.network", "NetworkPage"),
    "press": ("workbook.ui.press", "PressPage"),
    "routines": ("workbook.ui.routines", "RoutinesPage"),
    "group": ("workbook.ui.group", "GroupPage"),
}
KEYS: tuple[str, ...] = (HOME, *(key for key, _notebook in PAGES))


def make_page(key: str, ctx: PageContext):
    """Page `key` built on `ctx` (its widgets in `.view`)."""
    module, name = _CLASSES[key]
    return getattr(importlib.import_module(module), name)(ctx)



def package(key: str) -> str:
    """The package page `key` lives in (imported on its first visit)."""
    return _CLASSES[key][0]
