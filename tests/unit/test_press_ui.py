"""The press page built in plain pytest: type, click, and check what the page and the store
say (no browser)."""

import base64
import datetime as dt
import html
import re

import icalendar
import pytest

from workbook.store import open_profile
from workbook.store import press as store
from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.press import PressPage, build_press

NOW = dt.datetime(2026, 12, 1, 15, 0)
HOSTILE = "<img src=x onerror=\"document.title='pwned'\">Sophie"
VAGUE_POINTS = [
    ("Il faut un peu plus anticiper les choses", "", "C'est plutôt important", ""),
    ("Les solutions innovantes sont essentielles", "", "Il faut des synergies", ""),
    ("Anticiper les choses un peu plus", "", "On va dire que ça compte", ""),
    ("Le TCO des PL H2 reste élevé", "", "Le reporting est la clé", ""),
    ("Travailler en synergie avec les acteurs de la filière", "", "Ensemble", ""),
]
SHARP_POINTS = [
    ("Un jour de retard coûte 2 000 € par chantier.", "Relevé sur 40 chantiers, 2025",
     "Chaque jour sans panneaux coûte une voiture.", ""),
    ("Stocker près du chantier divise les retards par deux.", "Exemple : le parc de Lunel",
     "Un entrepôt à 20 km vaut mieux qu'une promesse à 800 km.", ""),
    ("Les transformateurs se commandent un an avant.", "Délai constructeur : 52 semaines",
     "Un transformateur se commande avant le permis.", ""),
]


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("p")
    add_contact(conn, "Anaïs Roux", organisation="Le Journal", roles=("journalist",))
    store.add_journalist(conn, HOSTILE, outlet="Ouest <b>Éco</b>", medium="radio")
    conn.close()
    view = PressPage(open_page_context("p", "fr"), now=lambda: NOW)
    yield view
    view.ctx.conn.close()


def _text(widget) -> str:
    """What the user reads in an HTML widget (entities decoded)."""
    return html.unescape(widget.value)


def _open(page, tab: str):
    """The panel of `tab`, as a person sees it once they clicked the tab (a tab is drawn
    when first opened, and again when opened after a change)."""
    page.show(tab)
    return getattr(page, tab)


def _type_sheet(panel, topic, umbrella, points):
    panel.topic.value, panel.umbrella.value = topic, umbrella
    while len(panel.rows) < len(points):
        panel.add_point.click()
    for row, values in zip(panel.rows, points + [("", "", "", "")] * 8):
        for field, value in zip(row.fields, values):
            field.value = value


def test_the_page_has_six_tabs_and_says_what_is_missing(page):
    assert page.tabs.titles == ("Prêt ?", "Liste médias", "Fiches sujets",
                                "Un journaliste appelle", "Journal presse", "Plan de visibilité")
    assert 'data-code="unreachable"' in page.readiness.summary.value
    assert 'data-code="no_sheet"' in page.readiness.summary.value


def test_five_vague_points_get_findings_then_three_sharp_ones_pass(page):
    sheets = _open(page, "sheets")
    _type_sheet(sheets, "Hydrogène", "L'hydrogène est en quelque sorte un enjeu majeur.",
                VAGUE_POINTS)
    findings = sheets.findings.value
    for code in ("too_many_points", "hedging", "fluff", "jargon", "no_proof", "repeated_point"):
        assert f'data-code="{code}"' in findings, code
    assert "en quelque sorte" in findings and "Gardez les trois plus forts" in findings
    sheets.save.click()
    assert "enregistrée telle quelle" in sheets.status.value
    assert len(store.sheets(page.state.conn)[0]["sheet"].points) == 5

    _type_sheet(sheets, "Chantiers solaires",
                "Un chantier solaire sur trois prend du retard faute de pièces.", SHARP_POINTS)
    assert "Prête" in sheets.findings.value and "data-code" not in sheets.findings.value
    sheets.save.click()
    assert "prête pour l'appel" in _text(sheets.status)
    [saved] = store.sheets(page.state.conn)
    assert saved["topic"] == "Chantiers solaires" and len(saved["sheet"].points) == 3
    assert "prête" in _open(page, "readiness").sheets.value


def test_the_journalist_is_calling_flow_updates_the_record(page):
    _type_sheet(_open(page, "sheets"), "Chantiers solaires",
                "Un chantier sur trois prend du retard.", SHARP_POINTS)
    page.sheets.save.click()
    calling = _open(page, "calling")
    assert calling.sheet.label == "Chantiers solaires"
    calling.start.click()
    assert "15:00" in calling.left.value and calling.clock.playing
    assert "Un jour de retard coûte 2 000 €" in calling.card.value
    assert "off" in calling.reminders.value and "60 minutes" in calling.reminders.value
    calling.clock.value = 14 * 60 + 30
    assert "0:30" in calling.left.value
    calling.clock.value = 15 * 60
    assert "rappelez maintenant" in calling.left.value
    assert store.sheets(page.state.conn)[0]["prepared_at"] == NOW

    calling.received.value = "14:20"
    calling.answered.value = "14:45"
    calling.log.click()
    assert "rappel en 25 min, dans votre délai" in calling.status.value
    record = page.state.figures.record
    assert (record.requests, record.within_target, record.interviews) == (1, 1, 1)
    _open(page, "readiness")
    assert "1 sur 1 demande rappelée" in page.readiness.record.value
    assert "25 min" in page.readiness.record.value
    page.readiness.charts.selected_index = 0
    assert list(page.readiness.chart.data[0].y) == [25]
    page.state.log(calling.journalist.value, "request", NOW - dt.timedelta(hours=3),
                   NOW - dt.timedelta(hours=1))
    page.lazy.mark_stale()                                     # a write elsewhere
    assert list(page.readiness.chart.data[0].y) == [120, 25]   # redrawn in place, by date
    assert list(page.readiness.chart.data[0].marker.color) == ["#c62828", "#2e7d32"]


def test_an_answer_before_the_request_is_refused_next_to_the_button(page):
    calling = _open(page, "calling")
    calling.received.value = "14:20"
    calling.answered.value = "13:50"
    calling.log.click()
    assert "wb-status-error" in calling.status.value
    assert "un rappel ne peut pas précéder l'appel" in _text(calling.status)
    calling.received.value = "demain"
    calling.log.click()
    assert "n'a pas pu être lue" in _text(calling.status)
    log = _open(page, "log")
    log.received.value = "2026-12-05 10:00"
    log.save.click()
    assert "dans le futur" in log.status.value
    assert store.media_log(page.state.conn) == []


def test_hostile_text_stays_text_everywhere(page):
    log = _open(page, "log")
    log.received.value = "2026-12-01 10:00"
    log.answered.value = "2026-12-01 10:30"
    log.subject.value = HOSTILE
    log.save.click()
    for shown in (_open(page, "media").table.value, log.table.value,
                  _open(page, "readiness").record.value):
        assert "<img" not in shown and "&lt;img" in shown
    assert "Ouest &lt;b&gt;Éco&lt;/b&gt;" in page.media.table.value
    assert page.readiness.chart is None                 # plotly loads only when asked
    page.readiness.charts.selected_index = 0
    hover = page.readiness.chart.data[0].customdata[0]
    assert "&lt;img" in hover and "&quot;" not in hover and '"' in hover


def test_logged_off_without_request_and_reread_draft_are_flagged(page):
    log = _open(page, "log")
    log.kind.value = "interview"
    log.received.value = "2026-12-01 10:00"
    log.flags["off_record"].value = True
    log.draft.value = "Pourriez-vous m'envoyer l'article pour relecture avant publication ?"
    log.save.click()
    assert 'data-code="off_not_asked"' in log.warnings.value
    assert 'data-code="reread_caught"' in log.table.value
    assert "envoyer l&#x27;article" in log.table.value


def test_checking_a_pitch_before_sending(page):
    media = _open(page, "media")
    media.draft.value = "Puis-je relire l'article avant parution ?"
    media.check.click()
    assert 'data-code="pitch_ok"' in media.verdict.value
    assert 'data-code="reread_article"' in media.verdict.value
    page.state.log(media.who.value, "pitch", NOW - dt.timedelta(days=10))
    _open(page, "readiness").pitch_weeks.value = 1
    page.readiness.save.click()
    _open(page, "media").check.click()
    assert 'data-code="pitch_ok"' in media.verdict.value     # the window is configurable
    _open(page, "readiness").pitch_weeks.value = 8
    page.readiness.save.click()
    _open(page, "media").kind.value = "follow_up"
    media.draft.value = "Je me permets de vous relancer."
    media.check.click()
    assert 'data-code="follow_up_before_reply"' in media.verdict.value
    media.kind.value = "pitch"
    media.check.click()
    assert 'data-code="pitch_cap"' in media.verdict.value


def test_removing_a_journalist_asks_and_keeps_the_log_by_default(page):
    media = _open(page, "media")
    page.state.log(media.who.value, "request", NOW - dt.timedelta(hours=2),
                   NOW - dt.timedelta(hours=1))
    media.delete.click()
    assert media.confirm.view.layout.display == "flex"
    assert "1 lignes du journal restent sous son nom" in media.confirm.question.value
    media.confirm.yes.click()
    assert "gardent son nom" in media.delete_status.value
    assert [e.journalist_name for e in store.media_log(page.state.conn)] == [HOSTILE]
    assert page.state.journalists == []


def test_adding_journalists_by_hand_and_from_the_network(page):
    media = _open(page, "media")
    media.add.click()
    assert "Tapez le nom" in media.status.value
    media.contact.search.value = "ANAIS"                  # typed: found, accents ignored
    assert media.contact.label == "Anaïs Roux — Le Journal"
    media.add_contact.click()
    assert "Anaïs Roux — Le Journal est sur votre liste" in media.status.value
    assert media.add_contact.disabled
    media.name.value = "Julie Perrin 📻"
    media.fields["outlet"].value = "France Bleu"
    media.add.click()
    assert {j["name"] for j in page.state.journalists} == {HOSTILE, "Anaïs Roux",
                                                           "Julie Perrin 📻"}


def test_reach_settings_and_the_plan_exported_through_the_routine_writer(page):
    readiness = page.readiness
    readiness.phone.value = "06 12 34 56 78"
    readiness.minutes.value = 30
    readiness.save.click()
    assert "Enregistré" in readiness.status.value
    assert "30 min" in readiness.summary.value and "unreachable" not in readiness.summary.value
    plan = _open(page, "plan")
    plan.suggest.click()
    assert "préparez d'abord une fiche" in _text(plan.status)
    _type_sheet(_open(page, "sheets"), "Chantiers solaires",
                "Un chantier sur trois prend du retard.", SHARP_POINTS)
    page.sheets.save.click()
    _open(page, "plan").suggest.click()
    assert "6 lignes ajoutées" in plan.status.value
    plan.day.value = "32/13/2026"
    plan.topic.value = "Chantiers solaires"
    plan.add.click()
    assert "Le jour n'a pas pu être lu" in _text(plan.status)
    plan.day.value = "15/12/2026"
    plan.add.click()
    assert len(page.state.plan) == 7
    plan.item.value = page.state.plan[0].id
    plan.toggle.click()
    plan.ics_prepare.click()
    payload = base64.b64decode(re.search(r"base64,([^\"]+)", plan.ics_link.value)[1])
    calendar = icalendar.Calendar.from_ical(payload)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 6
    assert any("Chantiers solaires" in str(e["summary"]) for e in events)


def test_build_press_gives_a_sentence_for_an_unreadable_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "bad.sqlite").write_bytes(b"not a database" * 100)
    view = build_press("bad", "en")
    assert "wb-status-error" in view.value


def test_a_request_logged_earlier_is_answered_later(page):
    log = _open(page, "log")
    log.received.value = "2026-12-01 14:20"
    log.save.click()
    assert page.state.figures.record.answered == 0
    log.entry.value = page.state.figures.entries[0].id
    log.answered_now.click()
    assert "Heure de réponse notée" in log.delete_status.value
    record = page.state.figures.record
    assert (record.answered, record.within_target, record.median_minutes) == (1, 1, 40)
