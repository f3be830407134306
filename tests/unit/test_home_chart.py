"""The home page's layers-by-role bars, drawn in HTML with the first view."""

from workbook.charts.colours import ROLE_COLOURS
from workbook.ui.home.chart import layers_by_role_html

EVIL = '<img src=x onerror="alert(1)">'


LABELS = {"role": {"connector": "Connector", "none": "No role"},
          "layer": {"inner": "Inner", "unsorted": EVIL}}


def tr(key: str, **values) -> str:
    """A translator with a hostile layer name: codes it does not know read as themselves."""
    if key == "common.chart.segment":
        return f"{values['label']}: {values['count']}"
    if key.startswith("common.chart.apart"):
        return key
    _vocab, group, code = key.split(".")
    return LABELS[group].get(code, code)


def test_one_bar_per_layer_in_the_method_order_with_a_segment_per_role():
    counts = [("unsorted", "", 30), ("inner", "connector", 4), ("inner", "", 6),
              ("active", "peer", 5)]
    people = {"unsorted": 30, "inner": 10, "active": 5}
    html = layers_by_role_html(counts, people, tr, "Title")
    labels = [part.split("</span>")[0] for part in html.split('class="wb-bar-label">')[1:]]
    assert labels == ["Inner", "active", EVIL.replace("<", "&lt;").replace(">", "&gt;")
                      .replace('"', "&quot;")]
    # the longest sorted bar (10) fills the track; the others are to scale
    assert 'title="No role: 6" style="width:60.00%' in html
    assert 'title="Connector: 4" style="width:40.00%' in html
    assert 'title="peer: 5" style="width:50.00%' in html
    assert f"background:{ROLE_COLOURS['connector']}" in html
    assert '<span class="wb-bar-total">10</span>' in html
    # the legend names each role present, once, in the roles' order
    legend = html.split('class="wb-home-legend"')[1]
    assert legend.index("Connector") < legend.index("peer") < legend.index("No role")


def _bar_widths(html: str) -> dict[str, float]:
    """Each drawn layer's bar length (% of the track): the sum of its segments."""
    widths = {}
    for row in html.split('<div class="wb-bar-row')[1:]:
        name = row.split('class="wb-bar-label">')[1].split("</span>")[0]
        widths[name] = sum(float(part.split("%")[0])
                           for part in row.split('style="width:')[1:])
    return widths


def test_after_her_first_sorting_the_sorted_people_read_beside_385_not_sorted():
    """385 not sorted and 15 sorted: the sorted bars are scaled among themselves, the
    unsorted count stands apart with no bar (before, the 15 were slivers of 4 %)."""
    counts = [("unsorted", "", 385), ("inner", "connector", 2), ("inner", "", 3),
              ("close", "prescriber", 4), ("close", "", 6)]
    html = layers_by_role_html(counts, {"unsorted": 385, "inner": 5, "close": 10}, tr, "T")
    widths = _bar_widths(html)
    assert widths["Inner"] == 50 and widths["close"] == 100
    apart = html.split("wb-bar-row wb-bar-apart")[1].split("</div>")[0]
    assert 'class="wb-bar"' not in apart and "common.chart.apart" in apart
    assert '<span class="wb-bar-total">385</span>' in apart


def test_with_nobody_sorted_the_unsorted_count_says_so_and_draws_no_bar():
    html = layers_by_role_html([("unsorted", "", 400)], {"unsorted": 400}, tr, "T")
    assert 'class="wb-bar"' not in html and "common.chart.apart_only" in html
    assert '<span class="wb-bar-total">400</span>' in html


def test_labels_are_text_never_markup():
    html = layers_by_role_html([("unsorted", "", 1)], {"unsorted": 1}, tr, EVIL)
    assert "<img" not in html and "&lt;img" in html


def test_no_contacts_draws_no_bar():
    html = layers_by_role_html([], {}, tr, "Title")
    assert 'class="wb-bar"' not in html


def test_a_contact_with_two_roles_is_counted_once_in_the_layer_total():
    """`layer_role_counts` counts such a contact under each role: the bar and its total
    follow the layer's people, the segments share that length."""
    counts = [("inner", "connector", 3), ("inner", "prescriber", 3), ("close", "", 6)]
    html = layers_by_role_html(counts, {"inner": 3, "close": 6}, tr, "Title")
    assert '<span class="wb-bar-total">3</span>' in html
    assert '<span class="wb-bar-total">6</span>' not in html.split("Inner")[1].split("</div>")[0]
    assert 'title="Connector: 3" style="width:25.00%' in html   # half of a bar half as long


def test_the_routines_page_style_never_reshapes_the_layer_bars_of_home_and_the_map():
    """The app keeps every page in one document: once the routines page was opened, its
    balance bars' style must not stack the home and map bars' role segments on each other."""
    import re

    from workbook.ui import routines

    for selector in re.findall(r"^([^{}\n]*\.wb-bar[^{]*)\{", routines._CSS, re.M):
        assert selector.strip().startswith(".wb-balance "), selector
