"""Network map queries on a real SQLite profile: the frame, edits, bulk tags, targets,
introductions, exercises, and the erasure cascade."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.domain import network as rules
from workbook.store import contacts as contact_store
from workbook.store import network as store


def test_frame_has_documented_columns_and_values(conn):
    ann = contact_store.add_contact(conn, "Ann Lee", organisation="Acme SA", position="CFO",
                                    roles=["decision_maker", "alumni"], needs=["influence"],
                                    tie_strength=2, mutual_connections=11, layer="active")
    contact_store.add_contact(conn, "Bob")
    contact_store.log_interaction(conn, ann, "2026-01-05", "coffee")
    contact_store.log_interaction(conn, ann, "2026-03-01", "call")
    frame = store.contacts_frame(conn)
    assert tuple(frame.columns) == rules.FRAME_COLUMNS
    first = frame.iloc[0]
    assert first["organisation"] == "Acme SA" and first["tie_strength"] == 2
    assert set(first["roles"].split()) == {"decision_maker", "alumni"}
    assert first["last_contact"] == pd.Timestamp("2026-03-01")
    second = frame.iloc[1]
    assert pd.isna(second["last_contact"]) and pd.isna(second["organisation_id"])
    assert second["roles"] == "" and pd.isna(second["tie_strength"])


def test_frame_marks_target_links(conn):
    inside = contact_store.add_contact(conn, "Inside", organisation="Gamma")
    connector = contact_store.add_contact(conn, "Con", roles=["connector"])
    store.save_target(conn, "Gamma", motivation=3)
    store.add_introduction(conn, connector, "Delta", "Dee")
    store.save_target(conn, "Delta")
    frame = store.contacts_frame(conn).set_index("id")
    assert frame.loc[inside, "at_target"] and not frame.loc[connector, "at_target"]
    assert frame.loc[connector, "introduces_to_target"] == 1
    assert store.contacts_frame_for(conn, [connector])["id"].tolist() == [connector]


def test_update_contact_changes_only_given_fields(conn):
    contact = contact_store.add_contact(conn, "Ann", organisation="Acme", position="CFO",
                                        roles=["peer"])
    store.update_contact(conn, contact, layer="close", roles=["connector"], needs=["talent"],
                         organisation="Beta")
    details = store.contact_details(conn, contact)
    assert details["layer"] == "close" and details["position"] == "CFO"
    assert details["roles"] == ("connector",) and details["needs"] == ("talent",)
    assert details["organisation"] == "Beta"
    with pytest.raises(ValueError):
        store.update_contact(conn, contact, layer="galaxy")
    with pytest.raises(ValueError):
        store.update_contact(conn, contact, id=4)


def test_bulk_role_and_layer(conn):
    ids = [contact_store.add_contact(conn, f"P{i}") for i in range(5)]
    assert store.add_role_to(conn, ids[:3], "prescriber") == 3
    assert store.add_role_to(conn, ids, "prescriber") == 2        # already tagged: kept
    assert store.set_layer_of(conn, ids[:2], "target") == 2
    frame = store.contacts_frame(conn)
    assert (frame["roles"] == "prescriber").all()
    assert frame["layer"].tolist()[:3] == ["target", "target", "unsorted"]


def test_erasing_a_contact_removes_its_interactions_notes_and_links(conn):
    ann = contact_store.add_contact(conn, "Ann", notes="met at the fair", roles=["connector"],
                                    needs=["talent"])
    bob = contact_store.add_contact(conn, "Bob")
    contact_store.log_interaction(conn, ann, "2026-01-05", "coffee", notes="talked about Gamma")
    contact_store.log_interaction(conn, bob, "2026-01-06", "call")
    store.add_introduction(conn, ann, "Gamma")
    store.log_intelligence(conn, "2026-01-05", "key_players", "Zoé at Gamma", contact_id=ann)
    store.add_bright_person(conn, "Ann", "sharp", contact_id=ann)
    contact_store.delete_contact(conn, ann)
    for table in ("contact_roles", "contact_needs", "introductions", "intelligence_log",
                  "bright_people"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert [tuple(r) for r in conn.execute("SELECT contact_id FROM interactions")] == [(bob,)]
    assert "met at the fair" not in str(conn.execute("SELECT * FROM contacts").fetchall())
    assert store.contact_details(conn, ann) is None


def test_targets_in_name_order_with_lamp_scores(conn):
    store.save_target(conn, "Zeta", motivation=1, posting=2, advocacy=0, notes="later")
    store.save_target(conn, "Alpha SA", motivation=3)
    targets = store.targets_frame(conn)
    assert targets["name"].tolist() == ["Alpha SA", "Zeta"]
    assert targets.loc[1, ["motivation", "posting", "advocacy"]].tolist() == [1, 2, 0]
    store.drop_target(conn, int(targets.loc[0, "organisation_id"]))
    assert store.targets_frame(conn)["name"].tolist() == ["Zeta"]
    with pytest.raises(ValueError):
        store.save_target(conn, "  ")


def test_introductions_are_unique_per_person(conn):
    ann = contact_store.add_contact(conn, "Ann")
    first = store.add_introduction(conn, ann, "Gamma", "Dee", "former boss")
    again = store.add_introduction(conn, ann, "gamma", "Dee", "her former boss")
    assert first == again
    intros = store.introductions_frame(conn)
    assert intros[["introducer", "organisation", "person_name", "notes"]].values.tolist() == [
        ["Ann", "Gamma", "Dee", "her former boss"]]
    store.delete_introduction(conn, first)
    assert store.introductions_frame(conn).empty


def test_exercises_round_trip(conn):
    store.add_bright_person(conn, " Ada ", "clear thinker")
    assert [p["name"] for p in store.bright_people(conn)] == ["Ada"]
    store.log_intelligence(conn, "2026-01-01", "competitors", "Beta grows")
    store.log_intelligence(conn, "2026-02-01", "Who hires in Lyon?", "Gamma")
    log = store.intelligence_log(conn)
    assert [e["question"] for e in log] == ["Who hires in Lyon?", "competitors"]
    store.delete_intelligence(conn, log[0]["id"])
    store.delete_bright_person(conn, store.bright_people(conn)[0]["id"])
    assert store.bright_people(conn) == [] and len(store.intelligence_log(conn)) == 1


def test_organisation_names_most_contacts_first(conn):
    contact_store.add_contact(conn, "A", organisation="Small")
    contact_store.add_contact(conn, "B", organisation="Big")
    contact_store.add_contact(conn, "C", organisation="Big")
    assert store.organisation_names(conn) == ["Big", "Small"]


def test_restoring_a_bulk_tagging_puts_back_layers_dates_and_roles(conn):
    from workbook.store import contacts as contacts_store

    ada = contacts_store.add_contact(conn, "Ada", layer="close", roles=["peer", "alumni"])
    bea = contacts_store.add_contact(conn, "Bea", roles=["connector"])
    conn.execute("UPDATE contacts SET layer_set_on = '2025-01-02' WHERE id = ?", (ada,))
    before = [store.contact_details(conn, c) for c in (ada, bea)]
    moved, snapshot = store.bulk_set_layer(conn, [ada, bea], "target")
    assert moved == 2 and [row[0] for row in snapshot.rows] == [ada, bea]
    tagged, roles_snapshot = store.bulk_add_role(conn, [ada, bea], "connector")
    assert tagged == 1 and [row[0] for row in roles_snapshot.rows] == [ada]   # Bea had it
    assert store.restore_tags(conn, roles_snapshot) == 1
    assert set(store.contact_details(conn, ada)["roles"]) == {"peer", "alumni"}
    assert store.contact_details(conn, ada)["layer"] == "target"   # the older tagging stays
    contacts_store.delete_contact(conn, bea)
    assert store.restore_tags(conn, snapshot) == 1                # Bea is gone: left alone
    after = store.contact_details(conn, ada)
    assert (after["layer"], after["layer_set_on"], set(after["roles"])) == (
        before[0]["layer"], "2025-01-02", set(before[0]["roles"]))
