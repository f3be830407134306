"""Time to interactive of the home page vs an empty notebook, under Voilà, in Chromium.

Run: .venv/bin/python benchmarks/page_startup.py [--runs 5]
Prints each run and the medians; "interactive" = the home page's widgets and chart drawn,
or the empty notebook's cells shown.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, _free_port  # noqa: E402
from workbook.paths import voila_templates_root  # noqa: E402

EMPTY_NOTEBOOK = {"cells": [{"cell_type": "code", "id": "empty", "metadata": {},
                             "execution_count": None, "outputs": [], "source": ["1"]}],
                  "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                              "language": "python"}},
                  "nbformat": 4, "nbformat_minor": 5}


def _start(command: list[str], env: dict, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def _measure(browser, url: str, selector: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 1600})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, state="visible", timeout=120_000)
        times.append(time.perf_counter() - start)
        context.close()
        time.sleep(1)  # let the closed tab's kernel go before the next cold start
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as empty_dir:
        Path(empty_dir, "empty.ipynb").write_text(json.dumps(EMPTY_NOTEBOOK))
        env = dict(os.environ, WORKBOOK_HOME=home,
                   JUPYTER_PATH=str(voila_templates_root()))
        home_port, empty_port = _free_port(), _free_port()
        servers = [
            _start([sys.executable, "-m", "workbook", "serve", "--demo", "--lang", "en",
                    "--port", str(home_port)], env, home_port),
            _start([sys.executable, "-m", "voila", empty_dir, "--no-browser",
                    f"--port={empty_port}", "--template=workbook", "--token="], env, empty_port),
        ]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                     args=CHROMIUM_FLAGS)
                empty = _measure(browser, f"http://127.0.0.1:{empty_port}/voila/render/"
                                 "empty.ipynb", "#rendered_cells .jp-OutputArea", runs)
                home_page = _measure(browser, f"http://127.0.0.1:{home_port}/voila/render/"
                                     "home.ipynb", ".wb-page .main-svg .xtick", runs)
                browser.close()
        finally:
            for server in servers:
                os.killpg(server.pid, signal.SIGTERM)
    print("empty notebook (s):", " ".join(f"{t:.2f}" for t in empty))
    print("home page      (s):", " ".join(f"{t:.2f}" for t in home_page))
    e, h = statistics.median(empty), statistics.median(home_page)
    print(f"median: empty {e:.2f} s, home {h:.2f} s, ratio home/empty {h / e:.2f}x")


if __name__ == "__main__":
    main()
