"""Whole-profile archives: export, restore into an empty profile, nothing lost; bad archives
refused with one sentence and nothing changed."""

import io
import json
import zipfile

import pytest

from tests.unit.every_table import fill_every_table, table_rows
from workbook.cli import main
from workbook.demo import fill_demo
from workbook.io.archive import FORMAT_VERSION, ArchiveError, is_profile_archive, read_archive
from workbook.paths import profile_path
from workbook.services.exports import export_to_file
from workbook.services.profiles import ProfileExistsError, restore_profile
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.store.migrations import latest_version
from workbook.store.schema import table_names


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    return tmp_path


@pytest.fixture
def demo():
    """The demo profile, plus a row in every table it leaves empty and awkward values."""
    conn = open_profile("demo")
    fill_demo(conn)
    add_contact(conn, "=cmd|' /C calc'!A0", phone="0033 612", email="a;b@x.org",
                notes="tab\there\r\nCRLF, \"quotes\", emoji 🙂", mutual_connections=2**62,
                birthday="02-29", organisation="Zéro & Co")
    fill_every_table(conn)
    yield conn
    conn.close()


@pytest.mark.parametrize("fmt", ["json", "zip"])
def test_every_table_survives_export_and_restore_row_by_row(demo, tmp_path, fmt):
    path = tmp_path / f"profile.{fmt}"
    done = export_to_file(demo, path, profile="demo")
    before = table_rows(demo)
    assert all(before[t] for t in table_names(demo)), "a table the test does not fill"
    assert done.rows == sum(len(rows) for rows in before.values())

    restored = restore_profile(path, "back")
    assert restored.rows == done.rows
    conn = open_profile("back")
    try:
        after = table_rows(conn)
    finally:
        conn.close()
    assert sorted(after) == sorted(before)               # the same tables, from the schema
    for table in before:
        assert after[table] == before[table], table


def test_archive_names_its_format_and_schema_versions(demo, tmp_path):
    path = tmp_path / "p.json"
    export_to_file(demo, path, profile="demo")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == FORMAT_VERSION
    assert document["schema_version"] == latest_version()
    assert set(document["tables"]) == set(table_names(demo))
    assert is_profile_archive(path)


def test_zip_also_holds_one_csv_per_table(demo, tmp_path):
    path = tmp_path / "p.zip"
    export_to_file(demo, path)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        contacts = zf.read("tables/contacts.csv").decode("utf-8-sig")
    assert names == {"profile.json"} | {f"tables/{t}.csv" for t in table_names(demo)}
    assert "'=cmd" in contacts                           # formulas neutralised for Excel


def test_import_recognises_an_archive_and_restores_it(demo, tmp_path, capsys):
    path = tmp_path / "p.json"
    export_to_file(demo, path, profile="demo")
    assert main(["import", str(path), "--profile", "moved"]) == 0
    assert "restored" in capsys.readouterr().out
    assert profile_path("moved").exists()
    # into a profile that exists: refused, pointing at import-profile
    assert main(["import", str(path), "--profile", "moved"]) == 2
    assert "import-profile" in capsys.readouterr().err


def _archive(tmp_path, demo, edit):
    path = tmp_path / "p.json"
    export_to_file(demo, path, profile="demo", force=True)
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _newer(document):
    document["schema_version"] = latest_version() + 1


def _huge(document):
    table = document["tables"]["contacts"]
    at = table["columns"].index("mutual_connections")
    table["rows"][0][at] = 99999999999999999999


def _bad_layer(document):
    table = document["tables"]["contacts"]
    table["rows"][0][table["columns"].index("layer")] = "nonsense"


def _orphan(document):
    table = document["tables"]["interactions"]
    table["rows"][0][table["columns"].index("contact_id")] = 987654


@pytest.mark.parametrize("edit, message", [
    (_newer, "made by a newer version of the workbook"),
    (_huge, "a value no profile can hold"),
    (_bad_layer, "archive is damaged"),
    (_orphan, "archive is damaged"),
])
def test_bad_archive_is_one_sentence_and_creates_nothing(demo, tmp_path, capsys, edit, message):
    path = _archive(tmp_path, demo, edit)
    assert main(["import-profile", str(path), "--profile", "new"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(profile_path("new").parent.glob("*new*"))


def test_truncated_zip_and_json_are_refused(demo, tmp_path, capsys):
    for fmt in ("zip", "json"):
        path = tmp_path / f"p.{fmt}"
        export_to_file(demo, path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        with pytest.raises(ArchiveError) as caught:
            read_archive(path, latest_version())
        assert caught.value.code == "truncated", fmt
        assert main(["import-profile", str(path), "--profile", "cut"]) == 2
        assert "incomplete" in capsys.readouterr().err
        assert not profile_path("cut").exists()


def test_existing_profile_is_never_overwritten(demo, tmp_path, capsys):
    path = tmp_path / "p.json"
    export_to_file(demo, path)
    before = profile_path("demo").read_bytes()
    with pytest.raises(ProfileExistsError):
        restore_profile(path, "demo")
    assert main(["import-profile", str(path), "--profile", "demo"]) == 2
    assert "already exists: nothing was overwritten" in capsys.readouterr().err
    assert profile_path("demo").read_bytes() == before


def test_an_archive_from_an_older_schema_is_restored_then_upgraded(tmp_path):
    from workbook.services.exports import write_export
    from workbook.store.db import connect
    from workbook.store.migrations import migrate

    old = connect(tmp_path / "old.sqlite")
    migrate(old, 2)
    old.execute("INSERT INTO contacts(full_name) VALUES ('Old Timer')")
    with open(tmp_path / "old.json", "wb") as out:
        write_export(old, out, "json")
    old.close()
    assert restore_profile(tmp_path / "old.json", "upgraded").schema_version == 2
    conn = open_profile("upgraded")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("SELECT full_name FROM contacts").fetchone()[0] == "Old Timer"
    finally:
        conn.close()


def test_not_an_archive(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    assert not is_profile_archive(path)
    with pytest.raises(ArchiveError) as caught:
        read_archive(path, latest_version())
    assert caught.value.code == "not_archive"
    assert not is_profile_archive(io.BytesIO(b"") and tmp_path / "missing")
