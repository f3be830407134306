"""The home page's layers-by-role bars, drawn in HTML with the first view."""

from workbook.charts.colours import ROLE_COLOURS
from workbook.ui.home_chart import layers_by_role_html

EVIL = '<img src=x onerror="alert(1)">'


def _label(group: str, code: str) -> str:
    return {"role": {"connector": "Connector", "none": "No role"},
            "layer": {"inner": "Inner", "unsorted": EVIL}}[group].get(code, code)


def test_one_bar_per_layer_in_the_method_order_with_a_segment_per_role():
    counts = [("unsorted", "", 30), ("inner", "connector", 4), ("inner", "", 6),
              ("active", "peer", 5)]
    html = layers_by_role_html(counts, _label, "Title")
    labels = [part.split("</span>")[0] for part in html.split('class="wb-bar-label">')[1:]]
    assert labels == ["Inner", "active", EVIL.replace("<", "&lt;").replace(">", "&gt;")
                      .replace('"', "&quot;")]
    # the longest bar (30) fills the track; the others are to scale
    assert 'title="No role: 30" style="width:100.00%' in html
    assert 'title="Connector: 4" style="width:13.33%' in html
    assert f"background:{ROLE_COLOURS['connector']}" in html
    assert '<span class="wb-bar-total">10</span>' in html
    # the legend names each role present, once, in the roles' order
    legend = html.split('class="wb-home-legend"')[1]
    assert legend.index("Connector") < legend.index("peer") < legend.index("No role")


def test_labels_are_text_never_markup():
    html = layers_by_role_html([("unsorted", "", 1)], _label, EVIL)
    assert "<img" not in html and "&lt;img" in html


def test_no_contacts_draws_no_bar():
    html = layers_by_role_html([], _label, "Title")
    assert 'class="wb-bar"' not in html
