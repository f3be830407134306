"""The week plan's headings agree with what is listed under them: after a fresh import,
no "nothing this week" sits above the first messages to write."""

import datetime as dt

import pytest

from workbook.domain import routines as r
from workbook.escaping import escape_html
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.routines import RoutinesPage

TODAY = dt.date(2026, 11, 23)


def _sections(page) -> list[tuple[str, list[str]]]:
    """(heading, lines under it) of the week as drawn."""
    sections: list[tuple[str, list[str]]] = []
    for child in page.week.items.children:
        if hasattr(child, "children"):              # a plan line: tick box + text
            sections[-1][1].append(child.children[1].value)
        elif "<h4" in child.value:
            sections.append((child.value, []))
        else:                                       # what an empty section says
            sections[-1][1].append(child.value)
    return sections


@pytest.fixture
def fresh_import(tmp_path, monkeypatch):
    """Nobody sorted yet; a few connectors, whom the plan offers to write to first."""
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("claire")
    for i, name in enumerate(("Sophie Robert", "Alexandre Henry", "Julie Martin",
                              "Karim Haddad", "Léa Girard", "Paul Roux")):
        add_contact(conn, name, organisation=f"Org {i}", roles=("connector",),
                    connected_on="2019-03-02")
    conn.close()


@pytest.mark.parametrize("lang, nothing, none_sorted", [
    ("en", "Nothing here this week", "No one is due yet: nobody is in a circle."),
    ("fr", "Rien cette semaine", "Personne n'est encore dû : personne n'est placé dans un cercle.")])
def test_the_week_never_says_nothing_above_people_to_write_to(fresh_import, lang, nothing,
                                                               none_sorted):
    page = RoutinesPage(open_page_context("claire", lang), today=TODAY)
    try:
        sections = _sections(page)
        first = [lines for heading, lines in sections
                 if escape_html(page.tr("routines.week.section_first")) in heading]
        assert first and len(first[0]) >= 2              # people to write to are listed
        touch = sections[0]
        assert escape_html(page.tr("routines.week.section_touch")) in touch[0]
        assert len(touch[1]) == 1 and escape_html(none_sorted) in touch[1][0]
        assert not any(nothing in line for _, lines in sections for line in lines)
    finally:
        page.ctx.conn.close()


def test_an_empty_keep_in_touch_section_says_why():
    plan = r.WeekPlan(TODAY, (), 60, 60, 0)
    assert r.section_empty_note("touch", plan) == "touch_none_sorted"
    sorted_plan = r.WeekPlan(TODAY, (), 60, 60, 0, in_circles=3)
    assert r.section_empty_note("touch", sorted_plan) == "touch_none_due"
    assert r.section_empty_note("followups", sorted_plan) == "followups_none"
    assert set(map(lambda s: r.section_empty_note(s, plan), ("touch", "followups", "new"))
               ) <= set(r.EMPTY_NOTES)


def test_the_plan_counts_the_people_in_a_circle_it_looked_at():
    from tests.unit.test_routines_domain import CADENCES, contacts, log, outreach

    people = contacts((1, "Ana", "inner", None, None, None, None, "2026-11-20"),
                      (2, "Bo", "unsorted"), (3, "Cy", "target"))
    plan = r.weekly_plan(people, log(), CADENCES, outreach(), r.RoutineSettings(), TODAY)
    assert plan.in_circles == 2
    assert r.section_empty_note("touch", plan) == "touch_none_due"


@pytest.mark.parametrize("lang, up_to_date, never", [
    ("en", "up to date", "never in touch yet"), ("fr", "à jour", "jamais en contact")])
def test_people_just_put_in_a_circle_are_offered_to_keep_in_touch(fresh_import, lang,
                                                                  up_to_date, never):
    """Her best-ranked people, put in a circle yesterday and never written to, are in the
    keeping-in-touch section (a first touch in her circles is keeping up), not nowhere."""
    conn = open_profile("claire")
    for name, layer in (("Sophie Robert", "inner"), ("Alexandre Henry", "close"),
                        ("Julie Martin", "active")):
        conn.execute("UPDATE contacts SET layer = ?, layer_set_on = '2026-11-22'"
                     " WHERE full_name = ?", (layer, name))
    conn.commit()
    conn.close()
    page = RoutinesPage(open_page_context("claire", lang), today=TODAY)
    try:
        sections = _sections(page)
        touch = sections[0]
        assert escape_html(page.tr("routines.week.section_touch")) in touch[0]
        listed = " ".join(touch[1])
        for name in ("Sophie Robert", "Alexandre Henry", "Julie Martin"):
            assert name in listed
        assert escape_html(never) in listed and up_to_date not in listed
        first = " ".join(" ".join(lines) for heading, lines in sections
                         if escape_html(page.tr("routines.week.section_first")) in heading)
        assert "Sophie Robert" not in first and "Karim Haddad" in first
    finally:
        page.ctx.conn.close()


def test_circle_members_never_in_touch_beyond_the_budget_keep_the_note_from_saying_up_to_date():
    from tests.unit.test_routines_domain import CADENCES, contacts, log, outreach

    people = contacts(*[(i, f"P{i}", "active", None, None, None, None, "2026-11-20")
                        for i in range(1, 30)])
    plan = r.weekly_plan(people, log(), CADENCES, outreach(),
                         r.RoutineSettings(weekly_minutes=30, expand_share=50), TODAY)
    assert [i.reason for i in plan.items if i.kind == "touch"] == ["circle_never"]
    assert plan.circle_never_left == 28
    empty = r.WeekPlan(TODAY, (), 15, 60, 0, in_circles=29, circle_never_left=28)
    assert r.section_empty_note("touch", empty) == "touch_none_room"


def test_a_first_message_without_ranked_reason_says_never_in_touch_not_a_dash():
    import pandas as pd

    from tests.unit.test_routines_domain import CADENCES, contacts, log, outreach
    from workbook.i18n import Translator
    from workbook.services.plan import describe_item

    people = contacts((1, "Ellie Chen", "unsorted"))
    people["organisation"] = "Tesco"
    ranked = pd.DataFrame({"id": [1], "reasons": [["never_contacted"]],
                           "introduces_to_target": [0], "mutual_connections": [0]})
    plan = r.weekly_plan(people, log(), CADENCES, outreach(), r.RoutineSettings(), TODAY,
                         ranked=ranked)
    line = [i for i in plan.items if i.kind == "first_contact"][0]
    text = describe_item(line, Translator("en"))
    assert text == "Ellie Chen (Tesco) — never in touch yet"
