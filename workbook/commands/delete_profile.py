"""Erase a whole profile for good, with its backups, after you type its name.

`--confirm NAME` answers the question in advance (for scripts).
"""

from __future__ import annotations

import argparse
import sys

from workbook.commands import UsageError, message_translator
from workbook.i18n import LANGUAGES
from workbook.paths import check_profile_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="cli.arg.delete_profile.name")
    parser.add_argument("--confirm", metavar="NAME", help="cli.arg.delete_profile.confirm")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    from workbook.services.profiles import delete_profile, profile_files

    name = check_profile_name(args.name)
    tr = message_translator(args.lang, args.name)
    files = profile_files(name)
    if not files:
        raise UsageError(tr("export.delete.no_profile", profile=name))
    typed = args.confirm
    if typed is None:
        print(tr.count("export.delete.question", len(files), profile=name), end="", flush=True)
        typed = sys.stdin.readline().strip()
    if typed != name:
        raise UsageError(tr("export.delete.mismatch"))
    removed = delete_profile(name)
    print(tr.count("export.delete.done", len(removed), profile=name))
    return 0
