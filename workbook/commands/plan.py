"""Print a concrete weekly networking plan (who to contact and why, new people, follow-ups).

With --ics FILE, also write the routine as a calendar file (recurring slots, year-end cards,
birthdays, pending follow-ups) that Google Calendar and Outlook import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from workbook.commands import HELP_VALUES, UsageError, messages, open_with_language
from workbook.domain.routines import plan_sections, section_empty_note
from workbook.i18n import LANGUAGES
from workbook.i18n.dates import format_date
from workbook.io.files import FileRefused, shown_name
from workbook.paths import DEFAULT_PROFILE
from workbook.services.plan import describe_item, plan_data, save_routine_calendar, weeks_ahead

MAX_WEEKS = 12
HELP_VALUES["max_weeks"] = MAX_WEEKS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--weeks", type=int, default=1, help="cli.arg.plan.weeks")
    parser.add_argument("--ics", metavar="FILE", help="cli.arg.plan.ics")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    messages_tr = messages(args)
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UsageError(messages_tr("cli.error.weeks", max=MAX_WEEKS, value=args.weeks))
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise UsageError(messages_tr("cli.error.today", value=repr(args.today))) from None
    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        ics_path = Path(args.ics) if args.ics else None
        if ics_path is not None and not ics_path.parent.is_dir():
            raise UsageError(tr("import.error.cannot_write", path=args.ics))
        data, ranked = plan_data(conn, today)
        for problem in data.skipped:
            print(tr(f"routines.skipped.{problem.reason}", name=problem.name or "—",
                     value=problem.value))
        print(tr("routines.cli.budget", maintain=data.settings.maintain_minutes,
                 expand=data.settings.expand_minutes, new=data.settings.new_per_week))
        cards_shown = False
        for week in weeks_ahead(conn, data, today, args.weeks, ranked):
            plan, done = week.plan, week.done
            print()
            print(tr("routines.week.heading", date=format_date(plan.week_start, tr.lang)))
            for section, items in plan_sections(plan):
                _print_section(tr, f"routines.week.section_{section}", items, done,
                               section_empty_note(section, plan))
            if plan.campaign:
                print(f"  {tr('routines.week.section_cards', count=len(plan.campaign))}")
            if plan.campaign and not cards_shown:
                cards_shown = True
                # The card list is long: names on wrapped lines, once, those already sent left out.
                names = [i.name for i in plan.campaign if i.key not in done]
                print(textwrap.fill(", ".join(names), width=96, initial_indent="    ",
                                    subsequent_indent="    "))
        if ics_path is not None:
            try:
                count = save_routine_calendar(ics_path, data, today, tr, args.profile)
            except FileRefused as problem:          # a link, a device, a pipe, a folder
                key = "cli.error.not_a_file" if problem.code == "not_a_file" else \
                    "import.error.cannot_write"
                raise UsageError(tr(key, path=shown_name(args.ics))) from None
            except OSError:
                raise UsageError(tr("import.error.cannot_write",
                                    path=shown_name(args.ics))) from None
            print()
            print(tr.count("routines.cli.ics_written", count, path=str(ics_path)))
    finally:
        conn.close()
    return 0


def _print_section(tr, title_key, items, done, empty_note) -> None:
    """One section of a week: its title, then each line with [x] when done (what it
    means that there is none when it is empty)."""
    print(f"  {tr(title_key)}")
    if not items:
        print(f"    {tr(f'routines.week.empty.{empty_note}')}")
    for item in items:
        mark = "x" if item.key in done else " "
        print(f"    [{mark}] {describe_item(item, tr)}")
