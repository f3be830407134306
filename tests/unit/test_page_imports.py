"""What a page's kernel must not load before its first view: pandas costs 0.7-2 s of every
visit (its import alone), and the pages below show their first view without it."""

import subprocess
import sys

import pytest

CHECK = """
import sys, IPython, ipywidgets
from workbook.store import open_profile
from workbook.store.contacts import add_contact
add_contact(open_profile("p"), "Ada Lovelace", organisation="Analytical Engines", layer="inner")
import workbook.ui as ui
ui.build_{page}("p", "en")
print(sorted(m for m in ("pandas", "numpy") if m in sys.modules))
"""


@pytest.mark.parametrize("page", ["home", "positioning", "press", "group", "network"])
def test_the_page_opens_without_pandas(page, tmp_path):
    done = subprocess.run([sys.executable, "-c", CHECK.format(page=page)], capture_output=True,
                          text=True, env={"WORKBOOK_HOME": str(tmp_path), "PATH": ""},
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]", done.stdout


PLOTTING = ("plotly.graph_objs", "plotly.subplots", "workbook.charts.network")


def test_the_network_map_opens_without_plotly_figures(tmp_path):
    """The map's first view is HTML from SQL counts: plotly's figure objects (~1.4 s to
    import, then the widget's start-up in the browser) wait for "Show the interactive
    charts"."""
    check = CHECK.format(page="network").replace(
        '("pandas", "numpy")', repr(PLOTTING))
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                          env={"WORKBOOK_HOME": str(tmp_path), "PATH": ""}, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]", done.stdout
