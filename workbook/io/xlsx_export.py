"""A profile as an Excel workbook (.xlsx): one sheet per table, for people who live in Excel.

- text is written as text, never as a formula: a value a spreadsheet would run or
  reinterpret (starting with `= + - @`, a tab or a carriage return — OWASP "CSV Injection")
  is also marked with Excel's quote prefix, so editing the cell keeps it text;
- phone numbers and codes stay as typed (`0612…`, `+33…`, `007`): stored text is never turned
  into a number;
- ISO dates and times in date columns (`…_on`, `…_at`, `birthday`, `week_start`) become
  Excel dates; a birthday without a year (`03-14`) stays text;
- the header row is frozen and bold, columns are sized to their content (capped).

Written with XlsxWriter in constant-memory mode: rows stream to the file, so 30,000
contacts take about a second and little memory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import BinaryIO

import xlsxwriter

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")
_DATE_COLUMN = re.compile(r"(_on|_at|^birthday|^week_start|_date)$")
MAX_WIDTH = 60
MAX_CELL_CHARS = 32_767          # Excel's limit; the JSON export keeps longer notes whole
SHEET_NAME_CHARS = 31


def is_date_column(name: str) -> bool:
    """Whether a column holds dates (ISO text in the profile): `connected_on`, `created_at`,
    `birthday`, `week_start`…"""
    return bool(_DATE_COLUMN.search(name))


def write_xlsx(out: BinaryIO, tables: Iterable[tuple[str, list[str], list]],
               progress: Callable[[int, int], None] | None = None, total: int = 0) -> None:
    """One sheet per `(table, columns, rows)`, written to the binary stream `out`."""
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False,
                                     "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    header = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    quoted = book.add_format({"quote_prefix": True})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    done = 0
    for table, columns, rows in tables:
        sheet = book.add_worksheet(table[:SHEET_NAME_CHARS])
        sheet.freeze_panes(1, 0)
        widths = [len(c) + 2 for c in columns]
        dated = [is_date_column(c) for c in columns]
        # constant-memory mode writes row by row: column widths must be set before any row
        for r in rows[:500]:
            for c, value in enumerate(r):
                if value is not None:
                    widths[c] = max(widths[c], min(len(str(value)) + 2, MAX_WIDTH))
        for c, width in enumerate(widths):
            sheet.set_column(c, c, 12 if dated[c] else width)
        sheet.write_row(0, 0, columns, header)
        write_string, write_number = sheet.write_string, sheet.write_number
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    if dated[c] and _write_date(sheet, r, c, value, date, stamp):
                        continue
                    text = value[:MAX_CELL_CHARS]
                    if text.startswith(_FORMULA_START):
                        write_string(r, c, text, quoted)
                    else:
                        write_string(r, c, text)
                else:
                    write_number(r, c, value)
        done += len(rows)
        if progress:
            progress(done, total or done)
        if rows:
            sheet.autofilter(0, 0, len(rows), len(columns) - 1)
    book.close()


def _write_date(sheet, r: int, c: int, value: str, date, stamp) -> bool:
    if value[:4] < "1900":                    # before Excel's calendar starts: kept as text
        return False
    try:
        if _DATE.match(value):
            sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), date)
            return True
        if _DATETIME.match(value):
            sheet.write_datetime(r, c, dt.datetime.fromisoformat(value.replace(" ", "T")),
                                 stamp)
            return True
    except ValueError:
        pass                                  # "2024-02-30" stays the text it is
    return False
