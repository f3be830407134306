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

from workbook.io.export import write_csv

ARCHIVE_FORMAT = "networking-workbook-profile"
FORMAT_VERSION = 1
JSON_MEMBER = "profile.json"
CSV_FOLDER = "tables"
# SQLite's INTEGER range: a larger number in an archive is damage, not data.
_INT_RANGE = range(-2**63, 2**63)
# Why an archive cannot be restored (i18n: `export.archive.<code>`).
ARCHIVE_ERRORS = ("not_archive", "newer", "truncated", "damaged", "bad_value")

Progress = Callable[[int, int], None]


class ArchiveError(Exception):
    """An archive that cannot be restored: `code` in `ARCHIVE_ERRORS`, `detail` a short hint
    in English (the table, the value) for the command line and the log."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


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
    naming our format near its start); never raises."""
    try:
        with open(path, "rb") as f:
            head = f.read(512)
            if head.startswith(b"PK"):
                f.seek(0)
                with zipfile.ZipFile(f) as zf:
                    return JSON_MEMBER in zf.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and \
        ARCHIVE_FORMAT.encode() in head


def read_archive(path: str | Path, newest_schema: int) -> ProfileArchive:
    """An archive read and checked (format, versions, shape, values), or `ArchiveError`.
    `newest_schema`: the schema version this workbook knows; a later one is `newer`."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            if f.read(2) == b"PK":
                f.seek(0)
                data = _json_member(f)
            else:
                f.seek(0)
                data = f.read()
    except OSError as problem:
        raise ArchiveError("not_archive", str(problem)) from None
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ArchiveError("not_archive", "not UTF-8 text") from None
    except ValueError as problem:
        # every archive ends with its closing brace: without it, the copy was cut short
        code = "truncated" if data.rstrip()[-1:] != b"}" else "damaged"
        raise ArchiveError(code, str(problem)) from None
    return _checked(document, newest_schema)


def _json_member(f) -> bytes:
    try:
        with zipfile.ZipFile(f) as zf:
            if JSON_MEMBER not in zf.namelist():
                raise ArchiveError("not_archive", f"no {JSON_MEMBER} in the zip")
            return zf.read(JSON_MEMBER)
    except (zipfile.BadZipFile, EOFError) as problem:
        raise ArchiveError("truncated", str(problem)) from None
    except zipfile.LargeZipFile as problem:
        raise ArchiveError("damaged", str(problem)) from None


def _checked(document, newest_schema: int) -> ProfileArchive:
    if not isinstance(document, dict) or document.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError("not_archive", "no workbook format marker")
    version, schema = document.get("format_version"), document.get("schema_version")
    if not isinstance(version, int) or not isinstance(schema, int) or schema < 1:
        raise ArchiveError("damaged", "format or schema version missing")
    if version > FORMAT_VERSION or schema > newest_schema:
        raise ArchiveError("newer", f"format {version}, schema {schema}")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ArchiveError("damaged", "no tables")
    found = []
    for name, body in tables.items():
        if not isinstance(body, dict) or not isinstance(body.get("columns"), list) \
                or not isinstance(body.get("rows"), list):
            raise ArchiveError("damaged", f"table {name}")
        columns = body["columns"]
        for row in body["rows"]:
            if not isinstance(row, list) or len(row) != len(columns):
                raise ArchiveError("damaged", f"a row of {name} does not fit its columns")
            for column, value in zip(columns, row):
                if not _storable(value):
                    raise ArchiveError("bad_value", f"{name}.{column}: {str(value)[:40]}")
        found.append(Table(str(name), [str(c) for c in columns], body["rows"]))
    return ProfileArchive(schema, found, str(document.get("profile") or ""),
                          str(document.get("exported_at") or ""),
                          str(document.get("workbook_version") or ""))


def _storable(value) -> bool:
    """A value SQLite stores as written: null, text, a float, an integer within 64 bits."""
    if value is None or isinstance(value, str | float):
        return True
    return isinstance(value, int) and value in _INT_RANGE
