"""Fill a profile with a realistic demo persona (invented people).

Refuses a profile that already holds contacts unless --replace is given: a job seeker's
real network is never overwritten by accident.
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError
from workbook.demo import fill_demo, has_data
from workbook.paths import DEMO_PROFILE, check_profile_name, profile_path
from workbook.store import open_profile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEMO_PROFILE,
                        help=f"profile to fill (default: {DEMO_PROFILE})")
    parser.add_argument("--replace", action="store_true",
                        help="erase the profile first if it already holds data")


def run(args: argparse.Namespace) -> int:
    path = profile_path(check_profile_name(args.profile))
    conn = open_profile(args.profile)
    if has_data(conn):
        if not args.replace:
            conn.close()
            raise UsageError(f"profile {args.profile!r} already holds contacts; "
                             "choose another --profile or add --replace to erase it")
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        conn = open_profile(args.profile)
    try:
        fill_demo(conn)
        contacts = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    finally:
        conn.close()
    print(f"Demo profile {args.profile!r} ready with {contacts} contacts: {path}")
    return 0
