"""The glossary: every term defined in both languages, the "?" beside a term where a page
first uses it, and user text around a term still shown as text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import workbook.ui as ui
from tests.unit.test_every_page import _open_every_tab, _shown_text
from workbook.demo import fill_demo
from workbook.i18n import LANGUAGES, Translator, catalogue
from workbook.store import open_profile
from workbook.ui.glossary import TERMS, glossary_html, glossed, term_anchor, term_help

EVIL = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_has_a_name_forms_and_two_definitions(lang):
    keys = catalogue(lang)
    for term in TERMS:
        for part in ("term", "forms", "short", "long"):
            assert keys.get(f"glossary.{term}.{part}", "").strip(), f"{lang}: glossary.{term}.{part}"
        assert len(keys[f"glossary.{term}.short"]) < len(keys[f"glossary.{term}.long"])
    assert {k.split(".")[1] for k in keys if k.startswith("glossary.") and k.count(".") == 2} \
        == set(TERMS), "a definition in the catalogue that the glossary never shows"


def test_the_definitions_say_what_the_sources_say():
    en = Translator("en")
    lamp = en("glossary.lamp.long")
    assert all(word in lamp for word in ("List", "Alumni", "Motivation", "Posting", "Dalton"))
    rule = en("glossary.three_b_seven.long")
    assert "3 business days" in rule and "7 business days" in rule and "Dalton" in rule
    assert all(n in en("glossary.dunbar.long") for n in ("5", "15", "50", "150"))
    assert "not a doctor" in en("glossary.prescriber.long")


def test_glossed_marks_the_first_occurrence_of_each_term_and_escapes_the_rest():
    tr = Translator("en")
    html = glossed(tr, f"{EVIL} Connectors and connectors, then prescribers.",
                   ("connector", "prescriber", "lamp"), "p", "x")
    assert html.startswith('<p class="x">&lt;img src=x onerror=') and "<img" not in html
    assert html.count('data-term="connector"') == 1 and html.count('data-term="prescriber"') == 1
    assert "lamp" not in html          # a term the text does not use gets no "?"
    assert re.search(r'<span class="wb-term">Connectors<a class="wb-term-help"', html)
    assert f'href="#{term_anchor("connector")}"' in html


def test_seen_terms_are_explained_only_once_per_page():
    tr, seen = Translator("fr"), set()
    first = glossed(tr, "Vos connecteurs et prescripteurs", ("connector", "prescriber"), seen=seen)
    again = glossed(tr, "Un connecteur", ("connector",), seen=seen)
    assert 'data-term="connector"' in first and 'data-term="connector"' not in again
    assert seen == {"connector", "prescriber"}


def test_the_hover_text_is_the_short_definition_escaped():
    tr = Translator("fr")
    help_ = term_help(tr, "three_b_seven")
    assert "3 jours ouvrés" in help_ and 'href="#wb-gl-three_b_seven"' in help_
    with pytest.raises(KeyError):
        term_help(tr, "not_a_term")


def test_the_glossary_lists_every_term_with_its_anchor():
    html = glossary_html(Translator("en"))
    for term in TERMS:
        assert f'<dt id="{term_anchor(term)}">' in html


# The terms each page explains where it first uses them (FR and EN).
PAGE_TERMS = {
    "build_home": {"connector", "layers", "key_points"},
    "build_positioning": {"connector", "prescriber", "one_liner"},
    "build_routines": {"three_b_seven", "maintain_expand"},
    "build_press": {"key_points", "good_client"},
    "build_group": {"second_degree", "one_liner", "connector"},
    "build_network": {"connector", "prescriber", "second_degree", "lamp", "weak_ties"},
}


@pytest.fixture
def demo_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    conn = open_profile("default")
    fill_demo(conn, today=dt.date.today())
    conn.close()
    return tmp_path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("builder", sorted(PAGE_TERMS))
def test_each_page_puts_a_question_mark_beside_the_terms_it_uses(builder, lang, demo_home):
    page = getattr(ui, builder)(lang=lang)
    _open_every_tab(page)
    html = "".join(_shown_text(page)[0])
    marked = set(re.findall(r'class="wb-term-help" data-term="(\w+)"', html))
    assert PAGE_TERMS[builder] <= marked, f"{builder} ({lang}): {PAGE_TERMS[builder] - marked}"
    assert 'class="wb-glossary-link" href="#wb-glossary"' in html
    assert html.count('id="wb-glossary"') == 1
    for term in marked:
        assert f'id="{term_anchor(term)}"' in html, f"{builder}: the ? of {term} leads nowhere"
