"""The one escaping helper: every user-supplied string that reaches HTML goes through it.

ipywidgets `HTML` sets `innerHTML` without sanitising (an `<img onerror=…>` runs), and
plotly hover text and labels accept tags too.
"""

from __future__ import annotations

import html


def escape_html(value: object) -> str:
    """Text safe to place in HTML content or a quoted attribute; `None` becomes ''."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)
