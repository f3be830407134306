"""Positioning charts: one score point per version, one bar trace per core part, user text escaped."""

from workbook.charts.positioning import repeat_back_figure, score_history_figure
from workbook.domain.positioning import CORE_PARTS, Card, Statement, Version

LABELS = {"target_role": "Role", "audience": "For whom", "deliverable": "Deliverable"}


def _version(i, one_liner):
    return Version(i, f"2026-11-0{i}T10:1{i}:00", "en", Statement(), Card(one_liner), None)


def test_score_history_has_one_point_per_version_with_escaped_hover():
    versions = [_version(1, "Versatile <img src=x onerror=alert(1)>"), _version(2, "Payroll controller")]
    fig = score_history_figure(versions, [20, 90], ["1 Nov 2026, 10:11", "2 Nov"], title="T", x_title="X", y_title="Score",
                               focused_label="focused")
    trace = fig.data[0]
    assert list(trace.y) == [20, 90] and list(trace.x) == [1, 2]
    assert "<img" not in trace.customdata[0] and "&lt;img" in trace.customdata[0]
    assert list(fig.layout.xaxis.ticktext) == ["1 Nov 2026, 10:11", "2 Nov"]
    assert {shape.y0 for shape in fig.layout.shapes} == {50, 75}


def test_score_history_of_no_version_is_an_empty_line():
    fig = score_history_figure([], [], [], title="T", x_title="X", y_title="Score", focused_label="f")
    assert len(fig.data) == 1 and list(fig.data[0].y) == []


def test_repeat_back_figure_has_one_trace_per_core_part_in_percent():
    fig = repeat_back_figure(["Ana <b>", "Average"],
                             {"target_role": [1.0, 0.5], "audience": [0.5, None],
                              "deliverable": [0.0, float("nan")]},
                             part_labels=LABELS, title="T", y_title="%")
    assert [t.name for t in fig.data] == [LABELS[p] for p in CORE_PARTS]
    assert list(fig.data[0].y) == [100, 50]
    assert list(fig.data[1].y) == [50, None] and list(fig.data[2].y) == [0, None]
    assert list(fig.data[0].x) == ["Ana &lt;b&gt;", "Average"]
    assert list(fig.data[1].text) == ["50 %", ""]
    assert fig.layout.barmode == "group"


def test_repeat_back_figure_writes_percentages_in_the_pages_language():
    fig = repeat_back_figure(["Ana"], {"target_role": [0.5]}, part_labels=LABELS, title="T",
                             y_title="%", percent_label="{}%".format)
    assert list(fig.data[0].text) == ["50%"]
