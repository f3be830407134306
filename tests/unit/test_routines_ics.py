"""The .ics export: parsed back, every event has UID and DTSTAMP, the VTIMEZONE is there,
lines are folded, and the recurrences expand to the right local times across DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pandas as pd
from dateutil.rrule import rrulestr

from workbook.domain.routines import RoutineSettings, routine_events, three_b_seven
from workbook.i18n import Translator
from workbook.io.ics import calendar_bytes, event_uid

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC)


def _people():
    frame = pd.DataFrame({
        "contact_id": [1, 2], "layer": ["inner", "close"], "cadence_days": [None, None],
        "full_name": ["Zoé Ysern-Castagné de la Rivière-Haute, directrice des opérations", "Bo"],
        "birthday": ["1984-03-14", None], "organisation_id": [10, 20],
        "organisation": ["Helio Parc Énergies", "VentOuest"],
        "connected_on": pd.to_datetime([None, None])})
    frame["organisation_id"] = pd.array(frame["organisation_id"], dtype="Int64")
    return frame


DEFAULT_SETTINGS = RoutineSettings()


def _export(settings=DEFAULT_SETTINGS, lang="fr"):
    sent = pd.DataFrame({"outreach_id": [7], "contact_id": [2], "organisation_id": [20],
                         "sent_on": pd.to_datetime(["2026-11-19"]),
                         "replied_on": pd.to_datetime([None]),
                         "followed_up_on": pd.to_datetime([None])})
    sent["organisation_id"] = pd.array(sent["organisation_id"], dtype="Int64")
    steps = three_b_seven(sent, _people(), TODAY)
    events = routine_events(settings, TODAY, _people(), steps)
    return calendar_bytes(events, Translator(lang), timezone=settings.timezone, profile="demo",
                          calendar_name="Routine", now=NOW), events


def test_every_event_has_uid_dtstamp_and_the_calendar_parses_back():
    payload, events = _export()
    calendar = icalendar.Calendar.from_ical(payload)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(events) == 6
    uids = [str(e["UID"]) for e in vevents]
    assert len(set(uids)) == len(uids)
    assert event_uid("routine-maintain", "demo") in uids
    for event in vevents:
        assert event["DTSTAMP"].dt == NOW
        assert str(event["SUMMARY"])
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar


def test_uids_are_stable_between_exports_and_differ_between_profiles():
    assert _export()[0].count(b"UID:") == 6
    first = icalendar.Calendar.from_ical(_export()[0])
    second = icalendar.Calendar.from_ical(_export()[0])
    assert [e["UID"] for e in first.walk("VEVENT")] == [e["UID"] for e in second.walk("VEVENT")]
    assert event_uid("routine-maintain", "demo") != event_uid("routine-maintain", "other")


def test_vtimezone_present_and_timed_events_use_it():
    payload, _ = _export()
    calendar = icalendar.Calendar.from_ical(payload)
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]
    assert zones[0].walk("DAYLIGHT") and zones[0].walk("STANDARD")
    assert b"DTSTART;TZID=Europe/Paris:20261123T090000" in payload
    assert b"DTSTART;VALUE=DATE:20270314" in payload  # birthday, all day


def test_lines_are_folded_at_75_octets_with_crlf():
    payload, _ = _export()
    lines = payload.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long name was folded
    unfolded = icalendar.Calendar.from_ical(payload)
    summaries = [str(e["SUMMARY"]) for e in unfolded.walk("VEVENT")]
    assert any("directrice des opérations" in s for s in summaries)


def test_weekly_recurrence_expands_to_9am_paris_across_the_dst_change():
    payload, _ = _export()
    calendar = icalendar.Calendar.from_ical(payload)
    maintain = next(e for e in calendar.walk("VEVENT") if "routine-maintain" in str(e["UID"]))
    start = maintain["DTSTART"].dt
    rule = rrulestr(maintain["RRULE"].to_ical().decode(), dtstart=start)
    dates = rule.between(start, start + dt.timedelta(weeks=30), inc=True)
    assert len(dates) == 31
    assert all(d.weekday() == 0 and (d.hour, d.minute) == (9, 0) for d in dates)
    paris = ZoneInfo("Europe/Paris")
    offsets = {d.astimezone(paris).utcoffset() for d in dates}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}  # winter and summer
    assert {d.astimezone(dt.UTC).hour for d in dates} == {7, 8}


def test_monthly_review_and_yearly_cards_expand():
    payload, _ = _export()
    calendar = icalendar.Calendar.from_ical(payload)
    by_uid = {str(e["UID"]).split(".")[0]: e for e in calendar.walk("VEVENT")}
    review = by_uid["routine-review"]
    start = review["DTSTART"].dt
    dates = rrulestr(review["RRULE"].to_ical().decode(), dtstart=start).between(
        start, start + dt.timedelta(days=100), inc=True)
    assert all(d.weekday() == 0 and d.day <= 7 for d in dates) and len(dates) == 4
    cards = by_uid["routine-cards"]
    years = rrulestr(cards["RRULE"].to_ical().decode(), dtstart=cards["DTSTART"].dt).between(
        cards["DTSTART"].dt, cards["DTSTART"].dt + dt.timedelta(days=3 * 366), inc=True)
    assert [(d.year, d.month, d.day) for d in years] == [(2026, 12, 1), (2027, 12, 1),
                                                         (2028, 12, 1), (2029, 12, 1)]


def test_other_time_zone_and_language():
    payload, _ = _export(RoutineSettings(timezone="America/Montreal", maintain_day=2,
                                         maintain_time="18:30"), lang="en")
    calendar = icalendar.Calendar.from_ical(payload)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Montreal"]
    assert b"DTSTART;TZID=America/Montreal:20261125T183000" in payload
    assert b"SUMMARY:Networking: keep up" in payload


def test_no_bare_line_feed():
    payload, _ = _export()
    assert b"\n" not in payload.replace(b"\r\n", b"")


def test_a_29_february_birthday_recurs_every_year_and_a_leap_day_start_exports():
    people = _people()
    people.loc[0, "birthday"] = "1988-02-29"
    today = dt.date(2029, 3, 1)  # a year and a day after 29 Feb 2028
    events = routine_events(RoutineSettings(maintain_day=today.weekday()), today, people)
    payload = calendar_bytes(events, Translator("en"), timezone="Europe/Paris",
                             profile="demo", calendar_name="Routine", now=NOW)
    calendar = icalendar.Calendar.from_ical(payload)
    birthday = next(e for e in calendar.walk("VEVENT") if "birthday-1" in str(e["UID"]))
    start = birthday["DTSTART"].dt
    assert start == dt.date(2030, 2, 28)
    rule = rrulestr(birthday["RRULE"].to_ical().decode(),
                    dtstart=dt.datetime.combine(start, dt.time()))
    days = [d.date() for d in rule[:3]]
    assert days == [dt.date(2030, 2, 28), dt.date(2031, 2, 28), dt.date(2032, 2, 29)]


def test_follow_up_texts_read_naturally_in_each_language():
    for lang, day in (("fr", "19 nov. 2026"), ("en", "19 Nov 2026")):
        payload, _ = _export(lang=lang)
        follow_up = next(e for e in icalendar.Calendar.from_ical(payload).walk("VEVENT")
                         if str(e["UID"]).startswith("follow-up-"))
        description = str(follow_up["DESCRIPTION"])
        assert day in description and "2026-11-19" not in description
        assert "Bo (VentOuest)" in description


def test_a_follow_up_without_organisation_has_no_empty_brackets():
    steps = pd.DataFrame({"outreach_id": [8], "full_name": ["Bo"], "organisation": [""],
                          "action": ["wait"], "sent_on": [dt.date(2026, 11, 19)],
                          "follow_up_on": [dt.date(2026, 11, 30)]})
    events = routine_events(DEFAULT_SETTINGS, TODAY, _people()[:0], steps)
    payload = calendar_bytes(events, Translator("en"), timezone="Europe/Paris", profile="demo",
                             calendar_name="Routine", now=NOW)
    follow_up = icalendar.Calendar.from_ical(payload).walk("VEVENT")[-1]
    assert str(follow_up["DESCRIPTION"]).startswith("You wrote to Bo on 19 Nov 2026.")
    assert str(follow_up["SUMMARY"]) == "Follow up with Bo?"
