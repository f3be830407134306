"""`workbook card` and `workbook group import-card`: a participant writes a card, a coach
reads it; every refusal is one line and exit status 2, and changes nothing."""

import json

import pytest

from workbook.cli import main
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.store.network import save_target
from workbook.store.settings import set_setting


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def participant():
    conn = open_profile("karim")
    set_setting(conn, "display_name", "Karim O.")
    add_contact(conn, "Secret Person", email="secret@example.org", layer="close",
                roles=("connector",), notes="private")
    save_target(conn, "Helio Parc Énergies")
    conn.close()
    return "karim"


def _last_error(capsys):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("workbook: error:"), err
    return err


def test_a_card_written_then_imported_by_the_coach(participant, home, capsys):
    card = home / "karim.json"
    assert main(["card", "--profile", participant, "--with", "targets", "--without", "routine",
                 "--group", "Club Mardi", "--lang", "en", str(card)]) == 0
    out = capsys.readouterr().out
    assert "Target organisations: Helio Parc Énergies" in out and "Never in a card" in out
    data = json.loads(card.read_text())
    assert set(data["sections"]) == {"network", "targets"} and data["group"] == "club-mardi"
    assert "Secret" not in card.read_text() and "secret@" not in card.read_text()

    assert main(["group", "import-card", str(card), "--profile", "coach", "--group",
                 "Club Mardi", "--lang", "en"]) == 0
    assert "Karim O. joined the roster" in capsys.readouterr().out
    assert main(["group", "import-card", str(card), "--profile", "coach", "--lang", "en"]) == 0
    assert "imported into “Club Mardi”" in capsys.readouterr().out
    conn = open_profile("coach")
    assert conn.execute("SELECT COUNT(*) FROM participants").fetchone()[0] == 1
    conn.close()


def test_the_text_form_and_refusals(participant, home, capsys):
    text = home / "karim.txt"
    assert main(["card", "--profile", participant, "--text", "--group", "Club Jeudi",
                 str(text)]) == 0
    capsys.readouterr()
    assert text.read_text().startswith("-----BEGIN WORKBOOK PROGRESS CARD-----")
    assert main(["card", "--profile", participant, str(text)]) == 2
    assert "already exists" in _last_error(capsys)
    assert main(["card", "--profile", participant, "--without", "contacts", "x.json"]) == 2
    assert "contacts" in _last_error(capsys)
    assert main(["card", "--profile", "nobody", "x.json"]) == 2
    _last_error(capsys)

    assert main(["group", "import-card", str(text), "--profile", "coach", "--group",
                 "Club Mardi", "--lang", "en"]) == 2
    assert "another group" in _last_error(capsys)
    text.write_text(text.read_text()[:120])
    assert main(["group", "import-card", str(text), "--profile", "coach", "--lang", "en"]) == 2
    assert "cut short" in _last_error(capsys)
    assert main(["group", "import-card", str(home / "missing.json"), "--profile", "coach",
                 "--lang", "en"]) == 2
    assert "cannot be read" in _last_error(capsys)
    conn = open_profile("coach")
    assert conn.execute("SELECT COUNT(*) FROM progress_cards").fetchone()[0] == 0
    conn.close()


def test_a_coach_with_several_groups_must_name_one(participant, home, capsys):
    card = home / "k.json"
    main(["card", "--profile", participant, str(card)])
    for name in ("Club A", "Club B"):
        assert main(["group", "import-card", str(card), "--profile", "coach", "--group",
                     name, "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["group", "import-card", str(card), "--profile", "coach", "--lang", "en"]) == 2
    assert "Club A, Club B" in _last_error(capsys)
