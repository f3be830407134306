"""Positioning charts: the focus score of each saved version, and what each connector kept in
the repeat-back test. Data in, `go.Figure` out; user text escaped for hover and labels."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import plotly.graph_objects as go

from workbook.domain.positioning import ALMOST_SCORE, CORE_PARTS, FOCUSED_SCORE, Version
from workbook.escaping import chart_text, shorten

PART_COLOURS = {"target_role": "#1565c0", "audience": "#2e7d32", "deliverable": "#ef6c00"}
_HOVER_CHARS = 90


def _layout(fig: go.Figure, title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title=chart_text(title), height=320, margin=dict(l=50, r=20, t=50, b=50),
        yaxis=dict(title=chart_text(y_title), range=[0, 105]), template="plotly_white",
        legend=dict(orientation="h", y=-0.2))
    return fig


def score_history_figure(versions: Sequence[Version], scores: Sequence[int],
                         dates: Sequence[str], *, title: str, x_title: str, y_title: str,
                         focused_label: str, almost_label: str = "") -> go.Figure:
    """One point per saved version (oldest first): its focus score, the one-liner in the hover.
    `scores` are the versions' scores (computed by the caller when a version has none);
    `dates` their times as written in the user's language (the axis labels).
    Dashed lines mark the 'almost' and 'focused' thresholds. Trace 0 is the score line."""
    labels = [chart_text(date) for date in dates]
    hover = [chart_text(shorten(v.card.one_liner or v.card.pitch, _HOVER_CHARS)) for v in versions]
    fig = go.Figure(go.Scatter(
        x=list(range(1, len(versions) + 1)), y=list(scores), mode="lines+markers+text",
        text=[str(s) for s in scores], textposition="top center", customdata=hover,
        hovertext=labels, hovertemplate="%{hovertext}<br>%{y}<br>%{customdata}<extra></extra>",
        line=dict(color="#1565c0", width=3), marker=dict(size=10), name=chart_text(y_title)))
    fig.add_hline(y=FOCUSED_SCORE, line_dash="dash", line_color="#2e7d32",
                  annotation_text=chart_text(focused_label), annotation_position="right")
    fig.add_hline(y=ALMOST_SCORE, line_dash="dot", line_color="#ef6c00",
                  annotation_text=chart_text(almost_label), annotation_position="right")
    fig.update_xaxes(title=chart_text(x_title), tickmode="array",
                     tickvals=list(range(1, len(versions) + 1)), ticktext=labels)
    _layout(fig, title, y_title)
    fig.update_yaxes(range=[0, 112])  # room for the label above a score of 100
    # Threshold names right of the plot, where no score label can cover them.
    fig.update_layout(margin=dict(r=80))
    return fig


def repeat_back_figure(connectors: Sequence[str], kept: Mapping[str, Sequence[float | None]],
                       *, part_labels: Mapping[str, str], title: str, y_title: str,
                       percent_label: Callable[[int], str] = "{} %".format) -> go.Figure:
    """Grouped bars: for each connector (x), the % of each core part kept (one trace per part,
    in `CORE_PARTS` order, so the UI can update the three traces in place). `kept[part]` holds
    one share 0–1 per connector, None when the part was not measured; `percent_label` writes
    a percentage in the page's language. Connector names are user text: escaped."""
    names = [chart_text(shorten(name, 40)) for name in connectors]
    fig = go.Figure()
    for part in CORE_PARTS:
        values = [None if v is None or (isinstance(v, float) and math.isnan(v)) else round(100 * v)
                  for v in kept.get(part, [None] * len(names))]
        fig.add_trace(go.Bar(
            x=names, y=values, name=chart_text(part_labels[part]),
            marker_color=PART_COLOURS[part],
            text=[chart_text(percent_label(v)) if v is not None else "" for v in values],
            textposition="outside", hovertemplate="%{x}<br>%{text}<extra>%{fullData.name}</extra>"))
    fig.update_layout(barmode="group")
    _layout(fig, title, y_title)
    fig.update_yaxes(range=[0, 118])  # room for the "100 %" labels above the bars
    # Legend on the right and a margin that grows: many connectors tilt their names, which
    # must not be cut nor hidden under the legend.
    fig.update_xaxes(automargin=True)
    fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, yanchor="top"))
    return fig
