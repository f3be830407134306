"""An empty profile's home page says what to do first instead of drawing an empty chart."""

import pytest

from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.home import HomePage


@pytest.fixture
def empty_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_PROFILE", "newcomer")
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    return tmp_path


def test_an_empty_profile_shows_its_first_steps_not_an_empty_chart(empty_home):
    page = HomePage(open_page_context())
    steps = page.first_steps.value
    assert "Pour commencer" in steps
    assert 'href="#network"' in steps and 'href="#positioning"' in steps
    assert steps.index("#network") < steps.index("#positioning")
    assert page.chart_box.layout.display == "none"
    page.language.value = "en"
    assert "Start here" in page.first_steps.value and "Import your contacts" in \
        page.first_steps.value


def test_each_first_step_goes_once_done_and_the_chart_comes_back(empty_home):
    ctx = open_page_context()
    add_contact(ctx.conn, "Ada Lovelace", organisation="Analytical Engines")
    page = HomePage(ctx)
    assert "#network" not in page.first_steps.value
    assert "#positioning" in page.first_steps.value
    assert page.chart_box.layout.display is None


def test_a_profile_with_contacts_and_a_positioning_has_no_first_steps(empty_home):
    from workbook.demo import fill_demo

    ctx = open_page_context()
    fill_demo(ctx.conn)
    page = HomePage(ctx)
    assert page.first_steps.value == ""
    assert page.chart_box.layout.display is None
