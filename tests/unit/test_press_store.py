"""Press store: the upgrade keeps every press row of the earlier schema, the media log refuses
impossible times, a journalist removed keeps or erases their log as asked, and hostile text is
kept verbatim."""

import datetime as dt

import pytest

from workbook.domain.press import KeyPoint, PressSettings, TopicSheet
from workbook.services.press import press_figures
from workbook.store import open_path, transaction
from workbook.store import press as store
from workbook.store.contacts import add_contact, delete_contact
from workbook.store.db import connect
from workbook.store.migrations import latest_version, migrate
from workbook.store.press import PressInputError

NOW = dt.datetime(2026, 12, 1, 15, 0)
HOSTILE = "<img src=x onerror=\"alert(1)\">Sophie 🎙️"


def test_upgrade_keeps_journalists_log_and_key_messages(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = connect(path)
    migrate(conn, target=latest_version() - 1)
    with transaction(conn):
        conn.execute("INSERT INTO contacts(id, full_name) VALUES (1, 'Sophie Marchetti')")
        conn.execute("INSERT INTO journalists(id, contact_id, outlet, beat, notes)"
                     " VALUES (1, 1, 'Ouest Éco', 'énergie', 'rapide')")
        conn.executemany("INSERT INTO media_log(journalist_id, occurred_on, kind, subject, notes)"
                         " VALUES (1, ?, ?, 'Solaire', ?)",
                         [("2026-01-05", "call_back", ""), ("2026-01-06", "published", ""),
                          ("2026-01-07", "lunch", "dit oui")])
        conn.executemany("INSERT INTO key_messages(topic, position, message, quotable)"
                         " VALUES (?, ?, ?, ?)",
                         [("Solaire", 1, "Trois jours", "Q1"), ("Solaire", 2, "Deux", ""),
                          ("Emploi", 1, "Recrute", "")])
    conn.close()

    upgraded = open_path(path)
    journalist = store.journalists(upgraded)[0]
    assert (journalist["name"], journalist["outlet"], journalist["contact_id"]) == (
        "Sophie Marchetti", "Ouest Éco", 1)
    entries = store.media_log(upgraded)
    assert [(e.kind, e.journalist_name, e.notes) for e in entries] == [
        ("request", "Sophie Marchetti", ""), ("published", "Sophie Marchetti", ""),
        ("request", "Sophie Marchetti", "[lunch] dit oui")]
    assert entries[1].published
    sheets = {s["topic"]: s["sheet"] for s in store.sheets(upgraded)}
    assert [p.message for p in sheets["Solaire"].points] == ["Trois jours", "Deux"]
    assert sheets["Solaire"].points[0].quotes == ("Q1",)
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    upgraded.close()


def test_a_sheet_is_kept_as_written_even_with_five_points(conn):
    sheet = TopicSheet(HOSTILE, "x" * 20_000,
                       tuple(KeyPoint(f"{HOSTILE} {i}", "", (HOSTILE,)) for i in range(5)))
    sheet_id = store.save_sheet(conn, sheet, "fr")
    saved = store.sheets(conn)[0]
    assert saved["sheet"] == sheet and saved["id"] == sheet_id
    smaller = TopicSheet("T", "U", sheet.points[:2])
    store.save_sheet(conn, smaller, "fr", sheet_id)
    assert store.sheets(conn)[0]["sheet"] == smaller
    with pytest.raises(PressInputError) as refused:
        store.save_sheet(conn, TopicSheet("  ", "U"), "fr")
    assert refused.value.codes == ["no_topic"]


def test_the_log_refuses_an_answer_before_the_request_and_future_times(conn):
    journalist = store.add_journalist(conn, HOSTILE, outlet="Ouest Éco", medium="radio")
    received = NOW - dt.timedelta(hours=2)
    for answered, received_at, code in [
            (received - dt.timedelta(minutes=1), received, "answered_before_received"),
            (None, NOW + dt.timedelta(days=3), "received_in_future"),
            (NOW + dt.timedelta(minutes=5), received, "answered_in_future")]:
        with pytest.raises(PressInputError) as refused:
            store.log_media(conn, journalist, "request", received_at, answered, now=NOW)
        assert refused.value.codes == [code]
    assert store.media_log(conn) == []
    with pytest.raises(PressInputError):
        store.log_media(conn, 999, "request", received, now=NOW)
    entry = store.log_media(conn, journalist, "request", received,
                            received + dt.timedelta(minutes=35), now=NOW, draft=HOSTILE)
    saved = store.media_log(conn)[0]
    assert (saved.id, saved.response_minutes, saved.draft) == (entry, 35, HOSTILE)
    with pytest.raises(PressInputError):
        store.set_answered(conn, entry, received - dt.timedelta(hours=1), now=NOW)


def test_the_schema_itself_refuses_an_answer_before_the_request(conn):
    journalist = store.add_journalist(conn, "Marc")
    with pytest.raises(Exception, match="CHECK"):
        with transaction(conn):
            conn.execute("INSERT INTO media_log(journalist_id, kind, received_at, answered_at)"
                         " VALUES (?, 'request', '2026-12-01T10:00', '2026-12-01T09:00')",
                         (journalist,))


def _two_entries(conn, journalist):
    store.log_media(conn, journalist, "request", NOW - dt.timedelta(hours=3),
                    NOW - dt.timedelta(hours=2), now=NOW)
    store.log_media(conn, journalist, "interview", NOW - dt.timedelta(hours=1), now=NOW,
                    quoted=True)


def test_removing_a_journalist_keeps_their_log_under_their_name_by_default(conn):
    journalist = store.add_journalist(conn, "Sophie Marchetti", outlet="Ouest Éco")
    _two_entries(conn, journalist)
    before = press_figures(conn, "fr").record
    assert store.delete_journalist(conn, journalist) == 0
    entries = store.media_log(conn)
    assert [(e.journalist_id, e.journalist_name) for e in entries] == [
        (None, "Sophie Marchetti")] * 2
    assert press_figures(conn, "fr").record == before


def test_removing_a_journalist_can_erase_their_log_too(conn):
    journalist = store.add_journalist(conn, "Sophie")
    other = store.add_journalist(conn, "Marc")
    _two_entries(conn, journalist)
    _two_entries(conn, other)
    assert store.delete_journalist(conn, journalist, erase_log=True) == 2
    assert {e.journalist_name for e in store.media_log(conn)} == {"Marc"}


def test_journalists_come_from_network_contacts_and_are_erased_with_them(conn):
    """Erasing a contact erases the person everywhere (the right to erasure): their entry
    on the media list and their log go too. Removing someone from the media list only
    (`delete_journalist`) is the press page's own choice, tested below."""
    contact = add_contact(conn, "Anaïs Roux", organisation="Le Journal", roles=("journalist",))
    add_contact(conn, "Not a journalist", roles=("connector",))
    assert [c["full_name"] for c in store.journalist_contacts(conn)] == ["Anaïs Roux"]
    journalist = store.add_journalist_from_contact(conn, contact, medium="web")
    assert store.journalist_contacts(conn) == []
    row = store.journalists(conn)[0]
    assert (row["name"], row["outlet"], row["contact_id"]) == ("Anaïs Roux", "Le Journal",
                                                               contact)
    store.log_media(conn, journalist, "request", received_at=dt.datetime(2026, 11, 2, 9),
                    now=NOW)
    delete_contact(conn, contact)
    assert store.journalists(conn) == []
    assert store.media_log(conn) == []


def test_renaming_a_journalist_renames_their_log_lines(conn):
    journalist = store.add_journalist(conn, "Sophie")
    _two_entries(conn, journalist)
    store.update_journalist(conn, journalist, name="Sophie Marchetti")
    assert {e.journalist_name for e in store.media_log(conn)} == {"Sophie Marchetti"}


def test_settings_survive_damage(conn):
    store.save_settings(conn, PressSettings(phone="06", callback_minutes=30))
    assert store.load_settings(conn).callback_minutes == 30
    from workbook.store.settings import set_setting

    set_setting(conn, store.SETTINGS_KEY, "{not json")
    assert store.load_settings(conn) == PressSettings()
    set_setting(conn, store.SETTINGS_KEY, '{"callback_minutes": -5, "unknown": 1}')
    assert store.load_settings(conn).callback_minutes == 60


def test_plan_items(conn):
    sheet = store.save_sheet(conn, TopicSheet("Solaire", "U"), "fr")
    item = store.add_plan_item(conn, "Solaire", "talk", dt.date(2026, 12, 8), "Salon",
                               sheet_id=sheet)
    store.set_plan_done(conn, item, True)
    [saved] = store.plan_items(conn)
    assert (saved.topic, saved.channel, saved.done, saved.sheet_id) == ("Solaire", "talk", True,
                                                                        sheet)
    store.delete_sheet(conn, sheet)
    assert store.plan_items(conn)[0].sheet_id is None
    with pytest.raises(ValueError):
        store.add_plan_item(conn, "Solaire", "billboard", dt.date(2026, 12, 8))
