"""Positioning page built in plain pytest: type, click, and check what the user sees and what
the profile holds."""

import asyncio
import base64
import re

import ipywidgets as ipw
import pytest

from workbook.domain.positioning import Card
from workbook.escaping import escape_html
from workbook.i18n import Translator
from workbook.io.card import card_html, card_markdown
from workbook.store import open_profile
from workbook.store import positioning as store
from workbook.ui.common import open_page_context
from workbook.ui.positioning import PositioningPage, build_positioning
from workbook.ui.positioning.repeat import distinct_labels
from workbook.ui.widgets import Debouncer

VAGUE = "Profil polyvalent, ouvert à toute opportunité dans tous les secteurs"
FOCUSED = {"target_role": "Contrôleur de gestion industriel",
           "audience": "les DAF de PME agroalimentaires",
           "deliverable": "je ramène la clôture mensuelle de 10 à 5 jours"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_PROFILE", "tester")
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    return tmp_path


def _page(lang="fr") -> PositioningPage:
    return PositioningPage(open_page_context("tester", lang))


def _score(page) -> int:
    return int(re.search(r'wb-positioning-score-value[^>]*>(\d+)<', page.feedback.score.value)[1])


def _type(page, **answers):
    for name, value in answers.items():
        page.form.step_inputs[name].value = value


def test_build_positioning_returns_the_page_box(home):
    view = build_positioning()
    assert isinstance(view, ipw.VBox)
    assert {"wb-page", "wb-positioning"} <= set(view._dom_classes)
    assert "Positionnement" in view.children[0].value


def test_vague_then_focused_statement_raises_the_score_and_saves_a_version(home):
    page = _page()
    assert _score(page) == 0  # nothing typed yet: the "empty" finding
    assert "Étapes remplies : 0 sur 6" in page.feedback.score.value
    _type(page, target_role=VAGUE)
    vague = _score(page)
    assert vague < 50 and 'data-code="vague_words"' in page.feedback.findings.value
    assert "polyvalent" in page.feedback.findings.value
    assert page.form.card_inputs["one_liner"].value == VAGUE + "."
    _type(page, **FOCUSED)
    assert _score(page) >= 75 > vague
    assert 'data-code="vague_words"' not in page.feedback.findings.value
    assert page.form.card_inputs["one_liner"].value.startswith("Contrôleur de gestion industriel pour les DAF")
    page.form.save.click()
    assert "wb-status-info" in page.form.status.value
    conn = page.ctx.conn
    saved = store.latest_version(conn)
    assert saved.statement.target_role == FOCUSED["target_role"] and saved.score >= 75
    assert saved.card.one_liner == page.form.card_inputs["one_liner"].value

    again = _page()  # the page reloaded: the version and the answers are there
    assert again.form.step_inputs["deliverable"].value == FOCUSED["deliverable"]
    assert "(1 en tout)" in again.form.last_version.value
    again.form.save.click()
    assert "Rien n" in again.form.status.value and len(store.list_versions(conn)) == 1


def test_saving_nothing_says_so_and_stores_nothing(home):
    page = _page("en")
    page.form.save.click()
    assert "wb-status-error" in page.form.status.value and "Answer at least one step" in page.form.status.value
    assert store.list_versions(page.ctx.conn) == []


def test_an_edited_card_text_stays_until_rebuilt(home):
    page = _page("en")
    _type(page, target_role="Payroll controller", audience="CFOs of SMEs")
    page.form.card_inputs["one_liner"].value = "My own line for CFOs: 5-day close."
    _type(page, deliverable="I cut the close from 10 to 5 days")
    assert page.form.card_inputs["one_liner"].value == "My own line for CFOs: 5-day close."
    assert "What changes when I join: I cut the close" in page.form.card_inputs["pitch"].value
    page.form.recompose.click()
    assert page.form.card_inputs["one_liner"].value == \
        "Payroll controller for CFOs of SMEs: I cut the close from 10 to 5 days."


def test_unsaved_typing_is_kept_as_a_draft(home):
    page = _page()
    _type(page, problem="des clôtures qui traînent")
    assert _page().form.step_inputs["problem"].value == "des clôtures qui traînent"


@pytest.mark.parametrize("text", ["", "x" * 20_000, "🚀🎯 " * 50,
                                  '<img src=x onerror="alert(1)"><script>alert(2)</script>',
                                  "Payroll controller pour les DAF : I cut the close de 10 à 5 jours"])
def test_bad_input_gives_feedback_never_a_crash_nor_html(home, text):
    page = _page()
    _type(page, target_role=text, difference=text)
    page.form.card_inputs["pitch"].value = text
    assert "wb-status-error" not in page.form.status.value
    for widget in (page.feedback.score, page.feedback.findings, page.form.length):
        assert "<img" not in widget.value and "<script" not in widget.value
    assert 0 <= _score(page) <= 100
    page.form.save.click()
    assert "wb-status-error" not in page.form.status.value or text.strip() == ""


def test_repeat_back_needs_a_version_then_shows_what_gets_lost(home):
    page = _page()
    page.sections.selected_index = 1
    page.repeat.name.value, page.repeat.text.value = "Ana", "Contrôleur de gestion"
    page.repeat.add.click()
    assert "Enregistrez d&#x27;abord une version" in page.repeat.status.value
    _type(page, **FOCUSED)
    page.form.save.click()
    for name, words in (("Ana", "Il est contrôleur de gestion industriel pour les DAF de PME"),
                        ("<img src=x onerror=alert(1)>", "Un contrôleur de gestion pour les DAF")):
        page.repeat.name.value, page.repeat.text.value = name, words
        page.repeat.add.click()
        assert "wb-status-info" in page.repeat.status.value
    assert page.repeat.text.value == ""
    rows = store.list_repeat_backs(page.ctx.conn, store.latest_version(page.ctx.conn).id)
    assert [r["connector_name"] for r in rows] == ["Ana", "<img src=x onerror=alert(1)>"]
    assert "wb-positioning-lost-deliverable" in page.repeat.summary.value
    bars = page.repeat.chart.data
    assert len(bars) == 3 and list(bars[0].x)[-1] == "Moyenne"
    assert "&lt;img" in bars[0].x[1] and "<img" not in page.repeat.summary.value
    assert list(bars[2].y) == [0, 0, 0]  # nobody kept the deliverable
    assert "<td>Il est contrôleur de gestion industriel pour les DAF de PME</td>" in page.repeat.table.value
    assert "&lt;img" in page.repeat.table.value and "<img" not in page.repeat.table.value
    page.repeat.add.click()
    assert "Indiquez le nom" in page.repeat.status.value
    page.repeat.delete.click()  # the list starts on its empty choice: nothing is removed
    assert "Choisissez d&#x27;abord" in page.repeat.delete_status.value
    assert len(store.list_repeat_backs(page.ctx.conn, store.latest_version(page.ctx.conn).id)) == 2
    page.repeat.delete_choice.value = rows[1]["id"]
    page.repeat.delete.click()
    assert "Reformulation retirée : &lt;img" in page.repeat.delete_status.value
    assert len(store.list_repeat_backs(page.ctx.conn, store.latest_version(page.ctx.conn).id)) == 1
    assert page.repeat.chart_box.children == ()  # Ana alone: her line in the table


def test_a_connector_asked_twice_gets_two_bars_not_one_pile(home):
    page = _page()
    _type(page, **FOCUSED)
    page.form.save.click()
    page.sections.selected_index = 1
    for words in ("Un contrôleur de gestion", "Un contrôleur de gestion pour les DAF de PME"):
        page.repeat.name.value, page.repeat.text.value = "Ana", words
        page.repeat.add.click()
    assert list(page.repeat.chart.data[0].x) == ["Ana", "Ana (2)", "Moyenne"]


def test_distinct_labels_number_repeats_and_avoid_taken_names():
    assert distinct_labels(["Ana", "Moyenne", "Ana", "Ana"], taken={"Moyenne"}) == \
        ["Ana", "Moyenne (2)", "Ana (2)", "Ana (3)"]


def test_progress_charts_versions_and_compares_the_last_two(home):
    page = _page()
    _type(page, target_role=VAGUE)
    page.form.save.click()
    _type(page, **FOCUSED)
    page.form.save.click()
    page.sections.selected_index = 0
    scores = list(page.progress.history_chart.data[0].y)
    assert len(scores) == 2 and scores[0] < 50 <= 75 <= scores[1]
    assert "Mots flous ou généralistes" in page.progress.comparison.value  # a problem fixed
    assert re.search(r"Score \d+ → \d+ \(\+\d+\)", page.progress.comparison.value)
    _type(page, difference="10 ans en usine")
    page.form.save.click()
    assert len(page.progress.history_chart.data[0].y) == 3  # updated in place after a save


def test_export_offers_text_markdown_and_html_with_user_text_escaped(home):
    page = _page("en")
    _type(page, target_role="Controller <b>& co</b>", audience="CFOs of SMEs",
          deliverable="I cut *costs* by 10%")
    page.sections.selected_index = 2
    assert "Controller <b>& co</b>" in page.export.text.value  # plain text: as typed
    page.export.format.value = "html"
    assert "&lt;b&gt;&amp; co&lt;/b&gt;" in page.export.text.value
    assert "<b>&" not in page.export.text.value
    page.export.format.value = "markdown"
    assert r"\<b\>& co\</b\>" in page.export.text.value and r"\*costs\*" in page.export.text.value
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                       page.export.links.value)
    assert [name for name, _ in links] == ["positioning.txt", "positioning.md", "positioning.html",
                                           "pitch-card.html"]
    assert base64.b64decode(links[1][1]).decode("utf-8") == page.export.text.value


def test_export_functions_escape_every_user_text():
    card = Card('<script>alert("x")</script>', "pitch & <i>more</i>", "")
    tr = Translator("fr")
    html = card_html(card, tr, "fr")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<i>" not in html
    markdown = card_markdown(card, tr)
    assert "<script>" not in markdown and "Ligne de bio" not in markdown


def test_debouncer_runs_once_after_typing_pauses(monkeypatch):
    """In a kernel (its running loop stood in for here), five quick triggers make one call."""
    import threading

    import workbook.ui.widgets as page_module

    calls = []
    monkeypatch.setattr(page_module, "_kernel_loop", asyncio.get_running_loop)

    async def typing():
        # Keystrokes far quicker than the pause (a busy machine stretches the gaps, so the
        # pause is long and the keystrokes yield without sleeping).
        debounced = Debouncer(1.0, lambda: calls.append(len(calls)))
        for _ in range(5):
            debounced()
            await asyncio.sleep(0)
        assert calls == []
        await asyncio.sleep(2.0)

    # A thread of its own, so no event loop this test process may run gets in the way.
    worker = threading.Thread(target=asyncio.run, args=(typing(),))
    worker.start()
    worker.join()
    assert calls == [0]


def test_debouncer_outside_a_kernel_runs_at_once():
    calls = []
    Debouncer(10, lambda: calls.append(1))()
    assert calls == [1]


def test_page_opens_on_the_demo_versions(home):
    from workbook.demo import fill_demo

    conn = open_profile("tester")
    fill_demo(conn)
    conn.close()
    page = _page("en")
    assert "(3 in all)" in page.form.last_version.value
    page.sections.selected_index = 1
    assert "Repeat-backs recorded: 4" in page.repeat.summary.value
    assert re.search(r"kept \d+% of your core", page.repeat.summary.value)
    assert len(page.repeat.chart.data[0].x) == 5


def test_cliches_are_listed_with_the_advice_of_each_family_in_the_users_language(home):
    page = _page()
    _type(page, target_role="Cheffe de projet dynamique et motivée, en quête d'un nouveau challenge")
    findings = page.feedback.findings.value
    assert 'data-code="cliches"' in findings and "dynamique" in findings
    assert 'data-detail="traits"' in findings and 'data-detail="wishes"' in findings
    assert "Dites plutôt ce que vous livrez" in findings  # the fix, from the French catalogue
    english = _page("en")
    assert "Say what you deliver instead" in english.feedback.findings.value


EVIL = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize("lang, points, reach", [
    ("en", ("What I deliver:", "What sets me apart:", "The problem I solve:"), "How to reach me"),
    ("fr", ("Ce que j'apporte :", "Ma différence :", "Le problème que je règle :"), "Me joindre"),
])
def test_the_printable_pitch_card_holds_statement_three_points_and_contact(home, lang, points,
                                                                          reach):
    from workbook.domain.press import PressSettings
    from workbook.store.press import save_settings
    from workbook.store.settings import set_setting

    page = _page(lang)
    conn = page.state.ctx.conn
    save_settings(conn, PressSettings(phone="06 12 34 56 78", email=f"me{EVIL}@example.org"))
    set_setting(conn, "display_name", f"Camille {EVIL}")
    _type(page, target_role=f"Payroll controller {EVIL}", problem="slow month-end closes",
          audience="CFOs of mid-size manufacturers", deliverable="I cut the close to 5 days",
          difference="ten years on factory floors")
    page.sections.selected_index = 2
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                            page.export.links.value))
    html = base64.b64decode(links["pitch-card.html"]).decode("utf-8")
    assert "<img" not in html and html.count("&lt;img src=x onerror=") == 4  # name, line, pitch, mail
    assert "@page" in html and "@media print" in html and f'<html lang="{lang}">' in html
    for label in points:
        assert escape_html(label) in html
    assert html.count("<li>") == 3 and "ten years on factory floors" in html
    assert "CFOs of mid-size" in html     # in the pitch, not as a fourth point
    assert reach in html and "06 12 34 56 78" in html
    assert "wb-muted" not in page.export.links.value.split("pitch-card.html")[1]


def test_the_printable_card_says_where_to_add_a_phone_when_there_is_none(home):
    page = _page("en")
    _type(page, target_role="Payroll controller", deliverable="I cut the close to 5 days")
    page.sections.selected_index = 2
    assert "journalist outreach page" in page.export.links.value
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                            page.export.links.value))
    html = base64.b64decode(links["pitch-card.html"]).decode("utf-8")
    assert html.count("<li>") == 1 and "How to reach me" not in html


def test_in_a_kernel_the_score_follows_once_the_word_lists_load(home, monkeypatch):
    """In a kernel (its running loop stood in for here) the page is built without waiting
    for the word lists: the score box says it is reading, then shows the same score as a
    page built once they are loaded."""
    import threading

    import workbook.domain.positioning.language as language
    import workbook.ui.widgets as widgets

    typed = _page()                         # outside a kernel: in line, at once
    _type(typed, **FOCUSED)                 # kept as the draft the next page opens on
    expected = _score(typed)
    monkeypatch.setattr(language, "_warm", set())
    monkeypatch.setattr(widgets, "_kernel_loop", asyncio.get_running_loop)
    seen = {}

    async def open_page():
        page = _page()
        seen["first"] = page.feedback.score.value
        for _ in range(600):
            await asyncio.sleep(0.05)
            if "wb-positioning-score-value" in page.feedback.score.value:
                break
        seen["score"] = _score(page)

    worker = threading.Thread(target=asyncio.run, args=(open_page(),))
    worker.start()
    worker.join()
    assert "Lecture de votre énoncé" in seen["first"]
    assert "wb-positioning-score-value" not in seen["first"]
    assert seen["score"] == expected and expected > 0


CLAIRE_LONG = {
    "target_role": "Responsable supply chain",
    "sector": "l'industrie agroalimentaire et la grande distribution",
    "problem": "des ruptures de stock et des surstocks qui coûtent cher",
    "audience": "les directeurs industriels d'ETI agroalimentaires de la région lyonnaise",
    "deliverable": "je réduis les ruptures de stock de 30 % en un an grâce à un S&OP mensuel",
    "difference": "20 ans entre usine, achats et transport"}
CLAIRE_SHORT = {
    "target_role": "Responsable supply chain", "sector": "l'agroalimentaire",
    "problem": "des ruptures de stock qui coûtent des ventes",
    "audience": "les directeurs industriels d'ETI",
    "deliverable": "je réduis les ruptures de stock de 30 %",
    "difference": "vingt ans d'usine avant la supply chain"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_card_composed_from_her_answers_is_never_flagged_as_hers(home, lang):
    page = _page(lang)
    _type(page, **CLAIRE_LONG)
    findings = page.feedback.findings.value
    # The composed line is too long because two answers are: the finding says which steps…
    assert 'data-code="one_liner_too_long"' not in findings
    assert 'data-code="one_liner_answers_too_long"' in findings
    assert ("étapes 4 et 5" if lang == "fr" else "steps 4 and 5") in \
        findings.replace("étape 4 et étape 5", "étapes 4 et 5").replace(
            "step 4 and step 5", "steps 4 and 5")
    # …and beside those steps, by how much; not beside the others.
    advice = {step: widget.value for step, widget in page.form.step_advice.items()}
    assert "9" in advice["audience"] and "5" in advice["audience"]
    assert "17" in advice["deliverable"]
    assert not advice["target_role"] and not advice["sector"] and not advice["difference"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_six_short_answers_compose_a_card_at_100_without_hand_edits(home, lang):
    page = _page(lang)
    _type(page, **CLAIRE_SHORT)
    if lang == "fr":
        assert _score(page) == 100, page.feedback.findings.value
    assert "too_long" not in page.feedback.findings.value
    assert not any(widget.value for widget in page.form.step_advice.values())


def test_one_repeat_back_draws_no_chart_of_empty_axes(home):
    """One rephrasing saved: its line in the table says it all; the chart comes with a
    second one, when there is something to compare."""
    page = _page()
    _type(page, **FOCUSED)
    page.form.save.click()
    page.sections.selected_index = 1
    page.repeat.name.value, page.repeat.text.value = "Ana", "Un comptable"
    page.repeat.add.click()
    assert "wb-status-info" in page.repeat.status.value
    assert page.repeat.chart_box.children == ()
    page.repeat.name.value, page.repeat.text.value = "Léo", "Contrôleur de gestion pour les DAF"
    page.repeat.add.click()
    assert page.repeat.chart_box.children == (page.repeat.chart,)


def test_the_printed_pitch_card_carries_the_name_asked_for_once(home):
    """No name given yet: the export asks for it; typed once, it is on the printed card."""
    page = _page()
    _type(page, **FOCUSED)
    page.form.save.click()
    page.sections.selected_index = 2
    assert "Votre nom n&#x27;est pas encore" in page.export.links.value
    page.export.name.value = "Claire Martin"
    assert "Votre nom n&#x27;est pas encore" not in page.export.links.value
    printable = page.state.printable_card(page.state.reach())
    assert '<p class="pc-name">Claire Martin</p>' in printable
