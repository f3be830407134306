"""Export every contact as a CSV that Excel opens as is (UTF-8 with a byte-order mark).

Values starting with `=`, `+`, `-`, `@` (or a tab or carriage return) get a leading
apostrophe so a spreadsheet shows them as text instead of running them as formulas
(OWASP "CSV Injection"); `workbook.io.rows.clean` removes it again on re-import.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from workbook.store.exports import export_frame

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell value safe from formula injection (OWASP CSV Injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_contacts(conn: sqlite3.Connection, path: str | Path) -> int:
    """Write every contact of the profile to `path` (columns of
    `workbook.store.exports.export_frame`); returns the number of contacts written. The file
    is written beside the target and renamed, so a failure never leaves half a file."""
    frame = export_frame(conn)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    with open(partial, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(frame.columns)
        for row in frame.itertuples(index=False, name=None):
            writer.writerow([neutralise(v) for v in row])
    partial.replace(path)
    return len(frame)
