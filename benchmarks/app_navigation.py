"""The app's page changes in headless Chromium, side by side with a bare notebook (one Label)
opened cold on the same server, on the demo profile and on the demo plus 30,000 contacts.

- page change: a click on the way to a page (home's link, a page's "home" link) until the
  page's title and first widgets are visible, for a page already built; median over
  home → each page → home, twice. Target ≤ 0.2× the bare notebook's cold open;
- first visit: the same click, to a page not built yet. Target ≤ 0.5×;
- cold: opening the app (`/`, on its home page) until home's first view is visible.
  Target ≤ 1.5×;
- memory: the app kernel's resident memory after visiting every page, minus the bare
  notebook's kernel. Target ≤ +300 MB.

A click is timed in the page itself (from the click to the first animation frame on which
every selector is visible), so the driver's own round trips are not counted.

    python benchmarks/app_navigation.py [--runs 3] [--contacts 30000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from measures import ROOT, add_json_argument, large_profile, p95, row, write_rows
from page_startup import EMPTY_NOTEBOOK, READY, _newest_kernel, _open_once, _start_server
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

CHANGE_RATIO, FIRST_RATIO, COLD_RATIO, MEMORY_MB = 0.2, 0.5, 1.5, 300.0
PAGES = ("positioning", "network", "press", "routines", "group")

# Click `link`, then wait for the frame on which every selector shows; milliseconds.
_CLICK_UNTIL_VISIBLE = """async ([link, selectors]) => {
  const shown = () => selectors.every(s => [...document.querySelectorAll(s)].some(e => {
    const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }));
  const start = performance.now();
  document.querySelector(link).click();
  while (!shown()) {
    if (performance.now() - start > 180000) throw new Error("not shown: " + selectors);
    await new Promise(requestAnimationFrame);
  }
  return performance.now() - start;
}"""


def ready(key: str) -> list[str]:
    """Page `key`'s title and first widgets, inside its own box of the app."""
    inside = f".wb-app-{key} "
    return [inside + ".wb-header h2"] + [", ".join(inside + part.strip()
                                                   for part in selector.split(","))
                                         for selector in READY[key]]


def walk(tab) -> tuple[list[float], list[float], dict[str, float]]:
    """home → each page → home, twice, by clicking links: page changes (ms) to pages
    already built, and first visits (ms) per page."""
    changes, first = [], {}
    for _lap in range(2):
        for key in PAGES:
            ms = tab.evaluate(_CLICK_UNTIL_VISIBLE, [
                f".wb-app-home .wb-home-links a[href='#{key}']", ready(key)])
            if key in first:
                changes.append(ms)
            else:
                first[key] = ms
            changes.append(tab.evaluate(_CLICK_UNTIL_VISIBLE, [
                f".wb-app-{key} .wb-nav a[href='#home']", ready("home")]))
    return changes, list(first.values()), first


def measure(size: str, home: Path, profile: str, runs: int) -> list[dict]:
    folder = home / "pages"
    folder.mkdir(exist_ok=True)
    from workbook.paths import notebooks_dir

    for notebook in notebooks_dir().glob("*.ipynb"):
        shutil.copyfile(notebook, folder / notebook.name)
    (folder / "empty.ipynb").write_text(json.dumps(EMPTY_NOTEBOOK))
    proc, base = _start_server(folder, home, profile)
    bare, cold, changes, firsts, memory = [], [], [], {}, []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            _open_once(browser, base, "empty", proc.pid)    # warm the server and disk caches
            for run in range(runs):
                bare.append(_open_once(browser, base, "empty", proc.pid))
                context = browser.new_context(viewport={"width": 1280, "height": 1600})
                tab = context.new_page()
                start = time.perf_counter()
                tab.goto(f"{base}/", timeout=180_000)
                tab.wait_for_function(
                    "s => s.every(q => [...document.querySelectorAll(q)].some(e => {"
                    " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0;"
                    " }))", arg=ready("home"), timeout=180_000, polling=50)
                cold.append(time.perf_counter() - start)
                moved, _first, by_page = walk(tab)
                changes += moved
                for key, ms in by_page.items():
                    firsts.setdefault(key, []).append(ms)
                time.sleep(0.5)
                kernel = _newest_kernel(proc.pid)
                memory.append(kernel.memory_info().rss / 2**20 if kernel else float("nan"))
                print(f"  {size:5} run {run + 1}: cold {cold[-1]:.2f} s, bare "
                      f"{bare[-1]['seconds']:.2f} s, change median "
                      f"{statistics.median(moved):.0f} ms, first visits "
                      + ", ".join(f"{k} {v:.0f}" for k, v in by_page.items()) + " ms",
                      file=sys.stderr)
                tab.close(run_before_unload=True)
                context.close()
                time.sleep(1.0)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return rows_for(size, bare, cold, changes, firsts, memory)


def rows_for(size: str, bare: list[dict], cold: list[float], changes: list[float],
             firsts: dict[str, list[float]], memory: list[float]) -> list[dict]:
    name = f"app {size}"
    bare_s = statistics.median(r["seconds"] for r in bare)
    bare_mb = statistics.median(r["rss"] for r in bare)
    rows = [row(name, "bare notebook: cold open", bare_s, "s",
                p95=p95([r["seconds"] for r in bare]))]
    change = statistics.median(changes) / 1000
    rows.append(row(name, "page change (page built)", change, "s", p95=p95(changes) / 1000,
                    target=f"≤ {CHANGE_RATIO}× bare", ratio=change / bare_s,
                    met=change / bare_s <= CHANGE_RATIO))
    all_first = [ms for samples in firsts.values() for ms in samples]
    first = statistics.median(all_first) / 1000
    rows.append(row(name, "first visit of a page", first, "s", p95=p95(all_first) / 1000,
                    target=f"≤ {FIRST_RATIO}× bare", ratio=first / bare_s,
                    met=first / bare_s <= FIRST_RATIO))
    for key, samples in firsts.items():
        seconds = statistics.median(samples) / 1000
        rows.append(row(name, f"first visit: {key}", seconds, "s", target=f"≤ {FIRST_RATIO}×"
                        " bare", ratio=seconds / bare_s, met=seconds / bare_s <= FIRST_RATIO))
    opened = statistics.median(cold)
    rows.append(row(name, "app cold open (home)", opened, "s", p95=p95(cold),
                    target=f"≤ {COLD_RATIO}× bare", ratio=opened / bare_s,
                    met=opened / bare_s <= COLD_RATIO))
    extra = statistics.median(memory) - bare_mb
    rows.append(row(name, "app kernel after every page, over bare", extra, "MB",
                    target=f"≤ +{MEMORY_MB:.0f} MB", met=extra <= MEMORY_MB))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--sizes", default="demo,30k")
    add_json_argument(parser)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="workbook-app-") as tmp:
        home = Path(tmp)
        os.environ["WORKBOOK_HOME"] = str(home)
        from workbook.demo import fill_demo
        from workbook.store import open_profile

        for size in args.sizes.split(","):
            if size == "demo":
                conn = open_profile("demo")
                fill_demo(conn)
                conn.close()
                profile = "demo"
            else:
                large_profile("large", args.contacts)
                profile = "large"
            rows += measure(size, home, profile, args.runs)
    write_rows(args.json, rows)
    for r in rows:
        print(f"{r['benchmark']:10} {r['measure']:42} {r['value']:9.3f} {r['unit']:3}"
              + (f"  ratio {r['ratio']:.2f}" if r["ratio"] is not None else ""))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
