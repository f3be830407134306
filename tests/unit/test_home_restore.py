"""Restoring a downloaded profile from the home page itself: a sentence says what happens, a
question comes before anything is written, the restored profile stands beside this one and
nothing existing is replaced. No command to type."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.i18n import catalogue
from workbook.paths import profile_path
from workbook.services.exports import download
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.home import HomePage
from workbook.ui.home.restore import RestorePanel


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_PROFILE", "claire")
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    return tmp_path


def _archive(name: str, fmt: str = "zip") -> tuple[str, bytes]:
    conn = open_profile(name)
    add_contact(conn, "Alexandre Henry", organisation="Helio")
    content, file_name, _, _ = download(conn, fmt, profile=name)
    conn.close()
    return file_name, content


def _panel(page: HomePage) -> RestorePanel:
    return next(child for child in page.export_box.children
                if "wb-home-restore" in getattr(child, "_dom_classes", ()))


def _choose(page, file_name: str, content: bytes, name: str = "") -> None:
    panel = _panel_object(page)
    panel.name.value = name
    panel.upload.value = ({"name": file_name, "content": memoryview(content),
                           "type": "", "size": len(content),
                           "last_modified": dt.datetime(2026, 12, 7, tzinfo=dt.UTC)},)


def _panel_object(page) -> RestorePanel:
    return page.restore


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_home_page_restores_a_downloaded_profile_after_asking(home, lang):
    file_name, content = _archive("old-laptop")
    profile_path("old-laptop").unlink()        # the copy lives only in the downloaded file
    page = HomePage(open_page_context("claire", lang))
    panel = page.restore
    texts = catalogue(lang)
    assert texts["home.restore.help"] in _panel(page).children[0].value.replace("&#x27;", "'")
    assert "import-profile" not in texts["export.page.help"]
    _choose(page, file_name, content)
    assert panel.confirm.view.layout.display == "flex"     # asked first…
    assert not profile_path("old-laptop").exists()         # …nothing written yet
    panel.confirm.yes.click()
    assert profile_path("old-laptop").exists()
    assert "old-laptop" in panel.status.value and "wb-status-error" not in panel.status.value
    restored = open_profile("old-laptop")
    assert restored.execute("SELECT full_name FROM contacts").fetchone()[0] == "Alexandre Henry"
    restored.close()


def test_an_existing_profile_is_never_replaced_and_she_is_told_what_to_do(home):
    file_name, content = _archive("claire-copy", "json")
    page = HomePage(open_page_context("claire", "fr"))
    _choose(page, file_name, content)              # "claire-copy" exists: refused
    page.restore.confirm.yes.click()
    assert "existe déjà" in page.restore.status.value and "Nom du nouveau profil" in \
        page.restore.status.value.replace("&#x27;", "'")
    _choose(page, file_name, content, name="claire-2")
    page.restore.confirm.yes.click()
    assert profile_path("claire-2").exists() and "claire-2" in page.restore.status.value


def test_a_file_that_is_not_an_archive_is_refused_in_one_sentence(home):
    page = HomePage(open_page_context("claire", "en"))
    _choose(page, "notes.json", b'{"hello": 1}', name="other")
    page.restore.confirm.yes.click()
    assert "wb-status-error" in page.restore.status.value
    assert "Nothing was restored" in page.restore.status.value
    assert not profile_path("other").exists()
