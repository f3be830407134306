"""Reading a whole-profile archive (`workbook.io.archive`) as a stream, with bounds.

An archive is outside input: a copy cut short, a disk error, an edit by hand or a file made to
hurt. It is read in chunks of `CHUNK_BYTES`, one JSON value at a time (the header's values,
then each table's columns, then its rows one by one), so memory holds one chunk and one row,
not the file: a restore writes the rows into the new profile as they come. Bounds, refused
with `too_large` as soon as they are passed: `MAX_ARCHIVE_BYTES` of JSON (a zip's member
counted uncompressed), `MAX_ROWS_PER_TABLE`, `MAX_FIELD_CHARS` per value. Rows are checked as
imports check theirs: values SQLite stores as written (no NaN, no Infinity, integers within
64 bits), and a contact's name with at least one visible character.

The header must come before `tables` (the workbook writes it first; `jq -S` keeps that
order): the schema version says how to create the tables the rows go into.
"""

from __future__ import annotations

import codecs
import json
import lzma
import math
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workbook.domain.errors import CodedError
from workbook.domain.names import has_visible_character
from workbook.io.files import FileRefused, open_regular

ARCHIVE_FORMAT = "networking-workbook-profile"
FORMAT_VERSION = 1
JSON_MEMBER = "profile.json"
# Why an archive cannot be restored (i18n: `export.archive.<code>`).
ARCHIVE_ERRORS = ("not_archive", "not_a_file", "newer", "truncated", "damaged", "bad_value",
                  "too_large", "encrypted")

# A profile of 30,000 contacts with a year of exchanges is a 12 MB archive: the bounds leave
# room for forty times that, and for notes the length of a book chapter.
MAX_ARCHIVE_BYTES = 512 * 1024 * 1024
MAX_ROWS_PER_TABLE = 5_000_000
MAX_FIELD_CHARS = 1_000_000
MAX_COLUMNS = 200
CHUNK_BYTES = 1024 * 1024
_MAX_ROW_CHARS = 4 * MAX_FIELD_CHARS              # one row being read
_MAX_HEAD_CHARS = 64 * 1024                       # a header value, a table's name or columns
# SQLite's INTEGER range: a larger number in an archive is damage, not data.
_INT_RANGE = range(-2**63, 2**63)
_INT_LOW, _INT_HIGH = -2**63, 2**63 - 1
# Columns holding a person's name: a name nobody can see is refused, as imports refuse it.
NAME_COLUMNS = {("contacts", "full_name")}
_SPACE = re.compile(r"[ \t\n\r]*")
_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


class ArchiveError(CodedError):
    """An archive that cannot be restored: `code` in `ARCHIVE_ERRORS`, `detail` a short hint
    in English (the table, the value) for the command line and the log."""


class _BadNumber(ValueError):
    """NaN, Infinity or a float beyond the double range, met while decoding."""


def _refuse_constant(name: str):
    raise _BadNumber(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(text)
    return value


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite)


@dataclass(frozen=True)
class ArchiveHead:
    """What an archive says about itself before its tables."""

    schema_version: int
    profile: str = ""
    exported_at: str = ""
    workbook_version: str = ""


class _Text:
    """The archive's text arriving chunk by chunk; `value()` decodes the next JSON value."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer = ""
        self.at = 0
        self.eof = False
        self.read = 0

    def _more(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self._raw.read(CHUNK_BYTES)
        except (zipfile.BadZipFile, EOFError) as problem:
            raise ArchiveError("truncated", str(problem)) from None
        except (zlib.error, lzma.LZMAError, OSError, RuntimeError, NotImplementedError) as problem:
            raise ArchiveError("damaged", str(problem)) from None
        self.read += len(chunk)
        if self.read > MAX_ARCHIVE_BYTES:
            raise ArchiveError("too_large", f"more than {MAX_ARCHIVE_BYTES} bytes of JSON")
        try:
            text = self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise ArchiveError("not_archive", "not UTF-8 text") from None
        self.eof = not chunk
        self.buffer = self.buffer[self.at:] + text
        self.at = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the text)."""
        while True:
            self.at = _SPACE.match(self.buffer, self.at).end()
            if self.at < len(self.buffer) or not self._more():
                return self.buffer[self.at:self.at + 1]

    def expect(self, char: str, where: str) -> None:
        found = self.peek()
        if found != char:
            raise ArchiveError("truncated" if not found else "damaged",
                               f"{where}: expected {char!r}")
        self.at += 1

    def then(self, close: str, where: str) -> bool:
        """After a member: True when a `,` announces another, False at `close`."""
        found = self.peek()
        if found in (",", close):
            self.at += 1
            return found == ","
        raise ArchiveError("truncated" if not found else "damaged", f"{where}: expected ','")

    def value(self, limit: int, where: str):
        """The next JSON value, of at most `limit` characters."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.at)
            except _BadNumber as problem:
                raise ArchiveError("bad_value", f"{where}: {problem}") from None
            except RecursionError:
                raise ArchiveError("damaged", f"{where}: nested too deep") from None
            except json.JSONDecodeError as problem:
                if self.eof:
                    raise ArchiveError("truncated", f"{where}: {problem.msg}") from None
                # an error well before the end of what was read is damage, not a cut
                if not problem.msg.startswith("Unterminated") and \
                        problem.pos < len(self.buffer) - 8:
                    raise ArchiveError("damaged", f"{where}: {problem.msg}") from None
            except ValueError as problem:              # an integer of thousands of digits
                raise ArchiveError("bad_value", f"{where}: {str(problem)[:60]}") from None
            else:
                # a number or a literal may go on in the next chunk; nothing else can
                if end < len(self.buffer) or self.eof or self.buffer[end - 1] in '"]}':
                    if end - self.at > limit:
                        raise ArchiveError("too_large", f"{where}: over {limit} characters")
                    self.at = end
                    return value
            if len(self.buffer) - self.at > limit:
                raise ArchiveError("too_large", f"{where}: over {limit} characters")
            self._more()

    def end(self) -> None:
        if self.peek():
            raise ArchiveError("damaged", "text after the archive's end")


class ArchiveStream:
    """An archive being read: `head` (read on opening), then `tables()` once, each table's
    rows read as they are consumed. Use as a context manager (it holds the file open)."""

    def __init__(self, raw: BinaryIO, newest_schema: int, closing: list):
        self._text = _Text(raw)
        self._closing = closing
        self._rest: dict = {}
        self.head = self._read_head(newest_schema)

    def __enter__(self) -> ArchiveStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for thing in reversed(self._closing):
            thing.close()
        self._closing = []

    def _read_head(self, newest_schema: int) -> ArchiveHead:
        text = self._text
        if text.peek() != "{":
            raise ArchiveError("not_archive", "not a JSON object")
        text.at += 1
        head: dict = {}
        while text.peek() != "}":
            key = text.value(_MAX_HEAD_CHARS, "header")
            text.expect(":", "header")
            if key == "tables":
                return _checked_head(head, newest_schema)
            head[key] = text.value(_MAX_HEAD_CHARS, f"header {str(key)[:20]}")
            if head.get("format", ARCHIVE_FORMAT) != ARCHIVE_FORMAT:
                raise ArchiveError("not_archive", "no workbook format marker")
            if not text.then("}", "header"):
                break
        _checked_head(head, newest_schema)
        raise ArchiveError("damaged", "no tables")

    def tables(self) -> Iterator[tuple[str, list[str], Iterator[list]]]:
        """`(table, columns, rows)` in the archive's order; a table's rows must be read (or
        left) before the next table is asked for. Every check of the text after the last
        table is made before the last `next()` returns."""
        text = self._text
        text.expect("{", "tables")
        seen: set[str] = set()
        if text.peek() == "}":
            text.at += 1
        else:
            while True:
                name = text.value(_MAX_HEAD_CHARS, "table name")
                if not isinstance(name, str) or name in seen:
                    raise ArchiveError("damaged", f"table name {str(name)[:40]}")
                seen.add(name)
                text.expect(":", name)
                rows = self._table(name)
                yield from rows
                if not text.then("}", "tables"):
                    break
        while text.then("}", "archive"):                 # header members after the tables
            key = text.value(_MAX_HEAD_CHARS, "header")
            text.expect(":", "header")
            self._rest[key] = text.value(_MAX_HEAD_CHARS, "header")
        text.end()

    def _table(self, name: str) -> Iterator[tuple[str, list[str], Iterator[list]]]:
        text = self._text
        text.expect("{", name)
        columns = None
        had_rows = False
        if text.peek() == "}":
            text.at += 1
        else:
            while True:
                key = text.value(_MAX_HEAD_CHARS, name)
                text.expect(":", name)
                if key == "columns":
                    columns = _checked_columns(name, text.value(_MAX_HEAD_CHARS, name))
                elif key == "rows":
                    if columns is None or had_rows:
                        raise ArchiveError("damaged", f"table {name}: rows before its columns")
                    had_rows = True
                    rows = _Rows(text, name, columns)
                    yield name, columns, iter(rows)
                    rows.drain()
                else:
                    text.value(_MAX_ROW_CHARS, name)     # a member this version ignores
                if not text.then("}", name):
                    break
        if not had_rows:
            raise ArchiveError("damaged", f"table {name}")


class _Rows:
    """One table's rows, decoded and checked one at a time."""

    def __init__(self, text: _Text, table: str, columns: list[str]):
        self._text = text
        self._table = table
        self._columns = columns
        self._names = [i for i, c in enumerate(columns) if (table, c) in NAME_COLUMNS]
        self._done = False
        self._count = 0
        text.expect("[", table)
        if text.peek() == "]":
            text.at += 1
            self._done = True

    def __iter__(self) -> Iterator[list]:
        text, table, width = self._text, self._table, len(self._columns)
        while not self._done:
            row = text.value(_MAX_ROW_CHARS, table)
            self._count += 1
            if self._count > MAX_ROWS_PER_TABLE:
                raise ArchiveError("too_large", f"{table}: over {MAX_ROWS_PER_TABLE} rows")
            if type(row) is not list or len(row) != width:
                raise ArchiveError("damaged", f"a row of {table} does not fit its columns")
            for value in row:                 # the common case first: each value is plain
                kind = type(value)
                if kind is str:
                    if len(value) > MAX_FIELD_CHARS:
                        break
                elif kind is int:
                    if not _INT_LOW <= value <= _INT_HIGH:
                        break
                elif value is not None and kind is not float:
                    break
            else:
                kind = None
            if kind is not None:
                self._refuse(row)
            for at in self._names:
                if not isinstance(row[at], str) or not has_visible_character(row[at]):
                    raise ArchiveError("bad_value", f"{table}.{self._columns[at]}: a name "
                                       f"with no visible character (row {self._count})")
            self._done = not text.then("]", table)
            yield row

    def _refuse(self, row: list) -> None:
        """Say which value of `row` cannot be restored, and why."""
        for column, value in zip(self._columns, row):
            where = f"{self._table}.{column}"
            if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                raise ArchiveError("too_large", f"{where}: {len(value)} characters")
            if not _storable(value):
                raise ArchiveError("bad_value", f"{where}: {str(value)[:40]}")

    def drain(self) -> None:
        """Read what the consumer left, so the text is at the table's end."""
        for _ in self:
            pass


def _checked_head(head: dict, newest_schema: int) -> ArchiveHead:
    if head.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError("not_archive", "no workbook format marker")
    version, schema = head.get("format_version"), head.get("schema_version")
    if not _whole(version) or not _whole(schema) or version < 1 or schema < 1:
        raise ArchiveError("damaged", f"format version {version}, schema version {schema}")
    if version > FORMAT_VERSION or schema > newest_schema:
        raise ArchiveError("newer", f"format {version}, schema {schema}")
    return ArchiveHead(schema, *(_text(head.get(k)) for k in ("profile", "exported_at",
                                                              "workbook_version")))


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _checked_columns(table: str, columns) -> list[str]:
    if not isinstance(columns, list) or not columns or len(columns) > MAX_COLUMNS \
            or not all(isinstance(c, str) and c for c in columns) \
            or len(set(columns)) != len(columns):
        raise ArchiveError("damaged", f"the columns of {table}")
    return columns


def _storable(value) -> bool:
    """A value SQLite stores as written: null, text, a float (the decoder refused the
    non-finite ones), an integer within 64 bits."""
    if value is None or isinstance(value, str | float):
        return True
    return _whole(value) and value in _INT_RANGE


def open_archive(path: str | Path, newest_schema: int) -> ArchiveStream:
    """The archive at `path` (our JSON, or a zip holding it) opened and its header checked,
    or `ArchiveError`. `newest_schema`: the schema version this workbook knows; a later one
    is `newer`."""
    try:
        handle = open_regular(path)
    except FileRefused as problem:
        code = "not_a_file" if problem.code == "not_a_file" else "not_archive"
        raise ArchiveError(code, str(problem.detail)) from None
    closing: list = [handle]
    try:
        if handle.read(2) == b"PK":
            handle.seek(0)
            raw = _json_member(handle, closing)
        else:
            handle.seek(0)
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_ARCHIVE_BYTES:             # refused before reading it
                raise ArchiveError("too_large", f"{size} bytes of JSON")
            raw = handle
        return ArchiveStream(raw, newest_schema, closing)
    except BaseException:
        for thing in reversed(closing):
            thing.close()
        raise


def _json_member(handle: BinaryIO, closing: list) -> BinaryIO:
    """The zip's `profile.json`, opened for streaming after its entry was checked."""
    try:
        zf = zipfile.ZipFile(handle)
        closing.append(zf)
        try:
            info = zf.getinfo(JSON_MEMBER)
        except KeyError:
            raise ArchiveError("not_archive", f"no {JSON_MEMBER} in the zip") from None
        if info.flag_bits & 0x1:
            raise ArchiveError("encrypted", JSON_MEMBER)
        if info.compress_type not in _ZIP_METHODS:
            raise ArchiveError("damaged", f"compression method {info.compress_type}")
        if info.file_size > MAX_ARCHIVE_BYTES:
            raise ArchiveError("too_large", f"{info.file_size} bytes of JSON")
        member = zf.open(info)
    except (zipfile.BadZipFile, EOFError) as problem:
        raise ArchiveError("truncated", str(problem)) from None
    except (zipfile.LargeZipFile, zlib.error, lzma.LZMAError, OSError, RuntimeError,
            NotImplementedError, ValueError) as problem:
        raise ArchiveError("damaged", str(problem)) from None
    closing.append(member)
    return member
