"""A real `workbook serve --demo` on a free port, and headless Debian Chromium driven by
Playwright. Every page fixture fails its test on a console error, an uncaught page error, or
any request to a host other than 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Debian's Chromium; WORKBOOK_CHROMIUM names another (or, set to a missing path, lets a
# machine with Chromium check what the suite does without it).
CHROMIUM = os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
PAGE_TIMEOUT_MS = 90_000
CELL_ERROR = "There was an error when executing cell"

# anywidget gives a widget model 2 s to initialise, then reports this page error even though
# the widget goes on to draw (`AbortSignal.timeout(2000)` in its runtime). On a busy 2-core
# machine plotly's FigureWidget bundle (~4.6 MB) can take longer. Every test that shows a
# chart asserts that the chart is drawn, so this one message is not a failure by itself.
ANYWIDGET_SLOW_START = "[anywidget] Failed to initialize model."


def _is_problem(response) -> bool:
    return response.status >= 400


@dataclass
class Server:
    base: str
    home: Path
    profile: str
    log: Path
    pid: int = 0

    def url(self, notebook: str) -> str:
        return f"{self.base}/voila/render/{notebook}"

    def kernels(self) -> int:
        """Kernels alive under this server (its `ipykernel_launcher` child processes)."""
        return count_kernels(self.pid)


def count_kernels(pid: int) -> int:
    import psutil

    def is_kernel(process) -> bool:
        try:
            return "ipykernel_launcher" in " ".join(process.cmdline())
        except psutil.Error:
            return False

    return sum(is_kernel(child) for child in psutil.Process(pid).children(recursive=True))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"workbook serve exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"workbook serve did not answer in {seconds}s:\n{log.read_text()}")


@contextlib.contextmanager
def serving(home: Path, *args: str, profile: str = "demo",
            ready: str = "/api/kernels") -> Iterator[Server]:
    """`workbook serve <args>` on a free port with `home` as WORKBOOK_HOME, until the block
    ends; up once `ready` answers (not `/`: it opens the app, whose kernel nobody would
    connect to; a session server answers only for its assets and page)."""
    log = home / f"serve-{profile}.log"
    port = _free_port()
    env = dict(os.environ, WORKBOOK_HOME=str(home))
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "workbook", "serve", *args, "--port", str(port)], env=env,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + ready, proc, log)
        yield Server(base=base, home=home, profile=profile, log=log, pid=proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Server:
    """One server for the session, on an English demo profile in a temporary WORKBOOK_HOME."""
    with serving(tmp_path_factory.mktemp("workbook-home"), "--demo", "--lang", "en") as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Chromium is missing at {CHROMIUM}: CI must run the browser tests")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def watched_page(browser, viewport: dict, locale: str | None = None):
    """A fresh browser context and tab; on leaving, asserts the page stayed clean and local."""
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale=locale)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    foreign: list[str] = []
    problems: list[str] = []

    def _route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", _route)
    tab = context.new_page()
    # Failed loads are judged on their response (URL known); the console's copy carries none.
    tab.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}")
           if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}")
           if str(error) != ANYWIDGET_SLOW_START else None)
    tab.on("response", lambda r: problems.append(f"HTTP {r.status} for {r.url}")
           if _is_problem(r) else None)
    yield tab
    tab.close(run_before_unload=True)   # as a person closes a tab: its kernel is let go
    context.close()
    assert not foreign, f"requests left 127.0.0.1: {foreign}"
    assert not problems, f"the page reported errors: {problems}"


@pytest.fixture
def page(browser, server):
    """A fresh browser context; at teardown, asserts the page stayed clean and local."""
    with watched_page(browser, {"width": 1280, "height": 2400}) as tab:
        yield tab


def open_page(tab, server: Server, notebook: str, ready_selector: str = ".wb-page"):
    """Load a Voilà page and wait until its widgets are drawn; fail on a cell error
    (Voilà answers 200 even when a cell fails)."""
    tab.goto(server.url(notebook))
    tab.wait_for_selector(f"{ready_selector}, :text('{CELL_ERROR}')")
    content = tab.content()
    assert CELL_ERROR not in content, f"a cell failed in {notebook}; server log:\n" \
        f"{server.log.read_text()[-3000:]}"
    return tab
