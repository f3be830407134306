"""What the group page's panels share."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw


def button(label: str, css: str, on_click: Callable, style: str = "") -> ipw.Button:
    """A button as wide as its words, with its class for the tests and the page's style, that
    calls `on_click()` with no argument."""
    widget = ipw.Button(description=label, button_style=style, layout=ipw.Layout(width="auto"))
    widget.add_class(css)
    widget.on_click(lambda _b: on_click())
    return widget
