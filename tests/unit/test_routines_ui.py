"""The routines page built in plain pytest: set values, click, check what the page and the
store say."""

import base64
import datetime as dt

import icalendar
import pytest

from workbook.store import open_profile
from workbook.store import routines as store
from workbook.store.contacts import add_contact, log_interaction
from workbook.ui.common import open_page_context
from workbook.ui.routines import RoutinesPage, build_routines

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("p")
    late = add_contact(conn, "Léa <b>Late</b>", layer="inner", organisation="Helio")
    add_contact(conn, "Ok Olivier", layer="inner")
    add_contact(conn, "Sleepy Sam", layer="dormant")
    log_interaction(conn, late, "2026-10-28", "coffee")
    log_interaction(conn, 2, "2026-11-20", "call")
    log_interaction(conn, 3, "2025-01-10", "lunch")
    conn.close()
    view = RoutinesPage(open_page_context("p", "en"), today=TODAY)
    yield view
    view.ctx.conn.close()


def _texts(box):
    return " ".join(child.children[1].value for child in box.children
                    if hasattr(child, "children") and len(child.children) > 1)


def test_page_builds_with_five_tabs_and_escapes_names(page):
    assert page.tabs.titles == ("This week", "Who is due", "Log", "Settings", "Calendar")
    assert not page.due.due_rows.children and not page.log.recent.children  # not yet opened
    page.open("due")
    assert "Léa &lt;b&gt;Late&lt;/b&gt;" in _texts(page.due.due_rows)
    assert "<b>Late</b>" not in _texts(page.due.due_rows)
    assert "Late by: 5 days" in _texts(page.due.due_rows)
    assert "Sleepy Sam" in page.due.revive.value
    assert "Inner circle" in page.due.health.value


def test_logging_an_exchange_takes_the_person_off_the_due_list(page):
    page.open("due")
    assert len(page.due.due_rows.children) == 1
    page.due.due_rows.children[0].children[0].click()  # "Log an exchange"
    assert page.tabs.selected_index == 2 and page.log.contact.value == 1
    page.log.kind.value = "greeting_card"
    page.log.direction.value = "in"
    page.log.save.click()
    assert "Greeting card with Léa" in page.log.save_feedback.value  # next to the button
    assert "Greeting card" in page.log.recent.children[1].children[1].value  # the open tab
    page.open("due")  # drawn before the write: redrawn on opening
    assert "Nobody is due" in page.due.due_rows.children[0].value
    assert store.load_interactions(page.state.conn)["kind"].iloc[-1] == "greeting_card"


def test_bad_log_input_says_what_to_do_and_saves_nothing(page):
    before = len(store.load_interactions(page.state.conn))
    page.log.save.click()
    assert "Choose a person first" in page.log.save_feedback.value
    page.log.contact.value = 2
    page.log.date.value = TODAY + dt.timedelta(days=3)
    page.log.save.click()
    assert "today or earlier" in page.log.save_feedback.value
    assert len(store.load_interactions(page.state.conn)) == before


def test_ticking_a_plan_line_logs_the_touch_and_unticking_removes_it(page):
    rows = [r for r in page.week.items.children if "wb-routines-item-touch" in r._dom_classes]
    assert rows and "Léa" in rows[0].children[1].value
    total = len(page.state.week(0).plan.items)
    assert f">0 of {total} done<" in page.week.summary.value
    count = len(store.load_interactions(page.state.conn))
    rows[0].children[0].value = True
    assert len(store.load_interactions(page.state.conn)) == count + 1
    assert "Done:" in page.week.feedback.value
    assert f">1 of {total} done<" in page.week.summary.value
    page.open("due")
    assert "Nobody is due" in page.due.due_rows.children[0].value
    page.open("week")
    rows = [r for r in page.week.items.children if "wb-routines-item-touch" in r._dom_classes]
    assert rows[0].children[0].value is True
    rows[0].children[0].value = False
    assert len(store.load_interactions(page.state.conn)) == count
    assert f">0 of {total} done<" in page.week.summary.value


def test_a_tick_redraws_the_week_in_place_and_moves_no_other_box_by_itself(page):
    """The plan stays the same after a tick or this week's exchange: its lines are kept and
    only their boxes move; a box the page moves does not count as the user's tick."""
    lines = list(page.week.items.children)
    touch = next(r for r in lines if "wb-routines-item-touch" in r._dom_classes)
    revive = next(r for r in lines if "wb-routines-item-revive" in r._dom_classes)
    touch.children[0].value = True
    assert list(page.week.items.children) == lines
    page.open("log")
    page.log.contact.value = 3   # Sleepy Sam, the tie to revive
    page.log.save.click()
    page.open("week")
    assert list(page.week.items.children) == lines
    assert revive.children[0].value is True and revive.children[0].disabled
    assert "(already in the log)" in revive.children[1].value
    assert store.checkoffs(page.state.conn, TODAY) == {f"touch:{touch_id(page)}"}


def touch_id(page) -> int:
    return next(i.contact_id for i in page.state.week(0).plan.items if i.kind == "touch")


def test_removing_a_logged_exchange_puts_the_person_back_on_the_due_list(page):
    page.open("log")
    page.log.contact.value = 1
    page.log.save.click()
    count = len(store.load_interactions(page.state.conn))
    page.open("due")
    assert "Nobody is due" in page.due.due_rows.children[0].value
    page.open("log")
    newest = page.log.recent.children[1]
    assert "Léa &lt;b&gt;" in newest.children[1].value
    newest.children[0].click()  # "Remove": asks first, removes nothing yet
    assert page.log.confirm.view.layout.display == "flex"
    assert "erase the exchange with Léa &lt;b&gt;" in page.log.confirm.question.value
    assert len(store.load_interactions(page.state.conn)) == count
    page.log.confirm.yes.click()  # "Confirm removal"
    assert "Removed: Message with Léa &lt;b&gt;Late&lt;/b&gt;" in page.log.recent_feedback.value
    page.open("due")
    assert "Léa" in _texts(page.due.due_rows)


def test_outreach_and_its_buttons(page):
    page.open("log")
    page.log.out_contact.value = 2
    page.log.out_date.value = dt.date(2026, 11, 12)
    page.log.out_save.click()
    assert "First message to Ok Olivier" in page.log.out_feedback.value
    pending = page.log.pending.children
    assert len(pending) == 2 and "send one follow-up" in pending[1].children[2].value
    pending[1].children[1].click()  # follow-up sent
    assert "Follow-up to Ok Olivier" in page.log.out_feedback.value
    assert len(page.log.pending.children) == 1


def test_settings_save_and_bad_timezone(page):
    page.open("settings")
    page.settings.situation.value = "employed"
    page.settings.use_suggested.click()
    assert page.settings.weekly_minutes.text.value == "60"
    assert "Save my routine" in page.settings.save_feedback.value  # not saved yet
    page.settings.timezone.value = "Nowhere/Atlantis"
    page.settings.save.click()
    assert "Unknown time zone" in page.settings.save_feedback.value
    assert store.load_settings(page.state.conn).situation != "employed"
    page.settings.timezone.value = "montreal"  # a city is enough
    page.settings.save.click()
    assert page.settings.timezone.value == "America/Montreal"
    assert store.load_settings(page.state.conn).weekly_minutes == 60
    assert store.load_settings(page.state.conn).timezone == "America/Montreal"
    page.open("week")
    assert "45 min keeping up, 15 min meeting new people" in page.week.summary.value


def test_cadence_override_and_week_navigation(page):
    page.open("settings")
    page.settings.override_contact.value = 1
    page.settings.override_days.text.value = "200"
    page.settings.override_set.click()
    assert "set to 200" in page.settings.override_feedback.value
    page.open("due")
    assert "Nobody is due" in page.due.due_rows.children[0].value
    page.open("week")
    page.week.next_button.click()
    assert "30 Nov 2026" in page.week.heading.value
    rows = [r for r in page.week.items.children if "wb-routines-item" in r._dom_classes]
    assert rows and all(r.children[0].disabled for r in rows)  # a future week: read only


def test_calendar_link_holds_a_valid_ics(page):
    page.calendar.maintain_time.value = "half past eight"
    page.calendar.prepare.click()
    assert "hours:minutes" in page.calendar.feedback.value and page.calendar.link.value == ""
    page.calendar.maintain_time.value = "8h15"  # written the French way
    page.calendar.prepare.click()
    link = page.calendar.link.value
    assert 'download="networking-routine.ics"' in link
    payload = base64.b64decode(link.split("base64,")[1].split('"')[0])
    calendar = icalendar.Calendar.from_ical(payload)
    assert calendar.walk("VTIMEZONE")
    assert b"T081500" in payload
    assert store.load_settings(page.state.conn).maintain_time == "08:15"
    page.calendar.expand_time.value = "18:00"  # the prepared file no longer matches: it goes away
    assert page.calendar.link.value == ""


def test_charts_are_drawn_on_opening_and_updated_in_place(page):
    page.week.history.selected_index = 0
    page.due.charts.selected_index = 0
    weekly = page.week.history_chart
    before = sum(weekly.data[0].y)
    page.log.contact.value = 2
    page.log.save.click()
    assert sum(weekly.data[0].y) == before + 1
    assert len(page.due.figures[1].data) == 5


def test_build_routines_returns_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    view = build_routines("fresh", "fr")
    assert "wb-routines" in view._dom_classes


def test_an_empty_profile_works_everywhere(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    empty = RoutinesPage(open_page_context("empty", "fr"), today=TODAY)
    empty.week.history.selected_index = 0
    empty.due.charts.selected_index = 0
    empty.week.cards.selected_index = 0
    empty.week.next_button.click()
    empty.calendar.prepare.click()
    assert "base64," in empty.calendar.link.value
    empty.open("due")
    assert "Personne à recontacter" in empty.due.due_rows.children[0].value
    assert "wb-status-error" not in empty.status.value
    empty.ctx.conn.close()


def test_a_long_note_is_shortened_in_the_recent_list_but_kept_whole(page):
    page.open("log")
    page.log.contact.value = 2
    page.log.notes.value = "Parlé de l'hydrogène 😀 " * 20
    page.log.save.click()
    recent = page.log.recent.children[1].children[1].value
    assert "…" in recent and len(recent) < 400
    assert len(store.load_interactions(page.state.conn)["notes"].iloc[-1]) > 400


def test_the_person_picker_lists_sorted_people_and_finds_anyone(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("big")
    add_contact(conn, "Léa Sorted", layer="close")
    for i in range(300):
        add_contact(conn, f"Unsorted {i:03}", organisation="Société Générale" if i == 7 else "")
    conn.close()
    view = RoutinesPage(open_page_context("big", "en"), today=TODAY)
    picker = view.log.contact
    assert [label for label, _ in picker.matches.options] == ["Léa Sorted"]
    assert picker.value is None
    picker.search.value = "societe"  # accents and case ignored, organisation too
    assert picker.value == 9 and "Unsorted 007 — Société Générale" in picker.label
    picker.search.value = "unsorted"  # 300 people
    assert len(picker.matches.options) == 30  # thirty at most, and a line says so
    assert "30 of 300" in picker.note.value
    view.due.on_log_for(250)  # chosen from elsewhere: added to the list
    assert picker.value == 250
    view.ctx.conn.close()


def test_the_picker_offers_the_most_recently_met_first_when_thousands_are_sorted(
        tmp_path, monkeypatch):
    """A long-used profile has thousands of people in a layer or in the log: the picker
    offers the few hundred most recently met, and the search still finds the others."""
    from workbook.store import transaction
    from workbook.ui.routines.state import PICKER_OPTIONS

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("sorted")
    with transaction(conn):
        conn.executemany("INSERT INTO contacts(full_name, layer) VALUES (?, 'active')",
                         [(f"Person {i:04}",) for i in range(1, 1001)])
        conn.executemany("INSERT INTO interactions(contact_id, occurred_on, kind)"
                         " VALUES (?, ?, 'message')",
                         [(i, (TODAY - dt.timedelta(days=i)).isoformat())
                          for i in range(1, 1001)])
    conn.close()
    view = RoutinesPage(open_page_context("sorted", "en"), today=TODAY)
    picker = view.log.contact
    first_list = [value for _, value in view.state.contact_options()]
    assert sorted(first_list) == list(range(1, PICKER_OPTIONS + 1))   # the latest met
    assert [label for label, _ in picker.matches.options][:2] == ["Person 0001", "Person 0002"]
    picker.search.value = "person 0999"
    assert picker.value == 999
    view.ctx.conn.close()


def test_first_run_asks_where_the_user_lives_suggested_from_the_language(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    from workbook.store.settings import set_setting

    conn = open_profile("london")
    set_setting(conn, "lang", "en")
    conn.close()
    view = RoutinesPage(open_page_context("london", "en"), today=TODAY)
    region = view.region
    assert region.view.layout.display != "none" and region.form.layout.display != "none"
    assert (region.holidays.value, region.timezone.value) == ("GB-ENG", "Europe/London")
    assert "Europe/London" in view.calendar.zone.value
    assert "United Kingdom (England and Wales)" in view.calendar.zone.value
    region.timezone.value = "Atlantis"
    region.save.click()
    assert "Unknown time zone" in region.feedback.value
    assert not store.settings_saved(view.state.conn)
    region.holidays.value = "GB-SCT"
    region.timezone.value = "london"
    region.save.click()
    assert "Saved: time zone Europe/London" in region.feedback.value
    assert region.form.layout.display == "none"
    saved = store.load_settings(view.state.conn)
    assert (saved.holidays, saved.timezone) == ("GB-SCT", "Europe/London")
    assert "Scotland" in view.calendar.zone.value
    view.ctx.conn.close()
    again = RoutinesPage(open_page_context("london", "en"), today=TODAY)
    assert again.region.view.layout.display == "none"  # asked once
    again.ctx.conn.close()


def test_button_rows_are_refilled_and_a_click_goes_to_whom_the_row_shows_now():
    import ipywidgets as ipw

    from workbook.ui.routines.widgets import ButtonRows

    clicked = []
    box = ipw.VBox()
    rows = ButtonRows(box, "Log", clicked.append, lambda f: f, row_class="r",
                      button_class="b", text_class="t")
    none = ipw.HTML("no one")
    rows.show([(1, "Ana"), (2, "Bo")])
    first = box.children[0]
    rows.show([(3, "Cy &amp; Di")], [none])
    assert box.children == (first, none) and first.children[1].value == "Cy &amp; Di"
    first.children[0].click()
    rows.show([(4, "Eve"), (5, "Flo")])
    assert none.comm is None   # the extra line of the draw before is closed
    box.children[1].children[0].click()
    assert clicked == [3, 5]
