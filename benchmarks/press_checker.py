"""Press page: cost of the live topic-sheet check and of a redraw after a write.

Times (median and p95 over `--runs`) the checker on a sharp three-point sheet, on a vague
five-point sheet and on a sheet whose every field is a 20,000-character paste (each field is
cut at `MAX_ANALYSED_CHARS`); then building the page on the demo profile and one redraw of
every panel after a write (what a click costs), in this process as the kernel would.

    python benchmarks/press_checker.py [--runs 100]

Target: the check well under the 400 ms debounce; the redraw after a click under ~300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def _times(action, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    runs = parser.parse_args().runs
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="press-bench-")

    from workbook.demo import fill_demo
    from workbook.demo.press import HYDROGEN, SOLAR
    from workbook.domain.press import KeyPoint, TopicSheet, check_sheet
    from workbook.store import open_profile

    paste = ("Les chantiers <b>solaires</b> 🌞 prennent du retard, en quelque sorte. " * 400)[:20_000]
    huge = TopicSheet(paste, paste, tuple(KeyPoint(paste, paste, (paste, paste))
                                          for _ in range(5)))
    for name, sheet in (("sharp, 3 points", SOLAR), ("vague, 4 points", HYDROGEN),
                        ("20,000-char paste in 21 fields", huge)):
        median, p95 = _times(lambda s=sheet: check_sheet(s, "fr"), runs)
        print(f"check {name:32s} median {median:7.2f} ms  p95 {p95:7.2f} ms")

    conn = open_profile("demo")
    fill_demo(conn)
    conn.close()
    from workbook.ui.common import open_page_context
    from workbook.ui.press import PressPage

    start = time.perf_counter()
    page = PressPage(open_page_context("demo", "en"))
    print(f"build the page on the demo profile       {(time.perf_counter() - start) * 1000:7.1f} ms")
    median, p95 = _times(lambda: (page.state.reload(), page.render()), max(5, runs // 10))
    print(f"reload + redraw every panel after a write median {median:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
