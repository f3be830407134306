"""`import_file`: read an export and store it in a profile as one undoable batch."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from workbook.domain.records import ImportReport
from workbook.io.files import shown_name
from workbook.io.reader import gc_paused, parse_text, read_text
from workbook.store.imports import Progress, import_contacts


def import_file(conn: sqlite3.Connection, path: str | Path, fmt: str = "auto",
                progress: Progress | None = None, file_name: str | None = None) -> ImportReport:
    """Read `path` (see `read_contacts`) and store its contacts in one transaction.

    `file_name`: the name to record for the batch (the upload widget's original name; the
    file's own name by default). `progress(done, total)` is called about every 1% of the rows
    while they are stored, then once with done == total. Returns an `ImportReport`.
    Raises `ImportFileError` before writing anything when the file cannot be read; the
    profile is unchanged whenever an exception leaves this function.
    """
    with gc_paused():
        text, encoding, data = read_text(path)
        result = parse_text(text, fmt, encoding)
        if progress:
            progress(0, len(result.contacts))
        return import_contacts(conn, result, shown_name(file_name or Path(path).name),
                               hashlib.sha256(data).hexdigest(), progress)
