"""`workbook plan`: the weekly plan printed, the .ics written, clear errors."""

import datetime as dt

import icalendar
import pytest

from workbook.cli import main
from workbook.demo import fill_demo
from workbook.store import open_profile

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("demo")
    fill_demo(conn, today=TODAY)
    conn.close()
    return tmp_path


def test_plan_prints_weeks_with_touches_followups_new_people_and_cards(demo, capsys):
    assert main(["plan", "--profile", "demo", "--weeks", "2", "--lang", "en",
                 "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Week of 23 Nov 2026" in out and "Week of 30 Nov 2026" in out
    assert "Keeping in touch: who is due, and why" in out
    assert "due since" in out
    assert "Follow-ups due (3B7 rule)" in out and "send one follow-up" in out
    assert "[x] New people to meet" in out  # the demo's ticked line
    assert "Year-end greeting cards" in out


def test_plan_writes_an_ics_file(demo, tmp_path, capsys):
    target = tmp_path / "routine.ics"
    assert main(["plan", "--profile", "demo", "--ics", str(target), "--lang", "fr",
                 "--today", TODAY.isoformat()]) == 0
    assert "Agenda écrit dans" in capsys.readouterr().out
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) >= 4 and all("UID" in e and "DTSTAMP" in e for e in events)
    assert calendar.walk("VTIMEZONE")


@pytest.mark.parametrize("argv, expected", [
    (["plan", "--profile", "nobody"], "no profile named nobody"),  # WORKBOOK_LANG=en
    (["plan", "--profile", "demo", "--weeks", "0"], "--weeks must be between 1 and 12"),
    (["plan", "--profile", "demo", "--weeks", "x"], "invalid int value"),
    (["plan", "--profile", "demo", "--ics", "/no/such/folder/r.ics", "--lang", "en"],
     "/no/such/folder/r.ics cannot be written"),
    (["plan", "--profile", "demo", "--today", "23/11/2026"], "--today must be a date"),
])
def test_bad_input_gives_one_line_and_status_2(demo, argv, expected, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1
