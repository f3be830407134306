"""Routines store: frames, cadences, settings, outreach and check-offs in a real SQLite file."""

import dataclasses
import datetime as dt
import json

import pytest

from workbook.domain.routines import RoutineSettings, due_list, due_status, suggested_routine
from workbook.store import open_path
from workbook.store import routines as store
from workbook.store.contacts import add_contact, log_interaction
from workbook.store.migrations import migrate
from workbook.store.settings import set_setting

TODAY = dt.date(2026, 11, 23)


def test_frames_have_the_documented_columns(conn):
    ana = add_contact(conn, "Ana", organisation="Helio", layer="inner", birthday="03-14",
                      connected_on="2020-01-02")
    add_contact(conn, "Bo", layer="unsorted")
    log_interaction(conn, ana, TODAY, "call", direction="in")
    data = store.load_routine_data(conn)
    assert list(data.contacts["full_name"]) == ["Ana", "Bo"]
    assert data.contacts.loc[0, "organisation"] == "Helio"
    assert str(data.contacts.loc[0, "connected_on"].date()) == "2020-01-02"
    assert data.interactions.loc[0, "direction"] == "in"
    assert data.cadences == {"inner": 21, "close": 75, "active": 180, "target": 45}
    assert data.outreach.empty
    with pytest.raises(ValueError):
        log_interaction(conn, ana, TODAY, "telepathy")


def test_cadences_and_contact_override(conn):
    ana = add_contact(conn, "Ana", layer="close")
    store.set_layer_cadences(conn, {"inner": 14, "close": 60, "bogus": 3})
    assert store.layer_cadences(conn)["close"] == 60
    with pytest.raises(ValueError):
        store.set_layer_cadences(conn, {"inner": 0})
    store.reset_layer_cadences(conn)
    assert store.layer_cadences(conn)["close"] == 75
    store.set_contact_cadence(conn, ana, 9)
    assert store.load_contacts(conn).loc[0, "cadence_days"] == 9
    store.set_contact_cadence(conn, ana, None)
    assert store.load_contacts(conn)["cadence_days"].isna().all()


def test_settings_default_from_situation_roundtrip_and_bad_values_fall_back(conn):
    set_setting(conn, "situation", "employed")
    assert store.load_settings(conn).weekly_minutes == 60
    custom = dataclasses.replace(RoutineSettings(), weekly_minutes=200, expand_share=40,
                                 sources=("alumni",), timezone="America/Montreal")
    store.save_settings(conn, custom)
    assert store.load_settings(conn) == custom
    with pytest.raises(ValueError):
        store.save_settings(conn, dataclasses.replace(custom, timezone="Mars/Olympus"))
    assert store.load_settings(conn) == custom  # nothing saved
    set_setting(conn, store.SETTINGS_KEY, json.dumps({"weekly_minutes": -5, "expand_share": 30,
                                                      "maintain_time": "25h"}))
    loaded = store.load_settings(conn)
    assert loaded.expand_share == 30 and loaded.weekly_minutes == 60  # employed default
    assert loaded.maintain_time == "09:00"
    set_setting(conn, store.SETTINGS_KEY, json.dumps({"sources": 5, "maintain_day": 9}))
    assert store.load_settings(conn) == suggested_routine("employed")
    set_setting(conn, store.SETTINGS_KEY, "{not json")
    assert store.load_settings(conn) == suggested_routine("employed")


def test_outreach_logs_an_expansion_touch_and_follows_3b7(conn):
    nadia = add_contact(conn, "Nadia", organisation="Solaris", layer="target")
    outreach = store.add_outreach(conn, nadia, dt.date(2026, 11, 10))
    frame = store.load_outreach(conn)
    assert frame.loc[0, "organisation_id"] is not None
    assert store.load_interactions(conn).loc[0, "purpose"] == "expand"
    store.mark_followed_up(conn, outreach, dt.date(2026, 11, 20))
    store.mark_replied(conn, outreach, dt.date(2026, 11, 21))
    frame = store.load_outreach(conn)
    assert str(frame.loc[0, "replied_on"].date()) == "2026-11-21"
    assert len(store.load_interactions(conn)) == 3
    with pytest.raises(ValueError):
        store.add_outreach(conn, 999, TODAY)


def test_ticking_logs_a_touch_and_unticking_removes_it(conn):
    ana = add_contact(conn, "Ana", layer="inner")
    week = dt.date(2026, 11, 23)
    touch = log_interaction(conn, ana, TODAY, "message")
    store.check_off(conn, week, f"touch:{ana}", touch)
    store.check_off(conn, week, f"touch:{ana}", touch)  # twice: still one line
    store.check_off(conn, week, "new:events")
    assert store.checkoffs(conn, week) == {f"touch:{ana}", "new:events"}
    data = store.load_routine_data(conn)
    assert due_list(due_status(data.contacts, data.interactions, data.cadences, TODAY)).empty
    assert store.uncheck(conn, week, f"touch:{ana}") == (True, touch)
    assert store.checkoffs(conn, week) == {"new:events"}
    assert store.load_interactions(conn).empty
    # nothing to untick: no error, nothing changes
    assert store.uncheck(conn, week, "never-there") == (False, None)
    assert store.checkoffs(conn, week) == {"new:events"}


def test_removing_an_interaction_keeps_its_checkoff_row(conn):
    ana = add_contact(conn, "Ana", layer="inner")
    touch = log_interaction(conn, ana, TODAY, "message")
    store.check_off(conn, TODAY, "touch:1", touch)
    store.delete_interaction(conn, touch)
    row = conn.execute("SELECT interaction_id FROM plan_checkoffs").fetchone()
    assert row[0] is None


def test_migration_adds_the_checkoff_link_to_an_older_profile(tmp_path):
    from workbook.store.db import connect

    path = tmp_path / "old.sqlite"
    old = connect(path)
    migrate(old, target=2)
    old.execute("INSERT INTO plan_checkoffs(week_start, item_key) VALUES ('2026-11-16', 'x')")
    old.close()
    upgraded = open_path(path)
    columns = [r[1] for r in upgraded.execute("PRAGMA table_info(plan_checkoffs)")]
    assert "interaction_id" in columns
    assert store.checkoffs(upgraded, dt.date(2026, 11, 16)) == {"x"}
    upgraded.close()


def test_moving_a_contact_into_a_layer_dates_the_move(conn):
    from workbook.store.network import set_layer_of, update_contact

    today = dt.date.today().isoformat()
    ana = add_contact(conn, "Ana")
    bo = add_contact(conn, "Bo", layer="close")
    assert conn.execute("SELECT layer_set_on FROM contacts WHERE id = ?", (ana,)).fetchone()[0] \
        is None
    assert conn.execute("SELECT layer_set_on FROM contacts WHERE id = ?", (bo,)).fetchone()[0] \
        == today
    conn.execute("UPDATE contacts SET layer_set_on = '2020-01-01'")
    conn.commit()
    assert set_layer_of(conn, [ana, bo], "close") == 1  # Bo is already there: not re-dated
    dates = dict(conn.execute("SELECT id, layer_set_on FROM contacts").fetchall())
    assert dates == {ana: today, bo: "2020-01-01"}
    update_contact(conn, bo, layer="close", notes="same layer")
    update_contact(conn, ana, layer="inner")
    dates = dict(conn.execute("SELECT id, layer_set_on FROM contacts").fetchall())
    assert dates == {ana: today, bo: "2020-01-01"}
    frame = store.load_contacts(conn).set_index("full_name")
    assert str(frame.loc["Bo", "layer_set_on"].date()) == "2020-01-01"


def test_the_upgrade_dates_contacts_already_sorted_from_their_last_change(tmp_path):
    from workbook.store.db import connect

    conn = connect(tmp_path / "old.sqlite")
    migrate(conn, target=6)                        # the version before layer_set_on
    conn.execute("INSERT INTO contacts(full_name, layer, updated_at) VALUES"
                 " ('Sorted', 'close', '2025-03-04T10:00:00'), ('Loose', 'unsorted', '2025-03-04')")
    conn.commit()
    migrate(conn)
    assert dict(conn.execute("SELECT full_name, layer_set_on FROM contacts").fetchall()) == {
        "Sorted": "2025-03-04", "Loose": None}
    conn.close()


def test_settings_of_earlier_versions_and_the_first_run(conn):
    set_setting(conn, "lang", "en")
    assert not store.settings_saved(conn)
    assert (store.load_settings(conn).timezone, store.load_settings(conn).holidays) == (
        "Europe/London", "GB-ENG")
    set_setting(conn, store.SETTINGS_KEY, json.dumps({"holidays": "fr_alsace",
                                                      "card_layers": ["inner", "bogus"]}))
    assert store.settings_saved(conn)
    loaded = store.load_settings(conn)
    assert loaded.holidays == "FR-57" and loaded.card_layers == ("inner", "close")


def test_stored_dates_are_read_whatever_sqlite_hands_back():
    """Text as written, a time after the day, gaps, an impossible or implausible day, and
    values of other types (SQLite keeps what it was given) are read without an exception."""
    import pandas as pd

    from workbook.store.routines import _dates

    read = _dates(["2026-01-02", None, "2026-03-04T10:00", "2026-02-30", "0026-01-01"])
    assert [d if pd.isna(d) else d.date().isoformat() for d in read] == [
        "2026-01-02", pd.NaT, "2026-03-04", pd.NaT, pd.NaT]
    assert _dates(["2026-01-02", 20260102, b"2026-01-02", 3.5]).isna().tolist() == [
        False, True, True, True]
    assert _dates([7, 8]).isna().all() and _dates([]).empty
