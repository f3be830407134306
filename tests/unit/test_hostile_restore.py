"""A restore takes only what a profile can give back, as imports do, and reads an archive of
any size within bounds: streamed, refused with one sentence past them, nothing created."""

from __future__ import annotations

import json
import sqlite3
import tracemalloc
import zipfile

import pytest

from workbook.cli import main
from workbook.io import archive_reader
from workbook.io.archive import ArchiveError, read_archive
from workbook.paths import profile_path
from workbook.services.exports import export_to_file
from workbook.services.profiles import restore_profile
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.store.migrations import latest_version

INVISIBLE_NAMES = ["   ", "\u200b", "\u2800\u2800", "\u3164", "\u200b \u2800\u3164\ufeff"]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")


@pytest.fixture
def archive(tmp_path):
    """A small profile's archive, as a dict to edit, and where to write it."""
    conn = open_profile("source")
    add_contact(conn, "Ada Lovelace", email="ada@example.org", mutual_connections=3)
    add_contact(conn, "Alan Turing", email="alan@example.org")
    path = tmp_path / "source.json"
    export_to_file(conn, path, profile="source")
    conn.close()
    return json.loads(path.read_text(encoding="utf-8")), tmp_path / "edited.json"


def _write(document, path):
    path.write_text(json.dumps(document, allow_nan=True), encoding="utf-8")
    return path


def _set(document, table, column, value, row=0):
    body = document["tables"][table]
    body["rows"][row][body["columns"].index(column)] = value


def _refused(path, capsys, words):
    assert main(["import-profile", str(path), "--profile", "back"]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert not list(profile_path("back").parent.glob("*back*"))


# ------------------------------------------------------------ what cannot be given back

@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_a_number_json_cannot_write_back_is_refused(archive, capsys, value):
    document, path = archive
    _set(document, "contacts", "mutual_connections", value)
    _refused(_write(document, path), capsys, "a value no profile can hold")


def test_a_number_too_large_for_a_double_is_refused(archive, capsys):
    document, path = archive
    _set(document, "contacts", "mutual_connections", "@@")
    path.write_text(json.dumps(document).replace('"@@"', "1e999"))
    _refused(path, capsys, "a value no profile can hold")


@pytest.mark.parametrize("version", [-1, 0, True, "1", 1.0, None])
def test_a_format_version_that_is_no_version_is_refused(archive, capsys, version):
    document, path = archive
    document["format_version"] = version
    _refused(_write(document, path), capsys, "archive is damaged")


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_a_contact_whose_name_shows_nothing_is_refused(archive, capsys, name):
    document, path = archive
    _set(document, "contacts", "full_name", name, row=1)
    _refused(_write(document, path), capsys, "a value no profile can hold")


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_an_import_takes_no_contact_whose_name_shows_nothing(tmp_path, capsys, name):
    from workbook.io import read_contacts

    path = tmp_path / "names.csv"
    path.write_text(f"First Name,Last Name,Email\n{name},{name},\nAda,Lovelace,\n",
                    encoding="utf-8")
    result = read_contacts(path)
    assert list(result.contacts["full_name"]) == ["Ada Lovelace"]
    assert {s.reason for s in result.skipped} <= {"no_name"}     # a blank line is no row
    vcard = tmp_path / "names.vcf"
    vcard.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nN:{name};;;;\nEND:VCARD\n",
                     encoding="utf-8")
    assert main(["import", str(vcard), "--profile", "p"]) == 2
    assert "No contact in this file could be read" in capsys.readouterr().err


def test_a_profile_holding_infinity_is_not_exported_as_a_broken_file(tmp_path, capsys):
    conn = open_profile("odd")
    add_contact(conn, "Ada Lovelace")
    conn.execute("UPDATE contacts SET mutual_connections = 9e999")   # an older restore
    conn.close()
    target = tmp_path / "odd.json"
    assert main(["export", str(target), "--profile", "odd"]) == 2
    err = capsys.readouterr().err
    assert "contacts.mutual_connections" in err and "Traceback" not in err
    assert err.count("\n") == 1 and not target.exists()


# ------------------------------------------------------------ bounds, streaming

def test_past_each_bound_the_restore_is_refused_in_one_sentence(archive, capsys, monkeypatch):
    document, path = archive
    _write(document, path)
    for bound, value in (("MAX_ARCHIVE_BYTES", 2000), ("MAX_ROWS_PER_TABLE", 1),
                         ("MAX_FIELD_CHARS", 5)):
        with monkeypatch.context() as patch:
            patch.setattr(archive_reader, bound, value)
            _refused(path, capsys, "larger than any profile the workbook makes")
    assert main(["import-profile", str(path), "--profile", "back"]) == 0


def test_a_zip_whose_json_says_it_is_too_large_is_refused_before_reading(archive, capsys,
                                                                         monkeypatch):
    document, path = archive
    packed = path.with_suffix(".zip")
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("profile.json", json.dumps(document) + " " * 5_000_000)
    monkeypatch.setattr(archive_reader, "MAX_ARCHIVE_BYTES", 1_000_000)
    with pytest.raises(ArchiveError) as caught:
        read_archive(packed, latest_version())
    assert caught.value.code == "too_large"
    _refused(packed, capsys, "larger than any profile")


def _peak_mb(work) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("suffix", ["json", "zip"])
def test_a_restore_holds_a_chunk_and_a_row_not_the_archive(archive, tmp_path, suffix,
                                                           monkeypatch):
    monkeypatch.setattr(archive_reader, "CHUNK_BYTES", 16 * 1024)
    document, _ = archive
    body = document["tables"]["contacts"]
    first = body["rows"][0]
    at_id, at_name, at_mail = (body["columns"].index(c) for c in ("id", "full_name", "email"))
    for n in range(3, 6_000):                      # ~1.7 MB of JSON
        row = first[:]
        row[at_id], row[at_name], row[at_mail] = n, f"Person {n}", f"p{n}@example.org"
        body["rows"].append(row)
    text = json.dumps(document)
    path = tmp_path / f"big.{suffix}"
    if suffix == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("profile.json", text)
    else:
        path.write_text(text)
    del document, body, text
    peak = _peak_mb(lambda: restore_profile(path, f"big{suffix}"))
    conn = sqlite3.connect(profile_path(f"big{suffix}"))
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 5_999
    conn.close()
    assert peak < 0.6, f"{peak:.2f} MB held while restoring a 1.7 MB archive in 16 KB chunks"


def test_whitespace_or_text_after_the_end_is_read_as_json_says(archive, capsys):
    document, path = archive
    path.write_text(json.dumps(document) + "\n" + " " * 3_000_000 + "\n")
    assert main(["import-profile", str(path), "--profile", "spaced"]) == 0
    capsys.readouterr()
    path.write_text(json.dumps(document) + "\n{}")
    _refused(path, capsys, "archive is damaged")
