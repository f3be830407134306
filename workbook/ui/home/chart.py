"""The home page's picture of the network — contacts by layer, split by role — drawn as HTML
bars. It shows with the page's first view: a plotly chart would make every visit of the
home page wait for plotly.js (~4.6 MB) and its widget's start-up (about 2 s)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from workbook.charts.colours import category_colour
from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.escaping import escape_html

# The layer shown apart from the bars (see `layers_by_role_html`).
APART = "unsorted"

CSS = """<style>
.wb-home-bars {max-width: 52em; margin: 0.3em 0 0.8em 0;}
.wb-home-bars .wb-bar-row {display: flex; align-items: center; gap: 0.6em; margin: 0.3em 0;}
.wb-home-bars .wb-bar-label {flex: 0 0 11em; text-align: right;}
.wb-home-bars .wb-bar-track {display: flex; flex: 1 1 auto; height: 1.4em; background: #f5f5f5;}
.wb-home-bars .wb-bar {display: block; height: 100%;}
.wb-home-bars .wb-bar-total {flex: 0 0 5em; font-variant-numeric: tabular-nums;}
.wb-home-bars .wb-bar-apart {border-top: 1px solid #ddd; padding-top: 0.3em;}
.wb-home-bars .wb-bar-note {flex: 1 1 auto; color: #555; font-size: 0.9em;}
@media (max-width: 600px) {.wb-home-bars .wb-bar-label {flex-basis: 7.5em;}
  .wb-home-bars .wb-bar-total {flex-basis: 3em;}}
.wb-home-legend {display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; margin-top: 0.5em;
  font-size: 0.9em;}
.wb-home-legend .wb-swatch {display: inline-block; width: 0.9em; height: 0.9em;
  margin-right: 0.3em; vertical-align: -0.1em;}
</style>"""


def layers_by_role_html(counts: Iterable[tuple[str, str, int]], people: Mapping[str, int],
                        tr: Callable[..., str], title: str) -> str:
    """One bar per sorted layer (in the method's order) as long as the layer has people,
    shared between its roles, the layer's head count at the end; a segment's tooltip gives
    the role and its count. The people not sorted yet come apart, on a line of their own
    with their count and no bar: after a first sorting, 385 of them would shrink the 15
    sorted people to slivers (the bars are scaled to the largest sorted layer).

    `counts`: (layer, role, contacts) rows, role '' for none (see
    `store.contacts.layer_role_counts`: a contact with two roles counts under each, so the
    rows of a layer can add up to more than its people); `people`: contacts per layer (see
    `store.progress.layer_counts`); `tr` translates the codes (`vocab.<group>.<code>`) and
    words a segment's tooltip (`common.chart.segment`) and the line set apart
    (`common.chart.apart`, `common.chart.apart_only`)."""

    def label(group: str, code: str) -> str:
        return tr(f"vocab.{group}.{code}")

    def tooltip(role: str, count: int) -> str:
        return tr("common.chart.segment", label=label("role", role or "none"), count=count)

    table: dict[str, dict[str, int]] = {}
    for layer, role, contacts in counts:
        table.setdefault(layer, {})[role] = table.get(layer, {}).get(role, 0) + int(contacts)
    layers = [layer for layer in LAYERS if people.get(layer) and layer != APART]
    roles = [role for role in (*ROLES, "") if any(role in table.get(layer, {}) for layer in layers)]
    top = max((people[layer] for layer in layers), default=0) or 1
    rows = []
    for layer in layers:
        shares = table.get(layer, {})
        memberships = sum(shares.values()) or 1
        width = 100 * people[layer] / top
        segments = "".join(
            f'<span class="wb-bar" data-role="{escape_html(role or "none")}" '
            f'title="{escape_html(tooltip(role, shares[role]))}" '
            f'style="width:{width * shares[role] / memberships:.2f}%;'
            f'background:{category_colour("role", role)}"></span>'
            for role in roles if shares.get(role))
        rows.append('<div class="wb-bar-row">'
                    f'<span class="wb-bar-label">{escape_html(label("layer", layer))}</span>'
                    f'<span class="wb-bar-track">{segments}</span>'
                    f'<span class="wb-bar-total">{people[layer]}</span></div>')
    if people.get(APART):
        note = tr("common.chart.apart" if layers else "common.chart.apart_only")
        rows.append('<div class="wb-bar-row wb-bar-apart">'
                    f'<span class="wb-bar-label">{escape_html(label("layer", APART))}</span>'
                    f'<span class="wb-bar-note">{escape_html(note)}</span>'
                    f'<span class="wb-bar-total">{people[APART]}</span></div>')
    legend = "".join(f'<span><span class="wb-swatch" '
                     f'style="background:{category_colour("role", role)}"></span>'
                     f'{escape_html(label("role", role or "none"))}</span>'
                     for role in roles)
    return (f'{CSS}<div class="wb-home-bars" role="img" aria-label="{escape_html(title)}">'
            f'{"".join(rows)}<div class="wb-home-legend">{legend}</div></div>')
