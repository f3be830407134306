"""The workbook as one app, as a person uses it in a browser: from home to every page and back
by the links, the browser's back and forward buttons, a reload on every page, a bookmark to
every page, in both languages, all in one tab holding one kernel."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest

from tests.browser.conftest import CELL_ERROR, serving, watched_page
from workbook.i18n import Translator
from workbook.ui.shell.pages import HOME, KEYS

pytestmark = pytest.mark.browser

PAGES = [key for key in KEYS if key != HOME]


@pytest.fixture(scope="module", params=["en", "fr"])
def app_server(request, tmp_path_factory):
    with serving(tmp_path_factory.mktemp(f"app-{request.param}"), "--demo", "--lang",
                 request.param) as running:
        running.lang = request.param
        yield running


def _connected_kernels(server) -> list[str]:
    """Kernels a browser tab is connected to, as the server lists them (`/api/kernels`).
    A kernel whose tab is gone may linger a moment before it is shut; no tab holds it."""
    with urllib.request.urlopen(f"{server.base}/api/kernels", timeout=30) as answer:
        return [kernel["id"] for kernel in json.load(answer) if kernel["connections"]]


def _one_kernel_for_the_tab(tab, server) -> None:
    """The tab's kernel (the one its page was served with) is the only one any tab holds."""
    mine = json.loads(tab.locator("#jupyter-config-data").text_content())["kernelId"]
    deadline = time.monotonic() + 20       # a reloaded page's old socket takes a moment
    while _connected_kernels(server) != [mine] and time.monotonic() < deadline:
        time.sleep(0.25)
    assert _connected_kernels(server) == [mine]


def _on(tab, key: str, tr: Translator) -> None:
    """Wait until page `key` is the one on screen: its title and first widgets visible,
    every other page hidden, the address naming it."""
    tab.wait_for_selector(f".wb-app-{key} .wb-header h2:has-text({tr(key + '.title')!r})",
                          state="visible")
    tab.wait_for_function(f"window.location.hash === '#{key}'")
    shown = tab.locator(".wb-app-page:visible")
    assert shown.count() == 1 and f"wb-app-{key}" in shown.get_attribute("class")
    assert tab.title() == tr(f"{key}.title")
    assert CELL_ERROR not in tab.content()


def _open_app(tab, server, fragment: str = "") -> None:
    tab.goto(f"{server.base}/{fragment}")
    assert tab.url.split("#")[0].endswith("/voila/render/app.ipynb")


def test_home_to_every_page_and_back_with_links_and_the_browsers_buttons(browser, app_server):
    tr = Translator(app_server.lang)
    with watched_page(browser, {"width": 1366, "height": 768}) as tab:
        _open_app(tab, app_server)
        _on(tab, HOME, tr)
        _one_kernel_for_the_tab(tab, app_server)
        for key in PAGES:
            tab.locator(f".wb-app-{HOME} .wb-home-links a[href='#{key}']").click()
            _on(tab, key, tr)
            tab.locator(f".wb-app-{key} .wb-nav a[href='#{HOME}']").click()
            _on(tab, HOME, tr)
        # The browser's buttons retrace the way: back from home is the last page...
        tab.go_back()
        _on(tab, PAGES[-1], tr)
        tab.go_back()
        _on(tab, HOME, tr)
        tab.go_back()
        _on(tab, PAGES[-2], tr)
        tab.go_forward()
        _on(tab, HOME, tr)
        tab.go_forward()
        _on(tab, PAGES[-1], tr)
        _one_kernel_for_the_tab(tab, app_server)


def test_a_reload_stays_on_its_page_and_a_bookmark_opens_its_page(browser, app_server):
    tr = Translator(app_server.lang)
    with watched_page(browser, {"width": 1366, "height": 768}) as tab:
        for key in KEYS:
            tab.goto("about:blank")          # a bookmark opened from elsewhere, not a link
            _open_app(tab, app_server, f"voila/render/app.ipynb#{key}")
            _on(tab, key, tr)
            # Only the page asked for was built (a bookmark does not build home first).
            built = [k for k in KEYS if tab.locator(f".wb-app-{k} .wb-page").count()]
            assert built == [key]
            tab.reload()
            _on(tab, key, tr)
            _one_kernel_for_the_tab(tab, app_server)


def test_a_pages_own_notebook_opens_the_app_on_that_page(browser, app_server):
    tr = Translator(app_server.lang)
    with watched_page(browser, {"width": 1366, "height": 768}) as tab:
        tab.goto(app_server.url("network.ipynb"))
        _on(tab, "network", tr)
        tab.locator(".wb-app-network .wb-nav a[href='#routines']").click()
        _on(tab, "routines", tr)
        tab.go_back()
        _on(tab, "network", tr)

