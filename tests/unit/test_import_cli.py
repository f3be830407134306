"""`workbook import` and `workbook export` against a real profile in a temporary home."""

import sqlite3
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.paths import profile_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    return tmp_path


def _contacts(profile="job"):
    conn = sqlite3.connect(profile_path(profile))
    try:
        return conn.execute("SELECT full_name, position FROM contacts ORDER BY id").fetchall()
    finally:
        conn.close()


def test_import_prints_one_paragraph_and_exits_0(capsys):
    assert main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert ("linkedin_connections.csv (LinkedIn connections): rows read 5, added 5, updated 0,"
            " unchanged 0, skipped 0.") in out
    assert "Unreadable dates left empty, contacts kept: 1." in out and "number 1" in out
    assert len(_contacts()) == 5
    assert main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"]) == 0
    assert "Nothing changed" in capsys.readouterr().out


def test_summary_names_skip_reasons_and_merge_proposals(capsys):
    main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"])
    capsys.readouterr()
    assert main(["import", str(FIXTURES / "google_contacts.csv"), "--profile", "job",
                 "--format", "google", "--details"]) == 0
    out = capsys.readouterr().out
    assert "Skipped: no name and no e-mail (1)." in out
    assert "Possible duplicates to review (never merged without you): 1." in out
    assert "line 4: no name and no e-mail" in out


@pytest.mark.parametrize("data, message", [
    (b"", "The file is empty"),
    (b"PK\x03\x04" + b"\x00" * 100, "compressed (zip)"),
    (b"\xff\xfeF\x00i\x00r\x00s\x00t\x00", "UTF-16"),
    (b"Date,Amount\n2024-01-01,3\n", "do not look like a contact list"),
])
def test_bad_file_is_one_line_on_stderr_exit_2_and_store_unchanged(tmp_path, capsys, data,
                                                                    message):
    main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"])
    before = _contacts()
    bad = tmp_path / "Connections.csv"
    bad.write_bytes(data)
    capsys.readouterr()
    assert main(["import", str(bad), "--profile", "job"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err
    assert _contacts() == before


def test_french_messages_follow_the_profile_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "fr")
    missing = tmp_path / "absent.csv"
    assert main(["import", str(missing), "--profile", "job"]) == 2
    assert "introuvable" in capsys.readouterr().err


def test_list_and_undo(capsys):
    main(["import", str(FIXTURES / "vcard30.vcf"), "--profile", "job"])
    capsys.readouterr()
    assert main(["import", "--list", "--profile", "job"]) == 0
    assert "#1" in capsys.readouterr().out
    assert main(["import", "--undo", "1", "--profile", "job"]) == 0
    assert "contacts erased: 1" in capsys.readouterr().out
    assert _contacts() == []
    assert main(["import", "--undo", "1", "--profile", "job"]) == 2
    assert main(["import", "--profile", "job"]) == 2


def test_export_writes_excel_ready_csv_and_refuses_to_overwrite(tmp_path, capsys):
    main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"])
    out = tmp_path / "contacts.csv"
    assert main(["export", str(out), "--profile", "job"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and "<script>alert(1)</script>" in text
    assert "Camille Lefèvre" in text and "Théo Nguyen 🚀" in text
    assert main(["export", str(out), "--profile", "job"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["export", str(out), "--profile", "job", "--force"]) == 0
    assert main(["export", str(tmp_path / "no" / "dir.csv"), "--profile", "job"]) == 2


def test_list_undo_and_export_refuse_an_unknown_profile(tmp_path, capsys):
    for argv in (["import", "--list"], ["import", "--undo", "1"],
                 ["export", str(tmp_path / "out.csv")]):
        assert main([*argv, "--profile", "nobody"]) == 2
        assert "no profile named nobody" in capsys.readouterr().err
    assert not profile_path("nobody").exists()


def test_a_file_with_no_readable_record_is_an_error_giving_the_reason(tmp_path, capsys):
    card = tmp_path / "one.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEMAIL:ada@x.org\n")
    assert main(["import", str(card), "--profile", "job"]) == 2
    captured = capsys.readouterr()
    assert "No contact in this file could be read (card not closed (END:VCARD missing) (1))" \
        in captured.err
    assert "Nothing changed" not in captured.out + captured.err
    sheet = tmp_path / "nameless.csv"
    sheet.write_text("Name,Email\n,\n ,  \n,,\n")
    assert main(["import", str(sheet), "--profile", "job"]) == 2


def test_a_failed_import_leaves_no_new_profile_behind(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Amount\n2024-01-01,3\n")
    assert main(["import", str(bad), "--profile", "fresh"]) == 2
    assert not profile_path("fresh").exists()
    assert not list(profile_path("fresh").parent.glob("fresh*"))
    # an existing profile is kept, of course
    main(["import", str(FIXTURES / "linkedin_connections.csv"), "--profile", "job"])
    assert main(["import", str(bad), "--profile", "job"]) == 2
    assert len(_contacts()) == 5


def test_a_closed_stdout_ends_quietly(tmp_path):
    """`workbook import … --details | head`: no BrokenPipeError traceback."""
    import os
    import subprocess
    import sys

    rows = "\n".join(f"Person {n},person{n}@x.org,31/02/2020" for n in range(6000))
    big = tmp_path / "big.csv"
    big.write_text(f"Name,Email,Birthday\n{rows}\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = (f"{sys.executable} -m workbook.cli import {big} --profile job --details"
               " | head -n 2")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.stdout.count("\n") == 2
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_a_huge_mutual_count_skips_its_row_with_a_clear_reason(tmp_path, capsys):
    sheet = tmp_path / "mine.csv"
    sheet.write_text("Name,Email,Mutual connections\nAda Lovelace,ada@x.org,99999999999999999999\n"
                     "Alan Turing,alan@x.org,12\nGrace Hopper,grace@x.org,\n")
    assert main(["import", str(sheet), "--profile", "job", "--details"]) == 0
    out = capsys.readouterr().out
    assert "Skipped: number of mutual connections unreadable" in out
    assert "line 2: number of mutual connections unreadable" in out
    assert "99999999999999999999" in out
    conn = sqlite3.connect(profile_path("job"))
    try:
        rows = conn.execute("SELECT full_name, mutual_connections FROM contacts ORDER BY id")
        assert rows.fetchall() == [("Alan Turing", 12), ("Grace Hopper", None)]
    finally:
        conn.close()
    out_csv = tmp_path / "back.csv"
    assert main(["export", str(out_csv), "--profile", "job"]) == 0
    assert "mutual_connections" in out_csv.read_text(encoding="utf-8-sig").splitlines()[0]
