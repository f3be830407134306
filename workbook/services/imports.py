"""Importing a contacts file: the flow the network page and `workbook import` share."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbook.domain.records import ImportFileError, ImportReport
from workbook.io.archive import is_profile_archive
from workbook.io.importer import import_file as read_and_store
from workbook.store.db import problem_kind
from workbook.store.imports import Progress

# SQLite's refusals an import can meet, as the import error the page and the command show.
_STORE_PROBLEMS = {"busy": "busy", "disk_full": "disk_full", "read_only": "read_only",
                   "cannot_open": "read_only"}


def import_file(conn: sqlite3.Connection, path: str | Path, fmt: str = "auto",
                progress: Progress | None = None, file_name: str | None = None
                ) -> ImportReport:
    """Read a contacts export and store it in one transaction (see `workbook.io.import_file`).

    A whole-profile archive (made by `workbook export … --format json|zip`) is not a contact
    list: it is refused with `ImportFileError("profile_archive")` — it is restored as a new
    profile instead (`workbook.services.profiles.restore_profile`). So is a file with no
    readable record (`nothing_readable`, with the reasons), before anything is written.
    When the profile refuses the write (another writer past the busy timeout, a full disk,
    read-only media), the import is rolled back whole and refused with `busy`, `disk_full` or
    `read_only`.
    """
    if is_profile_archive(path):
        raise ImportFileError("profile_archive", "a whole-profile archive, not a contact list")
    try:
        return read_and_store(conn, path, fmt, progress, file_name)
    except sqlite3.OperationalError as problem:
        code = _STORE_PROBLEMS.get(problem_kind(problem))
        if code is None:
            raise
        raise ImportFileError(code, str(problem)) from None
