"""Binding a non-loopback address: a token is generated, printed in the address, and required."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import _free_port

pytestmark = pytest.mark.browser


def _status(url: str) -> int:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_public_address_requires_the_printed_token(tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, WORKBOOK_HOME=str(tmp_path))
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "workbook", "serve", "--ip", "0.0.0.0",
                                 "--port", str(port)], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "?token=" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        match = re.search(r"(http://\S+/voila/render/app\.ipynb)\?token=(\S+)", log.read_text())
        assert match, log.read_text()
        address, token = match.groups()
        assert len(token) >= 24
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=1)
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.3)
        page = f"http://127.0.0.1:{port}/voila/render/app.ipynb"
        assert _status(page) in (302, 403)
        # The login page speaks the workbook's words, in both languages
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=30) as login:
            text = login.read().decode("utf-8")
        assert "Classeur réseau" in text and "Access code" in text
        assert "jupyter server list" not in text
        assert _status(f"{page}?token=wrong") in (302, 403)
        assert _status(f"{page}?token={token}") == 200
        # `ps` shows every local user the server's command line: the token is not on it
        with open(f"/proc/{proc.pid}/cmdline", "rb") as cmdline:
            assert token.encode() not in cmdline.read()
        assert "voila_server" in open(f"/proc/{proc.pid}/cmdline").read()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def test_the_printed_address_answers_at_once_and_slash_opens_the_app(tmp_path):
    """The address `workbook serve` prints is served the moment it is printed (no
    "connection refused" while the server starts), and `/` leads to the app, not to a
    listing of notebook files."""
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, WORKBOOK_HOME=str(tmp_path))
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "workbook", "serve", "--port", str(port),
                                 "--lang", "en"], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while "open http" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        match = re.search(r"open (http://127\.0\.0\.1:\d+/voila/render/app\.ipynb)\s",
                          log.read_text())
        assert match, log.read_text()
        root = f"http://127.0.0.1:{port}/"
        assert _status(root) == 302      # asked at once: answered, not refused
        with urllib.request.urlopen(root, timeout=180) as response:
            assert response.url == match.group(1)
            page = response.read().decode("utf-8")
        # The words shown until the app is drawn are the profile's language's, and stay so
        # (Voilà's own "Running app..." then "Executing 1 of 2" are replaced).
        loading = re.search(r'id="loading_text"[^>]*>([^<]*)<', page)
        assert loading and loading.group(1) == "Opening your networking workbook…", page[:3000]
        assert "window.voila_process = function () {};" in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def test_a_served_session_offers_only_the_group_page(tmp_path):
    """`serve --session`: the room gets the group page's activities; no other page exists."""
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, WORKBOOK_HOME=str(tmp_path))
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "workbook", "serve", "--demo",
                                 "--session", "--lang", "en", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        base = f"http://127.0.0.1:{port}/voila/render/"
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/voila.js",
                                       timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.3)
        assert "/voila/render/group.ipynb" in log.read_text()
        for other in ("home.ipynb", "network.ipynb", "routines.ipynb", "positioning.ipynb"):
            assert _status(base + other) == 404, other
        with urllib.request.urlopen(base + "group.ipynb", timeout=180) as response:
            page = response.read().decode("utf-8")
        assert "There was an error when executing cell" not in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
