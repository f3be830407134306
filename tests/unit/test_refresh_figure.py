"""`refresh_figure` updates a drawn chart in place, nested trace properties included."""

import plotly.graph_objects as go

from workbook.ui.common import refresh_figure


def test_a_nested_property_follows_the_new_figure():
    widget = go.FigureWidget(go.Figure(go.Bar(y=[25], marker_color=["green"])))
    refresh_figure(widget, go.Figure(go.Bar(y=[120, 25], marker_color=["red", "green"])))
    assert list(widget.data[0].y) == [120, 25]
    assert list(widget.data[0].marker.color) == ["red", "green"]
