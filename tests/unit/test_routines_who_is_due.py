"""Who is due for a real network: the clock of someone never in touch, first contacts drawn
from "whom to contact next", holidays outside France, the greeting-card list's size."""

import datetime as dt

import pandas as pd

from tests.unit.test_routines_domain import CADENCES, TODAY, contacts, log, outreach
from workbook.domain import routines as r
from workbook.domain.calendar_rules import add_business_days, holidays_for
from workbook.domain.contacts_matching import person_name_key


def test_a_contact_put_in_a_layer_today_is_not_late():
    people = contacts((1, "Sorted today", "inner", None, "2008-07-08", None, None,
                       TODAY.isoformat()))
    status = r.due_status(people, log(), CADENCES, TODAY).iloc[0]
    assert status["status"] == "never"
    assert pd.isna(status["days_since"])  # no exchange: nothing to count from
    assert status["due_on"] == pd.Timestamp(TODAY + dt.timedelta(days=CADENCES["inner"]))
    assert r.due_list(r.due_status(people, log(), CADENCES, TODAY)).empty
    later = TODAY + dt.timedelta(days=CADENCES["inner"] + 3)
    after = r.due_status(people, log(), CADENCES, later).iloc[0]
    assert after["status"] == "due" and after["overdue_days"] == 3


def test_a_linkedin_connection_date_never_makes_anyone_late():
    people = contacts((1, "Old connection", "close", None, "2008-07-08"))
    status = r.due_status(people, log(), CADENCES, TODAY).iloc[0]
    assert status["status"] == "never" and pd.isna(status["overdue_days"])


def test_the_weekly_plan_draws_first_contacts_from_the_ranking():
    people = contacts((1, "Old target", "target", None, "2008-07-08", None, None, "2026-11-20"),
                      (2, "Unsorted connector", "unsorted", None, None, 7),
                      (3, "Known", "unsorted"), (4, "Second best", "unsorted", None, None, 8))
    frame = log((3, "2026-11-01"))
    ranked = pd.DataFrame({"id": [2, 3, 4, 1],
                           "reasons": [("key_role", "introduces_to_target"), (), ("key_role",),
                                       ()],
                           "introduces_to_target": [2, 0, 0, 0],
                           "mutual_connections": [float("nan")] * 4})
    settings = r.RoutineSettings(weekly_minutes=300, expand_share=60)  # 180 min to expand
    plan = r.weekly_plan(people, frame, CADENCES, outreach(), settings, TODAY, ranked=ranked)
    first = [i for i in plan.items if i.kind == "first_contact"]
    # ranking order; "Known" had an exchange; capacity 180 // 40 = 4, only 3 left
    assert [i.contact_id for i in first] == [2, 4, 1]
    assert first[0].value_dict()["reasons"] == "key_role introduces_to_target"
    assert not any(i.kind == "touch" and i.contact_id == 1 for i in plan.items)
    # the next week draws the next people (this week's first messages are assumed sent)
    two = r.plan_weeks(people, frame, CADENCES, outreach(), settings, TODAY, 2, ranked=ranked)
    assert not [i for i in two[1].items if i.kind == "first_contact"]


def test_first_messages_go_to_people_new_to_her_not_to_her_circles():
    """The first messages are the expanding half of the week: her inner circle, close and
    active networks are kept up with on their own schedule, never listed there."""
    people = contacts((1, "Caroline", "inner", None, None, None, None, TODAY.isoformat()),
                      (2, "Sophie", "close"), (3, "Paul", "active"), (4, "Nadia", "target"),
                      (5, "Marc", "unsorted"))
    ranked = pd.DataFrame({"id": [1, 2, 3, 4, 5], "reasons": [("key_role",)] * 5})
    settings = r.RoutineSettings(weekly_minutes=600, expand_share=60)
    plan = r.weekly_plan(people, log(), CADENCES, outreach(), settings, TODAY, ranked=ranked)
    assert [i.contact_id for i in plan.items if i.kind == "first_contact"] == [4, 5]


def test_no_expansion_time_means_no_first_contacts():
    people = contacts((1, "Ana", "unsorted"))
    ranked = pd.DataFrame({"id": [1], "reasons": [()]})
    settings = r.RoutineSettings(expand_share=0)
    plan = r.weekly_plan(people, log(), CADENCES, outreach(), settings, TODAY, ranked=ranked)
    assert not [i for i in plan.items if i.kind == "first_contact"]


def test_uk_holidays_and_3b7_in_london():
    england = holidays_for("GB-ENG", [2026])
    assert dt.date(2026, 8, 31) in england  # summer bank holiday
    assert dt.date(2026, 7, 14) not in england  # a French holiday, not an English one
    # sent Thursday 27 Aug 2026: Mon 31 Aug is a bank holiday in England, not in France
    assert add_business_days(dt.date(2026, 8, 27), 3, england) == dt.date(2026, 9, 2)
    assert add_business_days(dt.date(2026, 8, 27), 3, holidays_for("FR", [2026])) == dt.date(
        2026, 9, 1)
    for code in ("BE", "CH", "CA-QC", "FR-57"):
        assert holidays_for(code, [2026]), code


def test_regional_defaults_follow_the_language():
    assert (r.regional_defaults("en").timezone, r.regional_defaults("en").holidays) == (
        "Europe/London", "GB-ENG")
    assert (r.regional_defaults("fr").timezone, r.regional_defaults("fr").holidays) == (
        "Europe/Paris", "FR")


def test_the_card_list_keeps_to_the_chosen_layers_and_number():
    people = contacts(*[(i, f"Close {i:02}", "close") for i in range(1, 31)],
                      (40, "Inner", "inner"), (41, "Active", "active"))
    settings = r.RoutineSettings(card_layers=("inner", "close"), card_limit=10)
    plan = r.weekly_plan(people, log(), CADENCES, outreach(), settings, TODAY)
    assert len(plan.campaign) == 10
    assert plan.campaign[0].contact_id == 40  # closest layer first
    assert 41 not in {c.contact_id for c in plan.campaign}


def test_3b7_suggests_each_name_once():
    people = contacts((1, "Zoé", "target", None, None, 10), (2, "Ana Bernard", "target", None,
                                                             None, 10),
                      (3, "Ana Bernard", "active", None, None, 10))
    steps = r.three_b_seven(outreach((1, 1, 10, "2026-11-17")), people, TODAY)
    assert steps.loc[0, "alternatives"] == ("Ana Bernard",)



def test_3b7_names_a_person_once_however_their_records_spell_them():
    """Two records of one person (case, accents, "Last, First") are one name in "write to
    someone else there"; a second record of the person already written to is not someone
    else."""
    people = contacts((1, "Zoé Martin", "target", None, None, 10),
                      (2, "Ana Bernard", "target", None, None, 10),
                      (3, "ANA BERNARD", "active", None, None, 10),
                      (4, "Bernard, Ána", "active", None, None, 10),
                      (5, "zoe  martin", "active", None, None, 10),
                      (6, "Léo Petit", "active", None, None, 10))
    steps = r.three_b_seven(outreach((1, 1, 10, "2026-11-17")), people, TODAY)
    alternatives = steps.loc[0, "alternatives"]
    assert [person_name_key(name) for name in alternatives] == ["ana bernard", "leo petit"]


def test_numbers_are_read_whole_and_never_clamped():
    assert r.read_number("15.7", "weekly_minutes") == (None, "not_whole")
    assert r.read_number("157", "weekly_minutes") == (157, None)
    assert r.read_number(" 2 400 ", "weekly_minutes") == (2400, None)
    assert r.read_number("2401", "weekly_minutes") == (None, "out_of_range")
    assert r.read_number("", "new_per_week") == (None, "missing")
    assert r.read_number("-3", "cadence_days") == (None, "not_whole")
    assert r.read_number("0", "cadence_days") == (None, "out_of_range")
