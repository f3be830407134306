"""The coach's group tables: roster rules, card import, pairing history, drop folder."""

import datetime as dt
import os

import pytest

from workbook.domain.progress_card import CardError, ProgressCard, card_bytes
from workbook.services import card_drop
from workbook.services import group as service
from workbook.store import group as store

DAY = dt.date(2026, 11, 24)


def _card(card_id="aa11", name="Lina B.", group="club-mardi", **sections):
    return ProgressCard(card_id, name, group, "2026-11-24", sections or {
        "network": {"total": 12, "by_layer": {"close": 12}, "by_role": {"connector": 2}}})


@pytest.fixture
def club(conn):
    group_id = store.create_group(conn, "Club Mardi")
    return conn, store.list_groups(conn)[0], group_id


def test_two_participants_of_a_group_never_share_a_display_name(club):
    conn, _group, group_id = club
    store.add_participant(conn, group_id, "Lina B.")
    for same in ("Lina B.", "  lina   b. ", "LÍNA B."):
        with pytest.raises(store.GroupConflict) as problem:
            store.add_participant(conn, group_id, same)
        assert problem.value.code == "duplicate_name"
    other = store.add_participant(conn, group_id, "Lina C.")
    with pytest.raises(store.GroupConflict):
        store.rename_participant(conn, other, "lina b.")
    assert [p["display_name"] for p in store.participants(conn, group_id)] == ["Lina B.",
                                                                             "Lina C."]
    with pytest.raises(store.GroupConflict, match="blank_name"):
        store.add_participant(conn, group_id, "   ")
    with pytest.raises(store.GroupConflict, match="group_name_taken"):
        store.create_group(conn, "club  mardi")


def test_a_refused_card_changes_nothing(club):
    conn, group, group_id = club
    before = conn.total_changes
    for data in (card_bytes(_card(group="club-jeudi")),
                 card_bytes(_card()).replace(b"12", b"99"), b"{", b""):
        with pytest.raises(CardError):
            service.import_card(conn, group, None, data)
    assert conn.total_changes == before
    assert store.participants(conn, group_id) == []


def test_rounds_keep_trios_and_sit_outs_and_survive_a_removed_participant(club):
    conn, _group, group_id = club
    ids = [store.add_participant(conn, group_id, n) for n in ("A", "B", "C", "D", "E")]
    session = store.open_session(conn, group_id, DAY)
    store.save_round(conn, group_id, session, DAY, [(ids[0], ids[1], ids[2]), (ids[3], ids[4])])
    store.save_round(conn, group_id, session, DAY, [(ids[0], ids[3]), (ids[1], ids[4]),
                                                    (ids[2],)])
    rounds = store.rounds(conn, group_id)
    assert [r["groups"] for r in rounds] == [
        [(ids[0], ids[1], ids[2]), (ids[3], ids[4])], [(ids[0], ids[3]), (ids[1], ids[4]),
                                                       (ids[2],)]]
    store.set_active(conn, ids[4], False, DAY)
    assert ids[4] not in [p["id"] for p in store.participants(conn, group_id)]
    assert store.rounds(conn, group_id) == rounds                  # history kept whole


def test_attendance_avoid_pairs_referrals_notes_and_board(club):
    conn, _group, group_id = club
    a, b = (store.add_participant(conn, group_id, n) for n in ("A", "B"))
    session = store.open_session(conn, group_id, DAY)
    assert store.open_session(conn, group_id, DAY) == session
    store.set_attendance(conn, session, a, False)
    assert store.absent_ids(conn, session) == {a}
    store.add_avoid(conn, group_id, b, a)
    assert store.avoid_pairs(conn, group_id) == [(a, b)]
    with pytest.raises(store.GroupConflict):
        store.add_avoid(conn, group_id, a, a)
    assert store.record_referrals(conn, group_id, session, [(a, b, "Vaubanne")] * 2) == 1
    assert store.record_referrals(conn, group_id, session, [(a, b, "Vaubanne")]) == 0
    store.add_pitch_note(conn, session, a, "B", "acheteur éolien")
    store.add_board_entry(conn, session, "key_players", b, "<img src=x onerror=alert(1)>")
    assert store.board_entries(conn, session)[0]["answer"].startswith("<img")


# --------------------------------------------------------------------- drop folder

def test_publish_list_withdraw_in_a_real_folder(tmp_path):
    root = tmp_path / "drop"
    root.mkdir()
    with pytest.raises(card_drop.DropFolderError) as problem:
        card_drop.publish(root, "club-mardi", "aa11", b"{}")
    assert problem.value.code == "no_group_folder"
    card_drop.group_folder(root, "club-mardi", create=True)
    assert card_drop.group_folders(root) == ["club-mardi"]
    assert oct((root / "club-mardi").stat().st_mode)[-4:] == "1733"
    path = card_drop.publish(root, "club-mardi", "aa11", card_bytes(_card()))
    assert path.parent == root / "club-mardi" and oct(path.stat().st_mode)[-3:] == "644"
    card_drop.publish(root, "club-mardi", "aa11", card_bytes(_card(name="Lina Bertin")))
    found = card_drop.list_cards(root, "club-mardi")
    assert [c.path.name for c in found] == ["aa11.wbcard.json"]
    assert b"Lina Bertin" in card_drop.read_dropped(found[0], 10_000)
    assert not [p for p in (root / "club-mardi").iterdir() if p.name.startswith(".card-")]
    assert card_drop.is_published(root, "club-mardi", "aa11")
    assert card_drop.withdraw(root, "club-mardi", "aa11") is True
    assert card_drop.withdraw(root, "club-mardi", "aa11") is False
    assert card_drop.list_cards(root, "club-mardi") == []


@pytest.mark.parametrize("slug", ["../etc", "Club Mardi", "", ".hidden", "a/b"])
def test_group_names_that_would_leave_the_drop_folder_are_refused(tmp_path, slug):
    with pytest.raises(card_drop.DropFolderError):
        card_drop.group_folder(tmp_path, slug, create=True)
    with pytest.raises(card_drop.DropFolderError):
        card_drop.card_path(tmp_path, "club", "../../x")


def test_a_read_only_drop_folder_gives_unwritable(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "club"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(card_drop.DropFolderError) as problem:
            card_drop.publish(tmp_path, "club", "aa11", b"{}")
        assert problem.value.code == "unwritable"
    finally:
        folder.chmod(0o755)


def test_drop_root_comes_from_the_environment(tmp_path):
    assert card_drop.drop_root({}) is None
    assert card_drop.drop_root({"WORKBOOK_CARD_DROP": str(tmp_path)}) == tmp_path


def test_upgrading_keeps_groups_made_before_the_group_migration(tmp_path):
    from workbook.store import open_path
    from workbook.store.db import connect, transaction
    from workbook.store.migrations import all_migrations, migrate

    version = next(m.version for m in all_migrations() if m.name == "group")
    path = tmp_path / "old.sqlite"
    old = connect(path)
    migrate(old, target=version - 1)
    with transaction(old):
        old.execute("INSERT INTO groups(id, name) VALUES (1, 'Club Mardi')")
        old.executemany("INSERT INTO participants(id, group_id, display_name) VALUES (?, 1, ?)",
                        [(1, "Ana"), (2, "Ben"), (3, "Cy")])
        old.execute("INSERT INTO progress_cards(participant_id, week_start, new_contacts)"
                    " VALUES (1, '2026-11-02', 4)")
        old.execute("INSERT INTO pairing_rounds(id, group_id, round_no, held_on)"
                    " VALUES (1, 1, 1, '2026-11-02')")
        old.executemany("INSERT INTO pairings VALUES (1, ?, ?)", [(1, 1), (2, 1), (3, 0)])
        old.execute("INSERT INTO referrals(group_id, from_participant, to_participant,"
                    " organisation) VALUES (1, 2, 1, 'Vaubanne')")
    old.close()

    conn = open_path(path)
    group = store.list_groups(conn)[0]
    assert group == {"id": 1, "name": "Club Mardi", "slug": "group-1", "odd_mode": "trio"}
    assert [p["display_name"] for p in store.participants(conn, 1)] == ["Ana", "Ben", "Cy"]
    assert store.rounds(conn, 1)[0]["groups"] == [(1, 2), (3,)]
    assert store.referrals(conn, 1)[0]["status"] == "suggested"
    assert tuple(conn.execute("SELECT new_contacts, card_json FROM progress_cards").fetchone()) \
        == (4, "")
    assert store.cards(conn, 1) == []       # an old row without a card is kept, not shown
    conn.close()
