"""Paths, escaping, name keys and the home page's widgets (no browser)."""

import pytest

from workbook.domain.names import fold, organisation_key
from workbook.escaping import escape_html
from workbook.paths import ProfileNameError, check_profile_name, profile_path


def test_data_lives_under_workbook_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    assert profile_path("alice") == tmp_path / "profiles" / "alice.sqlite"


@pytest.mark.parametrize("name", ["", "../x", "a/b", ".hidden", "x" * 65, "trailing.", "é",
                                  "abc\n", "abc\r\n"])
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
    assert ">Connector</span>" in page.chart.value and "Connecteur" not in page.chart.value
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


BUILDERS = ("build_home", "build_positioning", "build_network", "build_routines")


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("damage, key", [("newer", "common.error_newer_schema"),
                                         ("garbage", "common.error_profile_unreadable")])
def test_every_page_explains_a_profile_it_cannot_open(builder, damage, key, tmp_path,
                                                      monkeypatch):
    """A page opened on a profile from a newer workbook, or on a damaged file, shows a sentence
    (not a failed cell) and leaves the file as it was."""
    import ipywidgets as ipw

    import workbook.ui as ui
    from workbook.i18n import Translator
    from workbook.paths import profile_path
    from workbook.store.db import connect
    from workbook.store.migrations import latest_version

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_PROFILE", "broken")
    path = profile_path("broken")
    path.parent.mkdir(parents=True)
    if damage == "newer":
        conn = connect(path)
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
        conn.close()
    else:
        path.write_bytes(b"this is not a database " * 200)
    before = path.read_bytes()

    view = getattr(ui, builder)(lang="en")

    assert isinstance(view, ipw.HTML)
    assert Translator("en")(key).split(":")[0] in view.value.replace("&#x27;", "'")
    assert path.read_bytes() == before


def test_tables_escape_every_cell_but_markup():
    from workbook.ui.common import Markup, table_html

    html = table_html(["<h>"], [["<img src=x>"], [Markup("<b>ok</b>")]], "x")
    assert "&lt;h&gt;" in html and "&lt;img src=x&gt;" in html and "<b>ok</b>" in html
    assert "<img" not in html


def test_shorten_folds_white_space_and_cuts_with_an_ellipsis():
    from workbook.escaping import shorten

    assert shorten("  a\n b  ", 10) == "a b"
    assert shorten("abcdef ghij", 8) == "abcdef…"
    assert shorten(None, 5) == ""


@pytest.mark.callback_error_expected
def test_a_failing_callback_is_shown_as_a_sentence_and_seen_by_the_tests(
        callbacks_must_not_fail, tmp_path, monkeypatch):
    """The user reads a sentence; the test suite still sees the exception (the autouse
    `callbacks_must_not_fail` fails every test where this happens unmarked)."""
    from workbook.ui.common import StatusLine, guarded, open_page_context

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    ctx = open_page_context("guarded", "en")
    status = StatusLine()

    @guarded(ctx, status)
    def _on_click(_button):
        raise ZeroDivisionError("a bug")

    _on_click(None)
    assert "wb-status-error" in status.value and "ZeroDivisionError" not in status.value
    assert [r.exc_info[0] for r in callbacks_must_not_fail] == [ZeroDivisionError]
    ctx.conn.close()
