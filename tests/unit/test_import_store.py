"""Importing into a real profile: one transaction, idempotent, updates, undo, merges."""

from pathlib import Path

import pytest

from workbook.io import ImportFileError, import_file, read_contacts
from workbook.store.batches import list_batches, undo_import
from workbook.store.contacts import add_contact, log_interaction, set_roles
from workbook.store.imports import import_contacts
from workbook.store.merges import dismiss_merge, merge_candidates, merge_contacts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"
LINKEDIN = FIXTURES / "linkedin_connections.csv"
NEWER = FIXTURES / "linkedin_connections_newer.csv"


def _snapshot(conn):
    return {table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            for table in ("contacts", "organisations", "import_batches", "import_updates")}


def _contact(conn, last_name):
    return conn.execute("SELECT * FROM contacts WHERE last_name = ?", (last_name,)).fetchone()


def test_import_stores_every_row_as_one_batch(conn):
    calls = []
    report = import_file(conn, LINKEDIN, progress=lambda done, total: calls.append((done, total)))
    assert (report.read, report.added, report.updated, report.unchanged) == (5, 5, 0, 0)
    assert report.batch_id is not None and report.format == "linkedin"
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))
    camille = _contact(conn, "Lefèvre")
    assert camille["source"] == "linkedin" and camille["layer"] == "unsorted"
    assert camille["import_batch_id"] == report.batch_id
    org = conn.execute("SELECT name FROM organisations WHERE id = ?",
                       (camille["organisation_id"],)).fetchone()[0]
    assert org == "Horizon Conseil, SAS"
    assert _contact(conn, "Dubois")["connected_on"] is None
    assert _contact(conn, "Benali")["position"].startswith("=HYPERLINK(")
    batches = list_batches(conn)
    assert batches.iloc[0]["rows_added"] == 5 and batches.iloc[0]["contacts"] == 5


def test_reimporting_the_same_file_changes_nothing(conn):
    import_file(conn, LINKEDIN)
    before = _snapshot(conn)
    again = import_file(conn, LINKEDIN)
    assert again.batch_id is None
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert _snapshot(conn) == before


def test_newer_export_updates_only_what_the_file_brings(conn):
    first = import_file(conn, LINKEDIN)
    camille = _contact(conn, "Lefèvre")["id"]
    conn.execute("UPDATE contacts SET notes = 'my note', layer = 'close' WHERE id = ?", (camille,))
    set_roles(conn, camille, ["connector"])
    report = import_file(conn, NEWER)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 4)
    row = _contact(conn, "Lefèvre")
    assert row["position"] == "Directrice générale"
    assert (row["notes"], row["layer"]) == ("my note", "close")      # the user's own fields
    assert [r[0] for r in conn.execute("SELECT role FROM contact_roles WHERE contact_id = ?",
                                       (camille,))] == ["connector"]
    assert row["import_batch_id"] == first.batch_id                   # still the first batch's
    # Sofia's e-mail is missing from the newer export: kept, not erased
    assert _contact(conn, "Rossi")["email"] == "sofia.rossi@example.com"


def test_undo_erases_added_contacts_and_restores_updated_ones(conn):
    first = import_file(conn, LINKEDIN)
    before_second = _snapshot(conn)
    second = import_file(conn, NEWER)
    yann = _contact(conn, "Le Goff")["id"]
    log_interaction(conn, yann, "2025-01-10", "coffee")
    assert undo_import(conn, second.batch_id) == 1
    assert _snapshot(conn)["contacts"] == before_second["contacts"]
    assert conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM organisations WHERE name = 'Breizh Data'"
                        ).fetchone()[0] == 0
    undo_import(conn, first.batch_id)
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 0
    assert list_batches(conn).empty
    with pytest.raises(KeyError):
        undo_import(conn, first.batch_id)


def test_undo_keeps_organisations_the_user_relies_on(conn):
    report = import_file(conn, LINKEDIN)
    conn.execute("UPDATE organisations SET is_target = 1 WHERE name = 'Acme'")
    undo_import(conn, report.batch_id)
    assert [r[0] for r in conn.execute("SELECT name FROM organisations")] == ["Acme"]


def test_a_failing_import_leaves_the_profile_unchanged(conn):
    import_file(conn, LINKEDIN)
    before = _snapshot(conn)
    result = read_contacts(NEWER)
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 3:
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        import_contacts(conn, result, "newer.csv", "0" * 64, progress=progress)
    assert _snapshot(conn) == before
    assert not conn.in_transaction


def test_a_bad_file_changes_nothing(conn):
    import_file(conn, LINKEDIN)
    before = _snapshot(conn)
    with pytest.raises(ImportFileError) as problem:
        import_file(conn, FIXTURES / "broken_quoting.csv")
    assert problem.value.code == "broken_quoting"
    assert _snapshot(conn) == before


def test_lookalikes_across_sources_are_proposed_never_merged(conn):
    manual = add_contact(conn, "Lefevre Camille", organisation="Horizon Conseil")
    import_file(conn, LINKEDIN)
    report = import_file(conn, FIXTURES / "google_contacts.csv")
    assert report.added == 3                                   # nothing merged silently
    linkedin_camille = conn.execute("SELECT id FROM contacts WHERE source = 'linkedin'"
                                    " AND last_name = 'Lefèvre'").fetchone()[0]
    google_camille = conn.execute("SELECT id FROM contacts WHERE source = 'google'"
                                  " AND last_name = 'Lefèvre'").fetchone()[0]
    pairs = {(c.first_id, c.second_id): c.reason for c in report.merge_candidates}
    assert pairs[tuple(sorted((linkedin_camille, google_camille)))] == "same_url"
    assert pairs[tuple(sorted((manual, google_camille)))] == "similar_name"
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 1 + 5 + 3
    dismiss_merge(conn, manual, google_camille)
    assert (manual, google_camille) not in {(c.first_id, c.second_id)
                                            for c in merge_candidates(conn)}


def test_merge_moves_everything_to_the_kept_contact(conn):
    manual = add_contact(conn, "Camille L.", email="camille@horizon.example", layer="close",
                         notes="ex-colleague")
    set_roles(conn, manual, ["connector", "alumni"])
    log_interaction(conn, manual, "2024-05-01", "lunch")
    report = import_file(conn, FIXTURES / "google_contacts.csv")
    google = conn.execute("SELECT id FROM contacts WHERE last_name = 'Lefèvre'").fetchone()[0]
    set_roles(conn, google, ["connector"])
    assert merge_contacts(conn, google, manual) == google
    merged = conn.execute("SELECT * FROM contacts WHERE id = ?", (google,)).fetchone()
    assert merged["layer"] == "close"
    assert merged["notes"] == "Rencontrée au salon RH\n\nex-colleague"
    assert merged["import_batch_id"] is None          # no longer erased by undoing the import
    assert sorted(r[0] for r in conn.execute(
        "SELECT role FROM contact_roles WHERE contact_id = ?", (google,))) == ["alumni",
                                                                                "connector"]
    assert [r[0] for r in conn.execute("SELECT contact_id FROM interactions")] == [google]
    assert conn.execute("SELECT COUNT(*) FROM contacts WHERE id = ?", (manual,)).fetchone()[0] == 0
    undo_import(conn, report.batch_id)
    assert conn.execute("SELECT COUNT(*) FROM contacts WHERE id = ?", (google,)).fetchone()[0] == 1
    with pytest.raises(ValueError):
        merge_contacts(conn, google, google)


def test_same_source_rows_are_matched_by_email_then_name(conn, tmp_path):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    old = tmp_path / "old.csv"
    old.write_text(header + "Ada,Byron,,ada@example.org,Engines,Analyst,10 Dec 2015\n"
                   "Alan,Turing,,,Bletchley,Cryptanalyst,1 Jan 2016\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(header + "Ada,Byron,https://www.linkedin.com/in/ada,ada@example.org,Engines,"
                   "Analyst,10 Dec 2015\n"
                   "Alan,Turing,https://www.linkedin.com/in/alan,,BLETCHLEY Ltd,Professor,"
                   "1 Jan 2016\n", encoding="utf-8")
    import_file(conn, old)
    report = import_file(conn, new)
    assert (report.added, report.updated) == (0, 2)
    assert _contact(conn, "Turing")["position"] == "Professor"
    assert _contact(conn, "Byron")["profile_url"] == "https://www.linkedin.com/in/ada"


def test_file_name_and_hash_are_recorded(conn):
    report = import_file(conn, LINKEDIN, file_name="Connections.csv")
    row = conn.execute("SELECT file_name, file_sha256 FROM import_batches WHERE id = ?",
                       (report.batch_id,)).fetchone()
    assert row[0] == "Connections.csv" and len(row[1]) == 64


def test_a_few_thousand_rows_report_progress_by_the_percent(conn, tmp_path):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    rows = "".join(f"P{n},Q{n},https://www.linkedin.com/in/p{n},,Org {n % 300},Role,"
                   f"{n % 28 + 1} Jan 2020\r\n" for n in range(3000))
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (header + rows).encode())
    calls = []
    report = import_file(conn, path, progress=lambda done, total: calls.append(done))
    assert report.added == 3000 and not report.merge_candidates
    assert 100 <= len(calls) <= 103 and calls[-1] == 3000
    assert conn.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 300


def test_one_stored_contact_is_updated_by_one_row_only(conn, tmp_path):
    """Two rows of a newer export with one stored contact's address: the first updates it,
    the second (a new person under a reused address) becomes a contact of its own."""
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    old = tmp_path / "old.csv"
    old.write_text(header + "Ada,Byron,https://www.linkedin.com/in/ada,,Engines,Analyst,"
                   "10 Dec 2015\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(header + "Ada,Byron,https://www.linkedin.com/in/ada,,Engines,Countess,"
                   "10 Dec 2015\n"
                   "Ann,Other,https://fr.linkedin.com/in/ADA/,,Mills,Weaver,1 Jan 2016\n",
                   encoding="utf-8")
    import_file(conn, old)
    report = import_file(conn, new)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 0)
    assert _contact(conn, "Byron")["position"] == "Countess"
    assert _contact(conn, "Other")["position"] == "Weaver"
