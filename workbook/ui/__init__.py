"""Page builders, one package per page, and the app that holds them all (`build_app`);
imported lazily so a page loads only what it shows."""

from __future__ import annotations

import importlib

_BUILDERS = {
    "build_app": "workbook.ui.shell",
    "build_home": "workbook.ui.home",
    "build_positioning": "workbook.ui.positioning",
    "build_network": "workbook.ui.network",
    "build_routines": "workbook.ui.routines",
    "build_group": "workbook.ui.group",
    "build_press": "workbook.ui.press",
}

__all__ = sorted(_BUILDERS)


def __getattr__(name: str):
    if name in _BUILDERS:
        return getattr(importlib.import_module(_BUILDERS[name]), name)
    raise AttributeError(name)
