"""Positioning store: versions, repeat-backs and the draft, in a real SQLite profile."""

import pytest

from workbook.domain.positioning import Card, Statement
from workbook.store import open_path
from workbook.store import positioning as store
from workbook.store.contacts import add_contact
from workbook.store.settings import set_setting


@pytest.fixture
def conn(tmp_path):
    connection = open_path(tmp_path / "profile.sqlite")
    yield connection
    connection.close()


STATEMENT = Statement("Contrôleur de gestion", "agroalimentaire", "clôtures lentes",
                      "les DAF de PME", "je ramène la clôture de 10 à 5 jours", "10 ans en usine")
CARD = Card("Contrôleur de gestion pour les DAF de PME : clôture en 5 jours.", "Je suis…", "Bio")


def test_versions_are_kept_in_order_and_never_overwritten(conn):
    first = store.save_version(conn, STATEMENT, CARD, "fr", 80, created_at="2026-11-01T10:00:00")
    second = store.save_version(conn, Statement("Payroll controller"), Card("x"), "en", 40,
                                created_at="2026-11-02T10:00:00")
    versions = store.list_versions(conn)
    assert [v.id for v in versions] == [first, second]
    assert versions[0].statement == STATEMENT and versions[0].card == CARD
    assert (versions[0].lang, versions[0].score) == ("fr", 80)
    assert store.latest_version(conn).id == second
    store.set_version_score(conn, first, 85)
    assert store.list_versions(conn)[0].score == 85


def test_same_second_versions_sort_by_id(conn):
    ids = [store.save_version(conn, STATEMENT, CARD, "fr", s, created_at="2026-11-01T10:00:00")
           for s in (10, 20)]
    assert store.latest_version(conn).id == ids[-1]


def test_latest_version_of_an_empty_profile_is_none(conn):
    assert store.latest_version(conn) is None and store.list_versions(conn) == []


def test_repeat_backs_belong_to_a_version_and_go_with_it(conn):
    version = store.save_version(conn, STATEMENT, CARD, "fr", 80)
    contact = add_contact(conn, "Ana Lopez", roles=["connector"])
    store.add_repeat_back(conn, version, "Ana Lopez", "Contrôleuse pour les PME", "2026-11-03",
                          contact)
    rb = store.add_repeat_back(conn, version, "Bo <b>", "Elle fait de la finance", "2026-11-04")
    rows = store.list_repeat_backs(conn, version)
    assert [r["connector_name"] for r in rows] == ["Ana Lopez", "Bo <b>"]
    assert rows[0]["contact_id"] == contact
    store.delete_repeat_back(conn, rb)
    assert len(store.list_repeat_backs(conn, version)) == 1
    conn.execute("DELETE FROM positioning_versions WHERE id = ?", (version,))
    assert store.list_repeat_backs(conn, version) == []


def test_connector_contacts_lists_connectors_and_prescribers_only(conn):
    add_contact(conn, "Zoé Connector", roles=["connector"])
    add_contact(conn, "Alain Prescriber", roles=["prescriber", "connector"])
    add_contact(conn, "Paul Peer", roles=["peer"])
    assert [name for name, _ in store.connector_contacts(conn)] == ["Alain Prescriber",
                                                                     "Zoé Connector"]


def test_draft_round_trips_and_survives_a_broken_value(conn):
    assert store.load_draft(conn) is None
    long_text = "é🚀<script>" * 2000
    store.save_draft(conn, Statement(target_role=long_text), CARD)
    statement, card = store.load_draft(conn)
    assert statement.target_role == long_text and card == CARD
    set_setting(conn, store.DRAFT_SETTING, "{not json")
    assert store.load_draft(conn) is None
    set_setting(conn, store.DRAFT_SETTING, "[1, 2]")
    assert store.load_draft(conn) is None
