"""The whole-profile download on the home page, in a real browser: press, watch the bar,
save the file from the link, and the file restores."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def test_home_page_download_saves_a_restorable_archive(page, server, tmp_path):
    open_page(page, server, "home.ipynb", ".wb-home-export-prepare")
    page.locator(".wb-home-export-prepare").click()
    link = page.locator(".wb-home-export-result a.wb-download")
    link.wait_for()
    assert page.locator(".wb-home-export-progress .progress-bar-success, "
                        ".wb-home-export-progress .widget-progress").count() > 0
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("workbook-demo-") and saved.suffix == ".zip"

    from workbook.io.archive import read_archive
    from workbook.store.migrations import latest_version

    archive = read_archive(saved, latest_version())
    contacts = next(t for t in archive.tables if t.name == "contacts")
    assert len(contacts.rows) >= 100
