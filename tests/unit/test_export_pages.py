"""The pages' downloads, built in plain pytest: the home page offers the whole profile, the
network map's contacts tab the contacts; the progress bar follows; the link carries the file."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
import zipfile

import pytest

from workbook.demo import fill_demo
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.home import HomePage
from workbook.ui.network import NetworkPage


@pytest.fixture(autouse=True)
def profile(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    conn = open_profile("default")
    fill_demo(conn, today=dt.date(2026, 11, 30))
    add_contact(conn, '<img src=x onerror="alert(1)">', email="x@y.org")
    conn.close()


def _payload(html: str) -> tuple[str, bytes]:
    name = re.search(r'download="([^"]+)"', html)[1]
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", html)[1]
    return name, base64.b64decode(data)


def _find(widget, css):
    """The first descendant widget carrying the CSS class `css`."""
    if css in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = _find(child, css)
        if found is not None:
            return found
    return None


def test_home_page_downloads_the_whole_profile_with_a_progress_bar():
    page = HomePage(open_page_context(lang="en"))
    box = _find(page.view, "wb-home-export")
    fmt, button = _find(box, "wb-home-export-format"), _find(box, "wb-home-export-prepare")
    progress, result = _find(box, "wb-home-export-progress"), _find(box, "wb-home-export-result")
    seen = []
    progress.observe(lambda change: seen.append(change["new"]), names="value")
    assert [v for _, v in fmt.options] == ["zip", "json", "xlsx"]
    fmt.value = "zip"
    button.click()
    name, data = _payload(result.value)
    assert re.fullmatch(r"workbook-default-\d{4}-\d{2}-\d{2}\.zip", name)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "profile.json" in zf.namelist() and "tables/contacts.csv" in zf.namelist()
    assert progress.value == progress.max and len(seen) > 2          # it moved
    assert "rows" in result.value and "<img" not in result.value
    page.language.value = "fr"                                       # labels follow
    box = _find(page.view, "wb-home-export")
    assert "Profil complet" in _find(box, "wb-home-export-format").options[0][0]


def test_contacts_tab_downloads_vcards_and_csv():
    page = NetworkPage(open_page_context(lang="en"))
    box = _find(page.contacts.view, "wb-network-export")
    fmt, button = _find(box, "wb-network-export-format"), _find(box, "wb-network-export-prepare")
    result = _find(box, "wb-network-export-result")
    assert [v for _, v in fmt.options] == ["csv", "vcf"]
    fmt.value = "vcf"
    button.click()
    name, data = _payload(result.value)
    assert name.endswith("-contacts-" + dt.date.today().isoformat() + ".vcf")
    text = data.decode("utf-8")
    assert text.count("BEGIN:VCARD") == 151
    assert 'FN:<img src=x onerror="alert(1)">' in text          # the file holds the text as is
    fmt.value = "csv"
    button.click()
    name, data = _payload(result.value)
    assert name.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
