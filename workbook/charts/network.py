"""Network map charts: pure functions, aggregated data in, `go.Figure` out.

Every figure has a fixed number of traces whatever the data (possibly empty), so the page
can update a `go.FigureWidget` in place. Inputs are the small aggregates of
`workbook.domain.network` (never one point per contact). User text is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from workbook.charts.colours import category_colour
from workbook.escaping import chart_text, shorten

FIRST_COLOUR, SECOND_COLOUR, PERSON_COLOUR, ORG_COLOUR, TARGET_COLOUR = (
    "#2e7d32", "#f9a825", "#5c6bc0", "#90a4ae", "#1565c0")


LABEL_CHARS = 26
# Where each chart sits in the overview grid (row, column)
OVERVIEW_CELLS = {"layers": (1, 1), "groups": (1, 2), "coverage": (2, 1), "introductions": (2, 2)}


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    """An axis label cut to `limit` characters (the hover shows it whole), escaped."""
    return chart_text(shorten(text, limit))


def _layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    # Plain white colours rather than a named template: applying a template deep-copies it
    # on every redraw.
    fig.update_layout(title=dict(text=chart_text(title)), height=height,
                      margin=dict(l=10, r=10, t=40, b=10), paper_bgcolor="white",
                      plot_bgcolor="white", showlegend=True,
                      legend=dict(orientation="h", yanchor="bottom", y=-0.15))
    fig.update_xaxes(gridcolor="#eeeeee", zerolinecolor="#dddddd")
    fig.update_yaxes(gridcolor="#eeeeee", zerolinecolor="#dddddd", automargin=True)
    return fig


def layers_roles_sunburst(counts: pd.DataFrame, layer_labels: Mapping[str, str],
                          role_labels: Mapping[str, str], title: str = "") -> go.Figure:
    """Layers (inner ring) × roles (outer ring). `counts`: layer, role ('' = none), contacts.

    A contact with several roles appears under each of them, so a layer's size is the sum
    of its role slices (branchvalues="total" over those sums). Every slice takes its
    category's colour from `charts.colours` (the home page's too), so a layer or role keeps
    its colour across refreshes and when another one empties.
    """
    ids, labels, parents, values, colours = [], [], [], [], []
    for layer, group in counts.groupby("layer", sort=False):
        ids.append(layer)
        labels.append(chart_text(layer_labels.get(layer, layer)))
        parents.append("")
        values.append(int(group["contacts"].sum()))
        colours.append(category_colour("layer", layer))
        for role, contacts in zip(group["role"], group["contacts"]):
            ids.append(f"{layer}/{role or '-'}")
            labels.append(chart_text(role_labels.get(role or "", role)))
            parents.append(layer)
            values.append(int(contacts))
            colours.append(category_colour("role", role))
    fig = go.Figure(go.Sunburst(ids=ids, labels=labels, parents=parents, values=values,
                                branchvalues="total", marker=dict(colors=colours),
                                hovertemplate="%{label}: %{value}<extra></extra>"))
    return _layout(fig, title, height=420)


def coverage_bars(coverage: pd.DataFrame, first_label: str, second_label: str,
                  title: str = "") -> go.Figure:
    """Per target organisation (LAMP order, first at the top): contacts inside (first degree)
    and contacts who can introduce me (second degree). `coverage` from `target_coverage`."""
    full = [chart_text(n) for n in coverage.get("name", pd.Series(dtype=str))][::-1]
    names = [_short(n) for n in coverage.get("name", pd.Series(dtype=str))][::-1]
    first = coverage.get("first_degree", pd.Series(dtype=int)).tolist()[::-1]
    second = coverage.get("second_degree", pd.Series(dtype=int)).tolist()[::-1]
    fig = go.Figure([
        go.Bar(y=names, x=first, name=chart_text(first_label), orientation="h",
               marker_color=FIRST_COLOUR, customdata=full,
               hovertemplate="%{customdata}: %{x}<extra></extra>"),
        go.Bar(y=names, x=second, name=chart_text(second_label), orientation="h",
               marker_color=SECOND_COLOUR, customdata=full,
               hovertemplate="%{customdata}: %{x}<extra></extra>"),
    ])
    fig.update_layout(barmode="stack")
    return _layout(fig, title, height=max(260, 60 + 26 * len(names)))


def group_bars(groups: pd.DataFrame, other_label: str, title: str = "") -> go.Figure:
    """Contacts per organisation or sector: `groups` from `top_groups` (name, contacts,
    is_other); the largest at the top, "others" last."""
    raw = [other_label if other else name
           for name, other in zip(groups.get("name", []), groups.get("is_other", []))][::-1]
    counts = groups.get("contacts", pd.Series(dtype=int)).tolist()[::-1]
    colours = ["#b0bec5" if o else PERSON_COLOUR for o in groups.get("is_other", [])][::-1]
    fig = go.Figure(go.Bar(y=[_short(n) for n in raw], x=counts, orientation="h",
                           marker_color=colours, customdata=[chart_text(n) for n in raw],
                           hovertemplate="%{customdata}: %{x}<extra></extra>",
                           showlegend=False))
    return _layout(fig, title, height=max(260, 60 + 24 * len(raw)))


def introductions_network(nodes: pd.DataFrame, edges: pd.DataFrame, person_label: str,
                          organisation_label: str, title: str = "") -> go.Figure:
    """Who introduces whom: introducers on the left, organisations on the right (targets in
    blue), one line per "can introduce to" link. Inputs from `introduction_graph` (capped)."""
    position: dict[str, tuple[float, float]] = {}
    for kind, x in (("person", 0.0), ("organisation", 1.0)):
        keys = nodes.loc[nodes["kind"] == kind, "key"].tolist() if len(nodes) else []
        for i, key in enumerate(keys):
            position[key] = (x, -(i - (len(keys) - 1) / 2))
    xs: list[float | None] = []
    ys: list[float | None] = []
    for source, target in zip(edges.get("source", []), edges.get("target", [])):
        (x0, y0), (x1, y1) = position[source], position[target]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    traces = [go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#b0bec5", width=1),
                         hoverinfo="skip", showlegend=False)]
    for kind, name, text_position in (("person", person_label, "middle left"),
                                      ("organisation", organisation_label, "middle right")):
        part = nodes[nodes["kind"] == kind] if len(nodes) else nodes
        keys = part["key"].tolist() if len(part) else []
        colours = [TARGET_COLOUR if t else (PERSON_COLOUR if kind == "person" else ORG_COLOUR)
                   for t in (part["is_target"].tolist() if len(part) else [])]
        labels = [_short(label, 22) for label in (part["label"].tolist() if len(part) else [])]
        traces.append(go.Scatter(
            x=[position[k][0] for k in keys], y=[position[k][1] for k in keys],
            mode="markers+text", text=labels, textposition=text_position,
            marker=dict(size=[8 + 3 * min(int(w), 6) for w in
                              (part["weight"].tolist() if len(part) else [])], color=colours),
            name=chart_text(name), hovertemplate="%{text}<extra></extra>"))
    fig = go.Figure(traces)
    fig.update_xaxes(visible=False, range=[-1.4, 2.7])
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=max(300, 60 + 28 * max(
        (nodes["kind"] == "person").sum() if len(nodes) else 0,
        (nodes["kind"] == "organisation").sum() if len(nodes) else 0)))


def network_overview(charts: Mapping[str, go.Figure], titles: Sequence[str],
                     height: int = 980, width: int = 1020) -> go.Figure:
    """The four network charts in one 2×2 figure (one FigureWidget, one plotly.js copy on
    the page): `charts` maps the keys of `OVERVIEW_CELLS` to the figures built above;
    `titles` are the cell titles in the same order. Trace count is fixed, so the page can
    update it in place."""
    from plotly.subplots import make_subplots  # paid only when the charts are drawn

    fig = make_subplots(rows=2, cols=2, specs=[[{"type": "domain"}, {"type": "xy"}],
                                               [{"type": "xy"}, {"type": "xy"}]],
                        subplot_titles=[chart_text(t) for t in titles],
                        horizontal_spacing=0.24, vertical_spacing=0.1)
    for name, (row, col) in OVERVIEW_CELLS.items():
        for trace in charts[name].data:
            fig.add_trace(trace, row=row, col=col)
    row, col = OVERVIEW_CELLS["introductions"]
    fig.update_xaxes(visible=False, range=[-1.4, 2.7], row=row, col=col)
    fig.update_yaxes(visible=False, row=row, col=col)
    fig.update_layout(barmode="stack", height=height, width=width,
                      margin=dict(l=10, r=10, t=40, b=10),
                      paper_bgcolor="white", plot_bgcolor="white",
                      legend=dict(orientation="h", yanchor="top", y=-0.02))
    fig.update_xaxes(gridcolor="#eeeeee", zerolinecolor="#dddddd")
    fig.update_yaxes(automargin=True, tickfont=dict(size=11))
    return fig
