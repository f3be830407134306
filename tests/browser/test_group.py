"""The group page as a coach uses it in a real browser: import three progress cards, generate
this session's round, and read the pairs on the projector view (the page fixture fails on any
request leaving 127.0.0.1)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from workbook.domain.progress_card import ProgressCard, card_bytes

pytestmark = pytest.mark.browser

NEWCOMERS = ("Nadia P.", "Olivier R.", "Paul S.")


def _tab(page, title: str) -> None:
    page.locator(".wb-group-tabs .lm-TabBar-tab", has_text=title).click()


def _card_files(folder):
    paths = []
    for number, name in enumerate(NEWCOMERS):
        card = ProgressCard(f"browser{number}", name, "", dt.date.today().isoformat(), {
            "positioning": {"one_liner": f"{name} keeps wind farms running.",
                            "focus_score": 60 + number, "core": {}},
            "network": {"total": 30 + number, "by_layer": {"close": 30 + number},
                        "by_role": {"connector": 3}}})
        path = folder / f"card-{number}.wbcard.json"
        path.write_bytes(card_bytes(card))
        paths.append(str(path))
    return paths


def test_import_three_cards_generate_a_round_and_project_it(page, server, tmp_path):
    open_page(page, server, "group.ipynb", ".wb-group-tabs")

    _tab(page, "Cards")
    with page.expect_file_chooser() as chooser:
        page.locator(".wb-group-card-upload").click()
    chooser.value.set_files(_card_files(tmp_path))
    expect(page.locator(".wb-group-card-results li")).to_have_count(3)   # a line per file
    rows = page.locator(".wb-group-waiting-row")
    for left in (2, 1, 0):                    # three newcomers: the coach adds each one
        rows.first.locator(".wb-group-waiting-place").click()
        expect(rows).to_have_count(left)
        expect(page.locator(".wb-group-cards-status")).to_contain_text("joined the roster")
    table = page.locator(".wb-group-side-by-side")
    for name in NEWCOMERS:
        expect(table).to_contain_text(name)
    page.screenshot(path=str(tmp_path / "group-cards.png"))

    _tab(page, "Pairs")
    page.locator(".wb-group-generate").click()
    expect(page.locator(".wb-group-pairs-status")).to_contain_text("is ready")
    current = page.locator(".wb-group-current-round tbody tr")
    expect(current).to_have_count(6)          # 13 people: five pairs and one trio
    page.screenshot(path=str(tmp_path / "group-pairs.png"))

    _tab(page, "Projector")
    projector = page.locator(".wb-group-projector")
    expect(projector).to_contain_text("This round's pairs")
    items = projector.locator("li")
    expect(items).to_have_count(6)
    text = projector.inner_text()
    for name in (*NEWCOMERS, "Aline M.", "Jonas V."):
        assert name in text
    size = projector.locator(".wb-projector").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 30                         # readable from the back of the room
    page.locator(".wb-group-projector-choice button", has_text="Questions").click()
    expect(projector).to_contain_text("Who is new on the market?")
    page.screenshot(path=str(tmp_path / "group-projector.png"))


def test_a_participant_previews_unticks_and_downloads_their_card(page, server, tmp_path):
    from workbook.io.progress_card import read_card

    open_page(page, server, "home.ipynb", ".wb-card-share")
    page.locator(".wb-card-open").click()
    preview = page.locator(".wb-card-preview")
    expect(preview).to_contain_text("Never in a card")
    expect(preview).to_contain_text("contacts · by layer")
    page.locator(".wb-card-tick-network input[type=checkbox]").uncheck()
    expect(preview).not_to_contain_text("contacts · by layer")
    with page.expect_download() as download_info:
        page.locator(".wb-card-download a").click()
    card = read_card(open(download_info.value.path(), "rb").read())
    assert "network" not in card.sections and card.participant == "Camille Durand"
    assert read_card(page.locator(".wb-card-text textarea").input_value()) == card
