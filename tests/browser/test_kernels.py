"""A page left behind gives its kernel back: leaving a page shuts its kernel down (the XSRF
cookie the goodbye request needs is set with the page), and the server bounds what requests
that never open a page can cost."""

from __future__ import annotations

import http.client
import time
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import PAGE_TIMEOUT_MS, open_page

pytestmark = pytest.mark.browser

PAGES = ("home.ipynb", "network.ipynb", "routines.ipynb", "positioning.ipynb")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def test_pages_left_behind_do_not_keep_their_kernels(browser, server):
    """Four pages in turn in one tab, then away: at most one kernel within seconds."""
    _wait_for(lambda: server.kernels() == 0, 30)   # other tests' tabs let theirs go
    before = server.kernels()
    context = browser.new_context()
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    foreign, refused = [], []
    context.route("**/*", lambda route: route.continue_()
                  if urlparse(route.request.url).hostname in ("127.0.0.1", None)
                  else (foreign.append(route.request.url), route.abort()))
    tab = context.new_page()
    tab.on("response", lambda r: refused.append(f"{r.status} {r.url}") if r.status >= 400
           else None)
    try:
        for notebook in PAGES:
            open_page(tab, server, notebook)
            # the page before this one said goodbye: only this page's kernel stays
            assert _wait_for(lambda: server.kernels() <= before + 1, 20), \
                f"{server.kernels() - before} kernels alive on {notebook}"
        tab.close(run_before_unload=True)
        assert _wait_for(lambda: server.kernels() <= before, 20), \
            f"{server.kernels() - before} kernels alive after leaving"
    finally:
        context.close()
    # Leaving a page may interrupt its widgets' start in the browser (harmless: the page is
    # gone); what matters is that no request was refused and none left the machine.
    assert not refused and not foreign, (refused, foreign)


def _get(server, path: str, host: str) -> int:
    address = urlparse(server.base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:{port}",
                                  "192.168.1.20:{port}"])
def test_a_foreign_host_name_gets_nothing(server, host):
    """A page of another site that rebinds its name to 127.0.0.1 is refused, and starts no
    kernel: only loopback names reach a server bound to loopback."""
    port = urlparse(server.base).port
    before = server.kernels()
    assert _get(server, "/voila/render/home.ipynb", host.format(port=port)) == 403
    kernel_api = "/api/kernels/00000000-0000-4000-8000-000000000000"
    assert _get(server, kernel_api, host.format(port=port)) == 403
    assert _get(server, kernel_api + "/channels", host.format(port=port)) == 403
    assert server.kernels() <= before


def test_loopback_names_still_work(server):
    port = urlparse(server.base).port
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert _get(server, "/voila/static/voila.js", host) in (200, 304, 404)


def _serve(tmp_path, monkeypatch, *extra: str):
    """The server `workbook serve` runs, with the kernel bound's settings changed."""
    import argparse
    import subprocess

    from tests.browser.conftest import _free_port, _wait_until_up
    from workbook.commands.serve import server_environment, voila_command

    port = _free_port()
    args = argparse.Namespace(port=port, ip="127.0.0.1")
    log = tmp_path / "serve.log"
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    env = server_environment("bounded", "")
    with open(log, "w") as out:
        proc = subprocess.Popen([*voila_command(args), *extra], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(base + "/voila/static/voila.js", proc, log)
    return proc, base, log


def _stop(proc) -> None:
    import os
    import signal

    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def _status_and_body(base: str, path: str) -> tuple[int, str]:
    address = urlparse(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=180)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_requests_that_never_open_their_page_cannot_pile_up_kernels(tmp_path, monkeypatch):
    """Past the bound a page is refused with a sentence; kernels nobody connected to are
    shut when the next page starts."""
    from tests.browser.conftest import count_kernels

    proc, base, _log = _serve(tmp_path, monkeypatch, "--WorkbookVoila.max_kernels=2",
                              "--WorkbookVoila.abandoned_seconds=600")
    try:
        for _ in range(2):
            assert _status_and_body(base, "/voila/render/positioning.ipynb")[0] == 200
        assert count_kernels(proc.pid) == 2
        status, body = _status_and_body(base, "/voila/render/positioning.ipynb")
        assert status == 503 and "Close some tabs" in body
        assert count_kernels(proc.pid) == 2
    finally:
        _stop(proc)

    # The home page does no work once served, so its kernel is quiet 1.5 s later and counts
    # as abandoned. (The positioning page goes on loading its word lists after it is served:
    # a kernel still at work is rightly not abandoned, and would make this check a race.)
    # With a bound of 2, the third request is served only if the first kernels were shut.
    proc, base, _log = _serve(tmp_path, monkeypatch, "--WorkbookVoila.max_kernels=2",
                              "--WorkbookVoila.abandoned_seconds=1")
    try:
        for _ in range(4):
            assert _status_and_body(base, "/voila/render/home.ipynb")[0] == 200
            time.sleep(1.5)
        assert _wait_for(lambda: count_kernels(proc.pid) <= 1, 20), count_kernels(proc.pid)
    finally:
        _stop(proc)
