"""The home page's picture of the network: contacts by layer, split by role."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from workbook.charts.colours import ROLE_COLOURS
from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.escaping import chart_text


def layers_by_role(counts: pd.DataFrame, label: Callable[[str, str], str]) -> go.Figure:
    """Stacked bars, one per layer, one colour per role.

    `counts` has columns layer, role, contacts (see `store.contacts.layer_role_counts`);
    `label(group, code)` translates a code (`group` is "layer" or "role").
    """
    layers = [layer for layer in LAYERS if layer in set(counts["layer"])]
    layer_names = [chart_text(label("layer", layer)) for layer in layers]
    figure = go.Figure()
    for role in (*ROLES, ""):
        part = counts[counts["role"] == role].set_index("layer")["contacts"]
        if part.empty:
            continue
        name = chart_text(label("role", role or "none"))
        figure.add_bar(
            y=layer_names, x=[int(part.get(layer, 0)) for layer in layers], name=name,
            orientation="h", marker_color=ROLE_COLOURS[role],
            hovertemplate=f"{name}: %{{x}}<extra>%{{y}}</extra>")
    figure.update_layout(barmode="stack", height=360, margin=dict(l=10, r=10, t=10, b=10),
                         legend=dict(orientation="h", y=-0.15, traceorder="normal"),
                         yaxis=dict(autorange="reversed"), plot_bgcolor="white")
    return figure
