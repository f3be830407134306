"""The positioning card exported as plain text, Markdown or HTML, to paste into LinkedIn or
a CV. User text is escaped for the format, so it shows exactly as typed."""

from __future__ import annotations

from collections.abc import Callable

from workbook.domain.positioning import CARD_FIELDS, Card
from workbook.escaping import escape_html

_MARKDOWN_SPECIALS = "\\`*_[]<>#|!"


def _markdown_escape(text: str) -> str:
    """Backslash-escape the characters Markdown would read as formatting or HTML."""
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in text)


def _card_parts(card: Card, tr: Callable[..., str]) -> list[tuple[str, str]]:
    return [(tr(f"positioning.card.{name}"), " ".join(getattr(card, name).split()))
            for name in CARD_FIELDS if getattr(card, name).strip()]


def card_text(card: Card, tr: Callable[..., str]) -> str:
    """The card as plain text: what pastes cleanly into LinkedIn."""
    parts = _card_parts(card, tr)
    return "\n\n".join(f"{label}\n{text}" for label, text in parts) + ("\n" if parts else "")


def card_markdown(card: Card, tr: Callable[..., str]) -> str:
    """The card as Markdown; user text is escaped so it shows as typed."""
    lines = [f"## {_markdown_escape(tr('positioning.export.heading'))}", ""]
    for label, text in _card_parts(card, tr):
        lines += [f"**{_markdown_escape(label)}**", "", _markdown_escape(text), ""]
    return "\n".join(lines)


def card_html(card: Card, tr: Callable[..., str], lang: str) -> str:
    """The card as a small standalone HTML document; every text is escaped."""
    heading = escape_html(tr("positioning.export.heading"))
    body = "".join(f"<h3>{escape_html(label)}</h3>\n<p>{escape_html(text)}</p>\n"
                   for label, text in _card_parts(card, tr))
    return (f'<!DOCTYPE html>\n<html lang="{escape_html(lang)}">\n<head><meta charset="utf-8">'
            f"<title>{heading}</title></head>\n<body>\n<h2>{heading}</h2>\n{body}"
            "</body>\n</html>\n")
