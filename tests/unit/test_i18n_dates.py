"""Dates, times and plurals in the user's language (workbook.i18n.dates, Translator.count),
and the plan lines of the routines page and `workbook plan` worded with them."""

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from workbook.domain.routines import PlanItem
from workbook.i18n import LANGUAGES, Translator, catalogue, plural_category
from workbook.i18n.dates import format_date, format_datetime, format_time
from workbook.services.plan import describe_item

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


def test_dates_read_as_people_write_them_in_each_language():
    day = dt.date(2026, 3, 10)
    assert format_date(day, "fr") == "10 mars 2026"
    assert format_date(day, "en") == "10 Mar 2026"
    assert format_date("2026-03-10", "en") == format_date(pd.Timestamp(day), "en")
    assert format_date(pd.NaT, "fr") == format_date(None, "fr") == format_date("junk", "fr") == "—"
    assert format_time(dt.time(9, 30), "en") == format_time(dt.time(9, 30), "fr") == "09:30"


def test_a_moment_is_shown_in_the_users_time_zone():
    moment = dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)
    assert format_datetime(moment, "en", "Europe/London") == "1 Jul 2026, 09:00"
    assert format_datetime(moment, "fr", "Europe/Paris").startswith("1 juil. 2026")
    assert format_datetime(moment, "fr", "Europe/Paris").endswith("10:00")


def test_plural_rules_differ_between_french_and_english():
    assert [plural_category("fr", n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_category("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    en, fr = Translator("en"), Translator("fr")
    assert en.count("routines.due.days", 1) == "1 day"
    assert en.count("routines.due.days", 0) == "0 days"
    assert fr.count("routines.due.days", 0) == "0 jour"
    assert fr.count("routines.due.more", 2) == "… et 2 autres"


COUNT_LITERAL = re.compile(r"""\.count\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_key_has_both_plural_forms(lang):
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(COUNT_LITERAL.findall(path.read_text(encoding="utf-8")))
    assert "routines.due.days" in used
    keys = catalogue(lang)
    missing = sorted(f"{k}.{form}" for k in used for form in ("one", "other")
                     if f"{k}.{form}" not in keys)
    assert missing == []


def test_plan_lines_translate_codes_dates_and_plurals():
    item = PlanItem("touch:1", "touch", "due_this_week", 1, "Zoé <b>",
                    (("layer", "inner"), ("date", "2026-11-25")))
    fr = Translator("fr")
    assert describe_item(item, fr) == (
        f"Zoé <b> ({fr('vocab.layer.inner')}) — à recontacter le 25 nov. 2026")
    assert "25 Nov 2026" in describe_item(item, Translator("en"))
    revive = PlanItem("revive:2", "revive", "revive", 2, "Bo", (("count", 1),))
    assert "dormant for 1 month:" in describe_item(revive, Translator("en"))
    first = PlanItem("first:3", "first_contact", "first_contact", 3, "Cy",
                     (("organisation", "Helio"), ("reasons", "key_role introduces_to_target"),
                      ("introduces", 2), ("mutual", 0)))
    text = describe_item(first, Translator("en"))
    assert text.startswith("Cy (Helio) — never in touch: connector or prescriber, can introduce")
