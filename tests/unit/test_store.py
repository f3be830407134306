"""The store on real SQLite files: transactions, migrations, erasure, concurrent writers."""

import sqlite3
import threading

import pytest

from workbook.store import NewerSchemaError, open_path, transaction
from workbook.store.contacts import add_contact, delete_contact, log_interaction
from workbook.store.db import connect
from workbook.store.migrations import all_migrations, current_version, latest_version, migrate
from workbook.store.settings import get_setting, set_setting


def test_a_new_profile_is_at_the_latest_version_and_records_each_migration(conn):
    assert current_version(conn) == latest_version() >= 2
    recorded = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]
    assert recorded == list(range(1, latest_version() + 1))


def test_connection_uses_wal_foreign_keys_and_a_busy_timeout(conn):
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_failed_write_changes_nothing(conn):
    with pytest.raises(RuntimeError):
        with transaction(conn):
            add_contact(conn, "Ana Kerbrat", layer="close")
            raise RuntimeError("power cut")
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0


def test_a_nested_failure_rolls_back_only_its_savepoint(conn):
    with transaction(conn):
        add_contact(conn, "Kept Person")
        with pytest.raises(sqlite3.IntegrityError):
            add_contact(conn, "Bad Layer", layer="nowhere")
    names = [r[0] for r in conn.execute("SELECT full_name FROM contacts")]
    assert names == ["Kept Person"]


def test_erasing_a_contact_removes_its_roles_needs_interactions_and_notes(conn):
    contact = add_contact(conn, "Léa Vidal", organisation="Helio Parc", roles=["connector"],
                          needs=["talent"], notes="met at the job fair")
    log_interaction(conn, contact, "2026-03-01", "coffee")
    version = conn.execute("INSERT INTO positioning_versions(one_liner) VALUES ('x')").lastrowid
    conn.execute("INSERT INTO repeat_backs(version_id, connector_name, contact_id, rephrasing,"
               " recorded_on) VALUES (?, 'Léa', ?, 'she does logistics', '2026-03-02')",
               (version, contact))
    delete_contact(conn, contact)
    for table in ("contacts", "contact_roles", "contact_needs", "interactions", "repeat_backs"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert conn.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 1


def test_two_connections_writing_at_once_both_land(tmp_path):
    path = tmp_path / "shared.sqlite"
    open_path(path).close()
    errors = []

    def writer(prefix):
        conn = connect(path)
        try:
            for i in range(40):
                with transaction(conn):
                    conn.execute("INSERT INTO contacts(full_name) VALUES (?)", (f"{prefix}{i}",))
        except Exception as problem:  # pragma: no cover - reported below
            errors.append(problem)
        finally:
            conn.close()

    threads = [threading.Thread(target=writer, args=(p,)) for p in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    conn = connect(path)
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 80
    conn.close()


# Rows each schema version can hold; the upgrade must keep them all.
SAMPLE_ROWS = {
    1: [
        "INSERT INTO settings VALUES ('display_name', 'Camille')",
        "INSERT INTO organisations(id, name, name_key) VALUES (1, 'Helio Parc', 'helio parc')",
        "INSERT INTO contacts(id, full_name, organisation_id, layer, notes)"
        " VALUES (1, 'Léa Vidal', 1, 'close', 'ancienne collègue')",
        "INSERT INTO contact_roles VALUES (1, 'connector')",
        "INSERT INTO contact_needs VALUES (1, 'talent')",
        "INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (1, '2026-01-05', 'lunch')",
    ],
    2: [
        "INSERT INTO positioning_versions(one_liner, score) VALUES ('Supply chain', 70)",
        "INSERT INTO journalists(contact_id, outlet) VALUES (1, 'Ouest Éco')",
        "INSERT INTO media_log(journalist_id, occurred_on, kind) VALUES (1, '2026-01-06', 'pitch')",
        "INSERT INTO key_messages(topic, position, message) VALUES ('Solaire', 1, 'Trois jours')",
        "INSERT INTO groups(id, name) VALUES (1, 'Club mardi')",
        "INSERT INTO participants(group_id, display_name) VALUES (1, 'Karim')",
    ],
    3: [
        "INSERT INTO plan_checkoffs(week_start, item_key, interaction_id)"
        " VALUES ('2026-01-05', 'touch:1', 1)",
    ],
    4: [
        "INSERT INTO import_batches(id, source_format, file_name, file_sha256)"
        " VALUES (1, 'csv', 'contacts.csv', 'abc')",
        "INSERT INTO import_updates VALUES (1, 1, '{}')",
        "INSERT INTO contacts(id, full_name) VALUES (2, 'Marc Leguen')",
        "INSERT INTO merge_dismissals(contact_a, contact_b) VALUES (1, 2)",
    ],
    5: [
        "INSERT INTO group_sessions(id, group_id, held_on, agenda) VALUES (1, 1, '2026-01-13',"
        " 'Pitch round')",
        "INSERT INTO attendance(session_id, participant_id) VALUES (1, 1)",
        "INSERT INTO participants(id, group_id, display_name) VALUES (3, 1, 'Inès')",
        "INSERT INTO avoid_pairs(group_id, participant_a, participant_b) VALUES (1, 1, 3)",
    ],
    6: [
        "INSERT INTO journalists(name, outlet, medium) VALUES ('Anaïs Roux', 'Le Journal', 'web')",
    ],
    7: [
        "INSERT INTO participants(id, group_id, display_name, card_id) VALUES (2, 1, 'Hamid T.',"
        " 'aa11')",
        "INSERT INTO contacts(id, full_name, layer, layer_set_on)"
        " VALUES (3, 'Nina Roux', 'close', '2026-01-02')",
    ],
    8: [
        "INSERT INTO participants(id, group_id, display_name, sender) VALUES (4, 1, 'Lou',"
        " 'jupyter-lou')",
    ],
}


def _table_counts(conn):
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("start", range(0, latest_version()))
def test_upgrading_from_every_earlier_version_keeps_the_data(tmp_path, start):
    path = tmp_path / "old.sqlite"
    conn = connect(path)
    # Each version's rows are written when the file is at that version, as a user of that
    # release would have (a later migration may reshape a table they live in).
    for version in range(1, start + 1):
        migrate(conn, target=version)
        with transaction(conn):
            for statement in SAMPLE_ROWS.get(version, []):
                conn.execute(statement)
    migrate(conn, target=start)
    before = {t: n for t, n in _table_counts(conn).items() if t != "schema_migrations"}
    conn.close()

    upgraded = open_path(path)
    after = _table_counts(upgraded)
    assert current_version(upgraded) == latest_version()
    for table, count in before.items():
        assert after[table] == count, table
    if start >= 1:
        row = upgraded.execute("SELECT full_name, notes FROM contacts WHERE id = 1").fetchone()
        assert tuple(row) == ("Léa Vidal", "ancienne collègue")
        assert (tmp_path / f"old.sqlite.v{start}.bak").exists()
    upgraded.close()


def test_every_version_has_sample_rows_in_the_upgrade_test():
    assert set(SAMPLE_ROWS) >= set(range(1, latest_version()))


def test_a_failing_migration_leaves_the_file_at_its_previous_version(tmp_path, monkeypatch):
    from workbook.store import migrations as module

    good = all_migrations()
    broken = [*good, module.Migration(len(good) + 1, "broken",
                                      "CREATE TABLE extra(x); INSERT INTO nowhere VALUES (1);")]
    monkeypatch.setattr(module, "all_migrations", lambda: broken)
    conn = connect(tmp_path / "p.sqlite")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn)
    assert current_version(conn) == len(good)
    assert "extra" not in _table_counts(conn)
    conn.close()


def test_a_profile_from_a_newer_workbook_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError):
        open_path(path)
    conn = connect(path)
    assert current_version(conn) == latest_version() + 1
    conn.close()


def test_settings_round_trip(conn):
    assert get_setting(conn, "lang") is None
    set_setting(conn, "lang", "en")
    set_setting(conn, "lang", "fr")
    assert get_setting(conn, "lang") == "fr"


def _open_and_close(path: str, start) -> str:
    start.wait()
    try:
        open_path(path).close()
        return "ok"
    except Exception as problem:  # reported by the test
        return f"{type(problem).__name__}: {problem}"


def test_several_processes_opening_a_new_profile_at_once_all_succeed(tmp_path):
    """Three pages opened at once on a new profile: each migration is applied exactly once."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(3) as pool:
        for trial in range(8):
            path = str(tmp_path / f"new{trial}.sqlite")
            start = manager.Event()
            pending = [pool.apply_async(_open_and_close, (path, start)) for _ in range(3)]
            start.set()
            assert [p.get(timeout=60) for p in pending] == ["ok"] * 3
            conn = connect(path)
            assert current_version(conn) == latest_version()
            recorded = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
            assert sorted(recorded) == list(range(1, latest_version() + 1))
            conn.close()


def test_an_upgrade_copy_cut_short_never_takes_the_backup_name(tmp_path, monkeypatch):
    """A kill during the pre-upgrade copy must not leave an empty `.bak` a user might restore."""
    import workbook.store as store_module

    path = tmp_path / "old.sqlite"
    conn = connect(path)
    migrate(conn, target=1)
    conn.close()

    def killed(status, remaining, total):
        raise KeyboardInterrupt   # some pages were written, then the power went

    monkeypatch.setattr(store_module, "BACKUP_PAGES_PER_STEP", 1)
    monkeypatch.setattr(store_module, "_backup_progress", killed)
    with pytest.raises(KeyboardInterrupt):
        store_module.open_path(path)
    assert not path.with_name(f"{path.name}.v1.bak").exists()
    monkeypatch.undo()
    store_module.open_path(path).close()
    assert path.with_name(f"{path.name}.v1.bak").exists()


def test_an_organisation_created_by_another_window_meanwhile_is_reused(tmp_path):
    """Look-up, then insert: a window that creates the same organisation in between must not
    make this one fail; both end with the one organisation."""
    import time

    from workbook.store.contacts import organisation_id

    path = tmp_path / "orgs.sqlite"
    open_path(path).close()
    mine, theirs = connect(path), connect(path)
    theirs.execute("BEGIN IMMEDIATE")                 # the other window is writing
    found = []
    worker = threading.Thread(target=lambda: found.append(organisation_id(mine, "Acme SAS")))
    worker.start()
    time.sleep(0.5)                                   # mine looked up, found nothing, waits
    theirs.execute("INSERT INTO organisations(name, name_key) VALUES ('ACME', 'acme')")
    theirs.execute("COMMIT")
    worker.join(30)
    assert found == [1]
    assert mine.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 1
    mine.close()
    theirs.close()
