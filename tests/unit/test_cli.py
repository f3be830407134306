"""The `workbook` command line: help everywhere, one clear line and exit 2 on bad input."""

import subprocess
import sys

import pytest

from workbook.cli import COMMANDS, main
from workbook.commands.serve import voila_command
from workbook.store import open_profile
from workbook.voila_server import is_loopback


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_LANG", "en")   # messages are French unless told otherwise
    return tmp_path


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: workbook" in capsys.readouterr().out


@pytest.mark.parametrize("argv, expected", [
    (["nonsense"], "invalid choice"),
    (["serve", "--port", "abc"], "invalid int value"),
    (["serve", "--port", "70000"], "out of range"),
    (["serve", "--lang", "de"], "invalid choice"),
    (["demo", "--profile", "../escape"], "invalid profile name"),
    (["serve", "--frobnicate"], "unrecognized arguments"),
])
def test_bad_arguments_give_one_line_on_stderr_and_status_2(argv, expected, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1 and err.startswith("workbook: error:")


def test_demo_fills_a_profile_and_refuses_to_overwrite_it(capsys):
    assert main(["demo", "--profile", "trial"]) == 0
    conn = open_profile("trial")
    contacts = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    conn.execute("UPDATE contacts SET notes = 'mine' WHERE id = 1")
    conn.close()
    assert 140 <= contacts <= 160
    assert main(["demo", "--profile", "trial"]) == 2
    assert "already holds contacts" in capsys.readouterr().err
    conn = open_profile("trial")
    assert conn.execute("SELECT notes FROM contacts WHERE id = 1").fetchone()[0] == "mine"
    conn.close()
    assert main(["demo", "--profile", "trial", "--replace"]) == 0
    conn = open_profile("trial")
    assert conn.execute("SELECT notes FROM contacts WHERE id = 1").fetchone()[0] == ""
    conn.close()


def test_the_demo_persona_is_realistic(home):
    main(["demo"])
    conn = open_profile("demo")
    layers = dict(conn.execute("SELECT layer, COUNT(*) FROM contacts GROUP BY layer").fetchall())
    assert layers["inner"] <= 5 and layers["close"] <= 15
    roles = {r[0] for r in conn.execute("SELECT DISTINCT role FROM contact_roles")}
    assert {"connector", "prescriber", "journalist", "decision_maker"} <= roles
    span = conn.execute("SELECT julianday(MAX(occurred_on)) - julianday(MIN(occurred_on))"
                        " FROM interactions").fetchone()[0]
    assert span > 300
    assert conn.execute("SELECT COUNT(*) FROM journalists").fetchone()[0] >= 3
    assert conn.execute("SELECT COUNT(*) FROM positioning_versions").fetchone()[0] >= 1
    conn.close()


@pytest.mark.parametrize("address, loopback", [
    ("127.0.0.1", True), ("127.3.4.5", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.10", False), ("example.org", False)])
def test_loopback_detection(address, loopback):
    assert is_loopback(address) is loopback


def test_serve_passes_the_address_and_our_template_but_never_the_token_on_the_command_line():
    import argparse

    args = argparse.Namespace(port=9000, ip="0.0.0.0", token="s3cret")
    command = voila_command(args)
    assert "--Voila.ip=0.0.0.0" in command and "--Voila.port_retries=0" in command
    assert "--template=workbook" in command and "--port=9000" in command
    assert not any("s3cret" in part or "token" in part for part in command)


def test_serve_refuses_a_busy_port_before_printing_an_address(capsys):
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    captured = capsys.readouterr()
    assert f"port {port} is already in use" in captured.err
    assert "http://" not in captured.out


def test_the_console_script_runs():
    done = subprocess.run([sys.executable, "-m", "workbook", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("workbook ")


@pytest.mark.parametrize("argv", [["demo", "--profile", "broken"],
                                  ["plan", "--profile", "broken"],
                                  ["export", "out.csv", "--profile", "broken"]])
def test_a_damaged_profile_is_one_line_and_left_alone(argv, home, capsys, monkeypatch):
    monkeypatch.chdir(home)
    path = home / "profiles" / "broken.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"not a database at all " * 100)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbook: error:") and err.count("\n") == 1
    assert path.read_bytes() == b"not a database at all " * 100


def test_a_busy_profile_is_reported_as_busy_not_damaged(home, monkeypatch, capsys):
    """A writer held up past the busy timeout is told to try again, not to restore a backup."""
    import workbook.store.db as db
    from workbook.store.db import connect

    open_profile("busy").close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 100)
    holder = connect(home / "profiles" / "busy.sqlite")
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert main(["demo", "--profile", "busy"]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert "busy" in err and ".bak" not in err
    conn = open_profile("busy")
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0
    conn.close()


def _write_contacts(home: str, started, stop, results) -> None:
    import os

    os.environ["WORKBOOK_HOME"] = home
    from workbook.store import transaction
    from workbook.store.contacts import add_contact

    conn = open_profile("shared")
    started.set()
    written = 0
    while not stop.is_set():
        with transaction(conn):
            add_contact(conn, f"Written meanwhile {written}")
        written += 1
    conn.close()
    results.put(written)


def test_demo_replace_keeps_what_another_process_writes_afterwards(home):
    """`demo --replace` empties the profile in place: what another process writes after the
    replace is still there afterwards (deleting the file under it lost those writes)."""
    import multiprocessing
    import time

    assert main(["demo", "--profile", "shared"]) == 0
    context = multiprocessing.get_context("spawn")
    started, stop, results = context.Event(), context.Event(), context.Queue()
    writer = context.Process(target=_write_contacts, args=(str(home), started, stop, results))
    writer.start()
    assert started.wait(60)
    assert main(["demo", "--profile", "shared", "--replace"]) == 0
    time.sleep(0.5)                 # the writer goes on after the replace
    stop.set()
    written = results.get(timeout=60)
    writer.join(60)
    conn = open_profile("shared")
    last = conn.execute("SELECT COUNT(*) FROM contacts WHERE full_name = ?",
                        (f"Written meanwhile {written - 1}",)).fetchone()[0]
    demo = conn.execute("SELECT COUNT(*) FROM contacts WHERE full_name NOT LIKE"
                        " 'Written meanwhile %'").fetchone()[0]
    conn.close()
    assert demo > 100
    assert last == 1, "the last write, made after the replace, was lost"


# -- messages and help in the user's language

@pytest.mark.parametrize("lang, expected", [("fr", "--weeks doit être entre 1 et 12, pas 40"),
                                            ("en", "--weeks must be between 1 and 12, not 40")])
def test_errors_follow_the_lang_flag(lang, expected, capsys):
    open_profile("default").close()
    assert main(["plan", "--weeks", "40", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1 and err.startswith("workbook: error:")


def test_errors_follow_the_profile_language_when_no_flag_is_given(capsys):
    from workbook.store.settings import set_setting

    assert main(["demo", "--profile", "marie"]) == 0
    conn = open_profile("marie")
    set_setting(conn, "lang", "fr")        # the user chose French on the pages
    conn.close()
    capsys.readouterr()
    assert main(["demo", "--profile", "marie"]) == 2
    assert "le profil 'marie' contient déjà des contacts" in capsys.readouterr().err
    assert main(["demo", "--profile", "marie", "--lang", "en"]) == 2
    assert "already holds contacts" in capsys.readouterr().err


def test_a_bad_profile_name_and_a_damaged_profile_are_explained_in_french(home, monkeypatch,
                                                                            capsys):
    monkeypatch.setenv("WORKBOOK_LANG", "fr")
    assert main(["demo", "--profile", "../escape"]) == 2
    assert "nom de profil invalide '../escape'" in capsys.readouterr().err
    path = home / "profiles" / "abime.sqlite"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"not a database at all " * 100)
    assert main(["plan", "--profile", "abime"]) == 2
    assert "fichier du profil est illisible" in capsys.readouterr().err


@pytest.mark.parametrize("lang, expected", [("fr", "combien de semaines planifier, 1-12"),
                                            ("en", "how many weeks to plan, 1-12")])
def test_help_follows_the_language(lang, expected, capsys):
    with pytest.raises(SystemExit):
        main(["plan", "--help", "--lang", lang])
    out = capsys.readouterr().out
    assert expected in out and "cli.arg" not in out
