"""Fill a profile with a realistic demo persona (invented people).

Refuses a profile that already holds contacts unless --replace is given: a job seeker's
real network is never overwritten by accident.
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError
from workbook.demo import fill_demo
from workbook.paths import DEMO_PROFILE, check_profile_name, profile_path
from workbook.store import open_profile, transaction
from workbook.store.profile import count_contacts, empty_profile, has_contacts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEMO_PROFILE,
                        help=f"profile to fill (default: {DEMO_PROFILE})")
    parser.add_argument("--replace", action="store_true",
                        help="erase the profile first if it already holds data")


def run(args: argparse.Namespace) -> int:
    path = profile_path(check_profile_name(args.profile))
    conn = open_profile(args.profile)
    try:
        if has_contacts(conn) and not args.replace:
            raise UsageError(f"profile {args.profile!r} already holds contacts; "
                             "choose another --profile or add --replace to erase it")
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
    print(f"Demo profile {args.profile!r} ready with {contacts} contacts: {path}")
    return 0
