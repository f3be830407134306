"""The network map as a person uses it, in a real browser: import a LinkedIn export through
the page, read the report, see the charts, tag a connector and watch the ranking change."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, serving

pytestmark = pytest.mark.browser

# Three people at one invented organisation, and one row without a name (skipped).
LINKEDIN_EXPORT = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Octave,Quillard,https://www.linkedin.com/in/octave-quillard,,Quillard Conseil,Comptable,12 Jan 2024
Ophélie,Quillard,https://www.linkedin.com/in/ophelie-quillard,,Quillard Conseil,Acheteuse,03 Mar 2023
Oscar,Quillard,https://www.linkedin.com/in/oscar-quillard,,Quillard Conseil,Président d'association,15 Feb 2025
,,https://www.linkedin.com/in/nobody,,,,01 Jan 2020
"""


def _tab(page, title: str) -> None:
    page.locator(".wb-network-tabs .lm-TabBar-tab", has_text=title).click()


def _first_ranked(page) -> str:
    return page.locator(".wb-network-ranking-table tbody tr").first.inner_text()


def test_import_tag_a_connector_and_the_ranking_changes(page, server, tmp_path):
    export = tmp_path / "Connections.csv"
    export.write_text(LINKEDIN_EXPORT, encoding="utf-8")
    open_page(page, server, "network.ipynb", ".wb-network-tabs")

    # The map's first view: the summary and the layers × roles picture in HTML; the
    # interactive charts (plotly) only once asked for.
    expect(page.locator(".wb-network-summary")).to_contain_text("contacts")
    expect(page.locator(".wb-network-picture .wb-bar").first).to_be_visible()
    assert page.locator(".wb-network-picture .wb-bar-label",
                        has_text="Inner circle").count() == 1
    assert page.locator(".wb-network-chart").count() == 0
    page.locator(".wb-network-show-charts").click()
    # The map of the demo network is drawn (aggregated charts, no point per contact).
    page.wait_for_selector(".wb-network-chart .main-svg")
    chart = page.locator(".wb-network-chart")
    assert chart.locator("path.surface").count() > 0                # layers × roles sunburst
    assert chart.locator(".bars path").count() > 0                  # organisations, coverage
    assert chart.locator("text", has_text="Who can introduce me where").count() == 1

    # Import through the upload widget: progress bar, counts, skipped row with its reason.
    _tab(page, "Import")
    # ipywidgets' FileUpload keeps its <input type=file> out of the DOM and opens it on click
    with page.expect_file_chooser() as chooser:
        page.locator(".wb-network-upload").click()
    chooser.value.set_files(str(export))
    counts = page.locator(".wb-network-counts tbody tr")
    counts.wait_for()
    assert counts.locator("td").all_inner_texts() == ["4", "3", "0", "0", "1"]
    assert page.locator(".wb-network-skipped tbody tr").count() == 1
    assert page.locator(".wb-network-import-status", has_text="new contacts: 3").is_visible()

    # The charts follow the import.
    _tab(page, "Map")
    page.locator(".wb-network-groupby button", has_text="By organisation").wait_for()
    page.wait_for_selector(".wb-network-chart text:has-text('Quillard Conseil')")

    # Narrow the contacts to the new organisation; rank only those.
    _tab(page, "Contacts")
    search = page.locator(".wb-network-search input")
    search.fill("quillard")
    search.press("Enter")
    page.wait_for_selector(".wb-network-count:has-text('3 contacts match')")
    _tab(page, "Whom next")
    page.locator(".wb-network-next-filter input[type=checkbox]").check()
    expect(page.locator(".wb-network-ranking-table tbody tr")).to_have_count(3)
    assert "Octave Quillard" in _first_ranked(page)        # equal scores: first imported

    # Tag Oscar as a connector in the editor and save.
    _tab(page, "Contacts")
    page.locator(".wb-network-picker select").select_option(
        label="Oscar Quillard — Quillard Conseil")
    page.wait_for_selector(".wb-network-edit-name input[value='Oscar Quillard'], "
                           ".wb-network-edit-save")
    page.locator(".wb-network-edit-role-connector").click()
    page.locator(".wb-network-edit-save").click()
    page.wait_for_selector(".wb-network-edit-status:has-text('Oscar Quillard saved')")

    _tab(page, "Whom next")
    expect(page.locator(".wb-network-ranking-table tbody tr").first).to_contain_text("Oscar")
    first = _first_ranked(page)
    assert "Oscar Quillard" in first and "connector or prescriber" in first
    page.screenshot(path=str(tmp_path / "network.png"))

    # Leave the shared demo profile as found: undo the import (two steps).
    _tab(page, "Import")
    page.locator(".wb-network-undo").click()
    page.locator(".wb-network-undo-yes").click()
    page.wait_for_selector(".wb-network-undo-status:has-text('Import undone')")


def test_saving_a_contact_answers_next_to_the_button_on_a_laptop_screen(page, server,
                                                                         tmp_path):
    """1366×768, the Save button at the bottom of the Contacts tab: the answer is drawn
    beside it, inside the window, not at the top of the page out of sight."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_page(page, server, "network.ipynb", ".wb-network-tabs")
    _tab(page, "Contacts")
    picker = page.locator(".wb-network-picker select")
    picker.locator("option").first.wait_for(state="attached")
    # the select draws spaces as no-break spaces
    name = picker.locator("option").first.inner_text().replace("\xa0", " ").split(" — ")[0]
    picker.select_option(index=0)
    expect(page.locator(".wb-network-edit-name input")).to_have_value(name)
    page.locator(".wb-network-edit-save").click()
    message = page.locator(".wb-network-edit-status", has_text=f"{name} saved")
    message.wait_for()
    page.screenshot(path=str(tmp_path / "network-saved-1366x768.png"))
    box = message.bounding_box()
    assert box is not None and box["height"] > 0
    assert 0 <= box["y"] and box["y"] + box["height"] <= 768, box
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1366, box
    # The page-wide line at the top is out of sight by now: it must not be where the answer went.
    assert page.locator(".wb-network-status", has_text="saved").count() == 0


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    """A server on a 30,000-contact profile (a LinkedIn export's worth, tagged and followed
    for a year: the one the notebooks are run on besides the demo)."""
    from tests.notebooks.test_profiles import _large_profile

    home = tmp_path_factory.mktemp("large-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBOOK_HOME", str(home))
        _large_profile("large")
    with serving(home, "--profile", "large", "--lang", "en", profile="large") as running:
        yield running


def test_typing_a_name_among_30000_contacts_finds_them_and_fills_the_editor(
        page, large_server, tmp_path):
    open_page(page, large_server, "network.ipynb", ".wb-network-tabs")
    _tab(page, "Contacts")
    options = page.locator(".wb-network-picker select option")
    expect(options).to_have_count(30)            # a short first list, never 30,000 options
    search = page.locator(".wb-network-picker-search input")
    search.press_sequentially("nom2999", delay=60)
    # Nom2999 and Nom29990…Nom29999: eleven people, whatever the first list held
    expect(options).to_have_count(11, timeout=30_000)
    texts = [t.replace("\xa0", " ") for t in options.all_inner_texts()]
    assert all("Nom2999" in t for t in texts), texts
    wanted = next(i for i, t in enumerate(texts) if t.split(" — ")[0] == "Prénom199 Nom2999")
    page.locator(".wb-network-picker select").select_option(index=wanted)
    expect(page.locator(".wb-network-edit-name input")).to_have_value("Prénom199 Nom2999")
    search.fill("")
    search.press_sequentially("zzqx", delay=60)
    expect(page.locator(".wb-network-picker-note")).to_contain_text("No one matches “zzqx”")
    page.screenshot(path=str(tmp_path / "network-picker-30000.png"))
