"""One colour per category, the same on every chart and every refresh: a layer or a role is
recognised by its colour wherever it appears (the home page's bars, the network map's
sunburst), and keeps it when another category empties or the data moves."""

from __future__ import annotations

from workbook.domain.vocabulary import LAYERS, ROLES

# Layers: greens from the closest circle outwards, blue for the network to join, greys for
# the dormant and the not-yet-sorted.
LAYER_COLOURS = dict(zip(LAYERS, ("#1b5e20", "#2e7d32", "#43a047", "#1565c0", "#9e9e9e",
                                  "#cfd8dc")))
# Roles ('' = no role yet)
ROLE_COLOURS = dict(zip((*ROLES, ""), (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#c7c7c7")))
UNKNOWN_COLOUR = "#bdbdbd"    # a code written by a newer workbook


def category_colour(group: str, code: str) -> str:
    """The colour of a layer (`group` "layer") or a role ("role"; '' for none)."""
    colours = LAYER_COLOURS if group == "layer" else ROLE_COLOURS
    return colours.get(code or "", UNKNOWN_COLOUR)
