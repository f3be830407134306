"""Each page's start-up in headless Chromium, side by side with an empty notebook (one Label) served by
the same launcher (`python -m workbook.voila_server`, the command `workbook serve` runs), on
the demo profile and on the demo plus 30,000 contacts.

Per page and profile, over `--runs` cold opens (a new browser context and a new kernel each):
- time to interactive: request → every selector of the page's first view visible
  (`READY`: its widgets, and its first-view chart drawn). Target ≤ 1.5× the empty notebook;
- the kernel's resident memory once interactive, minus the empty notebook's kernel.
  Target ≤ +150 MB;
- bytes the page received before interactive: HTTP bodies and websocket frames.

    python benchmarks/page_startup.py [--runs 3] [--contacts 30000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from measures import ROOT, add_json_argument, large_profile, p95, row, write_rows
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CELL_ERROR, CHROMIUM, CHROMIUM_FLAGS, _free_port  # noqa: E402

TTI_RATIO = 1.5
MEMORY_MB = 150.0
# The baseline: a notebook whose only output is one widget (a Label), so that the widgets'
# own start-up in the browser and the kernel is paid by the baseline too, as by every page.
EMPTY_NOTEBOOK = {"cells": [{"cell_type": "code", "id": "empty", "metadata": {},
                             "execution_count": None, "outputs": [],
                             "source": ["import ipywidgets\n", "ipywidgets.Label('ready')"]}],
                  "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                              "language": "python"}},
                  "nbformat": 4, "nbformat_minor": 5}
# What each page's first view shows once ready: every selector visible.
READY = {
    "empty": ["#rendered_cells .widget-label"],
    "home": [".wb-home-summary", ".wb-home-links",
             ".wb-home-bars .wb-bar, .wb-page .main-svg .bars path"],
    "network": [".wb-network-tabs", ".wb-network-summary", ".wb-network-picture .wb-bar"],
    "routines": [".wb-routines-tabs", ".wb-routines-balance .wb-balance"],
    "positioning": [".wb-positioning-score-value", ".wb-positioning-save"],
    "press": [".wb-press-tabs", ".wb-press-readiness"],
    "group": [".wb-group-tabs .lm-TabBar-tab", ".wb-group-tabs .widget-tab-contents"],
}
_VISIBLE = ("selectors => selectors.every(s => [...document.querySelectorAll(s)].some(e => {"
            " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }))"
            f" || document.body.innerText.includes({json.dumps(CELL_ERROR)})")


def _start_server(pages: Path, home: Path, profile: str) -> tuple[subprocess.Popen, str]:
    from workbook.commands.serve import server_environment, voila_command

    port = _free_port()
    env = server_environment(profile, "")
    env["WORKBOOK_HOME"] = str(home)
    command = voila_command(argparse.Namespace(port=port, ip="127.0.0.1"), pages)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/api/kernels", timeout=1)   # `/` opens the app
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("the server exited") from None
            time.sleep(0.3)
    raise RuntimeError("the server did not start")


def _newest_kernel(server_pid: int):
    import psutil

    kernels = [p for p in psutil.Process(server_pid).children(recursive=True)
               if "ipykernel_launcher" in " ".join(p.cmdline())]
    return max(kernels, key=lambda p: p.create_time()) if kernels else None


def _open_once(browser, base: str, page_name: str, server_pid: int) -> dict:
    """One cold open: seconds to interactive, kernel RSS (MB), bytes received before."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    tab = context.new_page()
    received = {"ws": 0, "ready": False}
    finished = []

    def on_ws(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(
            "ws", received["ws"] + (0 if received["ready"] else len(payload))))

    tab.on("websocket", on_ws)
    tab.on("requestfinished", lambda r: None if received["ready"] else finished.append(r))
    start = time.perf_counter()
    # Voilà answers once every cell has run: the first byte can take long on a big profile.
    tab.goto(f"{base}/voila/render/{page_name}.ipynb", timeout=180_000)
    tab.wait_for_function(_VISIBLE, arg=READY[page_name], timeout=180_000, polling=50)
    seconds = time.perf_counter() - start
    received["ready"] = True
    if CELL_ERROR in tab.content():
        raise RuntimeError(f"a cell failed in {page_name}")
    http = 0
    for request in finished:
        try:
            http += request.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001 — a request without a body to count
            pass
    time.sleep(0.5)   # the kernel settles after its last message
    kernel = _newest_kernel(server_pid)
    rss = kernel.memory_info().rss / 2**20 if kernel else float("nan")
    tab.close(run_before_unload=True)   # the page's goodbye shuts its kernel down
    context.close()
    time.sleep(1.0)
    return {"seconds": seconds, "rss": rss, "http": http, "ws": received["ws"]}


def measure(size: str, home: Path, profile: str, pages: list[str], runs: int) -> dict:
    folder = home / "pages"
    folder.mkdir(exist_ok=True)
    from workbook.paths import notebooks_dir

    for notebook in notebooks_dir().glob("*.ipynb"):
        shutil.copyfile(notebook, folder / notebook.name)
    (folder / "empty.ipynb").write_text(json.dumps(EMPTY_NOTEBOOK))
    proc, base = _start_server(folder, home, profile)
    found: dict[str, list[dict]] = {name: [] for name in ["empty", *pages]}
    failed: dict[str, str] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            _open_once(browser, base, "empty", proc.pid)   # warm the server and disk caches
            for run in range(runs):
                order = ["empty", *pages]
                order = order[run % len(order):] + order[:run % len(order)]
                for name in order:
                    try:
                        found[name].append(_open_once(browser, base, name, proc.pid))
                    except Exception as problem:  # noqa: BLE001 — the other pages go on
                        print(f"  {size:5} run {run + 1} {name:12} FAILED: {problem}",
                              file=sys.stderr)
                        failed.setdefault(name, str(problem).splitlines()[0][:120])
                        continue
                    print(f"  {size:5} run {run + 1} {name:12} "
                          f"{found[name][-1]['seconds']:.2f} s", file=sys.stderr)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return found, failed


def rows_for(size: str, found: dict, failed: dict) -> list[dict]:
    rows = [row(f"start-up {size}", f"{name}: FAILED {len(found.get(name, []))} runs ok "
                f"({problem})", 0, "", met=False) for name, problem in failed.items()]
    if not found["empty"]:
        return rows
    empty_s = statistics.median(r["seconds"] for r in found["empty"])
    empty_mb = statistics.median(r["rss"] for r in found["empty"])
    empty_bytes = statistics.median(r["http"] + r["ws"] for r in found["empty"])
    rows.append(row(f"start-up {size}", "empty notebook: time to interactive", empty_s, "s",
                    p95=p95([r["seconds"] for r in found["empty"]])))
    rows.append(row(f"start-up {size}", "empty notebook: kernel memory", empty_mb, "MB"))
    rows.append(row(f"start-up {size}", "empty notebook: bytes before interactive",
                    empty_bytes / 1e6, "MB"))
    for name, results in found.items():
        if name == "empty" or not results:
            continue
        seconds = [r["seconds"] for r in results]
        tti = statistics.median(seconds)
        rows.append(row(f"start-up {size}", f"{name}: time to interactive", tti, "s",
                        p95=p95(seconds), target=f"≤ {TTI_RATIO}× empty",
                        ratio=tti / empty_s, met=tti / empty_s <= TTI_RATIO))
        extra = statistics.median(r["rss"] for r in results) - empty_mb
        rows.append(row(f"start-up {size}", f"{name}: kernel memory over empty", extra, "MB",
                        target=f"≤ +{MEMORY_MB:.0f} MB", met=extra <= MEMORY_MB))
        http = statistics.median(r["http"] for r in results)
        ws = statistics.median(r["ws"] for r in results)
        rows.append(row(f"start-up {size}", f"{name}: bytes before interactive (HTTP + ws)",
                        (http + ws) / 1e6, "MB", ratio=(http + ws) / empty_bytes))
        rows.append(row(f"start-up {size}", f"{name}: websocket bytes before interactive",
                        ws / 1e6, "MB"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--pages", default=",".join(p for p in READY if p != "empty"))
    parser.add_argument("--sizes", default="demo,30k")
    add_json_argument(parser)
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    rows = []
    with tempfile.TemporaryDirectory(prefix="workbook-startup-") as tmp:
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
                start = time.perf_counter()
                large_profile("large", args.contacts)
                print(f"large profile built in {time.perf_counter() - start:.1f} s",
                      file=sys.stderr)
                profile = "large"
            rows += rows_for(size, *measure(size, home, profile, pages, args.runs))
    write_rows(args.json, rows)
    for r in rows:
        print(f"{r['benchmark']:16} {r['measure']:48} {r['value']:9.2f} {r['unit']:3}"
              + (f"  ratio {r['ratio']:.2f}" if r["ratio"] is not None else ""))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
