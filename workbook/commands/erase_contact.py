"""Erase one contact everywhere it appears (the right to erasure), after one confirmation
that says what will go: interactions, introductions, journalist records and media log,
repeat-back notes, plan check-offs, and their name in notes elsewhere.

`--yes` answers the confirmation in advance (for scripts).
"""

from __future__ import annotations

import argparse
import sys

from workbook.commands import UsageError, open_with_language
from workbook.i18n import LANGUAGES
from workbook.i18n.numbers import format_list
from workbook.paths import DEFAULT_PROFILE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", type=int, help="cli.arg.erase_contact.contact")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--yes", action="store_true", help="cli.arg.erase_contact.yes")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    from workbook.store.erasure import erase_contact, erasure_preview

    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        try:
            plan = erasure_preview(conn, args.contact)
        except KeyError:
            raise UsageError(tr("export.erase.no_contact", contact=args.contact)) from None
        if not args.yes:
            what = [tr("export.erase.item", table=table, count=count)
                    for table, count in plan.rows.items()]
            if plan.redacted:
                what.append(tr.count("export.erase.redacted", plan.redacted))
            print(tr("export.erase.question", name=plan.name, what=format_list(what, tr.lang)),
                  end="", flush=True)
            if sys.stdin.readline().strip().casefold() not in ("yes", "oui", "y", "o"):
                print(tr("export.erase.cancelled"))
                return 1
        done = erase_contact(conn, args.contact)
    finally:
        conn.close()
    print(tr("export.erase.done", name=done.name, rows=tr.count("export.erase.rows", done.total),
             redacted=tr.count("export.erase.texts", done.redacted)))
    return 0
