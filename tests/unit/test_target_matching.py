"""A target organisation as the user types it finds her contacts at the employer's entities."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbook.domain.contacts_matching import target_matches_organisation
from workbook.store import contacts as contact_store
from workbook.store import network as store


def test_a_brand_matches_its_country_and_legal_entities():
    assert target_matches_organisation("Auto Trader", "Auto Trader UK")
    assert target_matches_organisation("Auto Trader", "AUTO TRADER Group plc")
    assert target_matches_organisation("Auto Trader Ltd", "Auto Trader UK")
    assert target_matches_organisation("Renault", "Renault Group")
    assert target_matches_organisation("Société Générale", "Societe Generale SA")
    assert not target_matches_organisation("Trader", "Auto Trader UK")
    assert target_matches_organisation("Auto Trader UK", "Auto Trader")   # suffix only
    assert not target_matches_organisation("Auto Trader Cars", "Auto Trader UK")
    assert not target_matches_organisation("", "Auto Trader")


@given(st.lists(st.sampled_from(["acme", "north", "data", "uk", "sa", "bank"]), min_size=1,
                max_size=4),
       st.lists(st.sampled_from(["uk", "france", "ltd", "group", "labs"]), max_size=3))
def test_an_organisation_always_matches_itself_and_its_longer_names(words, more):
    name = " ".join(words)
    assert target_matches_organisation(name, name)
    assert target_matches_organisation(name, " ".join(words + more))


def test_saving_a_target_counts_contacts_at_the_entity_and_says_which(conn):
    for n in range(8):
        contact_store.add_contact(conn, f"Person {n}", organisation="Auto Trader UK")
    contact_store.add_contact(conn, "Other", organisation="Trader Joe's")
    saved = store.save_target(conn, "Auto Trader", motivation=3)
    frame = store.contacts_frame(conn)
    assert frame["at_target"].sum() == 8
    assert store.target_matches(conn, "Auto Trader") == [("Auto Trader UK", 8)]
    assert store.targets_frame(conn)["organisation_id"].tolist() == [saved]


def test_a_target_typed_shorter_than_the_stored_name_says_what_it_matched(conn):
    contact_store.add_contact(conn, "Ann", organisation="Renault Group")
    store.save_target(conn, "Renault")
    assert store.target_matches(conn, "Renault") == [("Renault Group", 1)]
    assert store.target_matches(conn, "Renault Group") == []
