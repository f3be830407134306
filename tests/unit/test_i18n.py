"""FR and EN catalogues are complete, consistent, and cover every key the code uses."""

import re
import string
from pathlib import Path

import pytest

from workbook.domain import vocabulary
from workbook.i18n import LANGUAGES, MissingTranslation, Translator, catalogue, normalise_language

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


def _placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_exactly_the_same_keys():
    fr, en = catalogue("fr"), catalogue("en")
    assert sorted(fr.keys() - en.keys()) == [], "missing in English"
    assert sorted(en.keys() - fr.keys()) == [], "missing in French"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_value_is_empty_and_placeholders_match(lang):
    other = catalogue("en" if lang == "fr" else "fr")
    for key, text in catalogue(lang).items():
        assert text.strip(), f"{lang}:{key} is empty"
        assert _placeholders(text) == _placeholders(other[key]), key


def test_every_code_of_the_vocabulary_is_translated():
    groups = {"role": vocabulary.ROLES, "layer": vocabulary.LAYERS, "need": vocabulary.NEEDS,
              "kind": vocabulary.INTERACTION_KINDS, "direction": vocabulary.DIRECTIONS,
              "purpose": vocabulary.PURPOSES}
    for lang in LANGUAGES:
        tr = Translator(lang)
        for group, codes in groups.items():
            for code in codes:
                assert tr.has(f"vocab.{group}.{code}"), f"{lang}: vocab.{group}.{code}"


KEY_LITERAL = re.compile(r"""\btr\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']\s*[,)]""")


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no key at all"
    missing = sorted(key for key in used if key not in catalogue("en"))
    assert missing == []


@pytest.mark.parametrize("prefix, codes", [
    ("import.skip", "workbook.domain.records:SKIP_REASONS"),
    ("import.warn", "workbook.domain.records:WARNING_REASONS"),
    ("import.merge", "workbook.domain.contacts_matching:MERGE_REASONS"),
    ("network.merge.field", "workbook.domain.contacts_matching:MERGE_FIELDS"),
    ("routines.status", "workbook.domain.routines:STATUSES"),
    ("routines.log.why", "workbook.domain.routines:PURPOSE_REASONS"),
    ("routines.week.empty", "workbook.domain.routines:EMPTY_NOTES"),
    ("routines.log.in_layer", "workbook.domain.vocabulary:LAYERS"),
    ("group.error", "workbook.domain.group:ERROR_CODES"),
    ("group.odd", "workbook.domain.group:ODD_MODES"),
    ("group.board.q", "workbook.domain.group:BOARD_QUESTIONS"),
    ("group.referrals.reason", "workbook.domain.group:REFERRAL_REASONS"),
    ("group.referrals.status", "workbook.domain.group:REFERRAL_STATUSES"),
    ("group.pitch.part", "workbook.domain.positioning:CORE_PARTS"),
    ("group.card_error", "workbook.domain.progress_card:READ_ERRORS"),
    ("group.press", "workbook.domain.progress_card:PRESS_LEVELS"),
    ("card.section", "workbook.domain.progress_card:SECTIONS"),
    ("group.conflict", "workbook.store.group:CONFLICTS"),
    ("group.drop_error", "workbook.services.card_drop:ERROR_CODES"),
])
def test_every_code_a_rule_can_return_is_translated(prefix, codes):
    import importlib

    module, name = codes.split(":")
    for lang in LANGUAGES:
        for code in getattr(importlib.import_module(module), name):
            assert Translator(lang).has(f"{prefix}.{code}"), f"{lang}: {prefix}.{code}"


def test_missing_key_is_an_error_not_a_blank():
    with pytest.raises(MissingTranslation):
        Translator("fr")("home.no_such_key")


@pytest.mark.parametrize("raw, lang", [("fr_FR", "fr"), ("EN", "en"), ("en-GB", "en"),
                                       ("de", "fr"), (None, "fr"), ("", "fr")])
def test_language_codes_are_normalised(raw, lang):
    assert normalise_language(raw) == lang


def test_placeholders_are_filled():
    assert Translator("en")("home.last_logged", last="1 Jan 2026").endswith("1 Jan 2026")


@pytest.mark.parametrize("lang, count, expected", [
    ("en", 0, "0 contacts"), ("en", 1, "1 contact"), ("en", 2, "2 contacts"),
    ("fr", 0, "0 contact"), ("fr", 1, "1 contact"), ("fr", 2, "2 contacts")])
def test_counts_follow_each_language_plural_rule(lang, count, expected):
    assert Translator(lang).count("home.contacts", count) == expected


def test_language_choice_order(monkeypatch):
    from workbook.i18n import choose_language

    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert choose_language("fr", "en") == "fr"      # an explicit choice first
    assert choose_language(None, "fr") == "fr"      # then the profile's saved one
    assert choose_language(None, None) == "en"      # then the environment
    monkeypatch.delenv("WORKBOOK_LANG")
    assert choose_language() == "fr"


def test_quantities_are_grouped_by_thousands_the_language_s_way_and_nothing_else_is():
    import numpy as np

    from workbook.i18n import Translator, translate

    assert translate("en", "network.contacts.count_all", count=30000) == "30,000 contacts match."
    assert translate("fr", "network.contacts.count_all", count=np.int64(30000)).startswith(
        "30\u202f000 ")   # the narrow no-break space of French typography
    assert "3,725 contacts" in Translator("en").count("network.bulk.scope", 3725)
    read = translate("en", "import.summary.read", file="f", format="csv", read=12000,
                     added=12000, updated=0, unchanged=0, skipped=1800)
    assert "rows read 12,000" in read and "skipped 1,800" in read
    assert "8866" in translate("en", "cli.error.port_range", port=8866)
    assert "2026" in translate("en", "routines.problem.date_implausible", year=2026)
