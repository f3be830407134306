"""CSV that Excel opens as is (UTF-8 with a byte-order mark, CRLF): the contacts export,
and each table of a whole-profile zip.

Values starting with `=`, `+`, `-`, `@` (or a tab or carriage return) get a leading
apostrophe so a spreadsheet shows them as text instead of running them as formulas
(OWASP "CSV Injection"); `workbook.io.rows.clean` removes it again on re-import.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from workbook.store.exports import export_frame

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell value safe from formula injection (OWASP CSV Injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(out: BinaryIO, columns: list[str], rows: Iterable[Iterable]) -> None:
    """A table as CSV for Excel to the binary stream `out`: text neutralised, numbers as
    they are, NULL as an empty cell."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([neutralise(v) if isinstance(v, str) else ("" if v is None else v)
                      for v in row] for row in rows)
    text.flush()
    text.detach()


def export_contacts(conn: sqlite3.Connection, path: str | Path) -> int:
    """Write every contact of the profile to `path` (columns of
    `workbook.store.exports.export_frame`); returns the number of contacts written. The file
    is written beside the target and renamed, so a failure never leaves half a file."""
    frame = export_frame(conn)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "wb") as out:
            write_csv(out, list(frame.columns), frame.itertuples(index=False, name=None))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return len(frame)
