"""Cross-referrals on organisation-name variants, and the pitch round's recall score."""

import pytest

from workbook.domain.group import pitch_order, pitch_recall, suggest_referrals


@pytest.mark.parametrize("target, offered", [
    ("Helio Parc Énergies", "helio parc energies"),
    ("Helio Parc Énergies SAS", "Helio Parc Energies"),
    ("Groupe Vaubanne", "Vaubanne SA"),
    ("Vaubanne Ltd", "VAUBANNE GmbH"),
    ("L'Oréal", "L’Oréal"),
    ("Société Générale S.A.", "Societe Generale"),
])
def test_variants_of_one_organisation_match(target, offered):
    found = suggest_referrals({"ana": [target]}, {"ben": [offered]})
    assert [(r.seeker, r.introducer) for r in found] == [("ana", "ben")]
    assert found[0].target_name == target and found[0].introduction_name == offered
    assert found[0].reason == ("same_name" if target == offered else "name_variant")


def test_different_organisations_and_self_introductions_do_not_match():
    assert suggest_referrals({"ana": ["Helio Parc"]}, {"ben": ["Helio Solaire"]}) == []
    assert suggest_referrals({"ana": ["Vaubanne"]}, {"ana": ["Vaubanne SA"]}) == []
    assert suggest_referrals({"ana": ["SA"]}, {"ben": ["Groupe"]}) == []   # legal words only
    assert suggest_referrals({"ana": [""]}, {"ben": [""]}) == []


def test_several_introducers_and_seekers_are_all_suggested_once():
    found = suggest_referrals({"ana": ["Vaubanne", "Groupe Vaubanne"], "cy": ["vaubanne"]},
                              {"ben": ["Vaubanne SA", "Vaubanne SA"], "dee": ["VAUBANNE"]})
    assert sorted((r.seeker, r.introducer) for r in found) == [
        ("ana", "ben"), ("ana", "dee"), ("cy", "ben"), ("cy", "dee")]


CORE = {"target_role": "acheteur projets", "audience": "développeurs éoliens",
        "deliverable": "approvisionnements sécurisés"}


def test_pitch_recall_scores_the_core_and_names_the_part_lost():
    recall = pitch_recall("Acheteur projets qui sécurise…", CORE, [
        ("Aline", "un acheteur projets pour les développeurs éoliens"),
        ("Driss", "acheteur, pour l'éolien je crois")])
    assert 0 < recall.score < 1
    assert recall.lost_part == "deliverable"
    assert [who for who, _ in recall.by_listener] == ["Aline", "Driss"]
    perfect = pitch_recall("", CORE, [("A", "acheteur projets, développeurs éoliens, "
                                            "approvisionnements sécurisés")])
    assert perfect.score == 1 and perfect.lost_part is None


def test_pitch_recall_without_a_core_uses_the_one_liner_and_without_notes_is_none():
    recall = pitch_recall("Juriste droit de l'énergie pour les collectivités", {},
                          [("A", "juriste énergie"), ("B", "   ")])
    assert recall.score == pytest.approx(2 / 4) and recall.lost_part is None
    assert len(recall.by_listener) == 1
    assert pitch_recall("x", CORE, []).score is None


def test_the_pitch_order_turns_each_session():
    assert pitch_order([1, 2, 3], 1) == [2, 3, 1]
    assert pitch_order([1, 2, 3], 3) == [1, 2, 3]
    assert pitch_order([], 4) == []
