"""Network map rules: ranking, coverage, Dunbar overflow, filters and bulk tagging."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from workbook.domain import network as rules
from workbook.domain import network_terms as terms

TODAY = dt.date(2026, 11, 23)


def frame(*rows: dict) -> pd.DataFrame:
    """A contacts frame from a few partial rows (defaults for the rest)."""
    defaults = dict(full_name="X", email="", organisation_id=pd.NA, organisation="", sector="",
                    position="", layer="active", tie_strength=np.nan, mutual_connections=np.nan,
                    can_give="", roles="", needs="", last_contact=pd.NaT, at_target=False,
                    introduces_to_target=0, source="manual")
    records = [defaults | {"id": i + 1} | row for i, row in enumerate(rows)]
    built = pd.DataFrame.from_records(records).astype(
        {"organisation_id": "Int64", "tie_strength": "float64", "mutual_connections": "float64",
         "at_target": "bool", "introduces_to_target": "int64"})
    built["last_contact"] = pd.to_datetime(built["last_contact"])
    return rules.prepare_frame(built)


def test_layer_overflow_warns_only_layers_over_capacity():
    """Each layer is compared with Dunbar's figure for it; dormant never overflows."""
    counts = {"inner": 6, "close": 15, "active": 51, "target": 10, "dormant": 900}
    assert terms.layer_overflows(counts) == [terms.LayerOverflow("inner", 6, 5),
                                             terms.LayerOverflow("active", 51, 50)]
    assert terms.layer_overflows({"inner": 5}) == []


def test_search_ignores_accents_case_and_word_order():
    contacts = frame({"full_name": "Léa Dupont", "position": "Chasseur de têtes"},
                     {"full_name": "Marc", "position": "Comptable"})
    mask = rules.filter_mask(contacts, rules.ContactFilter(query="TETES chasseur"))
    assert mask.tolist() == [True, False]


@pytest.mark.parametrize("query, expected", [
    ("🌱", [True, False, False]), ("%", [False, False, False]), ("'", [False, True, False]),
    ("  ", [True, True, True])])
def test_a_search_of_symbols_matches_them_as_typed_not_everyone(query, expected):
    contacts = frame({"full_name": "Jardin 🌱 Léa"}, {"full_name": "Kevin O'Neil"},
                     {"full_name": "Marc"})
    assert rules.filter_mask(contacts, rules.ContactFilter(query=query)).tolist() == expected


def test_filter_combines_layer_role_and_untagged():
    contacts = frame({"layer": "inner", "roles": "connector"}, {"layer": "inner"},
                     {"layer": "close", "roles": "connector peer"})
    by_role = rules.filter_contacts(contacts, rules.ContactFilter(roles=("connector",)))
    assert by_role["id"].tolist() == [1, 3]
    inner_untagged = rules.filter_contacts(
        contacts, rules.ContactFilter(layers=("inner",), untagged_only=True))
    assert inner_untagged["id"].tolist() == [2]


def test_bulk_tag_returns_only_contacts_missing_the_role():
    """All "Chasseur de têtes" become prescribers; those already tagged are left alone."""
    contacts = frame({"position": "Chasseur de têtes"},
                     {"position": "Chasseuse de têtes", "roles": "prescriber"},
                     {"position": "Chasseur de têtes senior"}, {"position": "Acheteur"})
    ids = rules.bulk_tag_ids(contacts, rules.ContactFilter(query="chasseur de têtes"),
                             "prescriber")
    assert ids == [1, 3]
    with pytest.raises(ValueError):
        rules.bulk_tag_ids(contacts, rules.ContactFilter(), "astronaut")


def test_mutual_weight_peaks_near_ten():
    """Rajkumar et al. 2022: an inverted U, highest around ten mutual connections."""
    weights = rules.mutual_weight(np.array([0, 3, 10, 30, 100, np.nan]))
    assert weights[2] == pytest.approx(1.0)
    assert weights[2] > weights[1] > weights[0] and weights[2] > weights[3] > weights[4]
    assert weights[5] == 0.5


def test_moderately_weak_tie_outranks_strong_and_weakest():
    contacts = frame({"tie_strength": 5, "mutual_connections": 60},
                     {"tie_strength": 2, "mutual_connections": 10},
                     {"tie_strength": 1, "mutual_connections": 0})
    ranked = rules.rank_contacts(contacts, TODAY, top=None)
    assert ranked["id"].tolist()[0] == 2
    assert "moderate_tie" in ranked["reasons"][0] and "about_ten_mutual" in ranked["reasons"][0]
    assert "strong_tie" in ranked.set_index("id").loc[1, "reasons"]


def test_tagging_a_connector_raises_the_rank():
    before = frame({"full_name": "A"}, {"full_name": "B"})
    after = frame({"full_name": "A"}, {"full_name": "B", "roles": "connector"})
    assert rules.rank_contacts(before, TODAY)["id"].tolist() == [1, 2]
    ranked = rules.rank_contacts(after, TODAY)
    assert ranked["id"].tolist() == [2, 1]
    assert "key_role" in ranked["reasons"][0]


def test_second_degree_beats_first_degree_beats_none():
    contacts = frame({}, {"at_target": True}, {"introduces_to_target": 2})
    ranked = rules.rank_contacts(contacts, TODAY, top=None)
    assert ranked["id"].tolist() == [3, 2, 1]
    assert ranked["reasons"][0][0] == "introduces_to_target"
    assert ranked["reasons"][1][0] == "works_at_target"


def test_recent_contact_waits_and_long_silence_comes_first():
    contacts = frame({"last_contact": "2026-11-20"}, {"last_contact": "2026-01-02"}, {})
    ranked = rules.rank_contacts(contacts, TODAY, top=None).set_index("id")
    assert ranked.loc[2, "score"] > ranked.loc[3, "score"] > ranked.loc[1, "score"]
    assert "recent_contact" in ranked.loc[1, "reasons"]
    assert "long_silence" in ranked.loc[2, "reasons"]
    assert "never_contacted" in ranked.loc[3, "reasons"]
    assert ranked.loc[1, "days_since_contact"] == 3


def test_rank_is_bounded_sorted_and_limited():
    contacts = frame(*[{"tie_strength": 1 + i % 5, "mutual_connections": i} for i in range(40)])
    ranked = rules.rank_contacts(contacts, TODAY, top=10)
    assert len(ranked) == 10
    assert ranked["score"].is_monotonic_decreasing
    assert ranked["score"].between(0, 100).all()
    assert set(code for reasons in ranked["reasons"] for code in reasons) <= set(rules.REASONS)


def test_rank_of_empty_frame_is_empty():
    assert rules.rank_contacts(rules.empty_frame(), TODAY).empty


def test_lamp_order_sorts_motivation_then_posting_then_advocacy():
    targets = pd.DataFrame({"organisation_id": [1, 2, 3, 4], "name": ["A", "B", "C", "D"],
                            "motivation": [2, 3, 3, np.nan], "posting": [3, 1, 2, 3],
                            "advocacy": [0, 3, 0, 3]})
    assert rules.lamp_order(targets)["name"].tolist() == ["C", "B", "A", "D"]


def test_coverage_counts_first_and_second_degree():
    contacts = frame({"organisation_id": 10}, {"organisation_id": 10},
                     {"roles": "connector"}, {"roles": "peer"})
    targets = pd.DataFrame({"organisation_id": [10, 20, 30], "name": ["Ten", "Twenty", "Thirty"],
                            "sector": "", "motivation": [3, 2, 1], "posting": np.nan,
                            "advocacy": np.nan, "notes": ""})
    intros = pd.DataFrame({"introducer_id": [3, 4, 3], "organisation_id": [20, 20, 20]})
    coverage = rules.target_coverage(targets, contacts, intros).set_index("name")
    assert coverage.loc["Ten", ["first_degree", "second_degree", "status"]].tolist() == [
        2, 0, "first"]
    assert coverage.loc["Twenty", ["first_degree", "second_degree",
                                   "second_degree_connectors", "status"]].tolist() == [
        0, 2, 1, "second"]
    assert coverage.loc["Thirty", "status"] == "none"


def test_layer_role_counts_counts_each_role_and_untagged():
    contacts = frame({"layer": "inner", "roles": "connector peer"}, {"layer": "inner"})
    counts = rules.layer_role_counts(contacts)
    assert set(map(tuple, counts.to_numpy().tolist())) == {
        ("inner", "connector", 1), ("inner", "peer", 1), ("inner", "", 1)}


def test_top_groups_keeps_the_largest_and_sums_the_rest():
    contacts = frame(*[{"organisation": name} for name in "AAABBC"], {"organisation": ""})
    groups = rules.top_groups(contacts, "organisation", top=2)
    assert groups["name"].tolist() == ["A", "B", ""]
    assert groups["contacts"].tolist() == [3, 2, 2] and groups["is_other"].tolist()[-1]


def test_introduction_graph_is_capped_and_targets_first():
    contacts = frame({"full_name": "Ann"}, {"full_name": "Bob"})
    intros = pd.DataFrame({"introducer_id": [1, 2, 2], "organisation_id": [7, 8, 9],
                           "organisation": ["Seven", "Eight", "Nine"],
                           "is_target": [False, True, False]})
    nodes, edges = rules.introduction_graph(intros, contacts, limit=2)
    assert len(edges) == 2 and edges["target"].tolist()[0] == "o8"
    assert set(nodes["label"]) == {"Bob", "Eight", "Ann", "Seven"}


def test_bright_people_are_at_most_three_and_named():
    assert terms.bright_person_problem("  ", 0) == "name_missing"
    assert terms.bright_person_problem("Ada", 3) == "three_already"
    assert terms.bright_person_problem("Ada", 2) is None


def test_parse_optional_int():
    assert terms.parse_optional_int(" ", 0) is None
    assert terms.parse_optional_int("12", 0) == 12
    for bad in ("-1", "douze", "1.5"):
        with pytest.raises(ValueError):
            terms.parse_optional_int(bad, 0)


def test_fold_series_is_names_fold_for_a_whole_column():
    """Search keys (built per column) and typed queries (folded one by one) must agree."""
    from workbook.domain.names import fold

    texts = pd.Series(["Léa  DUPONT-Müller", "Chasseur de têtes", "Nguyễn, Thị", "", "Ærø_co"])
    assert rules.fold_series(texts).tolist() == [fold(t) for t in texts]
