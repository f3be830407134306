"""Erasure: one contact everywhere it appears, an import batch, a whole profile — over every
table of the schema (enumerated, so tables added later are covered), and nothing left in
the file's free pages."""

import datetime as dt
import sqlite3

import pytest

from tests.unit.every_table import fill_every_table
from workbook.cli import main
from workbook.demo import fill_demo
from workbook.domain.erasure import REDACTED, checkoff_keys, mention_pattern, mention_terms, redact
from workbook.paths import profile_path
from workbook.store import open_profile
from workbook.store.contacts import add_contact, delete_contact
from workbook.store.erasure import erase_contact, erasure_preview
from workbook.store.schema import column_names, table_names

NAME, EMAIL, PHONE = "Zelda Quixote-Erasure", "zelda.q@erase.example", "+33 6 99 88 77 66"
OLD_NOTE = "first draft of a secret note about Zelda's salary"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBOOK_LANG", "en")


def _links_to(conn, parent):
    """(table, column) of every foreign key to `parent`."""
    return [(t, fk["from"]) for t in table_names(conn)
            for fk in conn.execute(f'PRAGMA foreign_key_list("{t}")') if fk["table"] == parent]


def _copy_pointing_at(conn, table, column, target):
    """A copy of one row of `table` whose `column` points at `target` (a new row id)."""
    columns = column_names(conn, table)
    pk = [r["name"] for r in conn.execute(f'PRAGMA table_info("{table}")') if r["pk"]]
    source = conn.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchone()
    values = {c: source[c] for c in columns}
    values[column] = target
    if pk == ["id"]:
        values.pop("id")
    try:
        cur = conn.execute(f'INSERT INTO "{table}"({", ".join(values)}) VALUES '
                           f'({", ".join("?" * len(values))})', tuple(values.values()))
        return cur.lastrowid
    except sqlite3.IntegrityError:       # e.g. a pair that must be ordered: the other way
        return None


@pytest.fixture
def profile():
    conn = open_profile("job")
    fill_demo(conn, today=dt.date(2026, 11, 30))
    fill_every_table(conn)
    zelda = add_contact(conn, NAME, email=EMAIL, phone=PHONE, notes="met at the fair",
                        organisation="Erasure Works", roles=["journalist"], needs=["talent"])
    # a row pointing at her in every table that can point at a contact, and below those
    frontier = [("contacts", zelda)]
    while frontier:
        parent, row_id = frontier.pop()
        for table, column in _links_to(conn, parent):
            new = _copy_pointing_at(conn, table, column, row_id)
            if new is not None and table != parent:
                frontier.append((table, new))
    outreach = conn.execute("SELECT id FROM outreach WHERE contact_id = ?", (zelda,)).fetchone()[0]
    for key in (f"touch:{zelda}", f"card:{zelda}", f"follow_up:{outreach}", "new:events2"):
        conn.execute("INSERT OR IGNORE INTO plan_checkoffs(week_start, item_key)"
                     " VALUES ('2026-11-30', ?)", (key,))
    # she is named in free text elsewhere
    conn.execute("UPDATE contacts SET notes = notes || ? WHERE id = (SELECT MIN(id) FROM"
                 " contacts)", (f" Ask {NAME.upper()} about the job ({EMAIL}).",))
    conn.execute("INSERT INTO intelligence_log(asked_on, question, answer) VALUES"
                 " ('2026-11-01', 'key_players', ?)", (f"{NAME} knows everyone, call {PHONE}",))
    conn.execute("INSERT INTO bright_people(name, why) VALUES (?, 'sharp')", (NAME,))
    yield conn, zelda
    conn.close()


def _mentions(conn, zelda):
    """Every place the erased contact still appears: a link to her id, or her name, e-mail,
    phone in any text column of any table."""
    found = []
    for table, column in _links_to(conn, "contacts"):
        if conn.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" = ?', (zelda,)).fetchone():
            found.append(f"{table}.{column}")
    for table in table_names(conn):
        for column in column_names(conn, table):
            for needle in (NAME, EMAIL, PHONE):
                hit = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE'
                                   f' lower(CAST("{column}" AS TEXT)) LIKE ?',
                                   (f"%{needle.lower()}%",)).fetchone()
                if hit:
                    found.append(f"{table}.{column}: {hit[0]!r}")
    found += [f"plan_checkoffs: {key}" for (key,) in conn.execute(
        "SELECT item_key FROM plan_checkoffs WHERE item_key LIKE ?", (f"%:{zelda}",))
        if key.split(":")[0] in ("touch", "revive", "birthday", "card")]
    return found


def test_preview_says_what_will_go(profile):
    conn, zelda = profile
    plan = erasure_preview(conn, zelda)
    assert plan.name == NAME
    for table in ("contacts", "interactions", "introductions", "journalists", "media_log",
                  "repeat_backs", "outreach", "contact_roles", "contact_needs"):
        assert plan.rows.get(table, 0) >= 1, table
    assert plan.rows["plan_checkoffs"] == 3          # touch, card, follow-up: not new:events2
    assert plan.redacted == 3                        # a note, an answer, a bright person


def test_erasing_a_contact_leaves_no_row_mentioning_them_in_any_table(profile):
    conn, zelda = profile
    assert _mentions(conn, zelda)                    # the test sees her before
    others = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] - 1
    erase_contact(conn, zelda)
    assert _mentions(conn, zelda) == []
    assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == others
    assert conn.execute("SELECT 1 FROM plan_checkoffs WHERE item_key = 'new:events2'").fetchone()
    note = conn.execute("SELECT notes FROM contacts WHERE id = (SELECT MIN(id) FROM contacts)"
                        ).fetchone()[0]
    assert f"Ask {REDACTED} about the job ({REDACTED})." in note


def test_erased_text_does_not_linger_in_the_file(profile, tmp_path):
    conn, zelda = profile
    path = profile_path("job")
    # a note about her deleted earlier, the ordinary way: its bytes stay in a free slot
    # where SQLite is built without secure_delete by default (Debian's has it on: off here)
    conn.execute("PRAGMA secure_delete = OFF")
    logged = conn.execute("INSERT INTO interactions(contact_id, occurred_on, kind, notes)"
                          " VALUES (?, '2026-01-01', 'call', ?)", (zelda, OLD_NOTE)).lastrowid
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    conn.execute("DELETE FROM interactions WHERE id = ?", (logged,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    raw = path.read_bytes()
    assert EMAIL.encode() in raw and OLD_NOTE.encode() in raw
    delete_contact(conn, zelda)                                  # what the network page calls
    files = [path, path.with_name(path.name + "-wal")]
    data = b"".join(f.read_bytes() for f in files if f.exists())
    for secret in (NAME, EMAIL, PHONE, OLD_NOTE, "met at the fair"):
        assert secret.encode() not in data, secret


def test_cli_erasure_asks_once_saying_what_goes(profile, monkeypatch, capsys):
    conn, zelda = profile
    conn.close()
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert main(["erase-contact", str(zelda), "--profile", "job"]) == 1
    out = capsys.readouterr().out
    assert f"Erase {NAME} everywhere?" in out and "interactions (" in out
    assert "Nothing was erased." in out
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert main(["erase-contact", str(zelda), "--profile", "job"]) == 0
    assert f"{NAME} erased" in capsys.readouterr().out
    assert main(["erase-contact", str(zelda), "--profile", "job", "--yes"]) == 2


def test_undoing_an_import_reaches_every_table(tmp_path):
    from workbook.services.imports import import_file
    from workbook.store.batches import undo_import

    conn = open_profile("job")
    sheet = tmp_path / "c.csv"
    sheet.write_text(f"Name,Email,Phone\n{NAME},{EMAIL},{PHONE}\nOther Person,o@x.org,\n")
    report = import_file(conn, sheet)
    from workbook.demo import fill_demo

    fill_demo(conn)            # rows in the tables whose codes a generic row cannot guess
    fill_every_table(conn)
    zelda = conn.execute("SELECT id FROM contacts WHERE email = ?", (EMAIL,)).fetchone()[0]
    frontier = [("contacts", zelda)]
    while frontier:
        parent, row_id = frontier.pop()
        for table, column in _links_to(conn, parent):
            new = _copy_pointing_at(conn, table, column, row_id)
            if new is not None and table != parent:
                frontier.append((table, new))
    conn.execute("INSERT INTO plan_checkoffs(week_start, item_key) VALUES ('2026-11-30', ?)",
                 (f"touch:{zelda}",))
    undo_import(conn, report.batch_id)
    found = [m for m in _mentions(conn, zelda) if "import_batches" not in m]
    assert found == []
    data = profile_path("job").read_bytes()
    assert EMAIL.encode() not in data
    conn.close()


def test_delete_profile_after_typing_its_name(monkeypatch, capsys):
    import io

    conn = open_profile("gone")
    add_contact(conn, NAME)
    conn.close()
    profile_path("gone").with_name("gone.sqlite.v1.bak").write_bytes(b"old copy")
    monkeypatch.setattr("sys.stdin", io.StringIO("Gone\n"))
    assert main(["delete-profile", "gone"]) == 2
    assert "does not match" in capsys.readouterr().err and profile_path("gone").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO("gone\n"))
    assert main(["delete-profile", "gone"]) == 0
    assert "Profile gone erased: 2 files deleted." in capsys.readouterr().out
    assert not list(profile_path("gone").parent.glob("gone*"))
    assert main(["delete-profile", "gone", "--confirm", "gone"]) == 2
    assert "no profile named gone" in capsys.readouterr().err


def test_mention_rules():
    terms = mention_terms("Ann  Lee", "ann@lee.org", "06 12", "")
    assert terms == ["ann@lee.org", "Ann Lee"]                 # too short a phone: not a term
    pattern = mention_pattern(terms)
    assert redact("Call ANN LEE or ann@lee.org; Joann Leeds stays.", pattern) == (
        f"Call {REDACTED} or {REDACTED}; Joann Leeds stays.", 2)
    assert mention_terms("Marie") == []                        # one word would hit every Marie
    assert checkoff_keys([7], [3]) == ["touch:7", "revive:7", "birthday:7", "card:7",
                                       "follow_up:3", "try_another:3"]


def test_checkoff_keys_cover_every_plan_line_about_a_contact():
    """The weekly plan's keys (domain.routines) and the erasure's agree."""
    from workbook.domain import routines

    conn = open_profile("plan")
    fill_demo(conn, today=dt.date(2026, 11, 30))
    from workbook.store.routines import load_routine_data
    data = load_routine_data(conn)
    conn.close()
    plans = [routines.weekly_plan(data.contacts, data.interactions, data.cadences, data.outreach,
                                  data.settings, dt.date(2026, 11, 30) + dt.timedelta(weeks=w))
             for w in range(0, 52, 4)]
    outreach_of = {int(r.outreach_id): int(r.contact_id) for r in data.outreach.itertuples()}
    assert outreach_of
    seen = 0
    for plan in plans:
        for item in (*plan.items, *plan.campaign):
            if item.contact_id is not None:
                outreach = [o for o, c in outreach_of.items() if c == item.contact_id]
                assert item.key in checkoff_keys([item.contact_id], outreach), item.key
                seen += 1
    assert seen > 10


def test_a_namesake_is_another_record_and_keeps_their_name(profile):
    conn, zelda = profile
    namesake = add_contact(conn, NAME, email="other@elsewhere.example", notes=f"not {EMAIL}")
    erase_contact(conn, zelda)
    row = conn.execute("SELECT full_name, email, notes FROM contacts WHERE id = ?",
                       (namesake,)).fetchone()
    assert tuple(row) == (NAME, "other@elsewhere.example", f"not {REDACTED}")


def test_search_needles_are_plain_ascii_pieces():
    from workbook.domain.erasure import search_needles

    assert search_needles(["Inès Da Silva", "ines@x.org"]) == ["Silva", "ines"]
    assert search_needles(["张伟 李"]) == []
