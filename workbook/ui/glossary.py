"""The method's words a newcomer does not know ("prescriber", "3B7", "LAMP"...), explained.

Two things every page can use:

* `glossary_section(tr)` — the short glossary, a folded section at the foot of the page
  (`page_shell` adds it, and the header links to it: `GLOSSARY_ANCHOR`).
* `glossed(tr, text, terms)` — a catalogue sentence as HTML, escaped, with a small "?" after
  the first place each of `terms` appears: hovering shows the short definition, clicking
  opens the glossary at that term. For example, in a panel::

      from workbook.ui.glossary import glossed, glossed_coaching
      glossed_coaching(tr, tr("network.coach.map"), ("connector", "prescriber"))  # a widget
      ipw.HTML(glossed(tr, tr("network.rules.target"), ("lamp", "second_degree"), "p"))

  A page that builds several texts passes the same `seen=set()` to each `glossed` call, so
  a term gets its "?" only where the page first uses it. `term_help(tr, "dunbar")` gives
  the "?" alone, to put after a label you build yourself.

  The network page marks "connector"/"prescriber" in `network.coach.map`, "dunbar" in
  `network.overflow.*`, "second_degree" in `network.coach.targets`, "lamp" in
  `network.targets.lamp_help` and "weak_ties" in `network.coach.next`.

Terms are the codes of `TERMS`; each has, in `glossary.json` (FR and EN): `.term` (its name),
`.short` (the hover text, one sentence), `.long` (the glossary's entry) and `.forms` (the
spellings a sentence may use, `|`-separated, matched whole-word and case-insensitively).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import ipywidgets as ipw

from workbook.escaping import escape_html

Translate = Callable[..., str]

# In the order the glossary lists them: the method's roles, how the network is sorted, the
# routine's rules, the positioning words, then the press page's.
TERMS = ("connector", "prescriber", "layers", "dunbar", "second_degree", "weak_ties", "lamp",
         "maintain_expand", "three_b_seven", "one_liner", "repeat_back", "key_points",
         "good_client", "off_the_record")

GLOSSARY_ANCHOR = "wb-glossary"


def term_anchor(key: str) -> str:
    """The id of a term's entry in the glossary section."""
    return f"wb-gl-{key}"


def term_help(tr: Translate, key: str) -> str:
    """The small "?" for term `key`: its short definition on hover (and for screen readers),
    a link to its entry in the page's glossary."""
    if key not in TERMS:
        raise KeyError(f"not a glossary term: {key!r}")
    short = escape_html(tr(f"glossary.{key}.short"))
    label = escape_html(tr("glossary.what_is", term=tr(f"glossary.{key}.term")))
    return (f'<a class="wb-term-help" data-term="{key}" href="#{term_anchor(key)}" '
            f'title="{short}" aria-label="{label} {short}">?</a>')


def _forms(tr: Translate, key: str) -> list[str]:
    return sorted((f for f in tr(f"glossary.{key}.forms").split("|") if f.strip()),
                  key=len, reverse=True)


def glossed(tr: Translate, text: str, terms: Iterable[str], tag: str = "span",
            css_class: str = "", seen: set[str] | None = None) -> str:
    """`text` escaped and wrapped in `tag`, with `term_help` after the first occurrence of
    each of `terms` (a term the text does not use is skipped). Only the catalogue's spellings
    are matched, whole words, any case. `seen`, when given, holds the terms already explained
    higher on the page: they are skipped, and the ones marked here are added to it."""
    marks: list[tuple[int, int, str]] = []
    for key in terms:
        if seen is not None and key in seen:
            continue
        pattern = "|".join(re.escape(form) for form in _forms(tr, key))
        found = re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text, re.IGNORECASE) \
            if pattern else None
        if found and not any(start < found.end() and found.start() < end
                             for start, end, _ in marks):
            marks.append((found.start(), found.end(), key))
            if seen is not None:
                seen.add(key)
    parts, cursor = [], 0
    for start, end, key in sorted(marks):
        parts.append(escape_html(text[cursor:start]))
        parts.append(f'<span class="wb-term">{escape_html(text[start:end])}'
                     f"{term_help(tr, key)}</span>")
        cursor = end
    parts.append(escape_html(text[cursor:]))
    cls = f' class="{escape_html(css_class)}"' if css_class else ""
    return f"<{tag}{cls}>{''.join(parts)}</{tag}>"


def glossed_coaching(tr: Translate, text: str, terms: Iterable[str], *classes: str) -> ipw.HTML:
    """`common.coaching` with the "?" of `terms`: one coaching sentence set apart at the top
    of a tab or section."""
    box = ipw.HTML(glossed(tr, text, terms, "div", "wb-coaching"))
    for css in classes:
        box.add_class(css)
    return box


def glossary_link(tr: Translate) -> str:
    """The header's link to the glossary section."""
    return (f'<a class="wb-glossary-link" href="#{GLOSSARY_ANCHOR}">'
            f'{escape_html(tr("glossary.link"))}</a>')


def glossary_html(tr: Translate) -> str:
    """The glossary: every term, its definition, in the page's language."""
    entries = "".join(
        f'<dt id="{term_anchor(key)}">{escape_html(tr(f"glossary.{key}.term"))}</dt>'
        f'<dd>{escape_html(tr(f"glossary.{key}.long"))}</dd>' for key in TERMS)
    # The anchor sits inside the folded section: following a link to it unfolds the section
    # (the browser opens a <details> around the target of a link).
    return (f'<details class="wb-glossary"><summary>{escape_html(tr("glossary.title"))}</summary>'
            f'<p class="wb-muted" id="{GLOSSARY_ANCHOR}">{escape_html(tr("glossary.intro"))}</p>'
            f"<dl>{entries}</dl></details>")


def glossary_section(tr: Translate) -> ipw.HTML:
    """The glossary as a widget, for the foot of a page (`page_shell` adds it)."""
    section = ipw.HTML(glossary_html(tr))
    section.add_class("wb-glossary-box")
    return section
