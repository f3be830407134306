"""The home page as a person sees it, in a real browser."""

import pytest

from tests.browser.conftest import open_page
from workbook.paths import notebooks_dir
from workbook.ui.common import PAGES

pytestmark = pytest.mark.browser


def test_home_shows_title_links_and_a_drawn_chart(page, server, tmp_path):
    open_page(page, server, "home.ipynb")
    # The chart is part of the first view, drawn in HTML: no plotly on the home page.
    page.wait_for_selector(".wb-home-bars .wb-bar")
    assert page.locator(".wb-header h2", has_text="Networking Workbook").is_visible()
    # The notebook's bilingual opening text is for notebook readers, not on the page
    assert not page.get_by_text("Classeur réseau · Networking Workbook").is_visible()
    assert page.locator(".wb-home-links li").count() == len(PAGES)
    for key, notebook in PAGES:
        built = (notebooks_dir() / notebook).is_file()
        assert page.locator(f".wb-home-links a[href='#{key}']").count() == int(built), key
    assert page.locator(".wb-home-summary", has_text="Camille Durand").is_visible()
    rows = page.locator(".wb-home-bars .wb-bar-row")
    assert rows.count() >= 3 and rows.first.locator(".wb-bar-label").inner_text() == "Inner circle"
    widest = max(b.bounding_box()["width"] for b in page.locator(".wb-home-bars .wb-bar").all())
    assert widest > 20   # drawn, not zero-width
    assert page.locator(".wb-home-legend", has_text="Connector").is_visible()
    assert page.locator(".main-svg").count() == 0
    assert page.evaluate("typeof window.Plotly") == "undefined"
    page.screenshot(path=str(tmp_path / "home.png"))


def test_language_switch_is_remembered_across_pages(page, server):
    open_page(page, server, "home.ipynb")
    page.get_by_role("button", name="Français").click()
    page.wait_for_selector(".wb-header h2:has-text('Classeur réseau')")
    page.reload()
    open_page(page, server, "home.ipynb")
    assert page.locator(".wb-header h2", has_text="Classeur réseau").is_visible()
    page.get_by_role("button", name="English").click()  # leave the profile as found
    page.wait_for_selector(".wb-header h2:has-text('Networking Workbook')")


def test_user_text_is_not_run_as_html(page, server):
    """A contact name carrying an `onerror` handler is shown as text, never executed."""
    import sqlite3

    conn = sqlite3.connect(server.home / "profiles" / "demo.sqlite")
    with conn:
        conn.execute("INSERT INTO settings(key, value) VALUES ('display_name', ?)"
                     " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     ('<img src=x onerror="document.title=\'pwned\'">Camille Durand',))
    try:
        open_page(page, server, "home.ipynb")
        summary = page.locator(".wb-home-summary")
        assert "<img src=x" in summary.inner_text()
        assert page.title() != "pwned"
        assert page.locator(".wb-home-summary img").count() == 0
    finally:
        with conn:
            conn.execute("UPDATE settings SET value = 'Camille Durand' WHERE key = 'display_name'")
        conn.close()


def test_links_to_the_pages_look_like_links(page, server):
    open_page(page, server, "home.ipynb")
    link = page.locator(".wb-home-links a[href='#network']")
    style = link.evaluate("a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).color]")
    assert style[0] == "underline" and style[1] == "rgb(21, 101, 192)", style
