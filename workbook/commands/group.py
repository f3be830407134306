"""Coach's group commands: `workbook group import-card FILE [--profile COACH] [--group NAME]`.

import-card reads a participant's progress card (the .json file, or a text file holding the
pasted text) and stores it for the group's latest session. A card from another group, edited
by hand, cut short or from a newer workbook is refused with one sentence; nothing changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.commands import UsageError, open_with_language
from workbook.i18n import LANGUAGES
from workbook.paths import DEFAULT_PROFILE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                parser_class=type(parser))
    card = sub.add_parser("import-card", help="cli.arg.group.import_card",
                          formatter_class=parser.formatter_class)
    card.add_argument("file", help="cli.arg.group.file")
    card.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    card.add_argument("--group", help="cli.arg.group.group")
    card.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    from workbook.domain.progress_card import MAX_CARD_BYTES, CardError
    from workbook.services import group as service
    from workbook.store import group as store

    conn, tr = open_with_language(args.profile, lang=args.lang)
    try:
        path = Path(args.file)
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_CARD_BYTES + 1)
        except OSError:
            raise UsageError(tr("group.cli.unreadable_file", path=path)) from None
        group = service.group_by_name(conn, args.group)
        if group is None:
            groups = store.list_groups(conn)
            if args.group:
                store.create_group(conn, args.group)
                group = service.group_by_name(conn, args.group)
            elif groups:
                raise UsageError(tr("group.cli.no_group",
                                    groups=", ".join(g["name"] for g in groups)))
            else:
                raise UsageError(tr("group.cli.no_groups"))
        past = store.sessions(conn, group["id"])
        try:
            done = service.import_card(conn, group, past[-1]["id"] if past else None, data)
        except CardError as problem:
            raise UsageError(f"{path}: " + tr(f"group.card_error.{problem.code}",
                                               detail=problem.detail)) from None
        except store.GroupConflict as problem:
            raise UsageError(f"{path}: " + tr(f"group.conflict.{problem.code}",
                                               detail=problem.detail)) from None
    finally:
        conn.close()
    key = "group.cli.imported_new" if done.added else "group.cli.imported"
    print(tr(key, name=done.participant, group=group["name"]))
    return 0
