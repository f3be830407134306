"""Every text of both catalogues reads as a person writes it: counts follow the language's
plural rule (never "1 point(s)"), French puts a space before ":" ";" "!" "?", names after
"de" are elided ("d'Alexandre"), percentages and lists come from Babel."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.i18n import LANGUAGES, Translator, catalogue
from workbook.i18n.numbers import format_decimal, format_list, format_percent

# A plural written as a bracket ("point(s)", "effacé(e)", "clé(s)"): the catalogues carry one
# text per plural category instead (`Translator.count`).
BRACKET_PLURAL = re.compile(r"\w\((?:s|e|es|x|e\)\(s)\)")
# French: a space (or a narrow no-break space) before the high punctuation that ends a clause.
FRENCH_HIGH_PUNCTUATION = re.compile(r"(?<=[^\s\u00a0\u202f]):(?=\s|$)|(?<=[^\s\u00a0\u202f])[;!?](?=\s|$)")
# A program's error prefix, kept as command-line tools write it ("workbook: error:").
PROGRAM_PREFIX = {"cli.error.prefix"}
PLURAL_KEYS = sorted({key.rsplit(".", 1)[0] for key in catalogue("fr") if key.endswith(".one")})


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_catalogue_text_writes_a_plural_in_brackets(lang):
    found = {key: text for key, text in catalogue(lang).items() if BRACKET_PLURAL.search(text)}
    assert not found


def test_french_texts_put_a_space_before_high_punctuation():
    found = {key: text for key, text in catalogue("fr").items()
             if key not in PROGRAM_PREFIX and FRENCH_HIGH_PUNCTUATION.search(text)}
    assert not found


@settings(max_examples=60, deadline=None)
@given(count=st.integers(0, 2_000_000), lang=st.sampled_from(LANGUAGES),
       key=st.sampled_from(PLURAL_KEYS))
def test_a_count_is_never_shown_with_a_bracket_plural(count, lang, key):
    tr = Translator(lang)
    template = catalogue(lang)[f"{key}.one"] + catalogue(lang)[f"{key}.other"]
    values = {name: "x" for name in _fields(template) if name != "count"}
    text = tr.count(key, count, **values)
    assert not BRACKET_PLURAL.search(text)
    assert format_decimal(count, lang) in text.replace("\u202f", "\u00a0").replace(
        "\u00a0", "\u202f") or str(count) in text or "{count}" not in template


@pytest.mark.parametrize("name, expected", [
    ("Alexandre Henry", "Fiche d'Alexandre Henry enregistrée."),
    ("Émilie Roux", "Fiche d'Émilie Roux enregistrée."),
    ("Sophie Robert", "Fiche de Sophie Robert enregistrée."),
    ("Hugo Lambert", "Fiche de Hugo Lambert enregistrée."),
])
def test_french_elides_de_before_a_name_starting_with_a_vowel(name, expected):
    assert Translator("fr")("network.editor.saved", name=name) == expected
    assert Translator("en")("network.editor.saved", name=name).startswith(name)


def test_counts_read_as_written_in_both_languages():
    fr, en = Translator("fr"), Translator("en")
    assert fr.count("press.sheets.findings", 1) == "1 point qu'un journaliste ne pourrait pas utiliser :"
    assert en.count("press.sheets.findings", 1) == "1 thing a journalist could not use:"
    assert fr.count("press.readiness.not_ready", 16) == "16 points à corriger"
    assert fr.count("card.preview.press_key_messages", 3) == "3 messages clés prêts"
    assert fr.count("card.preview.press_key_messages", 1) == "1 message clé prêt"
    assert en.count("card.preview.press_key_messages", 1) == "1 key message ready"


def test_percentages_decimals_and_lists_follow_the_language():
    assert format_percent(0.8, "fr") == "80\u00a0%" and format_percent(0.8, "en") == "80%"
    assert format_percent(0.425, "fr", 1) == "42,5\u00a0%"
    assert format_decimal(1165, "fr") == "1\u202f165" and format_decimal(1165, "en") == "1,165"
    assert format_list(["Anne", "Paul", "Zoé"], "fr") == "Anne, Paul et Zoé"
    assert format_list(["Anne", "Paul", "Zoé"], "en") == "Anne, Paul and Zoé"
    assert format_list(["", "Anne"], "fr") == "Anne" and format_list([], "en") == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_targets_columns_say_their_lamp_letter_and_the_help_spells_it(lang):
    tr = Translator(lang)
    for letter, key in (("L", "organisation"), ("A", "advocacy"), ("M", "motivation"),
                        ("P", "posting")):
        assert tr(f"network.targets.{key}").startswith(f"{letter} · ")
        assert f"{letter} " in tr("network.targets.lamp_help")


@pytest.mark.parametrize("lang, word", [("fr", "cible"), ("en", "target")])
def test_the_layer_of_people_to_meet_is_not_named_like_a_target_organisation(lang, word):
    assert word not in Translator(lang)("vocab.layer.target").lower()
    assert word in Translator(lang).count("network.map.targets", 2).lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unrated_tie_says_what_it_means(lang):
    unrated = Translator(lang)("network.editor.unknown")
    assert "5" in unrated and "1" in unrated
