"""The first hour of a new user, walked in a real browser as the README tells it, once in
English and once in French: a fresh profile, the home page and the language, where she lives,
her own LinkedIn export imported through the page, roles and layers, a target organisation and
whom to contact next, a coffee logged, who is due, the weekly plan, and the calendar file.

Every expected text comes from the i18n catalogue (`Translator`), so the test follows the
catalogue. Elements are found by what a person sees — labels, placeholders, button texts,
tab titles — not by CSS classes or widget order, so that the panels can be reshaped; the
network page's steps are small helpers below. Screenshots of each step are written to
tests/browser/artifacts/<lang>/ (ignored by git)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_page, serving, watched_page
from workbook.i18n import Translator
from workbook.i18n.dates import format_date

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1366, "height": 768}
EXPORT = Path(__file__).parent / "fixtures" / "Connections.csv"
ARTIFACTS = Path(__file__).parent / "artifacts"
ROWS_IN_EXPORT = 60
WAIT_MS = 60_000   # for a text to appear; loads and clicks keep PAGE_TIMEOUT_MS
TARGET = "Helios Énergie"
CONNECTOR = "Bastien Moreau"        # works at the target organisation
PRESCRIBER = "Sophie Leclerc"       # a career consultant: prescribes, and has a coffee
LAYERED = ["Chloé Girard", "Inès Chevalier", "Olivier Fontaine"]   # sorted into layers today


@dataclass(frozen=True)
class Persona:
    lang: str
    locale: str                   # her browser's
    serve_args: tuple[str, ...]   # as she starts the workbook from the README
    holidays: str                 # the country she picks (a holidays code of the catalogue)
    typed_zone: str               # what she types as her time zone
    zone: str                     # the IANA zone the workbook should settle on


PERSONAS = [
    # An English-speaking marketing manager in London: serves her profile as the README shows,
    # without --lang, and picks English on the home page.
    pytest.param(Persona("en", "en-GB", (), "GB-ENG", "London", "Europe/London"), id="en"),
    # A French job-club coach: `workbook serve --profile me --lang fr`, as in the README.
    pytest.param(Persona("fr", "fr-FR", ("--lang", "fr"), "FR", "Paris", "Europe/Paris"), id="fr"),
]


@pytest.fixture(scope="module", params=PERSONAS)
def walk(request, tmp_path_factory):
    persona: Persona = request.param
    home = tmp_path_factory.mktemp(f"first-hour-{persona.lang}")
    with serving(home, "--profile", "me", *persona.serve_args, profile="me") as server:
        yield persona, server


class Walk:
    """One person's browser tab, her catalogue, and numbered screenshots."""

    def __init__(self, page: Page, server, persona: Persona):
        self.page, self.server, self.persona = page, server, persona
        self.tr = Translator(persona.lang)
        self.shots = ARTIFACTS / persona.lang
        self.shots.mkdir(parents=True, exist_ok=True)
        self.step = 0

    def shot(self, name: str, focus=None) -> None:
        """A screenshot, `focus` (a locator or a text) scrolled into view first."""
        self.step += 1
        if isinstance(focus, str):
            focus = self.page.get_by_text(focus).filter(visible=True).last
        for _ in range(3 if focus is not None else 0):
            try:
                focus.scroll_into_view_if_needed()
                break
            except PlaywrightError:     # a tab redrawn under it: find it again
                self.page.wait_for_timeout(500)
        self.page.screenshot(path=str(self.shots / f"{self.step:02d}-{name}.png"),
                             full_page=True)

    def open(self, notebook: str) -> None:
        open_page(self.page, self.server, notebook)

    def button(self, key: str, **values):
        """The visible button with this text (an icon before it is part of its name)."""
        name = re.compile(rf"^\W*{re.escape(self.tr(key, **values))}$")
        return self.page.get_by_role("button", name=name).filter(visible=True)

    def tab(self, key: str) -> None:
        self.page.get_by_role("tab", name=self.tr(key), exact=True).click()

    def see(self, text: str, timeout: float = WAIT_MS) -> None:
        expect(self.page.get_by_text(text).filter(visible=True).first).to_be_visible(
            timeout=timeout)

    def panel(self):
        """The tab panel on show (ipywidgets' Tab hides the others)."""
        return self.page.locator(".widget-tab-contents > :not(.lm-mod-hidden)").first


# ---------------------------------------------------------------- the network page's steps
# The network steps, kept small: the one place to adapt when the network page's panels change.

def import_export(w: Walk, path: Path) -> None:
    w.tab("network.tab.import")
    with w.page.expect_file_chooser() as chooser:
        w.page.get_by_role("button", name=re.compile(re.escape(w.tr("network.import.choose")))
                           ).click()
    chooser.value.set_files(str(path))
    w.see(w.tr("network.import.done", name=path.name, added=ROWS_IN_EXPORT, updated=0))


def find_contact(w: Walk, name: str) -> None:
    """Search the contacts, then pick the one person found for editing."""
    w.tab("network.tab.contacts")
    search = w.page.get_by_placeholder(w.tr("network.contacts.search_placeholder"))
    search.fill(name)
    search.press("Enter")
    w.see(w.tr("network.contacts.count_one"))
    picker = w.panel().get_by_role("listbox")
    option = picker.locator("option").filter(has_text=name)  # the one edited before stays too
    expect(option).to_have_count(1, timeout=WAIT_MS)
    picker.select_option(value=option.get_attribute("value"))
    expect(w.page.get_by_label(w.tr("network.col.name"), exact=True)).to_have_value(
        name, timeout=WAIT_MS)


def tag_contact(w: Walk, name: str, role: str | None, layer: str) -> None:
    """Give one person a role and a layer in the editor, and save."""
    find_contact(w, name)
    if role:
        w.button(f"vocab.role.{role}").click()
    w.page.get_by_label(w.tr("network.col.layer"), exact=True).select_option(
        label=w.tr(f"vocab.layer.{layer}"))
    w.button("common.save").click()
    w.see(w.tr("network.editor.saved", name=name))


def add_target(w: Walk, organisation: str) -> None:
    w.tab("network.tab.targets")
    w.panel().get_by_placeholder(w.tr("network.targets.name_placeholder"), exact=True).fill(
        organisation)
    w.button("network.targets.save").click()
    w.see(w.tr("network.targets.saved", name=organisation))


def ranking(w: Walk) -> list[str]:
    """The names in "whom to contact next", best first."""
    w.tab("network.tab.next")
    table = w.panel().locator("table", has=w.page.get_by_role(
        "columnheader", name=w.tr("network.next.score")))
    rows = table.locator("tbody tr")
    rows.first.wait_for()
    return rows.all_inner_texts()


# ---------------------------------------------------------------- the walk

def test_first_hour(browser, walk):
    persona, server = walk
    with watched_page(browser, VIEWPORT, persona.locale) as page:
        w = Walk(page, server, persona)
        tr = w.tr
        first_steps_and_language(w)
        where_i_live(w)

        # -- her own LinkedIn export, roles, layers, a target, whom next
        w.open("network.ipynb")
        import_export(w, EXPORT)
        w.shot("imported", tr("network.import.report_title", name=EXPORT.name))
        tag_contact(w, CONNECTOR, "connector", "target")   # the network she wants to join
        tag_contact(w, PRESCRIBER, "prescriber", "close")
        for name in LAYERED:
            tag_contact(w, name, None, "target")
        w.shot("tagged", tr("network.editor.saved", name=LAYERED[-1]))
        add_target(w, TARGET)
        ranked = ranking(w)
        w.shot("whom-next")
        assert CONNECTOR in ranked[0], ranked[:3]
        assert tr("network.reason.key_role") in ranked[0]
        assert tr("network.reason.works_at_target") in ranked[0]

        # -- a coffee, who is due, the week's plan, the calendar
        w.open("routines.ipynb")
        log_coffee(w, PRESCRIBER)
        who_is_due(w)
        weekly_plan_draws_on_the_ranking(w, top=CONNECTOR)
        calendar_in_my_zone(w)

        # -- back home: her network, counted in her language
        w.open("home.ipynb")
        w.see(tr.count("home.contacts", ROWS_IN_EXPORT))
        expect(page.get_by_text(tr("home.first.import"))).to_have_count(0)
        w.shot("home-after")


def first_steps_and_language(w: Walk) -> None:
    """A fresh profile: the home page says where to start; she picks her language."""
    page, tr = w.page, w.tr
    w.open("home.ipynb")
    page.get_by_role("button", name={"en": "English", "fr": "Français"}[w.persona.lang]).click()
    w.see(tr("home.title"))
    w.see(f'{tr("home.profile_label")} {w.server.profile}')   # "Profil :" in French
    w.see(tr("home.first.title"))
    w.see(tr("home.first.import"))
    w.shot("home-first-run")
    page.reload()                       # remembered for every page
    w.open("home.ipynb")
    w.see(tr("home.first.title"))


def where_i_live(w: Walk) -> None:
    """First visit of the routines page: the question of her country and time zone."""
    page, tr, persona = w.page, w.tr, w.persona
    w.open("routines.ipynb")
    w.see(tr("routines.region.question"))
    w.shot("region-question")
    country = tr(f"routines.holidays.{persona.holidays}")
    page.get_by_label(tr("routines.settings.holidays"), exact=True).first.select_option(
        label=country)
    zone = page.get_by_label(tr("routines.settings.timezone"), exact=True).first
    zone.fill(persona.typed_zone)
    w.button("routines.region.save").click()
    w.see(tr("routines.region.saved", zone=persona.zone, holidays=country))
    w.shot("region-saved")


def log_coffee(w: Walk, name: str) -> None:
    page, tr = w.page, w.tr
    w.tab("routines.tab.log")
    search = page.get_by_label(tr("routines.log.contact"), exact=True).first
    search.fill(name.split()[-1])
    matches = w.panel().get_by_role("listbox").first    # the matches listed under the box
    expect(matches).to_contain_text(name, timeout=WAIT_MS)  # one match is chosen for her
    expect(matches.locator("option:checked")).to_contain_text(name, timeout=WAIT_MS)
    page.get_by_label(tr("routines.log.kind"), exact=True).select_option(
        label=tr("vocab.kind.coffee"))
    w.button("routines.log.save").click()
    today = format_date(dt.date.today(), w.persona.lang)
    w.see(tr("routines.log.saved", kind=tr("vocab.kind.coffee"), name=name, date=today))
    w.shot("coffee-logged", tr("routines.log.save"))


def who_is_due(w: Walk) -> None:
    """People put in a layer today, never in touch yet, start there: none of them is 'late'
    by the years since an old LinkedIn connection date."""
    tr = w.tr
    w.tab("routines.tab.due")
    panel = w.panel()
    expect(panel).to_contain_text(tr("routines.due.heading_never", count=1 + len(LAYERED)),
                                  timeout=WAIT_MS)
    for name in [CONNECTOR, *LAYERED]:   # the rows land just after their heading
        expect(panel).to_contain_text(name, timeout=WAIT_MS)
    text = panel.inner_text()
    w.shot("who-is-due", tr("routines.due.heading_never", count=1 + len(LAYERED)))
    # Health per layer: everyone just sorted is within their rhythm (100), not years late.
    health = panel.locator("table", has=w.page.get_by_role(
        "columnheader", name=tr("routines.due.col_health")))
    head = health.locator("thead th").all_inner_texts()
    people, score = head.index(tr("routines.due.col_contacts")), len(head) - 1
    for row in health.locator("tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        if cells[people] != "0":
            assert cells[score] == "100", cells
    late = tr("routines.due.labelled", label=tr("routines.due.col_late"), value="")
    assert late.strip() not in text, text
    assert not re.search(r"\b\d{3,}\b", _lines_with(text, [CONNECTOR, *LAYERED])), text


def _lines_with(text: str, names: list[str]) -> str:
    return "\n".join(line for line in text.splitlines() if any(n in line for n in names))


def weekly_plan_draws_on_the_ranking(w: Walk, top: str) -> None:
    """The week's expand part starts with the person "whom to contact next" ranks first."""
    tr = w.tr
    w.tab("routines.tab.week")
    panel = w.panel()
    heading = tr("routines.week.section_first")
    expect(panel).to_contain_text(heading)

    def lines_after() -> list[str]:
        text = panel.inner_text()
        return text.split(heading, 1)[1].strip().splitlines() if heading in text else []

    # The tab is redrawn on opening after the coffee: give the redraw time to land.
    for _ in range(WAIT_MS // 250):
        after = lines_after()
        if after and top in after[0]:
            break
        w.page.wait_for_timeout(250)
    w.shot("week-plan", heading)
    assert after and top in after[0], after[:3]


def calendar_in_my_zone(w: Walk) -> None:
    page, tr, persona = w.page, w.tr, w.persona
    w.tab("routines.tab.calendar")
    country = tr(f"routines.holidays.{persona.holidays}")
    w.see(tr("routines.calendar.zone", zone=persona.zone, holidays=country))
    w.button("routines.calendar.prepare").click()
    link = page.get_by_role("link", name=tr("routines.calendar.link"))
    with page.expect_download() as download_info:
        link.click()
    w.shot("calendar", link)
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == [persona.zone]
    events = calendar.walk("VEVENT")
    assert events
    timed = [e for e in events if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert timed, "the weekly slots are timed events"
    for event in timed:
        start = event.decoded("DTSTART")
        assert str(start.tzinfo) == persona.zone or event["DTSTART"].params.get("TZID") == \
            persona.zone, event
