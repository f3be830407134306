"""What each chart ships to the browser at 30,000 contacts: points and JSON bytes per chart,
every page built in this process as its kernel builds it, every tab and section opened in
turn (a chart drawn only when its tab opens counts too).

    python benchmarks/chart_payload.py [--contacts 30000] [--json FILE]

Target: no chart carries one point per contact (30,000 points) unasked; we flag any chart
over 5,000 points.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from measures import add_json_argument, large_profile, row, write_rows

PROFILE = "large"
MAX_POINTS = 5_000
ARRAYS = ("x", "y", "z", "values", "labels", "ids", "parents", "r", "theta", "lat", "lon",
          "text", "customdata", "source", "target")


def _builders():
    from workbook.ui.common import open_page_context
    from workbook.ui.group import GroupPage
    from workbook.ui.home import HomePage
    from workbook.ui.network import NetworkPage
    from workbook.ui.positioning import PositioningPage
    from workbook.ui.press import PressPage
    from workbook.ui.routines import RoutinesPage

    def ctx():
        return open_page_context(PROFILE, "en")

    return {"home": lambda: HomePage(ctx()).view, "network": lambda: NetworkPage(ctx()).view,
            "routines": lambda: RoutinesPage(ctx()).view,
            "positioning": lambda: PositioningPage(ctx()).view,
            "press": lambda: PressPage(ctx()).view, "group": lambda: GroupPage(ctx()).view}


def _points(figure: dict) -> int:
    """Points of the largest trace-array of the figure, summed over traces."""
    total = 0
    for trace in figure.get("data", []):
        total += max((len(trace[key]) for key in ARRAYS
                      if isinstance(trace.get(key), (list, tuple))), default=0)
    return total


def _figures(widget, found: dict, opened: set) -> None:
    """Every figure under `widget`, opening each tab and accordion section on the way."""
    import ipywidgets as ipw
    from plotly.basewidget import BaseFigureWidget

    if isinstance(widget, BaseFigureWidget):
        found[id(widget)] = widget.to_plotly_json()
        return
    if isinstance(widget, ipw.Output):
        for output in widget.outputs:
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                found[id(output)] = data["application/vnd.plotly.v1+json"]
        return
    if isinstance(widget, (ipw.Tab, ipw.Accordion)) and id(widget) not in opened:
        opened.add(id(widget))
        for index in range(len(widget.children)):
            widget.selected_index = index
            _figures(widget.children[index], found, opened)
    for child in getattr(widget, "children", ()):
        _figures(child, found, opened)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    add_json_argument(parser)
    args = parser.parse_args()
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="workbook-charts-")
    os.environ.pop("WORKBOOK_PROFILE", None)
    large_profile(PROFILE, args.contacts)
    import plotly.io as pio

    rows = []
    for page, build in _builders().items():
        found: dict = {}
        try:
            _figures(build(), found, set())
        except Exception as problem:  # noqa: BLE001 — one page failing leaves the others
            rows.append(row(f"charts {page} (30k)", f"FAILED: {problem}", 0, "", met=False))
            continue
        worst_points = max((_points(f) for f in found.values()), default=0)
        worst_bytes = max((len(pio.to_json(f, validate=False)) for f in found.values()),
                          default=0)
        rows.append(row(f"charts {page} (30k)", f"largest chart of {len(found)}: points",
                        worst_points, "pts", target=f"≤ {MAX_POINTS:,} points",
                        met=worst_points <= MAX_POINTS))
        rows.append(row(f"charts {page} (30k)", f"largest chart of {len(found)}: JSON",
                        worst_bytes / 1000, "kB"))
    write_rows(args.json, rows)
    for r in rows:
        print(f"{r['benchmark']:22} {r['measure']:34} {r['value']:10.1f} {r['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
