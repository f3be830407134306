"""Bad dates, bad numbers and bad rows: refused at input with a sentence next to the field,
survived when already in a profile; ticking from two tabs; the .ics written whole."""

import datetime as dt
import os
import sqlite3

import pytest

from workbook.cli import main
from workbook.domain.routines import PlanItem
from workbook.domain.routines.problems import InputProblem
from workbook.io import ics
from workbook.store import open_profile
from workbook.store import routines as store
from workbook.store.contacts import add_contact, log_interaction
from workbook.ui.common import open_page_context
from workbook.ui.routines import RoutinesPage
from workbook.ui.routines.state import RoutinesState

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("p")
    add_contact(conn, "Léa Late", layer="inner", organisation="Helio")
    add_contact(conn, "Ok Olivier", layer="inner")
    log_interaction(conn, 1, "2026-10-28", "coffee")
    conn.close()
    return tmp_path


def _page(lang="en"):
    return RoutinesPage(open_page_context("p", lang), today=TODAY)


def _count(conn, table):
    return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_two_digit_year_is_refused_next_to_the_button_and_nothing_is_stored(home):
    page = _page()
    before = _count(page.state.conn, "interactions")
    page.log.contact.value = 2
    page.log.date.value = dt.date(26, 3, 10)  # "03/10/0026" typed in the date field
    page.log.save.click()
    feedback = page.log.save_feedback.value
    assert "The year 26 cannot be right" in feedback and "wb-status-error" in feedback
    assert "Something went wrong" not in feedback
    assert _count(page.state.conn, "interactions") == before
    page.log.out_contact.value = 2
    page.log.out_date.value = dt.date(26, 3, 10)
    page.log.out_save.click()
    assert "cannot be right" in page.log.out_feedback.value
    assert _count(page.state.conn, "outreach") == 0
    page.ctx.conn.close()


def test_the_store_refuses_an_implausible_date_too(home):
    conn = open_profile("p")
    with pytest.raises(ValueError):
        log_interaction(conn, 1, "0026-03-10", "message")
    with pytest.raises(ValueError):
        log_interaction(conn, 1, "10/03/2026", "message")
    assert _count(conn, "interactions") == 1
    conn.close()


def _insert_bad_row(date="0026-03-10"):
    conn = open_profile("p")
    conn.execute("INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (2, ?, 'call')",
                 (date,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("date", ["0026-03-10", "26/03/10", "", "2026-02-30"])
def test_a_bad_row_already_in_the_profile_leaves_the_page_working(home, date):
    _insert_bad_row(date)
    page = _page()
    assert "1 exchange has a date that cannot be right" in page.status.value
    page.open("due")
    assert "Léa Late" in " ".join(r.children[1].value for r in page.due.due_rows.children
                                 if hasattr(r, "children") and len(r.children) > 1)
    page.week.history.selected_index = 0
    page.due.charts.selected_index = 0
    page.open("log")
    skipped = page.log.skipped.children
    assert len(skipped) == 1 and "Ok Olivier" in skipped[0].children[1].value
    skipped[0].children[0].click()  # "Remove", then confirm
    page.log.confirm.yes.click()
    assert "impossible date" in page.log.recent_feedback.value
    assert not page.log.skipped.children and page.status.value == ""
    assert _count(page.state.conn, "interactions") == 1
    page.ctx.conn.close()


def test_workbook_plan_survives_a_bad_row_and_says_so(home, capsys, tmp_path):
    _insert_bad_row()
    target = tmp_path / "r.ics"
    assert main(["plan", "--profile", "p", "--lang", "en", "--today", TODAY.isoformat(),
                 "--ics", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Ok Olivier has a date that cannot be right (0026-03-10)" in out
    assert "Week of 23 Nov 2026" in out and target.exists()


def test_a_bad_layer_date_or_connection_date_is_ignored(home):
    conn = open_profile("p")
    conn.execute("UPDATE contacts SET connected_on = '0008-07-08', layer_set_on = 'soon'")
    conn.commit()
    conn.close()
    page = _page()
    assert page.status.value == ""
    page.ctx.conn.close()


def test_a_decimal_number_is_refused_next_to_its_field_not_rounded(home):
    page = _page()
    saved = store.load_settings(page.state.conn)
    page.settings.weekly_minutes.text.value = "15.7"
    page.settings.card_limit.text.value = "lots"
    page.settings.save.click()
    assert "“15.7” is not a whole number" in page.settings.weekly_minutes.error.value
    assert "“lots” is not a whole number" in page.settings.card_limit.error.value
    assert "Nothing was saved" in page.settings.save_feedback.value
    assert store.load_settings(page.state.conn) == saved
    page.settings.weekly_minutes.text.value = "157"
    page.settings.card_limit.text.value = "20"
    page.settings.save.click()
    assert page.settings.weekly_minutes.error.value == ""
    assert store.load_settings(page.state.conn).weekly_minutes == 157
    page.ctx.conn.close()


def test_a_bad_rhythm_is_refused_next_to_its_field(home):
    page = _page()
    page.settings.cadence_inputs["inner"].text.value = "2.5"
    page.settings.cadence_inputs["close"].text.value = "4000"
    page.settings.save_cadences.click()
    assert "not a whole number" in page.settings.cadence_inputs["inner"].error.value
    assert "out of range" in page.settings.cadence_inputs["close"].error.value
    assert "Nothing was saved" in page.settings.cadence_feedback.value
    assert store.layer_cadences(page.state.conn)["inner"] == 21
    page.ctx.conn.close()


def test_ticking_the_same_line_in_two_tabs_logs_one_touch_and_unticks_cleanly(home):
    first = RoutinesState(open_profile("p"), "p", TODAY)
    second = RoutinesState(open_profile("p"), "p", TODAY)
    week = first.week(0).plan
    item = next(i for i in week.items if i.kind == "touch")
    before = _count(first.conn, "interactions")
    assert first.tick(week.week_start, item, True) is True
    assert second.tick(week.week_start, item, True) is False  # already ticked elsewhere
    assert _count(first.conn, "interactions") == before + 1
    assert _count(first.conn, "plan_checkoffs") == 1
    assert first.tick(week.week_start, item, False) is True
    assert second.tick(week.week_start, item, False) is False
    assert _count(first.conn, "interactions") == before  # no orphan touch left behind
    assert _count(first.conn, "plan_checkoffs") == 0
    first.conn.close()
    second.conn.close()


def test_a_failed_tick_leaves_nothing_behind(home, monkeypatch):
    state = RoutinesState(open_profile("p"), "p", TODAY)
    week = state.week(0).plan
    item = PlanItem("touch:999", "touch", "never", 999, "Ghost")  # no such contact
    with pytest.raises(sqlite3.IntegrityError):
        state.tick(week.week_start, item, True)
    assert _count(state.conn, "plan_checkoffs") == 0
    state.conn.close()


def test_the_state_refuses_bad_input_before_writing(home):
    state = RoutinesState(open_profile("p"), "p", TODAY)
    for contact, day, code in ((None, TODAY, "pick_contact"), (1, None, "date_missing"),
                               (1, dt.date(26, 3, 10), "date_implausible"),
                               (1, TODAY + dt.timedelta(days=1), "date_future")):
        with pytest.raises(InputProblem) as problem:
            state.log(contact, day, "message", "out", "maintain", "")
        assert problem.value.code == code
    state.conn.close()


def test_the_calendar_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "routine.ics"
    target.write_bytes(b"previous calendar")

    def full_disk(_fd):
        raise OSError("No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        ics.write_bytes_atomically(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"previous calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["routine.ics"]  # no temporary left
    monkeypatch.undo()
    ics.write_bytes_atomically(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"BEGIN:VCALENDAR"


def test_hostile_names_stay_text_in_new_lines_and_notices(home):
    conn = open_profile("p")
    hostile = '<img src=x onerror="alert(1)">Eve'
    eve = add_contact(conn, hostile, layer="close")
    conn.execute("UPDATE contacts SET layer_set_on = '2020-01-01' WHERE id = ?", (eve,))
    conn.execute("INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, 'call')",
                 (eve, "<b>0026</b>"))
    conn.commit()
    conn.close()
    page = _page()
    page.open("log")
    notice = page.log.skipped.children[0].children[1].value
    assert "&lt;img src=x" in notice and "<img" not in notice and "&lt;b&gt;0026" in notice
    week = " ".join(row.children[1].value for row in page.week.items.children
                    if hasattr(row, "children") and len(row.children) > 1)
    assert "&lt;img src=x" in week and "<img" not in week  # due since put in the layer
    page.ctx.conn.close()
