"""Paths, escaping, name keys and the home page's widgets (no browser)."""

import pytest

from workbook.domain.names import fold, organisation_key
from workbook.escaping import escape_html
from workbook.paths import ProfileNameError, check_profile_name, profile_path


def test_data_lives_under_workbook_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    assert profile_path("alice") == tmp_path / "profiles" / "alice.sqlite"


@pytest.mark.parametrize("name", ["", "../x", "a/b", ".hidden", "x" * 65, "trailing.", "é"])
def test_unsafe_profile_names_are_refused(name):
    with pytest.raises(ProfileNameError):
        check_profile_name(name)


def test_escaping_neutralises_markup():
    assert escape_html('<img src=x onerror="alert(1)">') == \
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert escape_html(None) == "" and escape_html(3) == "3"


@pytest.mark.parametrize("a, b", [("Société Générale SA", "societe generale"),
                                  ("L'Oréal", "l oreal"), ("ACME, Inc.", "acme")])
def test_organisation_keys_match_spellings(a, b):
    assert organisation_key(a) == b


def test_fold_removes_accents_and_case():
    assert fold("  Élodie   DUFRESNE ") == "elodie dufresne"


@pytest.fixture
def demo_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_PROFILE", "demo")
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    from workbook.demo import fill_demo
    from workbook.store import open_profile

    conn = open_profile("demo")
    fill_demo(conn)
    conn.close()
    return tmp_path


def test_home_page_switches_language_and_remembers_it(demo_home):
    from workbook.store import open_profile
    from workbook.store.settings import get_setting
    from workbook.ui.common import open_page_context
    from workbook.ui.home import HomePage

    page = HomePage(open_page_context())
    assert page.ctx.lang == "fr" and "Classeur réseau" in page.header.value
    page.language.value = "en"
    assert "Networking Workbook" in page.header.value
    assert page.chart.data[0].name == "Connector"
    conn = open_profile("demo")
    assert get_setting(conn, "lang") == "en"
    conn.close()
    assert HomePage(open_page_context()).ctx.lang == "en"


def test_home_page_escapes_the_profile_name(demo_home):
    from workbook.store.settings import set_setting
    from workbook.ui.common import open_page_context
    from workbook.ui.home import HomePage

    ctx = open_page_context()
    set_setting(ctx.conn, "display_name", "<b onmouseover=x>Eve</b>")
    page = HomePage(ctx)
    assert "&lt;b onmouseover=x&gt;Eve&lt;/b&gt;" in page.summary.value
    assert "<b onmouseover" not in page.summary.value
