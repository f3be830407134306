"""The glossary in a real browser: the "?" beside a term shows its definition on hover and
opens the glossary at that term; the header's link opens the glossary."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def test_the_question_mark_opens_the_glossary_at_its_term(page, server, tmp_path):
    open_page(page, server, "positioning.ipynb")
    help_ = page.locator(".wb-page a.wb-term-help[data-term='prescriber']").first
    assert "Not a doctor" in help_.get_attribute("title")
    assert not page.locator("#wb-gl-prescriber").is_visible()    # the glossary starts folded
    help_.click()
    entry = page.locator("#wb-gl-prescriber")
    entry.wait_for(state="visible")
    assert page.locator("details.wb-glossary[open]").count() == 1
    box, height = entry.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] < height, "the entry was not scrolled into view"
    page.screenshot(path=str(tmp_path / "glossary.png"))


def test_the_header_link_opens_the_glossary(page, server):
    open_page(page, server, "routines.ipynb")
    page.locator(".wb-header a.wb-glossary-link").click()
    page.locator("#wb-gl-three_b_seven").wait_for(state="visible")
    assert "3 business days" in page.locator("details.wb-glossary").inner_text()
