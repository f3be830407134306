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
    written = text.read_text()         # plain words a person reads, then the card's block
    assert "Karim O." in written.splitlines()[0]
    assert written.index("-----BEGIN WORKBOOK PROGRESS CARD-----") > 0
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


def _make_card(home, profile, name, capsys, *extra):
    path = home / f"{profile}.json"
    assert main(["card", "--profile", profile, "--name", name, "--lang", "en", *extra,
                 str(path)]) == 0
    capsys.readouterr()
    return path


def test_a_participant_says_who_they_are_once_and_every_card_carries_it(home, capsys):
    open_profile("hamid").close()
    assert main(["card", "--profile", "hamid", "--lang", "en", str(home / "a.json")]) == 2
    assert "--name" in _last_error(capsys)
    assert not (home / "a.json").exists()
    assert main(["card", "--profile", "hamid", "--name", "  Hamid   Tazi ", "--lang", "en",
                 str(home / "a.json")]) == 0
    assert "Card of Hamid Tazi" in capsys.readouterr().out
    assert main(["card", "--profile", "hamid", "--lang", "en", str(home / "b.json")]) == 0
    assert json.loads((home / "b.json").read_text())["participant"] == "Hamid Tazi"
    assert main(["card", "--profile", "hamid", "--name", "x" * 81, str(home / "c.json")]) == 2
    _last_error(capsys)


def test_import_card_adds_a_stranger_but_asks_about_a_close_name(home, capsys):
    from workbook.store import group as store

    conn = open_profile("coach")
    group_id = store.create_group(conn, "Club Mardi")
    store.add_participant(conn, group_id, "Hamid T.")
    conn.close()
    for profile in ("hamid", "paul"):
        open_profile(profile).close()
    hamid = _make_card(home, "hamid", "Hamid Tazi", capsys)
    paul = _make_card(home, "paul", "Paul S.", capsys)
    args = ["--profile", "coach", "--lang", "en"]
    assert main(["group", "import-card", str(paul), *args]) == 0
    assert "Paul S. joined the roster" in capsys.readouterr().out
    assert main(["group", "import-card", str(hamid), *args]) == 2
    error = _last_error(capsys)
    assert "Hamid T." in error and '--as "Hamid T."' in error and "--new" in error
    assert main(["group", "import-card", str(hamid), *args, "--as", "Nobody"]) == 2
    assert "Hamid T., Paul S." in _last_error(capsys)
    assert main(["group", "import-card", str(hamid), *args, "--as", "hamid t."]) == 0
    assert "imported into" in capsys.readouterr().out
    conn = open_profile("coach")
    assert [r[0] for r in conn.execute("SELECT display_name FROM participants ORDER BY 1")] \
        == ["Hamid T.", "Paul S."]
    conn.close()
    # a card carrying Hamid's card id under another name is refused, never replaces his
    forged = json.loads(hamid.read_text())
    forged["participant"] = "Camille Durand"
    del forged["checksum"]
    import hashlib
    forged["checksum"] = hashlib.sha256(json.dumps(
        forged, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    (home / "forged.json").write_text(json.dumps(forged))
    assert main(["group", "import-card", str(home / "forged.json"), *args]) == 2
    assert "card id of Hamid T." in _last_error(capsys)


def test_a_refused_import_creates_no_group_and_no_profile(participant, home, capsys):
    from workbook.paths import profile_path

    card = home / "k.json"
    assert main(["card", "--profile", participant, "--group", "Club Mardi", str(card)]) == 0
    capsys.readouterr()
    odd = json.loads(card.read_text())
    odd["sections"]["network"]["total"] = "many"
    (home / "odd.json").write_text(json.dumps(odd))
    assert main(["group", "import-card", str(home / "odd.json"), "--profile", "newcoach",
                 "--group", "Club Mardi", "--lang", "en"]) == 2
    _last_error(capsys)
    assert main(["group", "import-card", str(card), "--profile", "newcoach",
                 "--group", "Club Jeudi", "--lang", "en"]) == 2
    assert "another group" in _last_error(capsys)
    assert not profile_path("newcoach").exists()
    open_profile("coach").close()
    assert main(["group", "import-card", str(card), "--profile", "coach", "--group",
                 "Club Jeudi", "--lang", "en"]) == 2
    _last_error(capsys)
    conn = open_profile("coach")
    assert conn.execute("SELECT COUNT(*) FROM groups").fetchone()[0] == 0
    conn.close()
