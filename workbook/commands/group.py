"""Coach's group commands: `workbook group import-card FILE [--profile COACH] [--group NAME]
[--as MEMBER | --new]`.

import-card reads a participant's progress card (the .json file, or a text file holding the
pasted text) and stores it for the group's latest session. A sender the roster does not know
joins it as a new member (and the command says so), unless a member's name is close: then it
refuses and names the choices (--as MEMBER, --new). A card from another group, edited by
hand, cut short, with an odd field or from a newer workbook is refused with one sentence;
nothing changes (no profile, group or member is created).
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
    who = card.add_mutually_exclusive_group()
    who.add_argument("--as", dest="as_member", metavar="MEMBER", help="cli.arg.group.as")
    who.add_argument("--new", action="store_true", help="cli.arg.group.new")
    card.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    """Read and check the card before the profile is opened: a refused card leaves no
    profile, no group and no member behind."""
    from workbook.commands import message_translator
    from workbook.domain.progress_card import MAX_CARD_BYTES, CardError
    from workbook.io.files import FileRefused, read_regular, shown_name
    from workbook.paths import check_profile_name, profile_path
    from workbook.services import group as service
    from workbook.store import group as store

    tr = message_translator(args.lang, args.profile)
    path = Path(args.file)
    try:
        data = read_regular(path, MAX_CARD_BYTES)          # a pipe or a device: refused at once
    except FileRefused as problem:
        key = "cli.error.not_a_file" if problem.code == "not_a_file" else \
            "group.cli.unreadable_file"
        raise UsageError(tr(key, path=shown_name(path))) from None
    except OSError:
        raise UsageError(tr("group.cli.unreadable_file", path=shown_name(path))) from None
    try:
        card = service.read_card(data)
        if args.group:
            service.check_group(card, store.slugify(args.group))
    except CardError as problem:
        raise UsageError(f"{path}: " + tr(f"group.card_error.{problem.code}",
                                           detail=problem.detail)) from None
    if not profile_path(check_profile_name(args.profile)).exists() and not args.group:
        raise UsageError(tr("group.cli.no_groups"))
    conn, tr = open_with_language(args.profile, lang=args.lang)
    try:
        group = service.group_by_name(conn, args.group)
        if group is None and args.group:
            group, done = service.import_card_in_new_group(conn, args.group, card)
        elif group is None:
            groups = store.list_groups(conn)
            raise UsageError(tr("group.cli.no_group", groups=", ".join(
                g["name"] for g in groups)) if groups else tr("group.cli.no_groups"))
        else:
            done = _import(conn, tr, path, group, card, args)
    finally:
        conn.close()
    key = "group.cli.imported_new" if done.added else "group.cli.imported"
    print(tr(key, name=done.participant, group=group["name"]))
    return 0


def _import(conn, tr, path: Path, group: dict, card, args: argparse.Namespace):
    """The card for the group's latest session: for a member named with --as, a new member
    with --new; without either, a sender the roster does not know joins it unless a
    member's name is close (then the coach chooses)."""
    from workbook.domain.names import fold
    from workbook.services import group as service
    from workbook.store import group as store

    past = store.sessions(conn, group["id"])
    session = past[-1]["id"] if past else None
    roster = store.participants(conn, group["id"], include_removed=True)
    member = None
    if args.as_member:
        member = next((p["id"] for p in roster
                       if fold(p["display_name"]) == fold(args.as_member)), None)
        if member is None:
            raise UsageError(tr("group.cli.no_member", name=args.as_member, names=", ".join(
                p["display_name"] for p in roster) or "—"))
    try:
        return service.import_card(conn, group, session, card, member=member, new=args.new)
    except service.SenderUnknown as unknown:
        names = {p["id"]: p["display_name"] for p in roster}
        close = [names[pid] for pid in unknown.suggestions]
        if unknown.code == "unknown_sender" and not close:
            return service.import_card(conn, group, session, card, new=True)
        if unknown.code == "card_id_taken":
            raise UsageError(f"{path}: " + tr("group.cli.card_id_taken", name=card.participant,
                                               holder=unknown.holder["display_name"])) from None
        raise UsageError(f"{path}: " + tr("group.cli.close_names", name=card.participant,
                                           names=", ".join(close),
                                           first=close[0])) from None
    except store.GroupConflict as problem:
        raise UsageError(f"{path}: " + tr(f"group.conflict.{problem.code}",
                                           detail=problem.detail)) from None
