"""The positioning card exported as plain text, Markdown or HTML, to paste into LinkedIn or
a CV. User text is escaped for the format, so it shows exactly as typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


# A card for print: one A5 sheet turned sideways (half an A4), readable across a table.
_PRINT_CSS = """
@page { size: A5 landscape; margin: 10mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 190mm;
       margin: 1em auto; line-height: 1.35; }
.pc-name { font-size: 20pt; font-weight: 700; margin: 0; }
.pc-line { font-size: 13pt; font-weight: 600; color: #1a3d7c; margin: 0.2em 0 0.6em 0; }
.pc-pitch { font-size: 11pt; margin: 0 0 0.6em 0; }
.pc-points { margin: 0; padding-left: 1.2em; font-size: 11pt; }
.pc-points li { margin: 0.15em 0; }
.pc-points b { color: #1a3d7c; }
h2 { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.06em; color: #555;
     margin: 0.8em 0 0.2em 0; }
.pc-reach { font-size: 11pt; margin: 0; }
.pc-hint { font-size: 9pt; color: #666; border-top: 1px solid #ccc; margin-top: 1.5em;
           padding-top: 0.4em; }
@media print { .pc-hint { display: none; } body { margin: 0; } }
"""


def pitch_card_html(card: Card, points: Sequence[tuple[str, str]],
                    reach: Sequence[tuple[str, str]], name: str, tr: Callable[..., str],
                    lang: str) -> str:
    """The printable pitch card: a standalone HTML page with print CSS — who you are, the
    line a connector repeats, the pitch, up to three key points, how to reach you.
    `points` are (part code, text) from `domain.positioning.key_points`; `reach` are
    (label, value) lines. Every text is escaped."""
    items = "".join(f"<li><b>{escape_html(tr(f'positioning.printcard.point.{code}'))}</b> "
                    f"{escape_html(text)}</li>" for code, text in points)
    lines = "<br>".join(escape_html(tr("positioning.printcard.reach_line", label=label,
                                       value=value))
                        for label, value in reach if value.strip())
    title = escape_html(tr("positioning.printcard.title"))
    parts = [f'<p class="pc-name">{escape_html(name)}</p>' if name.strip() else "",
             f'<p class="pc-line">{escape_html(card.one_liner)}</p>' if card.one_liner else "",
             f'<p class="pc-pitch">{escape_html(card.pitch)}</p>' if card.pitch else "",
             (f"<h2>{escape_html(tr('positioning.printcard.points'))}</h2>"
              f'<ul class="pc-points">{items}</ul>') if items else "",
             (f"<h2>{escape_html(tr('positioning.printcard.reach'))}</h2>"
              f'<p class="pc-reach">{lines}</p>') if lines else "",
             f'<p class="pc-hint">{escape_html(tr("positioning.printcard.print_hint"))}</p>']
    return (f'<!DOCTYPE html>\n<html lang="{escape_html(lang)}">\n<head><meta charset="utf-8">'
            f"<title>{title}</title>\n<style>{_PRINT_CSS}</style></head>\n<body>\n"
            + "\n".join(p for p in parts if p) + "\n</body>\n</html>\n")
