"""Network charts: pure figures from small aggregates, fixed trace counts, escaped text."""

from __future__ import annotations

import pandas as pd

from workbook.charts import network as charts
from workbook.charts.colours import ROLE_COLOURS
from workbook.domain import network as rules

EVIL = "<img src=x onerror=alert(1)>"


def _empty_overview():
    nodes, edges = rules.introduction_graph(
        pd.DataFrame({"introducer_id": pd.Series(dtype="int64"),
                      "organisation_id": pd.Series(dtype="int64"),
                      "organisation": pd.Series(dtype="str"),
                      "is_target": pd.Series(dtype="bool")}), rules.empty_frame())
    frame = rules.empty_frame()
    return {
        "layers": charts.layers_roles_sunburst(rules.layer_role_counts(frame), {}, {}),
        "groups": charts.group_bars(rules.top_groups(frame, "organisation"), "others"),
        "coverage": charts.coverage_bars(pd.DataFrame(), "first", "second"),
        "introductions": charts.introductions_network(nodes, edges, "people", "orgs"),
    }


def test_sunburst_rings_are_layers_then_roles():
    counts = pd.DataFrame({"layer": ["inner", "inner", "close"],
                           "role": ["connector", "", "peer"], "contacts": [2, 1, 4]})
    fig = charts.layers_roles_sunburst(counts, {"inner": "Inner", "close": "Close"},
                                       {"connector": "Connector", "": "No role", "peer": EVIL})
    trace = fig.data[0]
    assert list(trace.ids) == ["inner", "inner/connector", "inner/-", "close", "close/peer"]
    assert list(trace.values) == [3, 2, 1, 4, 4]
    assert list(trace.marker.colors)[1:3] == [ROLE_COLOURS["connector"], ROLE_COLOURS[""]]
    assert EVIL not in str(fig.to_plotly_json()) and "&lt;img" in trace.labels[-1]


def test_bars_escape_and_shorten_labels_but_hover_keeps_them_whole():
    groups = pd.DataFrame({"name": [EVIL, "A very long organisation name indeed, SA", ""],
                           "contacts": [5, 3, 9], "is_other": [False, False, True]})
    fig = charts.group_bars(groups, "All others")
    bar = fig.data[0]
    assert list(bar.y) == ["All others", "A very long organisation…",
                           "&lt;img src=x onerror=alert(…"]
    assert "A very long organisation name indeed, SA" in bar.customdata
    assert EVIL not in str(fig.to_plotly_json())


def test_every_chart_keeps_its_traces_when_empty_and_the_overview_holds_them_all():
    figures = _empty_overview()
    assert [len(f.data) for f in figures.values()] == [1, 1, 2, 3]
    overview = charts.network_overview(figures, ["a", "b", "c", EVIL])
    assert len(overview.data) == 7
    assert [a.text for a in overview.layout.annotations][-1] == "&lt;img src=x onerror=alert(1)&gt;"


def test_overview_of_a_large_network_sends_aggregates_only():
    """30,000 contacts become a few dozen plotted values, never one point per contact."""
    n = 30_000
    base = rules.empty_frame().drop(columns=["search_key"] + [f"role_{r}" for r in rules.ROLES])
    frame = rules.prepare_frame(pd.concat([base, pd.DataFrame({
        "id": range(n), "full_name": [f"P{i}" for i in range(n)], "email": "",
        "organisation_id": [i % 900 for i in range(n)],
        "organisation": [f"Org {i % 900}" for i in range(n)], "sector": "", "position": "",
        "layer": ["active", "unsorted", "dormant"] * (n // 3), "tie_strength": 2.0,
        "mutual_connections": 10.0, "can_give": "", "roles": ["connector", "", "peer"] * (n // 3),
        "needs": "", "last_contact": pd.NaT, "at_target": False, "introduces_to_target": 0,
        "source": "csv"})], ignore_index=True))
    fig = charts.group_bars(rules.top_groups(frame, "organisation"), "others")
    assert len(fig.data[0].y) == 16
    sunburst = charts.layers_roles_sunburst(rules.layer_role_counts(frame), {}, {})
    assert len(sunburst.data[0].ids) <= 6 * 10


def test_quotes_in_names_reach_the_chart_as_typed():
    """Plotly does not decode `&quot;`: a quote must stay a quote, while tags stay inert."""
    name = 'Cabinet "Les Halles" & fils <b>'
    groups = pd.DataFrame({"name": [name], "contacts": [5], "is_other": [False]})
    bar = charts.group_bars(groups, "All others").data[0]
    assert bar.customdata[0] == 'Cabinet "Les Halles" &amp; fils &lt;b&gt;'
    assert "&quot;" not in str(charts.group_bars(groups, "x").to_plotly_json())


def test_each_layer_and_role_keeps_its_colour_across_refreshes_and_emptied_categories(
        tmp_path, monkeypatch):
    """The drawn sunburst is updated in place: a slice's colour follows its category, not
    its position, when the data moves and when another category empties."""
    import datetime as dt

    from workbook.charts.colours import LAYER_COLOURS, ROLE_COLOURS
    from workbook.store import contacts as contact_store
    from workbook.store import open_profile
    from workbook.ui.common import open_page_context
    from workbook.ui.network import NetworkPage

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    conn = open_profile("default")
    inner = contact_store.add_contact(conn, "Ina", layer="inner", roles=["prescriber"])
    contact_store.add_contact(conn, "Clo", layer="close", roles=["connector"])
    contact_store.add_contact(conn, "Act", layer="active", roles=["peer", "connector"])
    page = NetworkPage(open_page_context(lang="en"), today=lambda: dt.date(2026, 11, 23))
    page.map.show_charts.click()

    def colours() -> dict[str, str]:
        sunburst = page.map.chart.data[0]
        return dict(zip(sunburst.ids, sunburst.marker.colors))

    def expected(ids) -> dict[str, str]:
        return {i: LAYER_COLOURS[i] if "/" not in i else
                ROLE_COLOURS[i.split("/")[1].replace("-", "")] for i in ids}

    first = colours()
    assert first == expected(first) and len(set(first.values())) > 3
    page.state.erase_contact(inner)            # the inner circle and prescribers empty
    page.changed()
    second = colours()
    assert "inner" not in second and second == expected(second)
    assert {i: first[i] for i in second} == second     # everyone left kept their colour
    page.state.bulk_layer("dormant")           # everyone moves: new slices, same mapping
    page.changed()
    third = colours()
    assert set(third) == {"dormant", "dormant/connector", "dormant/peer"}
    assert third == expected(third)
    conn.close()
