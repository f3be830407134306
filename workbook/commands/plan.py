"""Print a concrete weekly networking plan (who to contact and why, new people, follow-ups).

With --ics FILE, also write the routine as a calendar file (recurring slots, year-end cards,
birthdays, pending follow-ups) that Google Calendar and Outlook import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from workbook.commands import UsageError
from workbook.domain.calendar_rules import holidays_for
from workbook.domain.routines import (describe_item, done_keys, format_day, plan_weeks,
                                      routine_events, three_b_seven, week_start)
from workbook.i18n import LANGUAGES, Translator
from workbook.paths import DEFAULT_PROFILE, check_profile_name, profile_path
from workbook.store import NewerSchemaError, open_profile
from workbook.store.routines import checkoffs, load_routine_data
from workbook.store.settings import get_setting

MAX_WEEKS = 12


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE,
                        help=f"profile name (default: {DEFAULT_PROFILE})")
    parser.add_argument("--weeks", type=int, default=1,
                        help=f"how many weeks to plan, 1-{MAX_WEEKS} (default: 1)")
    parser.add_argument("--ics", metavar="FILE", help="also write the routine as an .ics file")
    parser.add_argument("--lang", choices=LANGUAGES, help="language (default: the profile's)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks must be between 1 and {MAX_WEEKS}, not {args.weeks}")
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise UsageError(f"--today must be a date like 2026-11-23, not {args.today!r}") from None
    if not profile_path(check_profile_name(args.profile)).exists():
        raise UsageError(f"no profile named {args.profile!r}: create it with "
                         f"`workbook demo --profile {args.profile}` or open it once in the pages")
    ics_path = Path(args.ics) if args.ics else None
    if ics_path is not None and not ics_path.parent.exists():
        raise UsageError(f"cannot write {args.ics!r}: folder {str(ics_path.parent)!r} not found")
    try:
        conn = open_profile(args.profile)
    except NewerSchemaError:
        raise UsageError(f"profile {args.profile!r} was written by a newer workbook; "
                         "update the workbook to open it") from None
    try:
        tr = Translator(args.lang or get_setting(conn, "lang") or "fr")
        data = load_routine_data(conn)
        first = week_start(today)
        holidays = holidays_for(data.settings.holidays,
                                range(today.year - 1, today.year + 2 + args.weeks // 52))
        plans = plan_weeks(data.contacts, data.interactions, data.cadences, data.outreach,
                           data.settings, first, args.weeks, holidays)
        print(tr("routines.cli.budget", maintain=data.settings.maintain_minutes,
                 expand=data.settings.expand_minutes, new=data.settings.new_per_week))
        cards_shown = False
        for plan in plans:
            done = done_keys(plan, data.interactions, checkoffs(conn, plan.week_start))
            print()
            print(tr("routines.week.heading", date=format_day(plan.week_start, tr.lang)))
            _print_section(tr, "routines.week.section_touch", plan.items, done,
                           ("touch", "revive"))
            _print_section(tr, "routines.week.section_followups", plan.items, done,
                           ("follow_up", "try_another"))
            _print_section(tr, "routines.week.section_new", plan.items, done, ("new_people",))
            _print_section(tr, "routines.week.section_birthdays", plan.items, done,
                           ("birthday",), skip_empty=True)
            if plan.campaign and cards_shown:
                print(f"  {tr('routines.week.section_cards', count=len(plan.campaign))}")
            elif plan.campaign:
                cards_shown = True
                # The card list is long: names on wrapped lines, once, those already sent left out.
                print(f"  {tr('routines.week.section_cards', count=len(plan.campaign))}")
                names = [i.name for i in plan.campaign if i.key not in done]
                print(textwrap.fill(", ".join(names), width=96, initial_indent="    ",
                                    subsequent_indent="    "))
        if ics_path is not None:
            from workbook.io.ics import calendar_bytes

            steps = three_b_seven(data.outreach, data.contacts, today, holidays,
                                  data.interactions)
            events = routine_events(data.settings, today, data.contacts, steps)
            ics_path.write_bytes(calendar_bytes(
                events, tr, timezone=data.settings.timezone, profile=args.profile,
                calendar_name=tr("routines.ics.calname")))
            print()
            print(tr("routines.cli.ics_written", path=str(ics_path), count=len(events)))
    finally:
        conn.close()
    return 0


def _print_section(tr, title_key, items, done, kinds, skip_empty=False, **values) -> None:
    chosen = [item for item in items if item.kind in kinds]
    if skip_empty and not chosen:
        return
    print(f"  {tr(title_key, **values)}")
    if not chosen:
        print(f"    {tr('routines.week.nothing')}")
    for item in chosen:
        mark = "x" if item.key in done else " "
        print(f"    [{mark}] {describe_item(item, tr)}")
