"""SQLite's own check of a profile file: sound files say so on every SQLite the workbook runs
on, a damaged file is refused before an upgrade, and a restore SQLite would call damaged never
becomes a profile."""

from __future__ import annotations

import json
import sqlite3

import pytest

from workbook.cli import main
from workbook.paths import profile_path
from workbook.store import DamagedProfileError, open_path, open_profile, transaction
from workbook.store.db import connect, damage_found, fold_into_one_file
from workbook.store.group import add_avoid, add_participant, create_group
from workbook.store.migrations import current_version, latest_version, migrate


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")


def _couple(conn) -> None:
    group = create_group(conn, "Club mardi")
    first = add_participant(conn, group, "Karim")
    second = add_participant(conn, group, "Inès")
    add_avoid(conn, group, first, second)


def test_sqlite_finds_nothing_wrong_in_a_profile_with_a_couple_not_to_pair(conn):
    _couple(conn)
    # Debian 12's SQLite (3.40) reported "NULL value in avoid_pairs.group_id" here.
    assert [tuple(r) for r in conn.execute("PRAGMA integrity_check")] == [("ok",)]
    assert [tuple(r) for r in conn.execute("PRAGMA quick_check")] == [("ok",)]
    assert damage_found(conn) == []


def test_couples_not_to_pair_survive_the_table_being_reordered(tmp_path):
    path = tmp_path / "old.sqlite"
    old = connect(path)
    migrate(old, 7)
    with transaction(old):
        old.execute("INSERT INTO groups(id, name) VALUES (1, 'Club')")
        old.executemany("INSERT INTO participants(id, group_id, display_name) VALUES (?, 1, ?)",
                        [(1, "Karim"), (2, "Inès"), (3, "Lou")])
        old.executemany("INSERT INTO avoid_pairs VALUES (1, ?, ?)", [(1, 2), (2, 3)])
    old.close()
    # the old table's false alarm does not stop the upgrade that cures it
    conn = open_path(path)
    try:
        assert current_version(conn) == latest_version()
        assert [tuple(r) for r in conn.execute(
            "SELECT group_id, participant_a, participant_b FROM avoid_pairs ORDER BY 2")] \
            == [(1, 1, 2), (1, 2, 3)]
        assert [tuple(r) for r in conn.execute("PRAGMA integrity_check")] == [("ok",)]
    finally:
        conn.close()


def _damaged_old_profile(path):
    """A profile at schema version 7 whose last page was overwritten (a bad sector)."""
    conn = connect(path)
    migrate(conn, 7)
    with transaction(conn):
        conn.executemany("INSERT INTO contacts(full_name, notes) VALUES (?, ?)",
                         [(f"Person {i}", "x" * 200) for i in range(500)])
    fold_into_one_file(conn)
    pages, size = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count",
                                                                        "page_size"))
    conn.close()
    data = bytearray(path.read_bytes())
    start = (pages - 4) * size
    data[start + 8:start + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    check = sqlite3.connect(path)
    assert damage_found(check), "the test's damage went unnoticed"
    check.close()


def test_a_damaged_profile_is_not_upgraded_and_stays_as_it_was(tmp_path):
    path = tmp_path / "damaged.sqlite"
    _damaged_old_profile(path)
    before = path.read_bytes()
    with pytest.raises(DamagedProfileError) as caught:
        open_path(path)
    assert caught.value.problems and "\n" not in " ".join(caught.value.problems)
    after = path.read_bytes()
    # opening switched the file to WAL (its 100-byte header changed), nothing else did
    assert after[100:] == before[100:] and after[60:64] == before[60:64] == bytes([0, 0, 0, 7])
    assert not list(tmp_path.glob("damaged.sqlite.v*.bak"))


def test_the_command_line_says_in_one_sentence_that_the_profile_is_damaged(capsys):
    path = profile_path("old")
    path.parent.mkdir(parents=True)
    _damaged_old_profile(path)
    assert main(["plan", "--profile", "old"]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and ".bak" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_restore_that_sqlite_calls_damaged_creates_no_profile(tmp_path, monkeypatch):
    from workbook.services import profiles
    from workbook.services.exports import export_to_file

    source = open_profile("source")
    _couple(source)
    export_to_file(source, tmp_path / "p.json", profile="source")
    source.close()
    assert json.loads((tmp_path / "p.json").read_text())["tables"]["avoid_pairs"]["rows"]
    monkeypatch.setattr(profiles, "damage_found", lambda conn: ["Page 3: btree page damaged"])
    assert main(["import-profile", str(tmp_path / "p.json"), "--profile", "back"]) == 2
    assert not list(profile_path("back").parent.glob("*back*"))
    monkeypatch.undo()
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    assert main(["import-profile", str(tmp_path / "p.json"), "--profile", "back"]) == 0
