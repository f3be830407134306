"""Clumsy and hostile input on the command line: one sentence instead of a traceback, a refusal
instead of a hang, the true cause instead of a misleading one, and nothing changed."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.unit import media
from workbook.cli import main
from workbook.paths import profile_path

REPO = Path(__file__).resolve().parents[2]
CSV = "name,email\nAda Lovelace,ada@example.org\nAlan Turing,alan@example.org\n"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    monkeypatch.delenv("WORKBOOK_DEBUG", raising=False)
    return tmp_path / "home"


@pytest.fixture
def profile(tmp_path):
    """Profile `p` holding two contacts from one import."""
    source = tmp_path / "two.csv"
    source.write_text(CSV)
    assert main(["import", str(source), "--profile", "p"]) == 0
    return profile_path("p")


def _one_sentence(err: str) -> str:
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("workbook: error: "), err
    return err


def _names(profile="p") -> list[str]:
    conn = sqlite3.connect(profile_path(profile))
    try:
        return [r[0] for r in conn.execute("SELECT full_name FROM contacts ORDER BY id")]
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`workbook ARGS` in a process of its own (what a hang would block is not the tests)."""
    env = dict(os.environ, WORKBOOK_HOME=str(home), WORKBOOK_LANG="en",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO),
                                                        os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "workbook", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)


# ------------------------------------------------------------ one sentence, not a traceback

def test_a_vcard_value_in_a_charset_that_names_no_encoding_is_still_imported(tmp_path, capsys):
    card = tmp_path / "old-phone.vcf"
    card.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
                     b"N;CHARSET=UNDEFINED;ENCODING=QUOTED-PRINTABLE:Lovelace;Ada\r\n"
                     b"TEL;CELL:0612\r\nEND:VCARD\r\n")
    assert main(["import", str(card), "--profile", "p"]) == 0, capsys.readouterr().err
    assert _names() == ["Ada Lovelace"]


def test_a_file_whose_name_is_not_utf8_is_imported_and_its_name_shown(tmp_path, capsys):
    path = tmp_path / os.fsdecode(b"caf\xe9.csv")
    path.write_text(CSV)
    assert main(["import", str(path), "--profile", "p"]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "rows read 2" in out and "caf" in out
    conn = sqlite3.connect(profile_path("p"))
    assert conn.execute("SELECT file_name FROM import_batches").fetchone()[0] == "caf\ufffd.csv"
    conn.close()


def _zip_with_flags(path: Path, flag: int = 0, method: int | None = None) -> Path:
    document = {"format": "networking-workbook-profile", "format_version": 1,
                "schema_version": 1, "profile": "x", "tables": {}}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("profile.json", json.dumps(document))
    data = bytearray(path.read_bytes())
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    data[local + 6] |= flag
    data[central + 8] |= flag
    if method is not None:
        data[local + 8:local + 10] = struct.pack("<H", method)
        data[central + 10:central + 12] = struct.pack("<H", method)
    path.write_bytes(bytes(data))
    return path


def _deep(path: Path) -> Path:
    path.write_text('{"format": "networking-workbook-profile", "format_version": 1, '
                    '"schema_version": 1, "profile": ' + "[" * 5000 + "]" * 5000
                    + ', "tables": {}}')
    return path


@pytest.mark.parametrize("make, words", [
    (lambda p: _zip_with_flags(p / "locked.zip", flag=1), "protected by a password"),
    (lambda p: _zip_with_flags(p / "aes.zip", method=99), "archive is damaged"),
    (lambda p: _deep(p / "deep.json"), "archive is damaged"),
])
def test_an_archive_that_cannot_be_opened_is_one_sentence_and_no_profile(tmp_path, capsys,
                                                                         make, words):
    path = make(tmp_path)
    for command in (["import-profile", str(path), "--profile", "new"],
                    ["import", str(path), "--profile", "new"]):
        assert main(command) == 2
        assert words in _one_sentence(capsys.readouterr().err)
        assert not profile_path("new").exists()


def test_a_number_beyond_sqlite_names_no_contact_and_no_import(profile, capsys):
    huge = str(2**64)
    assert main(["erase-contact", huge, "--profile", "p", "--yes"]) == 2
    assert "no contact number" in _one_sentence(capsys.readouterr().err)
    assert main(["import", "--undo", huge, "--profile", "p"]) == 2
    assert "no import number" in _one_sentence(capsys.readouterr().err)
    assert len(_names()) == 2


def test_a_home_that_is_a_file_is_one_sentence_naming_it(tmp_path, monkeypatch, capsys):
    home = tmp_path / "not-a-folder"
    home.write_text("a file")
    monkeypatch.setenv("WORKBOOK_HOME", str(home))
    source = tmp_path / "two.csv"
    source.write_text(CSV)
    for command in (["import", str(source)], ["export", str(tmp_path / "x.json")],
                    ["erase-contact", "1", "--yes"], ["plan"],
                    ["import-profile", str(_deep(tmp_path / "d.json"))]):
        assert main(command) == 2, command
        err = _one_sentence(capsys.readouterr().err)
        assert "WORKBOOK_HOME" in err or "archive is damaged" in err, (command, err)
    assert home.read_text() == "a file"


def test_on_read_only_media_restore_import_and_delete_say_so_and_export_works(profile,
                                                                               tmp_path, home):
    archive = tmp_path / "p.json"
    assert main(["export", str(archive), "--profile", "p"]) == 0
    before = _digest(profile)
    out = tmp_path / "out"
    out.mkdir()
    source = tmp_path / "two.csv"
    done = media.run_in_namespace(
        media.read_only(home)
        + media.workbook_command("import-profile", str(archive), "--profile", "copy") + "\n"
        + media.workbook_command("import", str(source), "--profile", "p") + "\n"
        + media.workbook_command("delete-profile", "p", "--confirm", "p") + "\n"
        + media.workbook_command("export", str(out / "p.zip"), "--profile", "p") + "\n",
        home)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 3 and "Traceback" not in done.stderr, done.stderr
    assert all("cannot be written to (read-only media" in line for line in lines), lines
    assert "cannot be read" not in done.stderr and ".bak" not in done.stderr
    assert "Exported to" in done.stdout                       # read as it is, not refused
    assert _digest(profile) == before and not profile_path("copy").exists()
    assert main(["import-profile", str(out / "p.zip"), "--profile", "copy"]) == 0
    assert _names("copy") == _names("p")


# ------------------------------------------------------------ no hang

def test_a_pipe_is_refused_at_once_instead_of_waited_on(tmp_path, profile):
    fifo = tmp_path / "contacts.csv"
    os.mkfifo(fifo)
    for command, words in ((["import", str(fifo), "--profile", "p"], "not a file of contacts"),
                           (["group", "import-card", str(fifo), "--profile", "p"],
                            "is not a regular file"),
                           (["import-profile", str(fifo), "--profile", "q"], "not a file")):
        done = _cli(*command, home=profile.parent.parent, timeout=60)
        assert done.returncode == 2 and words in _one_sentence(done.stderr), done.stderr
    assert len(_names()) == 2 and stat.S_ISFIFO(fifo.lstat().st_mode)


# ------------------------------------------------------------ the true cause, said

def test_a_full_disk_during_an_import_says_the_disk_is_full_and_changes_nothing(tmp_path):
    home = tmp_path / "small"
    home.mkdir()
    big = tmp_path / "big.csv"
    big.write_text("name,email,notes\n" + "".join(
        f"Person {i},p{i}@example.org,{'note ' * 40}\n" for i in range(30_000)))
    small = tmp_path / "two.csv"
    small.write_text(CSV)
    done = media.run_in_namespace(
        media.small_disk(home, "3m")
        + media.workbook_command("import", str(small)) + "\n"
        + media.workbook_command("import", str(big)) + "\n"
        + "echo status=$?\n"
        + media.workbook_command("import", "--list") + "\n", home)
    assert "rows read 2" in done.stdout and "status=2" in done.stdout, done.stdout + done.stderr
    err = _one_sentence(done.stderr)
    assert "disk is full" in err and "busy" not in err, err
    assert done.stdout.count("two.csv") == 2 and "big.csv" not in done.stdout.split(
        "status=2")[1]                                          # the list: one import only


def test_a_full_disk_is_said_to_the_page_as_well(conn, tmp_path):
    from workbook.domain.records import ImportFileError
    from workbook.services.imports import import_file

    big = tmp_path / "big.csv"
    big.write_text("name,email\n" + "".join(f"P {i},p{i}@example.org\n" for i in range(5000)))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 20}")     # SQLite's own "disk is full"
    with pytest.raises(ImportFileError) as caught:
        import_file(conn, big)
    assert caught.value.code == "disk_full"
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0


def test_a_restore_with_no_columns_says_the_archive_is_damaged(profile, tmp_path, capsys):
    archive = tmp_path / "p.json"
    assert main(["export", str(archive), "--profile", "p"]) == 0
    document = json.loads(archive.read_text())
    document["tables"]["settings"] = {"columns": [], "rows": [[]]}
    archive.write_text(json.dumps(document))
    assert main(["import-profile", str(archive), "--profile", "q"]) == 2
    err = _one_sentence(capsys.readouterr().err)
    assert "archive is damaged" in err and "cannot be read" not in err
    assert not profile_path("q").exists()


# ------------------------------------------------------------ export --force

def _targets(tmp_path: Path) -> dict[str, Path]:
    """Things that are not a regular file, at names an export could be given."""
    kept = tmp_path / "kept.json"
    kept.write_text("mine")
    found = {"link": tmp_path / "link.json", "dangling": tmp_path / "dangling.json",
             "pipe": tmp_path / "pipe.json", "folder": tmp_path / "folder.json"}
    found["link"].symlink_to(kept)
    found["dangling"].symlink_to(tmp_path / "nowhere.json")
    os.mkfifo(found["pipe"])
    found["folder"].mkdir()
    if os.geteuid() == 0:                 # a device node, as /dev/stdout is (major 1: mem)
        found["device"] = tmp_path / "null.json"
        os.mknod(found["device"], 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return found


def _kinds(paths: dict[str, Path]) -> dict[str, int]:
    return {name: stat.S_IFMT(path.lstat().st_mode) for name, path in paths.items()}


def test_export_force_replaces_a_regular_file_and_nothing_else(profile, tmp_path, capsys):
    targets = _targets(tmp_path)
    before = _kinds(targets)
    for name, path in targets.items():
        for fmt in ("json", "csv"):
            assert main(["export", str(path), "--profile", "p", "--format", fmt,
                         "--force"]) == 2, name
            assert "is not a regular file" in _one_sentence(capsys.readouterr().err), name
    assert _kinds(targets) == before
    assert (tmp_path / "kept.json").read_text() == "mine"
    assert not (tmp_path / "nowhere.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    plain = tmp_path / "kept.json"
    assert main(["export", str(plain), "--profile", "p", "--force"]) == 0
    assert json.loads(plain.read_text())["profile"] == "p"


def test_other_files_a_command_writes_follow_the_same_rule(profile, tmp_path, capsys):
    targets = _targets(tmp_path)
    before = _kinds(targets)
    for path in targets.values():
        assert main(["card", str(path), "--profile", "p", "--name", "Ada", "--force"]) == 2
        assert "is not a regular file" in _one_sentence(capsys.readouterr().err)
        assert main(["plan", "--profile", "p", "--ics", str(path)]) == 2
        capsys.readouterr()
    assert _kinds(targets) == before
    assert (tmp_path / "kept.json").read_text() == "mine"


def _sqlite_error(tmp_path: Path, kind: str) -> sqlite3.Error:
    """The error SQLite itself raises in each situation (no namespace needed)."""
    path = tmp_path / f"{kind}.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()
    try:
        if kind == "read_only":
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            conn.execute("INSERT INTO t VALUES (1)")
        elif kind == "disk_full":
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA max_page_count = 2")
            conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
        elif kind == "cannot_open":
            sqlite3.connect(f"{(tmp_path / 'missing' / 'p.sqlite').as_uri()}?mode=rw", uri=True)
        else:
            path.write_bytes(b"not a database at all" * 100)
            sqlite3.connect(path).execute("SELECT * FROM t")
    except sqlite3.Error as problem:
        return problem
    raise AssertionError(f"SQLite raised nothing for {kind}")


@pytest.mark.parametrize("kind, words", [
    ("read_only", "cannot be written to (read-only media"),
    ("disk_full", "is full"),
    ("cannot_open", "cannot be opened"),
    ("damaged", "cannot be read"),
])
def test_each_sqlite_refusal_is_told_for_what_it_is(tmp_path, kind, words):
    from workbook.commands.problems import describe_problem
    from workbook.i18n import Translator

    text = describe_problem(_sqlite_error(tmp_path, kind), Translator("en"))
    assert words in text and "\n" not in text, text
    assert ("busy" in text) is False


@pytest.mark.parametrize("number, words", [
    (errno.ENOSPC, "is full"), (errno.EROFS, "cannot be written to (read-only media"),
    (errno.EACCES, "cannot be written to"), (errno.ENOTDIR, "cannot be a folder"),
    (errno.EIO, "the disk failed")])
def test_each_system_refusal_is_told_for_what_it_is(number, words):
    from workbook.commands.problems import describe_problem
    from workbook.i18n import Translator

    text = describe_problem(OSError(number, os.strerror(number), "/media/stick/profiles"),
                            Translator("en"))
    assert words in text and "/media/stick/profiles" in text, text
