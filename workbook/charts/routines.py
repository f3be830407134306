"""Routines page charts: touches and time per week (plan vs actual), overdue contacts by
layer, and the network's temperature over time. `tr(key, **values)` translates labels."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from workbook.domain.routines import SCHEDULED_LAYERS
from workbook.escaping import chart_text

MAINTAIN_COLOUR = "#1f77b4"
EXPAND_COLOUR = "#2ca02c"
STATUS_COLOURS = {"ok": "#9ccc65", "due": "#ffb300", "drifting": "#e53935", "never": "#8d6e63"}
LAYER_COLOURS = {"all": "#212121", "inner": "#6a1b9a", "close": "#1565c0", "active": "#00897b",
                 "target": "#ef6c00"}
_LAYOUT = dict(margin=dict(l=10, r=10, t=40, b=10), plot_bgcolor="white",
               legend=dict(orientation="h", y=-0.2, traceorder="normal"))


def _t(tr: Callable[..., str], key: str, **values) -> str:
    return chart_text(tr(key, **values))


def weekly_figure(weekly: pd.DataFrame, planned_maintain: int, planned_expand: int,
                  tr: Callable[..., str]) -> go.Figure:
    """Two panels over the weeks: touches per week (maintain vs expand, stacked) and minutes
    per week, actual bars against the planned budget (dashed lines).
    `weekly` comes from `domain.routines.weekly_actuals`."""
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                           subplot_titles=(_t(tr, "routines.chart.touches"),
                                           _t(tr, "routines.chart.minutes")))
    weeks = [w.isoformat() for w in weekly["week_start"]]
    minutes = _t(tr, "routines.chart.unit_minutes")
    for purpose, colour in (("maintain", MAINTAIN_COLOUR), ("expand", EXPAND_COLOUR)):
        name = _t(tr, f"vocab.purpose.{purpose}")
        figure.add_bar(x=weeks, y=weekly[f"{purpose}_touches"].tolist(), name=name,
                       marker_color=colour, legendgroup=purpose, row=1, col=1,
                       hovertemplate=f"{name}: %{{y}}<extra>%{{x}}</extra>")
        figure.add_bar(x=weeks, y=weekly[f"{purpose}_minutes"].tolist(), name=name,
                       marker_color=colour, legendgroup=purpose, showlegend=False, row=2, col=1,
                       hovertemplate=f"{name}: %{{y}} {minutes}<extra>%{{x}}</extra>")
    for purpose, colour, value in (("maintain", MAINTAIN_COLOUR, planned_maintain),
                                   ("expand", EXPAND_COLOUR, planned_expand)):
        name = _t(tr, f"routines.chart.planned_{purpose}")
        figure.add_scatter(x=weeks, y=[value] * len(weeks), name=name, mode="lines",
                           line=dict(color=colour, dash="dash"), row=2, col=1,
                           hovertemplate=f"{name}: %{{y}} {minutes}<extra></extra>")
    figure.update_layout(barmode="stack", height=460, **_LAYOUT)
    return figure


def overdue_by_layer_figure(status: pd.DataFrame, tr: Callable[..., str]) -> go.Figure:
    """Stacked horizontal bars per scheduled layer: on time, due, drifting, never touched.
    `status` comes from `domain.routines.due_status`."""
    figure = go.Figure()
    layers = list(SCHEDULED_LAYERS)
    names = [_t(tr, f"vocab.layer.{layer}") for layer in layers]
    for code, colour in STATUS_COLOURS.items():
        counts = [int(((status["layer"] == layer) & (status["status"] == code)).sum())
                  for layer in layers]
        label = _t(tr, f"routines.status.{code}")
        figure.add_bar(y=names, x=counts, name=label, orientation="h", marker_color=colour,
                       hovertemplate=f"{label}: %{{x}}<extra>%{{y}}</extra>")
    figure.update_layout(barmode="stack", height=300, title=_t(tr, "routines.chart.overdue"),
                         yaxis=dict(autorange="reversed"), **_LAYOUT)
    return figure


def temperature_figure(series: pd.DataFrame, tr: Callable[..., str]) -> go.Figure:
    """The network's temperature (mean warmth 0–100) per week, overall and per layer.
    `series` comes from `domain.routines.temperature_series`."""
    figure = go.Figure()
    for layer in ("all", *SCHEDULED_LAYERS):
        part = series[series["layer"] == layer]
        name = _t(tr, "routines.chart.all_layers" if layer == "all" else f"vocab.layer.{layer}")
        figure.add_scatter(x=[w.isoformat() for w in part["week_start"]],
                           y=part["temperature"].tolist(), name=name, mode="lines",
                           line=dict(color=LAYER_COLOURS[layer],
                                     width=4 if layer == "all" else 1.5),
                           hovertemplate=f"{name}: %{{y}}<extra>%{{x}}</extra>")
    figure.update_layout(height=320, title=_t(tr, "routines.chart.temperature"),
                         yaxis=dict(range=[0, 105]), **_LAYOUT)
    return figure

