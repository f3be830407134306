"""Routine rules: the stay-in-touch clock, cadences, due lists, health, the maintain/expand
split, business days with French holidays, 3B7, and weekly plans."""

import datetime as dt

import pandas as pd
import pytest

from workbook.domain import routines as r
from workbook.domain.calendar_rules import (
    add_business_days,
    business_days_between,
    holidays_around,
    holidays_for,
    is_business_day,
)

TODAY = dt.date(2026, 11, 23)  # a Monday
CADENCES = dict(r.DEFAULT_CADENCE_DAYS)


def contacts(*rows):
    """rows: (id, name, layer[, cadence_days[, connected_on[, organisation_id[, birthday
    [, layer_set_on]]]]])"""
    full = [tuple(row) + (None,) * (8 - len(row)) for row in rows]
    frame = pd.DataFrame(full, columns=["contact_id", "full_name", "layer", "cadence_days",
                                        "connected_on", "organisation_id", "birthday",
                                        "layer_set_on"])
    frame["layer_set_on"] = pd.to_datetime(frame["layer_set_on"])
    frame["cadence_days"] = pd.array(frame["cadence_days"], dtype="Int64")
    frame["organisation_id"] = pd.array(frame["organisation_id"], dtype="Int64")
    frame["connected_on"] = pd.to_datetime(frame["connected_on"])
    frame["organisation"] = frame["organisation_id"].map(lambda o: "" if pd.isna(o) else f"Org{o}")
    frame["birthday"] = frame["birthday"].astype("object")
    return frame


def log(*rows):
    """rows: (contact_id, 'YYYY-MM-DD'[, kind[, direction[, purpose]]])"""
    full = [(i, row[0], row[1], *(tuple(row[2:]) + ("message", "out", "maintain")[len(row) - 2:]),
             "") for i, row in enumerate(rows, 1)]
    frame = pd.DataFrame(full, columns=["interaction_id", "contact_id", "occurred_on", "kind",
                                        "direction", "purpose", "notes"])
    frame["occurred_on"] = pd.to_datetime(frame["occurred_on"])
    return frame


def outreach(*rows):
    """rows: (id, contact_id, organisation_id, sent[, replied[, followed_up]])"""
    full = [tuple(row) + (None,) * (6 - len(row)) for row in rows]
    frame = pd.DataFrame(full, columns=["outreach_id", "contact_id", "organisation_id",
                                        "sent_on", "replied_on", "followed_up_on"])
    frame["organisation_id"] = pd.array(frame["organisation_id"], dtype="Int64")
    for column in ("sent_on", "replied_on", "followed_up_on"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


# ----------------------------------------------------------------- clock and cadence

def test_any_kind_and_direction_resets_the_clock():
    """A card THEY sent counts as much as a lunch I arranged."""
    frame = log((1, "2026-01-10", "lunch", "out"), (1, "2026-06-01", "greeting_card", "in"),
                (2, "2026-03-03", "introduction_received", "mutual"))
    clock = r.stay_in_touch_clock(frame)
    assert clock[1] == pd.Timestamp("2026-06-01")
    assert clock[2] == pd.Timestamp("2026-03-03")
    assert r.stay_in_touch_clock(frame, before=dt.date(2026, 6, 1))[1] == pd.Timestamp("2026-01-10")


def test_cadence_comes_from_override_then_layer_and_none_for_unsorted_or_dormant():
    assert r.cadence_for("inner", None, CADENCES) == 21
    assert r.cadence_for("inner", pd.NA, {"inner": 10}) == 10
    assert r.cadence_for("close", 7, CADENCES) == 7
    assert r.cadence_for("unsorted", 7, CADENCES) is None
    assert r.cadence_for("dormant", None, CADENCES) is None
    assert 14 <= r.DEFAULT_CADENCE_DAYS["inner"] <= 28
    assert 60 <= r.DEFAULT_CADENCE_DAYS["close"] <= 92
    assert 150 <= r.DEFAULT_CADENCE_DAYS["active"] <= 200


def test_due_status_sorts_people_into_ok_due_drifting_never_revive_unscheduled():
    people = contacts((1, "Ok", "inner"), (2, "Due", "inner"), (3, "Drift", "inner"),
                      (4, "Never", "close"), (5, "Sleep", "dormant"), (6, "New", "unsorted"),
                      (7, "Own rhythm", "active", 10), (8, "Connected", "close", None,
                                                        "2026-11-01"))
    frame = log((1, "2026-11-20"), (2, "2026-10-30"), (3, "2026-09-01"), (5, "2025-01-01"),
                (6, "2026-01-01"), (7, "2026-11-01"))
    status = r.due_status(people, frame, CADENCES, TODAY).set_index("full_name")
    assert status.loc["Ok", "status"] == "ok"
    assert status.loc["Due", "status"] == "due"
    assert status.loc["Due", "overdue_days"] == 24 - 21
    assert status.loc["Drift", "status"] == "drifting"  # 83 days for a 21-day rhythm
    assert status.loc["Never", "status"] == "never"
    assert status.loc["Sleep", "status"] == "revive"
    assert status.loc["New", "status"] == "unscheduled"
    assert status.loc["Own rhythm", "status"] == "drifting"  # 22 days on a 10-day rhythm
    # a LinkedIn connection date does not start the clock: never in touch is "start here"
    assert status.loc["Connected", "status"] == "never"
    assert list(r.due_list(r.due_status(people, frame, CADENCES, TODAY))["full_name"]) == [
        "Due"]
    assert list(r.never_list(r.due_status(people, frame, CADENCES, TODAY))["full_name"]) == [
        "Connected", "Never"]
    assert list(r.drifting_list(r.due_status(people, frame, CADENCES, TODAY))["full_name"]) == [
        "Drift", "Own rhythm"]


def test_logging_a_touch_takes_a_contact_off_the_due_list():
    people = contacts((1, "Due", "inner"), (2, "Drifting", "inner"))
    before = r.due_status(people, log((1, "2026-10-30"), (2, "2026-09-01")), CADENCES, TODAY)
    after = r.due_status(people, log((1, "2026-10-30"), (2, "2026-09-01"),
                                     (1, "2026-11-23", "call", "in"),
                                     (2, "2026-11-22", "greeting_card", "in")), CADENCES, TODAY)
    assert list(r.due_list(before)["contact_id"]) == [1]
    assert list(r.drifting_list(before)["contact_id"]) == [2]
    assert r.due_list(after).empty and r.drifting_list(after).empty


def test_health_is_the_mean_warmth_per_layer():
    people = contacts((1, "A", "inner"), (2, "B", "inner"), (3, "C", "close"))
    frame = log((1, "2026-11-20"), (2, str(TODAY - dt.timedelta(days=42))))
    health = r.layer_health(r.due_status(people, frame, CADENCES, TODAY)).set_index("layer")
    assert health.loc["inner", "health"] == 75  # 1 and 21/42
    assert health.loc["close", "health"] == 0  # never touched
    assert health.loc["inner", "contacts"] == 2
    assert r.warmth(21, 84) == pytest.approx(0.25)


def test_temperature_falls_while_nobody_is_touched():
    people = contacts((1, "A", "inner"), (2, "B", "close"))
    frame = log((1, "2026-06-01"), (2, "2026-06-01"))
    series = r.temperature_series(people, frame, CADENCES, TODAY, weeks=20)
    overall = series[series["layer"] == "all"]["temperature"].tolist()
    assert len(overall) == 20
    assert overall == sorted(overall, reverse=True) and overall[0] > overall[-1]


# ----------------------------------------------------------------- maintain vs expand

def test_expansion_rule():
    assert not r.is_expansion("expand", "inner", TODAY, None)   # she knows them
    assert r.is_expansion("maintain", "target", TODAY, None)
    assert r.is_expansion("maintain", "unsorted", TODAY, pd.Timestamp("2026-11-01"))
    assert not r.is_expansion("maintain", "active", TODAY, pd.Timestamp("2026-11-01"))
    assert not r.is_expansion("maintain", "unsorted", TODAY, pd.Timestamp("2026-01-01"))
    assert r.is_expansion("expand", "unsorted", TODAY, None)
    assert r.suggested_purpose("close", None, False, TODAY).purpose == "maintain"
    assert r.suggested_purpose("unsorted", None, False, TODAY).purpose == "expand"
    assert r.suggested_purpose("unsorted", None, True, TODAY).purpose == "maintain"


def test_expansion_rule_at_its_edges_row_by_row_and_for_a_column():
    """The first month of a tie runs from its connection day to day 30 included; a touch
    before the connection date (an exchange logged before the LinkedIn invitation) or with no
    date maintains; someone placed in an existing-network layer is always kept up with. The
    column rule and the one-touch rule agree on every case."""
    connected = pd.Timestamp("2026-10-01")
    cases = [  # purpose, layer, occurred_on, connected_on, expands
        ("maintain", "unsorted", connected + pd.Timedelta(days=-1), connected, False),
        ("maintain", "unsorted", connected, connected, True),
        ("maintain", "unsorted", connected + pd.Timedelta(days=30), connected, True),
        ("maintain", "unsorted", connected + pd.Timedelta(days=31), connected, False),
        ("maintain", "close", connected, connected, False),
        ("maintain", "close", TODAY, None, False),
        ("maintain", "target", TODAY, None, True),
        ("expand", "inner", TODAY, pd.NaT, False),
    ]
    for purpose, layer, on, con, expands in cases:
        assert r.is_expansion(purpose, layer, on, con) is expands, (purpose, layer, on, con)
    column = r.expansion_touches(
        pd.Series([c[0] for c in cases]), pd.Series([c[1] for c in cases]),
        pd.Series([pd.Timestamp(c[2]) for c in cases]),
        pd.Series([c[3] for c in cases], dtype="datetime64[ns]"))
    assert column.tolist() == [c[4] for c in cases]


def test_weekly_actuals_ignore_exchanges_outside_the_weeks_shown():
    people = contacts((1, "Old", "close"))
    frame = log((1, "2026-10-01", "lunch"), (1, "2026-11-22", "call"),
                (1, "2026-12-07", "coffee"))
    weekly = r.weekly_actuals(frame, people, TODAY, weeks=2).set_index("week_start")
    assert weekly["maintain_minutes"].to_dict() == {dt.date(2026, 11, 16): 20,
                                                    dt.date(2026, 11, 23): 0}
    assert weekly["new_people"].sum() == 0   # the first exchange was before the weeks shown


def test_a_plan_is_made_from_the_exchanges_before_its_week_and_the_greeting_cards():
    frame = log((1, "2026-11-22"), (1, "2026-11-23"), (2, "2026-11-24", "greeting_card"),
                (2, "2026-12-01"))
    assert r.exchanges_a_plan_reads(frame, TODAY).tolist() == [True, False, True, False]
    # a later week is made from everything before it
    assert r.exchanges_a_plan_reads(frame, dt.date(2026, 12, 3)).tolist() == [
        True, True, True, False]


def test_weekly_actuals_split_touches_and_minutes():
    people = contacts((1, "Old", "close"), (2, "New", "target"))
    frame = log((1, "2026-11-16", "lunch"), (1, "2026-11-17", "message"),
                (2, "2026-11-18", "coffee", "out", "expand"), (1, "2026-11-23", "call"))
    weekly = r.weekly_actuals(frame, people, TODAY, weeks=3).set_index("week_start")
    week = weekly.loc[dt.date(2026, 11, 16)]
    assert (week["maintain_touches"], week["expand_touches"]) == (2, 1)
    assert (week["maintain_minutes"], week["expand_minutes"]) == (100, 60)
    assert week["new_people"] == 1
    assert weekly.loc[dt.date(2026, 11, 23), "maintain_touches"] == 1
    assert weekly.loc[dt.date(2026, 11, 9), "maintain_touches"] == 0


def test_suggested_split_expands_more_when_searching_or_changing_sector():
    employed, search, change = (r.suggested_routine(s) for s in r.SITUATIONS)
    assert employed.expand_share < search.expand_share < change.expand_share
    assert employed.weekly_minutes < search.weekly_minutes
    assert search.maintain_minutes + search.expand_minutes == search.weekly_minutes
    with pytest.raises(ValueError):
        r.suggested_routine("retired")


# ----------------------------------------------------------------- business days

def test_french_holidays_come_from_the_holidays_library():
    days = holidays_for("FR", [2026])
    assert len(days) == 11
    assert {dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 5, 25)} <= days
    alsace = holidays_for("FR-57", [2026])
    assert len(alsace) == 13 and dt.date(2026, 4, 3) in alsace  # Good Friday
    assert holidays_for("fr_alsace", [2026]) == alsace  # the code saved by earlier versions
    assert holidays_for("none", [2026]) == frozenset()


def test_business_days_skip_weekends():
    friday = dt.date(2026, 11, 20)
    assert add_business_days(friday, 1) == dt.date(2026, 11, 23)
    assert add_business_days(friday, 3) == dt.date(2026, 11, 25)
    assert add_business_days(friday, 7) == dt.date(2026, 12, 1)
    assert add_business_days(dt.date(2026, 11, 21), 1) == dt.date(2026, 11, 23)  # from Saturday
    assert business_days_between(friday, dt.date(2026, 11, 23)) == 1
    assert business_days_between(friday, friday) == 0
    assert not is_business_day(dt.date(2026, 11, 22))


def test_business_days_skip_french_holidays():
    holidays = holidays_for("fr", [2026])
    # Tuesday 10 Nov: 11 Nov (Armistice) is off, so 3 business days land on Monday 16th
    assert add_business_days(dt.date(2026, 11, 10), 3, holidays) == dt.date(2026, 11, 16)
    assert add_business_days(dt.date(2026, 11, 10), 3) == dt.date(2026, 11, 13)
    # Christmas week: Thu 24 Dec + 1 business day skips Fri 25th
    assert add_business_days(dt.date(2026, 12, 24), 1, holidays) == dt.date(2026, 12, 28)
    # Ascension (Thu 14 May 2026) inside the span
    assert business_days_between(dt.date(2026, 5, 11), dt.date(2026, 5, 18), holidays) == 4


@pytest.mark.parametrize("start", [dt.date(2026, 1, 1) + dt.timedelta(days=i)
                                   for i in range(0, 365, 17)])
def test_add_and_count_business_days_agree(start):
    holidays = holidays_for("fr", [2026, 2027])
    for count in (0, 1, 3, 7, 12):
        assert business_days_between(start, add_business_days(start, count, holidays),
                                     holidays) == count


# ----------------------------------------------------------------- 3B7

def test_three_b_seven_actions():
    holidays = holidays_for("fr", [2026])
    people = contacts((1, "Ana", "target", None, None, 10), (2, "Bo", "target", None, None, 10),
                      (3, "Cy", "target", None, None, 20), (4, "Di", "target", None, None, 30),
                      (5, "Ed", "target", None, None, 30), (6, "Fa", "target", None, None, 40),
                      (7, "Other at 20", "active", None, None, 20))
    sent = outreach((1, 1, 10, "2026-11-20"),                      # Fri: 1 business day
                    (2, 3, 20, "2026-11-17"),                      # 4 days: try another
                    (3, 4, 30, "2026-11-10"),                      # 8 days (11 Nov off): follow up
                    (4, 5, 30, "2026-11-02", None, "2026-11-12"),  # followed up: closed
                    (5, 6, 40, "2026-11-18", "2026-11-19"))        # replied
    steps = r.three_b_seven(sent, people, TODAY, holidays).set_index("outreach_id")
    assert steps.loc[1, "action"] == "wait"
    assert steps.loc[2, "action"] == "try_another"
    assert steps.loc[2, "alternatives"] == ("Other at 20",)
    assert steps.loc[3, "business_days"] == 8 and steps.loc[3, "action"] == "follow_up"
    assert steps.loc[4, "action"] == "closed"
    assert steps.loc[5, "action"] == "replied"
    assert steps.loc[3, "try_another_on"] == dt.date(2026, 11, 16)
    assert steps.loc[3, "follow_up_on"] == dt.date(2026, 11, 20)


def test_an_exchange_they_start_counts_as_a_reply():
    people = contacts((1, "Ana", "target", None, None, 10))
    sent = outreach((1, 1, 10, "2026-11-09"))
    assert r.three_b_seven(sent, people, TODAY)["action"].tolist() == ["follow_up"]
    mine = log((1, "2026-11-09", "message", "out"), (1, "2026-11-16", "message", "out"))
    assert r.three_b_seven(sent, people, TODAY, interactions=mine)["action"].tolist() == [
        "follow_up"]
    theirs = log((1, "2026-11-09", "message", "out"), (1, "2026-11-12", "call", "in"))
    assert r.three_b_seven(sent, people, TODAY, interactions=theirs)["action"].tolist() == [
        "replied"]


def test_try_another_stops_once_someone_else_there_was_written_to():
    people = contacts((1, "Ana", "target", None, None, 10), (2, "Bo", "target", None, None, 10))
    sent = outreach((1, 1, 10, "2026-11-16"), (2, 2, 10, "2026-11-20"))
    steps = r.three_b_seven(sent, people, TODAY).set_index("outreach_id")
    assert steps.loc[1, "action"] == "wait"


# ----------------------------------------------------------------- plans

def test_weekly_plan_lists_who_why_followups_new_people_and_birthdays():
    people = contacts((1, "Inner late", "inner"), (2, "Close due soon", "close"),
                      (3, "Active ok", "active"), (4, "Sleeping", "dormant"),
                      (5, "Target", "target", None, None, 10),
                      (6, "Birthday", "active", None, None, None, "1980-11-25"))
    frame = log((1, "2026-10-01"), (2, "2026-09-12"), (3, "2026-11-01"), (4, "2025-01-01"),
                (6, "2026-11-01"))
    sent = outreach((1, 5, 10, "2026-11-10"))
    settings = r.RoutineSettings(weekly_minutes=120, expand_share=50, new_per_week=3,
                                 sources=("events", "alumni"),
                                 card_layers=("inner", "close", "dormant"))
    plan = r.weekly_plan(people, frame, CADENCES, sent, settings, TODAY,
                         holidays_for("fr", [2026]))
    keys = [item.key for item in plan.items]
    assert keys[:2] == ["touch:1", "touch:2"]
    assert "touch:3" not in keys
    touch = {item.key: item for item in plan.items}
    assert touch["touch:1"].reason == "overdue" and touch["touch:1"].value_dict()["days"] == 32
    assert touch["touch:2"].reason == "due_this_week"
    assert "revive:4" in keys
    assert "follow_up:1" in keys
    assert [(i.key, i.value_dict()["count"]) for i in plan.items if i.kind == "new_people"] == [
        ("new:events", 2), ("new:alumni", 1)]
    assert "birthday:6" in keys
    assert plan.maintain_minutes == 60 and plan.new_target == 3
    assert {c.key for c in plan.campaign} >= {"card:1", "card:2", "card:4"}  # season from 20 Nov


def test_plan_respects_the_maintain_budget_and_keeps_inner_first():
    people = contacts(*[(i, f"Target {i}", "target") for i in range(1, 10)],
                      (20, "Inner", "inner"))
    frame = log(*[(i, "2025-01-01") for i in range(1, 10)], (20, "2026-10-20"))
    settings = r.RoutineSettings(weekly_minutes=60, expand_share=50)
    plan = r.weekly_plan(people, frame, CADENCES, outreach(), settings, TODAY)
    touches = [i for i in plan.items if i.kind == "touch"]
    assert len(touches) == 30 // r.MINUTES_PER_PLANNED_TOUCH
    assert touches[0].contact_id == 20


def test_plan_weeks_assumes_earlier_weeks_are_done():
    people = contacts(*[(i, f"Close {i}", "close") for i in range(1, 7)])
    frame = log(*[(i, "2026-01-01") for i in range(1, 7)])
    settings = r.RoutineSettings(weekly_minutes=60, expand_share=50)  # 2 touches a week
    plans = r.plan_weeks(people, frame, CADENCES, outreach(), settings, TODAY, weeks=3)
    touched = [[i.contact_id for i in p.items if i.kind == "touch"] for p in plans]
    assert [len(t) for t in touched] == [2, 2, 2]
    assert len({c for week in touched for c in week}) == 6
    assert [p.week_start for p in plans] == [dt.date(2026, 11, 23), dt.date(2026, 11, 30),
                                             dt.date(2026, 12, 7)]
    with pytest.raises(ValueError):
        r.plan_weeks(people, frame, CADENCES, outreach(), settings, TODAY, weeks=0)


def test_a_touch_during_the_week_marks_the_line_done_without_removing_it():
    people = contacts((1, "Late", "inner"))
    frame = log((1, "2026-09-01"), (1, "2026-11-24", "call", "in"))
    plan = r.weekly_plan(people, frame, CADENCES, outreach(), r.RoutineSettings(), TODAY)
    assert "touch:1" in {i.key for i in plan.items}
    assert "touch:1" in r.done_keys(plan, frame, set())
    assert "new:events" in r.done_keys(plan, frame, {"new:events"})


def test_card_season_and_birthdays():
    assert r.in_card_season(dt.date(2026, 11, 16))  # week reaching 20 Nov
    assert r.in_card_season(dt.date(2027, 1, 25))
    assert not r.in_card_season(dt.date(2026, 6, 1))
    assert r.birthday_in_week("03-14", dt.date(2027, 3, 8)) == dt.date(2027, 3, 14)
    assert r.birthday_in_week("1990-02-29", dt.date(2027, 2, 22)) == dt.date(2027, 2, 28)
    assert r.birthday_in_week("garbage", TODAY) is None
    assert r.distribute_new_people(5, ("events", "introductions", "alumni")) == {
        "events": 2, "introductions": 2, "alumni": 1}


def test_routine_events_cover_slots_review_cards_birthdays_followups():
    people = contacts((1, "Ana", "inner", None, None, None, "05-02"),
                      (2, "Unsorted", "unsorted", None, None, None, "05-03"))
    steps = r.three_b_seven(outreach((1, 1, 10, "2026-11-20")), people, TODAY)
    events = r.routine_events(r.RoutineSettings(), TODAY, people, steps)
    keys = {e.uid_key: e for e in events}
    assert set(keys) == {"routine-maintain", "routine-expand", "routine-review", "routine-cards",
                         "birthday-1", "follow-up-1"}
    assert keys["routine-maintain"].start == dt.datetime(2026, 11, 23, 9, 0)
    assert keys["routine-expand"].start == dt.datetime(2026, 11, 26, 9, 0)
    assert keys["routine-review"].start == dt.datetime(2026, 12, 7, 9, 0)
    assert keys["birthday-1"].all_day and keys["birthday-1"].start.date() == dt.date(2027, 5, 2)
    assert keys["follow-up-1"].start.date() == dt.date(2026, 12, 1)


def test_birthdays_fall_on_28_february_in_common_years_and_bad_ones_are_ignored():
    assert r.birthday_on("1988-02-29", 2027) == dt.date(2027, 2, 28)
    assert r.birthday_on("02-29", 2028) == dt.date(2028, 2, 29)
    assert r.birthday_on("02-30", 2028) is None and r.birthday_on(None, 2028) is None
    # a week across New Year finds a 1 January birthday
    assert r.birthday_in_week("01-01", dt.date(2029, 12, 31)) == dt.date(2030, 1, 1)


def test_three_b_seven_across_christmas_and_new_year():
    """Sent on Thursday 24 Dec 2026: 25 Dec and 1 Jan are off, so are the weekends."""
    holidays = holidays_around("fr", dt.date(2026, 12, 24))
    people = contacts((1, "Ana", "target", None, None, 10))
    steps = r.three_b_seven(outreach((1, 1, 10, "2026-12-24")), people, dt.date(2027, 1, 4),
                            holidays)
    assert steps.loc[0, "try_another_on"] == dt.date(2026, 12, 30)  # Mon 28, Tue 29, Wed 30
    assert steps.loc[0, "follow_up_on"] == dt.date(2027, 1, 6)  # 31 Dec, (1 Jan off), 4, 5, 6
    assert steps.loc[0, "business_days"] == 5 and steps.loc[0, "action"] == "try_another"


def test_plan_sections_keep_order_and_drop_an_empty_birthday_section():
    plan = r.WeekPlan(dt.date(2026, 11, 23), (
        r.PlanItem("new:events", "new_people", "source_events"),
        r.PlanItem("touch:1", "touch", "never", 1, "Ana")), 30, 30, 1)
    sections = r.plan_sections(plan)
    assert [code for code, _ in sections] == ["touch", "followups", "new"]
    assert [i.key for i in sections[0][1]] == ["touch:1"] and sections[1][1] == []


def test_valid_setting():
    assert r.valid_setting("timezone", "America/Montreal")
    assert not r.valid_setting("timezone", "Mars/Olympus")
    assert not r.valid_setting("maintain_time", "25h")
    assert not r.valid_setting("expand_share", 120)
    assert r.valid_setting("holidays", "FR-57") and r.valid_setting("holidays", "GB-ENG")
    assert not r.valid_setting("holidays", "xx")


def test_a_follow_up_sent_during_the_week_keeps_its_line_done():
    people = contacts((1, "Ana", "target", None, None, 10))
    first = log((1, "2026-11-10", "message", "out", "expand"))
    waiting = outreach((1, 1, 10, "2026-11-10"))
    plan = r.weekly_plan(people, first, CADENCES, waiting, r.RoutineSettings(), TODAY)
    assert "follow_up:1" in {i.key for i in plan.items}
    assert "follow_up:1" not in r.done_keys(plan, first, set())
    sent = log((1, "2026-11-10", "message", "out", "expand"),
               (1, "2026-11-24", "message", "out", "expand"))
    followed = outreach((1, 1, 10, "2026-11-10", None, "2026-11-24"))
    plan = r.weekly_plan(people, sent, CADENCES, followed, r.RoutineSettings(), TODAY)
    assert "follow_up:1" in {i.key for i in plan.items}
    assert "follow_up:1" in r.done_keys(plan, sent, set())
    next_week = r.weekly_plan(people, sent, CADENCES, followed, r.RoutineSettings(),
                              TODAY + dt.timedelta(weeks=1))
    assert "follow_up:1" not in {i.key for i in next_week.items}  # closed after one follow-up


def test_a_reply_during_the_week_settles_the_write_to_someone_else_line():
    people = contacts((1, "Ana", "target", None, None, 10))
    first = log((1, "2026-11-20", "message", "out", "expand"))
    waiting = outreach((1, 1, 10, "2026-11-20"))
    plan = r.weekly_plan(people, first, CADENCES, waiting, r.RoutineSettings(), TODAY)
    assert "try_another:1" in {i.key for i in plan.items}
    assert "try_another:1" not in r.done_keys(plan, first, set())
    replied = log((1, "2026-11-20", "message", "out", "expand"),
                  (1, "2026-11-24", "message", "in", "expand"))
    plan = r.weekly_plan(people, replied, CADENCES, waiting, r.RoutineSettings(), TODAY)
    assert "try_another:1" in r.done_keys(plan, replied, set())


def test_times_and_time_zones_as_people_write_them():
    assert r.parse_hhmm("9h30") == r.parse_hhmm("09:30") == dt.time(9, 30)
    assert r.parse_hhmm("18h") == r.parse_hhmm("18") == dt.time(18, 0)
    for bad in ("25h", "9:3", "", "midi", "9h300"):
        with pytest.raises(ValueError):
            r.parse_hhmm(bad)
    assert r.resolve_timezone("Europe/Paris") == r.resolve_timezone(" paris ") == "Europe/Paris"
    assert r.resolve_timezone("new york") == "America/New_York"
    assert r.resolve_timezone("Montréal") == "America/Montreal"
    assert r.resolve_timezone("Atlantis") is None and r.resolve_timezone("") is None


def test_weeks_before_the_start_count_neither_as_planned_nor_as_missed():
    """The routines page's 4-week average starts the week the participant started."""
    import datetime as dt

    import pandas as pd

    from workbook.domain.routines import actual_split, week_start, weeks_in_use

    today = dt.date(2026, 12, 9)
    weekly = pd.DataFrame({"week_start": [week_start(today) - dt.timedelta(weeks=i)
                                          for i in (3, 2, 1, 0)],
                           "maintain_minutes": [0, 0, 0, 60], "expand_minutes": [0, 0, 0, 20]})
    assert actual_split(weeks_in_use(weekly, today)) == (60, 20)
    assert actual_split(weeks_in_use(weekly, today - dt.timedelta(weeks=5))) == (15, 5)
    assert weeks_in_use(weekly, None).empty
