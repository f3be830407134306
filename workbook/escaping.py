"""Text on its way to a page. The one escaping helper: every user-supplied string that
reaches HTML goes through it. And one way to shorten a long text for a list or a chart.

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


def chart_text(value: object) -> str:
    """Text safe for a plotly label, title or hover: tags neutralised (`<` `>` `&`), quotes
    left alone. Plotly reads a few tags in its text but does not decode `&quot;` or `&#x27;`,
    so the attribute escaping of `escape_html` would show a name as `Chez &quot;Léa&quot;`."""
    if value is None:
        return ""
    return html.escape(str(value), quote=False)


def shorten(text: object, limit: int) -> str:
    """`text` on one line (runs of white space folded), cut to `limit` characters with "…";
    the full text stays where it is stored."""
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"
