"""CSV exports: find the header, then read every row under it.

Rules (pure functions over the decoded text):
- the header is the first row, among the first `HEADER_SEARCH_ROWS`, whose column names fit
  a known export — LinkedIn puts a "Notes:" paragraph of varying wording and blank lines
  above it, so no fixed number of lines is skipped;
- the separator is the one (`,` `;` or tab) under which that header is recognised best:
  French Excel writes `;` because `,` is its decimal mark;
- quoting follows RFC 4180 (quoted commas, quotes and line breaks); a quote left open or
  followed by text refuses the whole file (`broken_quoting`): guessing would shift columns;
- blank rows (Excel and LinkedIn leave some at the end) are ignored; a row with more filled
  cells than the header has columns is skipped (`extra_fields`).
"""

from __future__ import annotations

import csv
import io
import itertools

from workbook.domain.records import ImportFileError, SkippedRow
from workbook.escaping import shorten
from workbook.io.dates import infer_day_first
from workbook.io.formats import MULTI_SEPARATOR, Layout, layout_for
from workbook.io.rows import Collected, collect

HEADER_SEARCH_ROWS = 60
DELIMITERS = (",", ";", "\t")
_SNIFF_CHARS = 256 * 1024


def _records(text: str, delimiter: str):
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def find_header(text: str, fmt: str = "auto") -> tuple[str, int, Layout]:
    """`(delimiter, index of the header record, layout)`, or `ImportFileError`
    (`wrong_columns` when a header-like row names no contact field, `no_header` otherwise)."""
    head = text[:_SNIFF_CHARS]
    best: tuple[int, str, int, Layout] | None = None
    first_row: list[str] | None = None
    for delimiter in DELIMITERS:
        reader = _records(head, delimiter)
        try:
            for index, record in enumerate(itertools.islice(reader, HEADER_SEARCH_ROWS)):
                filled = sum(1 for cell in record if cell.strip())
                if not filled:
                    continue
                if first_row is None and filled >= 2:
                    first_row = record
                layout = layout_for(record, fmt)
                if layout is not None:
                    if best is None or layout.recognised > best[0]:
                        best = (layout.recognised, delimiter, index, layout)
                    break
        except csv.Error:
            pass                          # a cut quoted field at the end of the sample
    if best is not None:
        return best[1], best[2], best[3]
    if fmt != "auto":
        found = _guess_other(head)
        if found:
            raise ImportFileError("wrong_columns", f"this looks like a {found} export, "
                                  f"not {fmt}")
    if first_row is not None:
        names = ", ".join(shorten(c, 30) for c in first_row[:8])
        raise ImportFileError("wrong_columns", f"columns found: {names}")
    raise ImportFileError("no_header", "no row of column names")


def _guess_other(head: str) -> str | None:
    try:
        _, _, layout = find_header(head, "auto")
    except ImportFileError:
        return None
    return layout.format


def _labelled(cells: list[str], pairs) -> list[str]:
    """Values of Google's numbered columns, primary (`* …` label) first, ` ::: ` split."""
    primary, others = [], []
    for label_at, value_at in pairs:
        if not cells[value_at].strip():
            continue
        values = cells[value_at].split(MULTI_SEPARATOR)
        labels = cells[label_at].split(MULTI_SEPARATOR) if label_at is not None else []
        for n, value in enumerate(values):
            label = labels[n] if n < len(labels) else ""
            (primary if label.strip().startswith("*") else others).append(value.strip())
    return [v for v in primary + others if v]


def _website(urls: list[str]) -> str:
    for url in urls:
        if "linkedin." in url.casefold():
            return url
    return urls[0] if urls else ""


def _first_filled(columns: list[tuple[str, ...]], multi: bool) -> list[str]:
    """Per row, the first non-blank value among a field's candidate columns; with `multi`
    (Google), ` ::: ` multi-values keep their first value."""
    values = list(columns[0])
    for other in columns[1:]:
        values = [v if v.strip() else o for v, o in zip(values, other)]
    if multi and MULTI_SEPARATOR in "\n".join(values):
        values = [v.split(MULTI_SEPARATOR, 1)[0] for v in values]
    return values


def _rows_under_header(reader, header_index: int, width: int, skipped: list[SkippedRow]
                       ) -> tuple[list[int], list[list[str]]]:
    """The rows under the header, each with the file line it starts on: blank rows dropped,
    short rows padded to `width` cells, rows with extra filled cells skipped (`extra_fields`).
    The file is read in one tight loop; only the few odd rows are looked at one by one."""
    first = 0
    rows: list[list[str]] = []
    ends: list[int] = []
    try:
        for _ in range(header_index + 1):
            next(reader)
        first = reader.line_num + 1
        for cells in reader:
            rows.append(cells)
            ends.append(reader.line_num)
    except csv.Error as problem:
        if "field larger than field limit" in str(problem):
            raise ImportFileError("field_too_long", f"line {reader.line_num}") from None
        start = ends[-1] + 1 if ends else first
        raise ImportFileError("broken_quoting", f"line {start}: {problem}") from None
    lines = [first] + [end + 1 for end in ends[:-1]] if ends else []
    odd = [i for i, cells in enumerate(rows) if len(cells) != width or not cells[0].strip()]
    dropped: set[int] = set()
    for i in odd:
        cells = rows[i]
        if not "".join(cells).strip():
            dropped.add(i)                       # blank rows: Excel's and LinkedIn's tails
        elif len(cells) > width and "".join(cells[width:]).strip():
            skipped.append(SkippedRow(lines[i], "extra_fields",
                                      f"{len(cells)} cells for {width} columns"))
            dropped.add(i)
        else:
            rows[i] = cells[:width] + [""] * (width - len(cells))
    if dropped:
        rows = [cells for i, cells in enumerate(rows) if i not in dropped]
        lines = [line for i, line in enumerate(lines) if i not in dropped]
    return lines, rows


def read_table(text: str, fmt: str = "auto") -> tuple[str, Collected]:
    """`(format, collected rows)` of a CSV export (see the module's rules)."""
    delimiter, header_index, layout = find_header(text, fmt)
    width = layout.width
    skipped: list[SkippedRow] = []
    lines, rows = _rows_under_header(_records(text, delimiter), header_index, width, skipped)
    by_column = list(zip(*rows)) if rows else [()] * width
    multi = layout.format == "google"
    fields = {name: _first_filled([by_column[i] for i in indexes], multi)
              for name, indexes in layout.columns.items() if name != "labels"}
    if layout.labelled and rows:
        picked = {kind: [_labelled(cells, pairs) for cells in rows]
                  for kind, pairs in layout.labelled.items()}
        for kind, target in (("email", "email"), ("phone", "phone")):
            if kind in picked:
                own = fields.get(target) or [""] * len(rows)
                fields[target] = [o or (p[0] if p else "") for o, p in zip(own, picked[kind])]
        if "website" in picked:
            own = fields.get("profile_url") or [""] * len(rows)
            fields["profile_url"] = [o or _website(p) for o, p in zip(own, picked["website"])]
    del rows, by_column                          # the columns are all that is needed now
    day_first = layout.day_first
    dated = fields.get("birthday", []) + fields.get("connected_on", [])
    if layout.format in ("outlook", "csv") and dated:
        day_first = infer_day_first(dated, layout.day_first)
    return layout.format, collect(lines, fields, day_first, skipped)
