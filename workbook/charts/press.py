"""Press charts in one figure: call-back times against the target, quotes over time, outlets
on the media list by medium. Data in, `go.Figure` out. Trace count is fixed (the page updates
the figure in place); user text is escaped once for plotly (tags off, quotes left as typed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from workbook.domain.press import MEDIA, LogEntry
from workbook.domain.press.log import quotes_by_month
from workbook.escaping import chart_text, shorten

_HOVER_CHARS = 60


def press_overview(entries: Sequence[LogEntry], journalists: Sequence[Mapping], *,
                   target_minutes: int, texts: Mapping[str, str],
                   medium_labels: Mapping[str, str]) -> go.Figure:
    """Three cells: (1) each answered request's call-back time in minutes, green within the
    target, red beyond, with the target as a dashed line; (2) interviews and quotes per
    month; (3) distinct outlets on the media list per medium. `texts` holds the titles and
    axis names: response_title, quotes_title, outlets_title, minutes, target, interviews,
    quoted, outlets."""
    fig = make_subplots(rows=1, cols=3, horizontal_spacing=0.09, subplot_titles=[
        chart_text(texts["response_title"]), chart_text(texts["quotes_title"]),
        chart_text(texts["outlets_title"])])
    answered = [e for e in entries if e.kind == "request" and e.response_minutes is not None]
    minutes = [e.response_minutes for e in answered]
    fig.add_trace(go.Bar(
        x=[e.received_at.strftime("%Y-%m-%d %H:%M") for e in answered], y=minutes,
        marker_color=["#2e7d32" if m <= target_minutes else "#c62828" for m in minutes],
        customdata=[chart_text(shorten(f"{e.journalist_name} · {e.subject}", _HOVER_CHARS))
                    for e in answered],
        hovertemplate="%{customdata}<br>%{y} min<extra></extra>",
        name=chart_text(texts["minutes"]), showlegend=False), row=1, col=1)
    fig.add_trace(go.Scatter(
        x=[answered[0].received_at.strftime("%Y-%m-%d %H:%M"),
           answered[-1].received_at.strftime("%Y-%m-%d %H:%M")] if answered else [],
        y=[target_minutes, target_minutes] if answered else [], mode="lines",
        line=dict(dash="dash", color="#555"), name=chart_text(texts["target"])), row=1, col=1)
    months = quotes_by_month(list(entries))
    fig.add_trace(go.Bar(x=[m for m, _, _ in months], y=[i for _, i, _ in months],
                         name=chart_text(texts["interviews"]), marker_color="#90caf9"),
                  row=1, col=2)
    fig.add_trace(go.Bar(x=[m for m, _, _ in months], y=[q for _, _, q in months],
                         name=chart_text(texts["quoted"]), marker_color="#1565c0"),
                  row=1, col=2)
    outlets: dict[str, set[str]] = {}
    for j in journalists:
        if j.get("outlet"):
            outlets.setdefault(j.get("medium") or "", set()).add(j["outlet"].casefold())
    media = [m for m in (*MEDIA, "") if m in outlets]
    fig.add_trace(go.Bar(x=[chart_text(medium_labels.get(m, m)) for m in media],
                         y=[len(outlets[m]) for m in media], marker_color="#ef6c00",
                         name=chart_text(texts["outlets"]), showlegend=False), row=1, col=3)
    fig.update_yaxes(title_text=chart_text(texts["minutes"]), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(rangemode="tozero", dtick=1, row=1, col=2)
    fig.update_yaxes(rangemode="tozero", dtick=1, row=1, col=3)
    fig.update_xaxes(type="category", row=1, col=2)
    fig.update_layout(height=360, barmode="group", template="plotly_white",
                      margin=dict(l=50, r=10, t=50, b=40),
                      legend=dict(orientation="h", yanchor="top", y=-0.15))
    return fig
