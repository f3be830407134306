"""Print a concrete weekly networking plan (who to contact and why, new people, follow-ups).

With --ics FILE, also write the routine as a calendar file (recurring slots, year-end cards,
birthdays, pending follow-ups) that Google Calendar and Outlook import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from workbook.commands import UsageError, open_with_language
from workbook.domain.calendar_rules import holidays_around
from workbook.domain.routines import (
    describe_item,
    done_keys,
    format_day,
    plan_sections,
    plan_weeks,
    routine_events,
    three_b_seven,
    week_start,
)
from workbook.i18n import LANGUAGES
from workbook.paths import DEFAULT_PROFILE
from workbook.store.routines import checkoffs, load_routine_data

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
    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        ics_path = Path(args.ics) if args.ics else None
        if ics_path is not None and not ics_path.parent.is_dir():
            raise UsageError(tr("import.error.cannot_write", path=args.ics))
        data = load_routine_data(conn)
        first = week_start(today)
        holidays = holidays_around(data.settings.holidays, today)
        plans = plan_weeks(data.contacts, data.interactions, data.cadences, data.outreach,
                           data.settings, first, args.weeks, holidays)
        print(tr("routines.cli.budget", maintain=data.settings.maintain_minutes,
                 expand=data.settings.expand_minutes, new=data.settings.new_per_week))
        cards_shown = False
        for plan in plans:
            done = done_keys(plan, data.interactions, checkoffs(conn, plan.week_start))
            print()
            print(tr("routines.week.heading", date=format_day(plan.week_start, tr.lang)))
            for section, items in plan_sections(plan):
                _print_section(tr, f"routines.week.section_{section}", items, done)
            if plan.campaign:
                print(f"  {tr('routines.week.section_cards', count=len(plan.campaign))}")
            if plan.campaign and not cards_shown:
                cards_shown = True
                # The card list is long: names on wrapped lines, once, those already sent left out.
                names = [i.name for i in plan.campaign if i.key not in done]
                print(textwrap.fill(", ".join(names), width=96, initial_indent="    ",
                                    subsequent_indent="    "))
        if ics_path is not None:
            from workbook.io.ics import calendar_bytes

            steps = three_b_seven(data.outreach, data.contacts, today, holidays,
                                  data.interactions)
            events = routine_events(data.settings, today, data.contacts, steps)
            payload = calendar_bytes(events, tr, timezone=data.settings.timezone,
                                     profile=args.profile,
                                     calendar_name=tr("routines.ics.calname"))
            try:
                ics_path.write_bytes(payload)
            except OSError:
                raise UsageError(tr("import.error.cannot_write", path=args.ics)) from None
            print()
            print(tr("routines.cli.ics_written", path=str(ics_path), count=len(events)))
    finally:
        conn.close()
    return 0


def _print_section(tr, title_key, items, done) -> None:
    """One section of a week: its title, then each line with [x] when done."""
    print(f"  {tr(title_key)}")
    if not items:
        print(f"    {tr('routines.week.nothing')}")
    for item in items:
        mark = "x" if item.key in done else " "
        print(f"    [{mark}] {describe_item(item, tr)}")
