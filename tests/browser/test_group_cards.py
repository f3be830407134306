"""Cards that land on the right person, in a real browser, in English and French: two
participants make their cards on their own profiles (not the demo) with their own names,
Marc the coach imports both, matches one to the roster member it comes from, adds the other
by mistake as a new member and merges the two. Then a participant shares a card from the
home page: the section choices are whole at 1366 px and on a phone, the copy button copies
the text a person can read. Screenshots land in WORKBOOK_SHOTS (or the test's folder)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, serving, watched_page
from workbook.io.progress_card import read_card

pytestmark = pytest.mark.browser

VCARD = Path(__file__).parents[1] / "fixtures" / "contacts" / "vcard30.vcf"
WORDS = {
    "en": {"cards": "Cards", "roster": "Roster", "close": "close name",
           "new": "A new member: Jonas Vidal", "matched": "Imported for Hamid T.",
           "joined": "Jonas Vidal joined the roster", "merged": "is merged into Jonas V.",
           "copied": "Copied"},
    "fr": {"cards": "Fiches", "roster": "Groupe", "close": "nom proche",
           "new": "Un nouveau membre : Jonas Vidal", "matched": "Importée pour Hamid T.",
           "joined": "Jonas Vidal a rejoint le groupe", "merged": "est fusionné avec Jonas V.",
           "copied": "Copié"},
}
SIZES = {"wide": {"width": 1366, "height": 768}, "phone": {"width": 400, "height": 800}}


def _participant_card(home: Path, profile: str, name: str, folder: Path) -> Path:
    """A participant's own profile (a few contacts imported), their card made on the command
    line with the name they give."""
    env = dict(os.environ, WORKBOOK_HOME=str(home))
    card = folder / f"{profile}.wbcard.json"
    for command in (["import", str(VCARD), "--profile", profile],
                    ["card", "--profile", profile, "--name", name, str(card)]):
        subprocess.run([sys.executable, "-m", "workbook", *command], env=env, check=True,
                       capture_output=True)
    return card


def _home(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shots() -> Path:
    folder = Path(os.environ.get("WORKBOOK_SHOTS", "") or "/tmp/workbook-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _tab(page, title: str) -> None:
    page.locator(".wb-group-tabs .lm-TabBar-tab", has_text=title).click()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_coach_matches_a_card_to_a_roster_member_and_merges_two(browser, tmp_path, lang):
    words, shots = WORDS[lang], _shots()
    hamid = _participant_card(tmp_path / "people", "hamid", "Hamid Tazi", tmp_path)
    jonas = _participant_card(tmp_path / "people", "jonas", "Jonas Vidal", tmp_path)
    with serving(_home(tmp_path / "coach"), "--demo", "--lang", lang) as server, \
            watched_page(browser, SIZES["wide"]) as page:
        open_page(page, server, "group.ipynb", ".wb-group-tabs")
        _tab(page, words["cards"])
        with page.expect_file_chooser() as chooser:
            page.locator(".wb-group-card-upload").click()
        chooser.value.set_files([str(hamid), str(jonas)])
        expect(page.locator(".wb-group-card-results li")).to_have_count(2)
        rows = page.locator(".wb-group-waiting-row")
        expect(rows).to_have_count(2)
        first = rows.nth(0).locator("select")
        expect(first.locator("option:checked")).to_contain_text("Hamid T.")
        expect(first.locator("option:checked")).to_contain_text(words["close"])
        rows.nth(0).scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"cards-waiting-{lang}-wide.png"))
        page.set_viewport_size(SIZES["phone"])
        rows.nth(0).scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"cards-waiting-{lang}-phone.png"))
        page.set_viewport_size(SIZES["wide"])

        rows.nth(0).locator(".wb-group-waiting-place").click()
        expect(page.locator(".wb-group-cards-status")).to_contain_text(words["matched"])
        expect(rows).to_have_count(1)
        # the second card: Marc adds its sender as a new member, then sees it is Jonas V.
        rows.nth(0).locator("select").select_option(label=words["new"])
        rows.nth(0).locator(".wb-group-waiting-place").click()
        expect(page.locator(".wb-group-cards-status")).to_contain_text(words["joined"])
        side = page.locator(".wb-group-side-by-side")
        expect(side).to_contain_text("Hamid T.")
        expect(side).to_contain_text("Jonas Vidal")

        _tab(page, words["roster"])
        page.locator(".wb-group-roster-who select").select_option(label="Jonas Vidal")
        page.locator(".wb-group-merge-into select").select_option(label="Jonas V.")
        page.locator(".wb-group-merge").click()
        page.locator(".wb-group-merge-yes").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"roster-merge-{lang}-wide.png"))
        page.locator(".wb-group-merge-yes").click()
        expect(page.locator(".wb-group-roster-status")).to_contain_text(words["merged"])
        roster = page.locator(".wb-group-roster")
        expect(roster).not_to_contain_text("Jonas Vidal")
        page.set_viewport_size(SIZES["phone"])
        page.locator(".wb-group-merge").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"roster-merge-{lang}-phone.png"))
        page.set_viewport_size(SIZES["wide"])
        _tab(page, words["cards"])
        missing = page.locator(".wb-group-missing")
        expect(missing).not_to_contain_text("Hamid T.")
        expect(missing).not_to_contain_text("Jonas V.")
        page.locator(".wb-group-side-by-side").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"cards-after-{lang}-wide.png"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sharing_shows_whole_choices_and_copies_a_readable_card(browser, tmp_path, lang):
    shots = _shots()
    with serving(_home(tmp_path / "home"), "--demo", "--lang", lang) as server:
        for size, viewport in SIZES.items():
            with watched_page(browser, viewport) as page:
                page.context.grant_permissions(["clipboard-read", "clipboard-write"])
                open_page(page, server, "home.ipynb", ".wb-card-share")
                page.locator(".wb-card-open").click()
                expect(page.locator(".wb-card-preview")).not_to_be_empty()
                labels = page.locator(".wb-card-ticks .widget-label-basic, "
                                      ".wb-card-ticks .widget-label-basic span")
                expect(labels).to_have_count(12)
                cut = labels.evaluate_all(
                    "ls => ls.filter(l => l.scrollWidth > l.clientWidth + 1"
                    " || l.scrollHeight > l.clientHeight + 1).map(l => l.textContent)")
                assert cut == [], f"{size}: labels cut: {cut}"
                page.locator(".wb-card-ticks").scroll_into_view_if_needed()
                page.screenshot(path=str(shots / f"share-{lang}-{size}.png"))
                page.locator(".wb-card-copy button").click()
                expect(page.locator(".wb-card-copy")).to_contain_text(WORDS[lang]["copied"])
                copied = page.evaluate("navigator.clipboard.readText()")
                text = page.locator(".wb-card-text textarea").input_value()
                assert copied == text
                assert read_card(copied).participant in text.splitlines()[0]
                page.locator(".wb-card-copy").scroll_into_view_if_needed()
                page.screenshot(path=str(shots / f"share-copy-{lang}-{size}.png"))
