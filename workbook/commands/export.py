"""Export every contact of a profile to a CSV file (UTF-8, opens in Excel).

Values that a spreadsheet would run as formulas (starting with = + - @) are written with a
leading apostrophe; importing the file back removes it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.commands import UsageError, open_with_language
from workbook.paths import DEFAULT_PROFILE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the CSV file to write")
    parser.add_argument("--profile", default=DEFAULT_PROFILE,
                        help=f"profile to export (default: {DEFAULT_PROFILE})")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from workbook.io.export import export_contacts

    path = Path(args.file)
    conn, tr = open_with_language(args.profile, must_exist=True)
    try:
        if path.exists() and not args.force:
            raise UsageError(tr("import.error.file_exists", path=path))
        try:
            count = export_contacts(conn, path)
        except OSError:
            raise UsageError(tr("import.error.cannot_write", path=path)) from None
    finally:
        conn.close()
    print(tr("import.export_done", count=count, path=path))
    return 0
