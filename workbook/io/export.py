"""CSV that Excel opens as is (UTF-8 with a byte-order mark, CRLF): the contacts export,
and each table of a whole-profile zip.

Values starting with `=`, `+`, `-`, `@` (or a tab or carriage return) get a leading
apostrophe so a spreadsheet shows them as text instead of running them as formulas
(OWASP "CSV Injection"); `workbook.io.rows.clean` removes it again on re-import.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from workbook.io.files import replacing
from workbook.store.exports import EXPORT_COLUMNS, export_rows

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RISKY = frozenset(_FORMULA_START)


def write_csv(out: BinaryIO, columns: list[str], rows: Iterable[Iterable]) -> None:
    """A table as CSV for Excel to the binary stream `out`: text starting like a formula
    gets its apostrophe, numbers are written as they are, NULL as an empty cell."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([("'" + v if v[:1] in _RISKY else v) if isinstance(v, str)
                      else ("" if v is None else v) for v in row] for row in rows)
    text.flush()
    text.detach()


def export_contacts(conn: sqlite3.Connection, path: str | Path) -> int:
    """Write every contact of the profile to `path` (columns of
    `workbook.store.exports.export_rows`); returns the number of contacts written. The file
    is written beside the target and renamed, so a failure never leaves half a file; only a
    regular file is replaced (`workbook.io.files.replacing`)."""
    rows = export_rows(conn)
    with replacing(path, force=True) as out:
        write_csv(out, list(EXPORT_COLUMNS), rows)
    return len(rows)
