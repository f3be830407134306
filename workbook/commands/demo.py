"""Fill a profile with a realistic demo persona (invented people).

Refuses a profile that already holds contacts unless --replace is given: a job seeker's
real network is never overwritten by accident.
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError, messages
from workbook.demo import fill_demo
from workbook.i18n import LANGUAGES
from workbook.paths import DEMO_PROFILE, check_profile_name, profile_path
from workbook.store import open_profile, transaction
from workbook.store.profile import count_contacts, empty_profile, has_contacts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEMO_PROFILE, help="cli.arg.profile")
    parser.add_argument("--replace", action="store_true", help="cli.arg.demo.replace")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    path = profile_path(check_profile_name(args.profile))
    tr = messages(args)
    conn = open_profile(args.profile)
    try:
        if has_contacts(conn) and not args.replace:
            raise UsageError(tr("cli.error.demo_not_empty", profile=repr(args.profile)))
        # Emptied and refilled in one transaction, in the same file: a window or command
        # using the profile meanwhile sees the old profile or the demo, and what it writes
        # afterwards is kept (deleting the file under it would silently lose those writes).
        with transaction(conn):
            if args.replace:
                empty_profile(conn)
            fill_demo(conn)
        contacts = count_contacts(conn)
    finally:
        conn.close()
    print(tr("cli.demo.ready", profile=repr(args.profile), contacts=contacts, path=path))
    return 0
