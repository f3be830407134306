"""A card reaches the participant who sent it: the coach says who sent a card the group does
not know, a card id is never taken over by another name or another server user, and two
members entered for one person merge with everything they hold (real SQLite)."""

import datetime as dt
import json

import pytest

from workbook.domain.group import close_members, name_closeness
from workbook.domain.progress_card import ProgressCard, card_bytes
from workbook.services import group as service
from workbook.store import group as store

DAY = dt.date(2026, 11, 24)


def _card(card_id="aa11", name="Lina B.", total=12):
    return ProgressCard(card_id, name, "club-mardi", DAY.isoformat(), {
        "network": {"total": total, "by_layer": {"close": total}, "by_role": {}}})


@pytest.fixture
def club(conn):
    group_id = store.create_group(conn, "Club Mardi")
    session = store.open_session(conn, group_id, DAY)
    return conn, store.list_groups(conn)[0], group_id, session


def _stored(conn, group_id):
    return {(r["participant_id"], json.loads(r["card_json"])["participant"])
            for r in store.cards(conn, group_id)}


@pytest.mark.parametrize("first, second, close", [
    ("Hamid T.", "Hamid Tazi", True), ("Tazi Hamid", "hamid tazi", True),
    ("Jonas V.", "Jonas Vidal", True), ("Jonas Vidal", "Jonas Vidall", True),
    ("Camille Durand", "Hamid T.", False), ("Aline M.", "Jonas V.", False),
    ("J. V.", "Jonas Vidal", False), ("Ana", "Ben", False)])
def test_a_name_written_differently_is_close_and_another_person_is_not(first, second, close):
    assert (name_closeness(first, second) >= 0.75) is close
    assert name_closeness(first, second) == name_closeness(second, first)


def test_close_members_come_closest_first_and_a_server_user_name_counts():
    members = [(1, "Hamid T."), (2, "Hamid Tazi"), (3, "Aline M.")]
    assert close_members("Hamid Tazi", members) == [2, 1]
    assert close_members("Camille Durand", members, also="aline") == [3]
    assert close_members("Camille Durand", members) == []


def test_an_unknown_sender_waits_for_the_coach_and_never_joins_a_namesake_by_itself(club):
    conn, group, group_id, session = club
    hamid = store.add_participant(conn, group_id, "Hamid T.")
    before = conn.total_changes
    with pytest.raises(service.SenderUnknown) as asked:
        service.import_card(conn, group, session, card_bytes(_card("aa11", "Hamid Tazi")))
    assert asked.value.code == "unknown_sender" and asked.value.suggestions == [hamid]
    assert conn.total_changes == before and store.cards(conn, group_id) == []
    # the coach says it is Hamid T.: linked, then his next cards come straight in
    done = service.import_card(conn, group, session, asked.value.card, member=hamid)
    assert (done.participant_id, done.added) == (hamid, False)
    again = service.import_card(conn, group, session, card_bytes(_card("aa11", "Hamid Tazi",
                                                                       total=20)))
    assert again.participant_id == hamid
    assert len(store.cards(conn, group_id)) == 1                  # replaced, not doubled
    # someone else also writing "Hamid T." is asked about too, never merged into Hamid
    with pytest.raises(service.SenderUnknown) as other:
        service.import_card(conn, group, session, card_bytes(_card("bb22", "Hamid T.")))
    assert other.value.suggestions == [hamid]
    with pytest.raises(store.GroupConflict, match="duplicate_name"):
        service.import_card(conn, group, session, other.value.card, new=True)
    new = service.import_card(conn, group, session, card_bytes(_card("cc33", "Marc D.")),
                              new=True)
    assert new.added and len(store.participants(conn, group_id)) == 2


def test_a_card_claiming_another_participant_s_card_id_never_replaces_their_card(club):
    conn, group, group_id, session = club
    lina = service.import_card(conn, group, session, card_bytes(_card()), new=True,
                               sender="lina").participant_id
    forged = card_bytes(_card("aa11", "Camille Durand", total=999))
    with pytest.raises(service.SenderUnknown) as conflict:          # another name
        service.import_card(conn, group, session, forged)
    assert conflict.value.code == "card_id_taken"
    assert conflict.value.holder["id"] == lina and conflict.value.suggestions[0] == lina
    with pytest.raises(service.SenderUnknown) as dropped:           # another server user
        service.import_card(conn, group, session, card_bytes(_card(total=999)), sender="eve")
    assert dropped.value.code == "card_id_taken"
    with pytest.raises(store.GroupConflict, match="card_id_taken"):  # nor given to another
        other = store.add_participant(conn, group_id, "Paul S.")
        service.import_card(conn, group, session, forged, member=other)
    assert _stored(conn, group_id) == {(lina, "Lina B.")}
    stored = json.loads(store.cards(conn, group_id)[0]["card_json"])
    assert stored["sections"]["network"]["total"] == 12
    # Lina's new workbook (a new card id) dropped by the same server user: still Lina
    moved = service.import_card(conn, group, session, card_bytes(_card("dd44", "Lina B.")),
                                sender="lina")
    assert moved.participant_id == lina and not moved.added


def test_merging_two_members_keeps_cards_attendance_rounds_couples_and_notes(club):
    conn, group, group_id, session = club
    later = store.open_session(conn, group_id, DAY + dt.timedelta(days=7))
    hamid, copy, aline, jonas = (store.add_participant(conn, group_id, n)
                                 for n in ("Hamid T.", "Hamid Tazi", "Aline M.", "Jonas V."))
    service.import_card(conn, group, session, _card("aa11", "Hamid T."), member=hamid)
    service.import_card(conn, group, later, _card("bb22", "Hamid Tazi"), member=copy)
    store.set_attendance(conn, later, copy, False)
    store.save_round(conn, group_id, session, DAY, [(hamid, aline), (jonas,)])
    store.save_round(conn, group_id, later, DAY, [(copy, jonas), (aline,)])
    store.add_avoid(conn, group_id, copy, aline)
    store.add_avoid(conn, group_id, copy, hamid)
    store.record_referrals(conn, group_id, None, [(copy, jonas, "Vaubanne"),
                                                  (hamid, copy, "Helio")])
    note = store.add_pitch_note(conn, later, copy, "Aline", "supply chain")
    store.add_board_entry(conn, later, "key_players", copy, "Vaubanne hires")

    store.merge_participants(conn, hamid, copy)

    assert [p["display_name"] for p in store.participants(conn, group_id, True)] == [
        "Aline M.", "Hamid T.", "Jonas V."]
    assert {r["participant_id"] for r in store.cards(conn, group_id)} == {hamid}
    assert len(store.cards(conn, group_id)) == 2
    assert store.absent_ids(conn, later) == {hamid}
    assert [r["groups"] for r in store.rounds(conn, group_id)] == [
        [tuple(sorted((hamid, aline))), (jonas,)], [tuple(sorted((hamid, jonas))), (aline,)]]
    assert store.avoid_pairs(conn, group_id) == [tuple(sorted((hamid, aline)))]
    assert [(r["from_participant"], r["to_participant"]) for r in
            store.referrals(conn, group_id)] == [(hamid, jonas)]
    assert store.pitch_notes(conn, later)[0]["id"] == note
    assert store.pitch_notes(conn, later)[0]["speaker_id"] == hamid
    assert store.board_entries(conn, later)[0]["participant_id"] == hamid
    # Hamid keeps his card id: his next card comes straight to him
    assert service.import_card(conn, group, later, card_bytes(_card("aa11", "Hamid T."))
                               ).participant_id == hamid


def test_a_refused_merge_changes_nothing(club):
    conn, _group, group_id, _session = club
    other_group = store.create_group(conn, "Club Jeudi")
    a = store.add_participant(conn, group_id, "Ana")
    b = store.add_participant(conn, other_group, "Ben")
    before = conn.total_changes
    for keep, other in ((a, a), (a, b), (a, 9999)):
        with pytest.raises(store.GroupConflict):
            store.merge_participants(conn, keep, other)
    assert conn.total_changes == before
