"""The routines page in a real browser: the week's balance chart on the first view; a
two-digit year refused next to the button; log an exchange for an overdue person and see
them leave the due list; download the calendar file and read it back."""

import datetime as dt

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def test_log_an_overdue_contact_then_download_the_calendar(page, server, tmp_path):
    open_page(page, server, "routines.ipynb", ".wb-routines-tabs")
    assert page.locator(".wb-routines-coach-week").is_visible()
    assert page.locator(".wb-routines-item-touch").count() > 0
    balance = page.locator(".wb-routines-balance .wb-balance")
    balance.wait_for()  # the maintain-vs-expand chart is on the first view, not folded away
    assert balance.is_visible()
    expect(page.locator(".wb-routines-balance")).to_contain_text("This week: keeping up")
    page.screenshot(path=str(tmp_path / "routines-week.png"))

    page.get_by_role("tab", name="Who is due").click()
    first = page.locator(".wb-routines-due-list .wb-routines-due-row").first
    first.wait_for()
    name = first.locator(".wb-routines-due-name b").inner_text()
    assert page.locator(".wb-routines-due-list", has_text=name).count() == 1
    first.locator(".wb-routines-due-log").click()

    contact = page.locator(".wb-routines-log-contact select")
    contact.wait_for()
    chosen = contact.evaluate("s => s.options[s.selectedIndex].text")
    assert name in chosen.replace("\xa0", " ")  # the dropdown writes no-break spaces
    page.locator(".wb-routines-log-kind select").select_option(label="Coffee")
    recent = page.locator(".wb-routines-recent-row")
    recent.first.wait_for()   # the Log tab is drawn when first opened: let its list land
    rows_before = recent.count()
    date = page.locator(".wb-routines-log-date input")
    date.fill("0026-03-10")  # "03/10/0026": a two-digit year typed in the date field
    date.dispatch_event("change")
    page.locator(".wb-routines-log-save").click()
    feedback = page.locator(".wb-routines-log-feedback")
    expect(feedback).to_contain_text("The year 26 cannot be right", timeout=60_000)  # beside it
    expect(feedback).not_to_contain_text("Something went wrong")
    assert recent.count() == rows_before  # nothing stored
    date.fill(dt.date.today().isoformat())
    date.dispatch_event("change")
    page.locator(".wb-routines-log-save").click()
    expect(feedback).to_contain_text(f"Coffee with {name}", timeout=60_000)

    page.get_by_role("tab", name="Who is due").click()
    due = page.locator(".wb-routines-due-list")
    expect(due).not_to_contain_text(name)  # the list is redrawn just after the status line
    expect(due).to_contain_text("Log an exchange")
    page.screenshot(path=str(tmp_path / "routines-due.png"))

    page.get_by_role("tab", name="Calendar").click()
    page.locator(".wb-routines-ics-prepare").click()
    link = page.locator(".wb-routines-ics-link a")
    link.wait_for()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "networking-routine.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = calendar.walk("VEVENT")
    assert len(events) >= 4
    assert all("UID" in e and "DTSTAMP" in e for e in events)
    assert any("RRULE" in e for e in events)
