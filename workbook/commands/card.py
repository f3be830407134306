"""Write my progress card (what I share with my group's coach) to FILE.

The card holds counts, scores, my one-liner and, only with --with, organisation names; never
a contact's name, e-mail, phone, notes or exchanges. What it holds is printed first.
Sections: positioning, network, routine, press, targets, introductions (the last two are
opt-in: add them with --with targets,introductions). The card carries my name as my group
knows it: said once with --name NAME, kept in my profile for the next cards.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from workbook.commands import UsageError, open_with_language
from workbook.i18n import LANGUAGES
from workbook.paths import DEFAULT_PROFILE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="cli.arg.card.file")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--without", default="", help="cli.arg.card.without")
    parser.add_argument("--with", dest="with_", default="", help="cli.arg.card.with")
    parser.add_argument("--group", default="", help="cli.arg.card.group")
    parser.add_argument("--name", help="cli.arg.card.name")
    parser.add_argument("--text", action="store_true", help="cli.arg.card.text")
    parser.add_argument("--force", action="store_true", help="cli.arg.force")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def _sections(text: str, tr) -> set[str]:
    from workbook.domain.progress_card import SECTIONS

    names = {n.strip() for n in text.split(",") if n.strip()}
    for name in names:
        if name not in SECTIONS:
            raise UsageError(tr("card.cli.unknown_section", name=name,
                                sections=", ".join(SECTIONS)))
    return names


def run(args: argparse.Namespace) -> int:
    from workbook.domain.progress_card import OPT_IN_SECTIONS, SECTIONS, card_bytes, card_text
    from workbook.io.files import FileRefused, replacing, shown_name
    from workbook.services.card import build_card, describe_card, saved_name, set_name
    from workbook.store.group import slugify

    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        include = (set(SECTIONS) - set(OPT_IN_SECTIONS) | _sections(args.with_, tr)) \
            - _sections(args.without, tr)
        if args.name is not None:
            if not set_name(conn, args.name):
                raise UsageError(tr("card.cli.bad_name"))
        elif not saved_name(conn):
            raise UsageError(tr("card.cli.no_name"))
        card = build_card(conn, args.profile, dt.date.today(),
                          group=slugify(args.group) if args.group.strip() else "",
                          include=include)
        for _section, line in describe_card(card, tr):
            print(line)
        print(tr("card.preview.never"))
        readable = [line for _section, line in describe_card(card, tr)] \
            + ["", tr("card.share.text_block")]
        closing = [tr("card.share.text_end")]
        if args.file == "-":
            print(card_text(card, readable, closing), end="")
            return 0
        path = Path(args.file)
        try:
            with replacing(path, force=args.force) as out:
                out.write(card_text(card, readable, closing).encode("utf-8") if args.text
                          else card_bytes(card))
        except FileRefused as problem:
            key = {"exists": "card.cli.file_exists",
                   "not_a_file": "cli.error.not_a_file"}.get(problem.code, "card.cli.cannot_write")
            raise UsageError(tr(key, path=shown_name(path))) from None
        except OSError:
            raise UsageError(tr("card.cli.cannot_write", path=shown_name(path))) from None
    finally:
        conn.close()
    print(tr("card.cli.written", path=path))
    return 0
