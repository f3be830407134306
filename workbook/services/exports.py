"""Exporting: the flow `workbook export` and the pages' downloads share.

Formats (`FORMATS`): `json` — the whole profile, lossless, restorable; `zip` — that JSON
plus one CSV per table; `xlsx` — one sheet per table; `csv` — the contacts, for Excel;
`vcf` — the contacts as vCards for phone and mail apps. The format comes from the option,
else from the file's extension.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from workbook import __version__
from workbook.domain.errors import CodedError
from workbook.store.archive import dump_tables, schema_version
from workbook.store.exports import EXPORT_COLUMNS, export_rows

if TYPE_CHECKING:
    from workbook.io.archive import ProfileArchive

FORMATS = ("json", "zip", "xlsx", "csv", "vcf")
PROFILE_FORMATS = ("zip", "json", "xlsx")        # every table (a page offers zip first)
CONTACT_FORMATS = ("csv", "vcf")                 # the contacts
MIME_TYPES = {"json": "application/json", "zip": "application/zip",
              "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "csv": "text/csv", "vcf": "text/vcard"}
_EXTENSIONS = {".json": "json", ".zip": "zip", ".xlsx": "xlsx", ".csv": "csv",
               ".vcf": "vcf", ".vcard": "vcf"}

Progress = Callable[[int, int], None]


# Why an export cannot be made (i18n: `export.error.<code>`); nothing was written.
EXPORT_ERRORS = ("unknown_format", "file_exists", "not_a_file", "cannot_write", "disk_full",
                 "bad_value")


class ExportError(CodedError):
    """An export that cannot be made: `code` in `EXPORT_ERRORS`; nothing was written."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote: the format, the contacts in it, the rows of every table."""

    format: str
    contacts: int
    rows: int


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """`fmt` if given, else the format of the file's extension; `ExportError`
    (`unknown_format`) when neither says."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError("unknown_format", fmt)
        return fmt
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise ExportError("unknown_format", Path(path).suffix or str(path))
    return found


def write_export(conn: sqlite3.Connection, out: BinaryIO, fmt: str, *,
                 role_label: Callable[[str], str] = str, profile: str = "",
                 progress: Progress | None = None) -> Exported:
    """Write the profile (or its contacts) in format `fmt` to the binary stream `out`."""
    # workbook.io brings pandas: imported on the first export, not by every page that
    # offers one (the home page's start-up).
    from workbook.io.archive import write_json, write_zip
    from workbook.io.export import write_csv

    if fmt in CONTACT_FORMATS:
        rows = export_rows(conn)
        if fmt == "csv":
            write_csv(out, list(EXPORT_COLUMNS), rows)
        else:
            from workbook.io.vcard_export import write_vcards
            write_vcards(out, [dict(zip(EXPORT_COLUMNS, row)) for row in rows], role_label,
                         progress)
        if progress:
            progress(len(rows), len(rows))
        return Exported(fmt, len(rows), len(rows))
    archive = profile_archive(conn, profile)
    rows = sum(len(t.rows) for t in archive.tables)
    try:
        if fmt == "json":
            write_json(out, archive, progress)
        elif fmt == "zip":
            write_zip(out, archive, progress)
    except ValueError:              # NaN or Infinity, written by a workbook that let them in
        raise ExportError("bad_value", _first_non_finite(archive)) from None
    if fmt == "xlsx":
        from workbook.io.xlsx_export import write_xlsx
        write_xlsx(out, [(t.name, t.columns, t.rows) for t in archive.tables], progress, rows)
    contacts = next((len(t.rows) for t in archive.tables if t.name == "contacts"), 0)
    return Exported(fmt, contacts, rows)


def _first_non_finite(archive: ProfileArchive) -> str:
    """`table.column` of the first number JSON cannot write (NaN, Infinity)."""
    for table in archive.tables:
        for row in table.rows:
            for column, value in zip(table.columns, row):
                if isinstance(value, float) and not math.isfinite(value):
                    return f"{table.name}.{column}"
    return ""


def profile_archive(conn: sqlite3.Connection, profile: str = "") -> ProfileArchive:
    """Every table of the profile, as an archive to write."""
    from workbook.io.archive import ProfileArchive, Table

    tables = [Table(name, columns, rows) for name, columns, rows in dump_tables(conn)]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ProfileArchive(schema_version(conn), tables, profile, stamp, __version__)


def export_to_file(conn: sqlite3.Connection, path: str | Path, fmt: str | None = None, *,
                   force: bool = False, role_label: Callable[[str], str] = str,
                   profile: str = "", progress: Progress | None = None) -> Exported:
    """Export to `path`, whole or not at all: written beside it then renamed, so a failure
    leaves neither half a file nor a changed one. Only a new name or (with `force`) a regular
    file is written: never a link, a device or a folder (`workbook.io.files.replacing`).
    `ExportError`: `file_exists` without `force`, `not_a_file`, `disk_full`, `cannot_write`,
    `unknown_format`, `bad_value` (a value JSON cannot carry)."""
    from workbook.io.files import FileRefused, replacing

    fmt = format_for(path, fmt)
    try:
        with replacing(path, force=force) as out:
            return write_export(conn, out, fmt, role_label=role_label, profile=profile,
                                progress=progress)
    except FileRefused as problem:
        code = {"exists": "file_exists", "not_a_file": "not_a_file"}.get(problem.code,
                                                                          "cannot_write")
        raise ExportError(code, str(path)) from None
    except OSError as problem:
        code = "disk_full" if problem.errno in (errno.ENOSPC, errno.EDQUOT) else "cannot_write"
        raise ExportError(code, f"{path}: {problem.strerror or problem}") from None


def export_bytes(conn: sqlite3.Connection, fmt: str, *, role_label: Callable[[str], str] = str,
                 profile: str = "", progress: Progress | None = None) -> tuple[bytes, Exported]:
    """The export as bytes, for a page's download link."""
    out = io.BytesIO()
    done = write_export(conn, out, fmt, role_label=role_label, profile=profile,
                        progress=progress)
    return out.getvalue(), done


def file_name(profile: str, fmt: str, scope: str = "") -> str:
    """A download's file name: `workbook-<profile>[-<scope>]-<date>.<fmt>`."""
    parts = ["workbook", profile, scope, dt.date.today().isoformat()]
    return "-".join(p for p in parts if p) + f".{fmt}"


def download(conn: sqlite3.Connection, fmt: str, *, profile: str,
             role_label: Callable[[str], str] = str, progress: Progress | None = None
             ) -> tuple[bytes, str, str, int]:
    """A page's download: `(content, file name, mime type, rows exported)`."""
    content, done = export_bytes(conn, fmt, role_label=role_label, profile=profile,
                                 progress=progress)
    scope = "contacts" if fmt in CONTACT_FORMATS else ""
    return content, file_name(profile, fmt, scope), MIME_TYPES[fmt], done.rows
