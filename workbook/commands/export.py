"""Export a profile: the whole of it (json, zip, xlsx) or its contacts (csv, vcf).

The format comes from --format, else from FILE's extension:
  json  every table, lossless; `workbook import-profile FILE` restores it
  zip   that JSON plus one CSV per table
  xlsx  one sheet per table, for Excel (text kept as text, dates as dates)
  csv   the contacts, UTF-8 for Excel, formulas neutralised
  vcf   the contacts as vCard 3.0 for phone and mail apps
"""

from __future__ import annotations

import argparse

from workbook.commands import UsageError, open_with_language
from workbook.i18n import LANGUAGES
from workbook.paths import DEFAULT_PROFILE
from workbook.services.exports import FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="cli.arg.export.file")
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--format", choices=FORMATS, help="cli.arg.export.format")
    parser.add_argument("--force", action="store_true", help="cli.arg.force")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def run(args: argparse.Namespace) -> int:
    from workbook.io.files import shown_name
    from workbook.services.exports import ExportError, export_to_file, format_for

    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang,
                                  reading_only=True)
    try:
        try:
            fmt = format_for(args.file, args.format)
            done = export_to_file(conn, args.file, fmt, force=args.force,
                                  role_label=lambda code: tr(f"vocab.role.{code}"),
                                  profile=args.profile)
        except ExportError as problem:
            raise UsageError(tr(f"export.error.{problem.code}", path=shown_name(args.file),
                                detail=problem.detail)) from None
    finally:
        conn.close()
    print(tr("export.done", path=shown_name(args.file), format=fmt, contacts=done.contacts,
             rows=done.rows))
    return 0
