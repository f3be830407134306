"""Finding a person among many as they type: the matching rule, and the picker built on it."""

from __future__ import annotations

import pandas as pd

from workbook.domain.people_search import find_people, person_keys
from workbook.i18n import Translator
from workbook.ui.widgets import PersonPicker

NAMES = ["Ana Bernard", "Anaïs Roux", "Bernard Ana", "Diana Bernardi", "Zoé Martin",
         "Éloïse N'Diaye"]
ORGS = ["Acme", "Société Générale", "", "Helio", "", "L'Oréal"]


def _keys() -> pd.Series:
    return person_keys(pd.Series(NAMES), pd.Series(ORGS))


def _names(found: list) -> list[str]:
    return [NAMES[i] for i in found]


def test_accents_case_and_punctuation_do_not_matter():
    keys = _keys()
    assert _names(find_people(keys, "ELOISE ndiaye")[0]) == ["Éloïse N'Diaye"]
    assert _names(find_people(keys, "zoe")[0]) == ["Zoé Martin"]
    assert _names(find_people(keys, "oreal")[0]) == ["Éloïse N'Diaye"]    # organisation


def test_every_word_must_match_in_any_order():
    found, total = find_people(_keys(), "bern ana")
    assert total == 3 and set(_names(found)) == {"Ana Bernard", "Bernard Ana", "Diana Bernardi"}


def test_names_starting_with_what_was_typed_come_first():
    found, _total = find_people(_keys(), "ana")
    # starts with it, then a word starting with it (alphabetical within), then inside a word
    assert _names(found) == ["Ana Bernard", "Anaïs Roux", "Bernard Ana", "Diana Bernardi"]


def test_the_list_is_capped_but_the_count_is_not():
    keys = person_keys(pd.Series([f"Camille {i:05}" for i in range(30_000)]))
    found, total = find_people(keys, "camille", limit=30)
    assert len(found) == 30 and total == 30_000
    assert find_people(keys, "") == ([], 0) and find_people(keys, "xyz") == ([], 0)


def _picker(picked: list) -> PersonPicker:
    keys = _keys()
    options = [(name, i) for i, name in enumerate(NAMES)]

    def find(text, limit):
        found, total = find_people(keys, text, limit)
        return [options[i] for i in found], total

    return PersonPicker(Translator("en"), find=find, label_of=lambda i: options[i],
                        css="wb-test-picker", options=options[:2], on_pick=picked.append,
                        limit=3)


def test_typing_narrows_the_list_and_one_match_is_taken():
    picked: list = []
    picker = _picker(picked)
    assert [label for label, _ in picker.matches.options] == ["Ana Bernard", "Anaïs Roux"]
    picker.search.value = "ana"
    assert len(picker.matches.options) == 3 and "first 3 of 4" in picker.note.value
    assert picked == [] and picker.value is None      # several: the user chooses
    picker.search.value = "zoe"
    assert picker.value == 4 and picked == [4]


def test_no_match_says_so_and_keeps_the_choice():
    picked: list = []
    picker = _picker(picked)
    picker.value = 5                                  # chosen from elsewhere: listed
    assert picker.label == "Éloïse N'Diaye" and picked == [5]
    picker.search.value = "qwerty"
    assert "No one matches “qwerty”" in picker.note.value
    assert picker.value == 5 and picked == [5]
    picker.reset([(NAMES[0], 0)], chosen=None)        # redrawn: not a choice of the user
    assert picked == [5]


def test_one_index_finds_a_person_the_same_way_on_every_page():
    """The routines pickers, the network editor's picker and the press page's "from the
    network" search all find "N'Diaye" by "ndiaye" and by "n diaye", and list her with her
    organisation."""
    from workbook.domain.people_search import PeopleIndex

    index = PeopleIndex([7, 9, 11], ["Awa N'Diaye", "Ana Bernard", "Nadia Dia"],
                        ["Orange", "", "SNCF"])
    for typed in ("ndiaye", "n diaye", "N’Diaye"):
        found, total = index.find(typed)
        assert [p.id for p in found] == [7], typed
    assert index.get(9).organisation == "" and index.get(404) is None


def test_the_contacts_filter_folds_apostrophes_as_the_pickers_do():
    from workbook.domain import network as rules
    from workbook.domain.network_terms import ContactFilter

    frame = rules.prepare_frame(rules.empty_frame().reindex(range(2)).assign(
        id=[1, 2], full_name=["Awa N'Diaye", "Ana Bernard"], organisation=["", ""],
        position=["", ""], email=["", ""], roles=["", ""], layer=["unsorted", "unsorted"]))
    assert rules.filter_contacts(frame, ContactFilter(query="ndiaye"))["id"].tolist() == [1]
