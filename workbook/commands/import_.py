"""Import contacts from a LinkedIn, Google, Outlook, vCard or CSV export.

Re-importing a file adds nothing; a newer export updates what changed. Look-alike contacts
are proposed for merging, never merged. Each import is a batch: `--list` shows them,
`--undo N` erases batch N's contacts (and puts back what it changed). A whole-profile
archive (.json or .zip from `workbook export`) is restored as a new profile instead.
A failed import leaves no new profile behind.
"""

from __future__ import annotations

import argparse
import os

from workbook.commands import UsageError, messages, open_with_language
from workbook.i18n import LANGUAGES, Translator
from workbook.io import FORMATS, ImportFileError
from workbook.io.files import shown_name
from workbook.paths import DEFAULT_PROFILE, profile_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="cli.arg.import.file")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--format", default="auto", choices=("auto", *FORMATS),
                        help="cli.arg.import.format")
    parser.add_argument("--details", action="store_true", help="cli.arg.import.details")
    parser.add_argument("--list", action="store_true", help="cli.arg.import.list")
    parser.add_argument("--undo", type=int, metavar="BATCH", help="cli.arg.import.undo")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    if not args.file and not args.list and args.undo is None:
        raise UsageError(messages(args)("cli.error.import_what"))
    if args.file and not args.list and args.undo is None:
        return _import_file(args)
    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        if args.list:
            return _list(conn, tr)
        return _undo(conn, tr, args.undo)
    finally:
        conn.close()


def _import_file(args: argparse.Namespace) -> int:
    from workbook.io.archive import is_profile_archive
    from workbook.services.profiles import removed_if_failed

    if is_profile_archive(args.file) and not profile_path(args.profile).exists():
        from workbook.commands.import_profile import restore
        return restore(args.file, args.profile, args.lang)
    with removed_if_failed(args.profile):        # the import only: not the printing after
        conn, tr = open_with_language(args.profile, lang=args.lang)
        try:
            report = _import(conn, tr, args)
        finally:
            conn.close()
    _print_report(report, tr, args)
    return 0


def _import(conn, tr: Translator, args: argparse.Namespace):
    from workbook.io.summary import describe_error
    from workbook.services.imports import import_file

    try:
        report = import_file(conn, args.file, fmt=args.format)
    except ImportFileError as problem:
        detail = f" ({shown_name(problem.detail)})" if problem.detail else ""
        raise UsageError(f"{shown_name(args.file)}: {describe_error(problem, tr)}{detail}") \
            from None
    return report


def _print_report(report, tr: Translator, args: argparse.Namespace) -> None:
    from workbook.io.summary import describe_report, describe_rows

    print(describe_report(report, tr, shown_name(os.path.basename(args.file))))
    if args.details:
        for line in describe_rows(report, tr):
            print(f"  {line}")


def _list(conn, tr: Translator) -> int:
    from workbook.store.batches import list_batches

    batches = list_batches(conn)
    if batches.empty:
        print(tr("import.batches_none"))
    for b in batches.itertuples(index=False):
        print(tr("import.batch_line", batch=b.batch_id, when=b.imported_at, file=b.file_name,
                 format=tr(f"import.format.{b.source_format}"), added=b.rows_added,
                 updated=b.rows_updated, contacts=b.contacts))
    return 0


def _undo(conn, tr: Translator, batch: int) -> int:
    from workbook.store.batches import undo_import

    try:
        erased = undo_import(conn, batch)
    except KeyError:
        raise UsageError(tr("import.error.unknown_batch", batch=batch)) from None
    print(tr("import.undo_done", batch=batch, count=erased))
    return 0
