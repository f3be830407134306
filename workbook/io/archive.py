"""Whole-profile archives: every table of a profile in one JSON file (or a zip holding that
JSON plus one CSV per table, for people who open tables one by one).

The JSON is the lossless format (the right to data portability: the data in a structured,
commonly used, machine-readable form). Its shape, version `FORMAT_VERSION`:

    {"format": "networking-workbook-profile", "format_version": 1, "schema_version": 4,
     "workbook_version": "0.1.0", "exported_at": "2026-12-01T21:00:00Z", "profile": "demo",
     "tables": {"contacts": {"columns": ["id", "full_name", …], "rows": [[1, "Ada", …], …]},
                …}}

one row per line. Values are JSON null, numbers or text, as SQLite holds them (dates are
ISO text). `schema_version` says which migrations had run: an archive from an older
workbook is restored at its own version, then upgraded like any profile.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workbook.io.archive_reader import (
    ARCHIVE_ERRORS,
    ARCHIVE_FORMAT,
    FORMAT_VERSION,
    JSON_MEMBER,
    ArchiveError,
    open_archive,
)
from workbook.io.export import write_csv
from workbook.io.files import FileRefused, open_regular

__all__ = ["ARCHIVE_ERRORS", "ARCHIVE_FORMAT", "FORMAT_VERSION", "ArchiveError", "ProfileArchive",
           "Table", "is_profile_archive", "open_archive", "read_archive", "write_json",
           "write_zip"]

CSV_FOLDER = "tables"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Table:
    """One table of an archive: its column names and its rows (lists of values)."""

    name: str
    columns: list[str]
    rows: list[list]


@dataclass(frozen=True)
class ProfileArchive:
    """A read archive: what `write_json` wrote."""

    schema_version: int
    tables: list[Table]
    profile: str = ""
    exported_at: str = ""
    workbook_version: str = ""


# ---------------------------------------------------------------- writing

def write_json(out: BinaryIO, archive: ProfileArchive, progress: Progress | None = None) -> None:
    """The archive as UTF-8 JSON, one row per line (a diff or a text editor can read it)."""
    total = sum(len(t.rows) for t in archive.tables) or 1
    done = 0
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    head = {"format": ARCHIVE_FORMAT, "format_version": FORMAT_VERSION,
            "schema_version": archive.schema_version,
            "workbook_version": archive.workbook_version, "exported_at": archive.exported_at,
            "profile": archive.profile}
    text.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
    dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    for n, table in enumerate(archive.tables):
        text.write(("," if n else "") + f"\n{dumps(table.name)}: {{\"columns\": "
                   f"{dumps(table.columns)}, \"rows\": [")
        step = 5000
        for start in range(0, len(table.rows), step):
            part = table.rows[start:start + step]
            text.write(("," if start else "") + "\n" + ",\n".join(map(dumps, part)))
            done += len(part)
            if progress:
                progress(done, total)
        text.write("]}")
    text.write("\n}}\n")
    text.detach()


def write_zip(out: BinaryIO, archive: ProfileArchive, progress: Progress | None = None) -> None:
    """A zip holding `profile.json` (what restores) and `tables/<table>.csv` per table
    (UTF-8 with BOM, formulas neutralised, for a spreadsheet)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open(JSON_MEMBER, "w", force_zip64=True) as member:
            write_json(member, archive, progress)
        for table in archive.tables:
            with zf.open(f"{CSV_FOLDER}/{table.name}.csv", "w", force_zip64=True) as member:
                write_csv(member, table.columns, table.rows)



# ---------------------------------------------------------------- reading

def is_profile_archive(path: str | Path) -> bool:
    """Whether `path` looks like one of our archives (a zip holding `profile.json`, or JSON
    naming our format near its start); never raises, never waits (a pipe is no archive)."""
    try:
        with open_regular(path) as f:
            head = f.read(512)
            if head.startswith(b"PK"):
                f.seek(0)
                with zipfile.ZipFile(f) as zf:
                    return JSON_MEMBER in zf.namelist()
    except (FileRefused, OSError, zipfile.BadZipFile, ValueError, EOFError):
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and \
        ARCHIVE_FORMAT.encode() in head


def read_archive(path: str | Path, newest_schema: int) -> ProfileArchive:
    """An archive read whole and checked (format, versions, shape, values, bounds), or
    `ArchiveError`. A restore streams instead (`open_archive`); this is for small files and
    tests."""
    with open_archive(path, newest_schema) as stream:
        tables = [Table(name, columns, list(rows)) for name, columns, rows in stream.tables()]
        head = stream.head
    return ProfileArchive(head.schema_version, tables, head.profile, head.exported_at,
                          head.workbook_version)
