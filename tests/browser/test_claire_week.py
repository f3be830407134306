"""Claire's first week, walked in a real browser in French and in English from a fresh
import of her own 400-row LinkedIn export: she opens Caroline (her inner circle) from the
contacts table, ticks "connector" on Sophie and moves on without saving (the edit is kept
as a draft and said so), sorts 14 former colleagues in one go, reads the map (the 15 sorted
people read beside the 385 not sorted), logs a coffee with Caroline (counted as keeping
up, and the page says why), and reads the week's plan (its headings agree with the lines
under them). Screenshots at 1366×768 and 400×800 of each tab she used go to
tests/browser/artifacts/claire/<lang>/ (ignored by git)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serving, watched_page
from tests.browser.test_first_hour import ARTIFACTS, WAIT_MS, Persona, Walk, where_i_live
from workbook.i18n.dates import format_date

pytestmark = pytest.mark.browser

EXPORT = Path(__file__).parent / "fixtures" / "Connections-400.csv"
ROWS = 400
INNER = "Caroline Moreau"
DRAFTED, OTHER = "Sophie Robert", "Alexandre Henry"
FORMER_EMPLOYER, COLLEAGUES = "Aldes", 14
NARROW = {"width": 400, "height": 800}

PERSONAS = [
    pytest.param(Persona("fr", "fr-FR", ("--lang", "fr"), "FR", "Paris", "Europe/Paris"),
                 id="fr"),
    pytest.param(Persona("en", "en-GB", ("--lang", "en"), "FR", "Paris", "Europe/Paris"),
                 id="en"),
]


@pytest.fixture(scope="module", params=PERSONAS)
def claire(request, tmp_path_factory):
    persona: Persona = request.param
    home = tmp_path_factory.mktemp(f"claire-{persona.lang}")
    with serving(home, "--profile", "claire", *persona.serve_args, profile="claire") as server:
        yield persona, server


class ClaireWalk(Walk):
    def __init__(self, page, server, persona):
        super().__init__(page, server, persona)
        self.shots = ARTIFACTS / "claire" / persona.lang
        self.shots.mkdir(parents=True, exist_ok=True)

    def both_sizes(self, name: str, focus=None) -> None:
        """The tab on show at 1366×768, then at 400×800 (a phone), then back."""
        self.shot(f"{name}-1366", focus)
        self.page.set_viewport_size(NARROW)
        self.page.wait_for_timeout(400)
        self.shot(f"{name}-400", focus)
        self.page.set_viewport_size({"width": 1366, "height": 768})


def test_claire_first_week(browser, claire):
    persona, server = claire
    with watched_page(browser, {"width": 1366, "height": 768}, persona.locale) as page:
        w = ClaireWalk(page, server, persona)
        where_i_live(w)
        w.open("network.ipynb")
        import_her_export(w)
        open_from_the_table(w, INNER)
        set_layer_and_save(w, INNER, "inner")
        an_edit_left_unsaved_is_kept(w)
        sort_former_colleagues(w)
        the_map_reads_after_her_first_sorting(w)
        w.open("routines.ipynb")
        coffee_with_her_inner_circle_counts_as_keeping_up(w)
        the_week_headings_agree_with_their_lines(w)
        w.open("home.ipynb")
        w.see(w.tr("common.chart.apart"))
        w.both_sizes("home", page.locator(".wb-home-bars"))


def import_her_export(w: ClaireWalk) -> None:
    w.tab("network.tab.import")
    with w.page.expect_file_chooser() as chooser:
        w.page.get_by_role("button", name=re.compile(re.escape(w.tr("network.import.choose")))
                           ).click()
    chooser.value.set_files(str(EXPORT))
    w.see(w.tr("network.import.done", name=EXPORT.name, added=ROWS, updated=0))


def search(w: ClaireWalk, text: str) -> None:
    w.tab("network.tab.contacts")
    box = w.page.get_by_placeholder(w.tr("network.contacts.search_placeholder"))
    box.fill(text)
    box.press("Enter")


def open_from_the_table(w: ClaireWalk, name: str) -> None:
    """Search, then click the person's row in the contacts table: the editor shows them."""
    search(w, name)
    row = w.panel().locator(".wb-network-table tr[data-key]").filter(has_text=name)
    expect(row).to_have_count(1, timeout=WAIT_MS)
    row.click()
    expect(w.page.get_by_label(w.tr("network.col.name"), exact=True)).to_have_value(
        name, timeout=WAIT_MS)


def set_layer_and_save(w: ClaireWalk, name: str, layer: str) -> None:
    w.page.get_by_label(w.tr("network.col.layer"), exact=True).select_option(
        label=w.tr(f"vocab.layer.{layer}"))
    w.button("common.save").click()
    w.see(w.tr("network.editor.saved", name=name))


def an_edit_left_unsaved_is_kept(w: ClaireWalk) -> None:
    """She ticks "connector" on Sophie, opens Alexandre without saving: told the change is
    kept as a draft; back on Sophie, the tick is there, marked as a draft; she saves."""
    tr = w.tr
    open_from_the_table(w, DRAFTED)
    w.button("vocab.role.connector").click()
    expect(w.page.locator(".wb-network-edit-role-connector.mod-active")).to_have_count(1)
    open_from_the_table(w, OTHER)
    w.see(tr("network.editor.draft_kept", name=DRAFTED))
    w.both_sizes("contacts-draft-kept", tr("network.editor.draft_kept", name=DRAFTED))
    w.page.locator(".wb-network-draft-open").filter(has_text=DRAFTED).click()
    expect(w.page.get_by_label(tr("network.col.name"), exact=True)).to_have_value(
        DRAFTED, timeout=WAIT_MS)
    w.see(tr("network.editor.draft_shown", name=DRAFTED))
    expect(w.page.locator(".wb-network-edit-role-connector.mod-active")).to_have_count(1)
    w.both_sizes("contacts-draft-shown", tr("network.editor.draft_shown", name=DRAFTED))
    w.button("common.save").click()
    w.see(tr("network.editor.saved", name=DRAFTED))
    expect(w.page.get_by_text(tr("network.editor.draft_shown", name=DRAFTED))).to_be_hidden()


def sort_former_colleagues(w: ClaireWalk) -> None:
    tr = w.tr
    search(w, FORMER_EMPLOYER)
    w.see(tr("network.contacts.count_all", count=COLLEAGUES, shown=COLLEAGUES))
    w.button("network.bulk.set_layer").click()
    w.button("network.bulk.confirm").click()
    w.see(tr.count("network.bulk.layer_done", COLLEAGUES, layer=tr("vocab.layer.active")))


def the_map_reads_after_her_first_sorting(w: ClaireWalk) -> None:
    """15 sorted, 385 not: the largest sorted layer fills its track; the unsorted count
    stands apart, with no bar."""
    tr = w.tr
    w.tab("network.tab.map")
    picture = w.panel().locator(".wb-network-picture")
    apart = picture.locator(".wb-bar-apart")
    expect(apart).to_contain_text(str(ROWS - COLLEAGUES - 1), timeout=WAIT_MS)
    expect(apart.locator(".wb-bar")).to_have_count(0)
    rows = picture.locator(".wb-bar-row:not(.wb-bar-apart)")
    widths = {}
    for row in rows.all():
        name = row.locator(".wb-bar-label").inner_text()
        track = row.locator(".wb-bar-track").bounding_box()["width"]
        bars = sum(bar.bounding_box()["width"] for bar in row.locator(".wb-bar").all())
        widths[name] = bars / track
    assert widths[tr("vocab.layer.active")] > 0.95, widths
    assert widths[tr("vocab.layer.inner")] > 0.05, widths    # 1 of 14: readable, not 0.3 %
    w.both_sizes("map", picture)


def coffee_with_her_inner_circle_counts_as_keeping_up(w: ClaireWalk) -> None:
    page, tr = w.page, w.tr
    w.tab("routines.tab.log")
    box = page.get_by_label(tr("routines.log.contact"), exact=True).first
    box.fill(INNER)
    matches = w.panel().get_by_role("listbox").first
    expect(matches.locator("option:checked")).to_contain_text(INNER, timeout=WAIT_MS)
    why = tr("routines.log.why.existing_layer", name=INNER,
             layer=tr("routines.log.in_layer.inner"))
    w.see(why)
    purpose = page.get_by_label(tr("routines.log.purpose"), exact=True)
    expect(purpose.locator("option:checked")).to_have_text(tr("vocab.purpose.maintain"))
    page.get_by_label(tr("routines.log.kind"), exact=True).select_option(
        label=tr("vocab.kind.coffee"))
    w.both_sizes("log-why", why)
    w.button("routines.log.save").click()
    w.see(tr("routines.log.saved", kind=tr("vocab.kind.coffee"), name=INNER,
             date=format_date(dt.date.today(), w.persona.lang)))
    w.tab("routines.tab.week")
    balance = w.panel().locator(".wb-routines-balance")
    unit = tr("routines.chart.unit_minutes")

    def spent(purpose_code: str) -> str:
        return balance.locator(".wb-bar-row").filter(
            has_text=tr(f"vocab.purpose.{purpose_code}")).locator(".wb-bar-value").inner_text()

    template = re.escape(tr("routines.chart.done_of", done="DONE", planned="PLANNED",
                            unit=unit)).replace("PLANNED", r"\d+")
    expect(balance.locator(".wb-bar-row").first).to_be_visible(timeout=WAIT_MS)
    for _ in range(WAIT_MS // 250):                    # the tab redraws after the coffee
        if re.fullmatch(template.replace("DONE", "60"), spent("maintain")):
            break
        page.wait_for_timeout(250)
    assert re.fullmatch(template.replace("DONE", "60"), spent("maintain")), spent("maintain")
    assert re.fullmatch(template.replace("DONE", "0"), spent("expand")), spent("expand")


def the_week_headings_agree_with_their_lines(w: ClaireWalk) -> None:
    """Under "keeping in touch", the people she has just put in her circles and never been in
    touch with come first, with why (a first touch with someone she knows keeps the network
    alive), and "up to date" is never said while they wait; the first messages are listed under
    their own heading; no "nothing this week" anywhere."""
    tr = w.tr
    panel = w.panel()
    touch, first = tr("routines.week.section_touch"), tr("routines.week.section_first")
    expect(panel).to_contain_text(first, timeout=WAIT_MS)
    text = panel.inner_text()
    after_touch = text.split(touch, 1)[1].strip().splitlines()
    never = tr("routines.reason.circle_never", name="NAME", layer="LAYER").split("LAYER")[1]
    assert after_touch[0].endswith(never), after_touch[:2]
    assert tr("routines.week.empty.touch_none_due") not in text
    lines = text.split(first, 1)[1].strip().splitlines()
    assert lines and tr("routines.week.section_followups") not in lines[0], lines[:3]
    for stale in ("Rien cette semaine", "Nothing here this week"):
        assert stale not in text
    w.both_sizes("week", first)
